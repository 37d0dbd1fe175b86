import * as assert from 'node:assert/strict';
import * as fc from 'fast-check';
import { maxChainDepth, maxMessageLength, maxMessages, parseEnvelope } from '../../../src/cloudflare/envelope';
import { maxJsonDepth, nestedDeeperThan } from '../../../src/cloudflare/jsonDepth';

/** Nesting of a parsed JSON value, counted as the scanner counts brackets. */
function depthOf(value: unknown): number {
  if (Array.isArray(value)) return 1 + Math.max(0, ...value.map(depthOf));
  if (typeof value === 'object' && value !== null) return 1 + Math.max(0, ...Object.values(value).map(depthOf));
  return 0;
}

/** An error envelope whose `error_chain` goes `depth` levels down, `width` entries wide at each level, built as text. */
function chainText(depth: number, width: number, message: string): string {
  const sibling = `{"code":7,"message":${JSON.stringify(message)}},`.repeat(width);
  const open = `${sibling}{"code":1000,"message":${JSON.stringify(message)},"error_chain":[`.repeat(depth);
  return `{"success":false,"errors":[${open}{"code":6111,"message":"root"}${']}'.repeat(depth)}],"result":null}`;
}

function checkBounds(text: string): void {
  const envelope = parseEnvelope(text);
  if (envelope === undefined) return;
  for (const list of [envelope.errors, envelope.messages]) {
    assert.ok(list.length <= maxMessages);
    for (const entry of list) {
      assert.equal(typeof entry.code, 'number');
      assert.ok(typeof entry.message === 'string' && entry.message.length <= maxMessageLength);
    }
  }
}

describe('envelope parsing under fuzzing', () => {
  it('cuts long messages and stops at its message count', () => {
    const errors = Array.from({ length: 500 }, (_, index) => ({ code: index, message: 'x'.repeat(5000) }));
    const envelope = parseEnvelope(JSON.stringify({ success: false, errors }));
    assert.equal(envelope?.errors.length, maxMessages);
    assert.equal(envelope.errors[0]?.message.length, maxMessageLength);
  });

  it('never throws and keeps its bounds on any JSON, any text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.jsonValue().map((value) => JSON.stringify(value)), fc.string(), fc.json()), (text) => checkBounds(text)),
      { numRuns: 500 },
    );
  });

  it('never throws on error_chain of any depth and width, and reads chains down to its limit', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20_000 }), fc.integer({ min: 0, max: 3 }), fc.string({ maxLength: 40 }), (depth, width, message) => {
        const text = chainText(depth, width, message);
        checkBounds(text);
        const envelope = parseEnvelope(text);
        if (2 * depth + 3 <= maxJsonDepth && width === 0) {
          // Shallow enough to be read: each parent, then its chain, down to the limit.
          assert.equal(envelope?.errors.length, Math.min(depth, maxChainDepth) + 1);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('measures nesting exactly like the parsed value, strings with brackets and escapes included', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), fc.integer({ min: 0, max: 10 }), (value, max) => {
        assert.equal(nestedDeeperThan(JSON.stringify(value), max), depthOf(value) > max);
      }),
      { numRuns: 1000 },
    );
  });
});
