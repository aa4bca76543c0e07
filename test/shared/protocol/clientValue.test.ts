// The cleaning every client payload and option goes through before any schema sees it.
import { describe, expect, it } from 'vitest';
import { MAX_DEPTH, MAX_VALUES, cleanClientValue, quoted, wellFormed } from '../../../shared/index.js';

describe('wellFormed', () => {
  it.each([
    ['x\uD800y', 'x\uFFFDy'],
    ['\uDC00', '\uFFFD'],
    ['a\uD83D', 'a\uFFFD'],
    ['😀 ok', '😀 ok'],
    ['\uDE00\uD83D', '\uFFFD\uFFFD'],
  ])('%j becomes %j', (input, output) => expect(wellFormed(input)).toBe(output));
});

describe('quoted', () => {
  it('clips, escapes control characters and bidirectional overrides, and says the length', () => {
    expect(quoted('abc')).toBe('"abc"');
    expect(quoted('a\nb\u001b[31m\u202e')).toBe('"a\\u000ab\\u001b[31m\\u202e"');
    expect(quoted('y'.repeat(100), 10)).toBe('"yyyyyyyyyy…" (100 characters)');
  });
});

describe('cleanClientValue', () => {
  it('keeps plain JSON values, as fresh objects with well-formed text', () => {
    const input = { type: 'chat', text: 'x\uD800', list: [1, true, null, { k: 'v' }] };
    const out = cleanClientValue(input);
    expect(out).toEqual({ ok: true, value: { type: 'chat', text: 'x\uFFFD', list: [1, true, null, { k: 'v' }] } });
    expect(out.ok && out.value).not.toBe(input);
    expect(cleanClientValue(undefined)).toEqual({ ok: true, value: undefined });
    expect(cleanClientValue({ ['k\uDC00']: 1 })).toEqual({ ok: true, value: { 'k\uFFFD': 1 } });
    // A field set to undefined (msgpack carries it) is a field left out, as JSON has it.
    expect(cleanClientValue({ channel: 'team', to: undefined })).toEqual({ ok: true, value: { channel: 'team' } });
  });

  it.each([
    [
      'a __proto__ key',
      JSON.parse('{"a":{"__proto__":{"x":1}}}') as unknown,
      /payload\.a: the key "__proto__" is not allowed/,
    ],
    ['a constructor key', { constructor: 1 }, /the key "constructor" is not allowed/],
    ['bytes', { b: new Uint8Array(3) }, /payload\.b: binary or typed data/],
    ['a date', [new Date(0)], /payload\.0: binary or typed data/],
    ['a map', new Map(), /binary or typed data/],
    ['a bigint', { n: 1n }, /payload\.n: bigint is not a JSON value/],
    ['undefined in an array', [1, undefined], /payload\.1: undefined is not a JSON value/],
    [
      'nesting past the limit',
      JSON.parse('['.repeat(MAX_DEPTH + 1) + ']'.repeat(MAX_DEPTH + 1)) as unknown,
      /nested deeper than 8/,
    ],
    ['too many values', Array(MAX_VALUES).fill(0), /more than 500 values/],
  ])('refuses %s with ERR_MALFORMED naming it', (_what, input, why) => {
    const out = cleanClientValue(input);
    expect(out.ok).toBe(false);
    if (!out.ok) {
      expect(out.error.code).toBe('ERR_MALFORMED');
      expect(out.error.message).toMatch(why);
    }
  });

  it('accepts nesting up to the limit', () => {
    const depth = MAX_DEPTH;
    expect(cleanClientValue(JSON.parse('['.repeat(depth) + ']'.repeat(depth)) as unknown).ok).toBe(true);
  });
});
