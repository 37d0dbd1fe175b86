import * as assert from 'node:assert/strict';
import { CloudflareApiError } from '../../../src/cloudflare/errors';
import type * as CloudflareErrors from '../../../src/cloudflare/errors';
import { ProbeError } from '../../../src/probe/errors';
import type * as ProbeErrors from '../../../src/probe/errors';
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

  it('recognises errors thrown by another bundle\'s copy of its classes', () => {
    // Each bundle loaded on first use (src/shared/lazy.ts) has its own copy of these
    // classes: a second load of the modules stands for dist/cloudflare.js's copy.
    const paths = ['../../../src/shared/appError', '../../../src/cloudflare/errors', '../../../src/probe/errors'].map((id) => require.resolve(id));
    const saved = paths.map((file) => require.cache[file]);
    for (const file of paths) delete require.cache[file];
    try {
      /* eslint-disable @typescript-eslint/no-require-imports -- a second, separate copy of the modules */
      const copy = require('../../../src/cloudflare/errors') as typeof CloudflareErrors;
      const probeCopy = require('../../../src/probe/errors') as typeof ProbeErrors;
      /* eslint-enable @typescript-eslint/no-require-imports */
      const foreign = new copy.CloudflareApiError('not_found', 'Not found', { status: 404 });
      assert.equal(foreign instanceof CloudflareApiError, false, 'a copy of the class: instanceof misses it');
      assert.ok(CloudflareApiError.is(foreign));
      assert.ok(AppError.is(foreign));
      assert.ok(!ProbeError.is(foreign));
      const probeFailure = new probeCopy.ProbeError('timeout', 'No answer', 'connect');
      assert.ok(ProbeError.is(probeFailure));
      assert.ok(AppError.is(probeFailure));
      assert.ok(!CloudflareApiError.is(probeFailure));
    } finally {
      paths.forEach((file, index) => {
        const module = saved[index];
        if (module === undefined) delete require.cache[file];
        else require.cache[file] = module;
      });
    }
  });
});
