import * as assert from 'node:assert/strict';
import { AppError, isCancellation } from '../../../src/shared/appError';

describe('AppError', () => {
  it('keeps a stable code, its subclass name and the cause', () => {
    class ProbeFailure extends AppError<'timeout'> {}
    const cause = new Error('socket hang up');
    const error = new ProbeFailure('timeout', 'No answer within 5 s', { cause });
    assert.equal(error.code, 'timeout');
    assert.equal(error.name, 'ProbeFailure');
    assert.equal(error.cause, cause);
    assert.ok(AppError.is(error));
    assert.ok(!AppError.is(cause));
  });

  it('recognises cancellation from an AbortSignal and from a typed error', () => {
    const controller = new AbortController();
    controller.abort();
    assert.ok(isCancellation(controller.signal.reason));
    assert.ok(isCancellation(new AppError('cancelled', 'Cancelled')));
    assert.ok(!isCancellation(new AppError('timeout', 'Timed out')));
  });
});
