// What a client sends is untrusted data: before any schema, rule, journal or encoder sees it, it
// becomes a plain JSON-like value of bounded depth and size, with well-formed text and no key
// that means something to JavaScript itself.
import { type Result, fail, ok } from '../result.js';

/** Deeper than any command (an allocation is 3 levels); deep nesting only costs the server. */
export const MAX_DEPTH = 8;
/**
 * Values in one payload, counting every object, array and leaf: an allocation has a few dozen, the
 * largest theater's under a hundred; zod's time grows with it (2,000 keys cost ~5 ms).
 */
export const MAX_VALUES = 500;
/** Keys a client may never use: they name the prototype chain, not data. */
export const FORBIDDEN_KEYS: readonly string[] = ['__proto__', 'constructor', 'prototype'];

// A high surrogate without a low one after it, or a low one without a high one before it.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * The text with each lone surrogate replaced by U+FFFD. The Schema encoder would otherwise pair a
 * lone surrogate with the next character and lose it ('x\uD800y' reaching others as 'x𐁹').
 */
export const wellFormed = (text: string): string => text.replace(LONE_SURROGATE, '\uFFFD');

// Control characters (C0, DEL, C1) and the text-direction marks, embeddings, overrides and isolates:
// shown as escapes in quotes, refused in names.
// eslint-disable-next-line no-control-regex
const UNPRINTABLE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Whether the text has none of the characters `printable` escapes (for names others read). */
export const isPrintable = (text: string): boolean => text.search(UNPRINTABLE) === -1;

/**
 * A client's text inside one of our messages or log lines: clipped to `max` characters (with an
 * ellipsis) and unprintable characters escaped. Never put a client's text in a message any other way.
 */
export const printable = (text: string, max: number): string =>
  wellFormed(text.length > max ? `${text.slice(0, max)}…` : text).replace(
    UNPRINTABLE,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );

/** A client's string in quotes, printable, with its length when it was clipped. */
export const quoted = (text: string, max = 40): string =>
  `"${printable(text, max)}"${text.length > max ? ` (${text.length} characters)` : ''}`;

const isPlainObject = (value: object): value is Record<string, unknown> => {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
};

/**
 * The payload as a fresh plain value (null, booleans, numbers, strings, arrays, plain objects),
 * or ERR_MALFORMED naming what is wrong: too deep, too many values, a forbidden key, or a value
 * JSON has no word for (bytes, dates, maps, extensions).
 */
export const cleanClientValue = (value: unknown, what = 'payload'): Result<unknown> => {
  let count = 0;
  let problem: string | null = null;
  const walk = (v: unknown, depth: number, path: string): unknown => {
    if (problem) return undefined;
    if (++count > MAX_VALUES) {
      problem = `${what}: more than ${MAX_VALUES} values`;
      return undefined;
    }
    if (v === null || typeof v === 'boolean' || typeof v === 'number') return v;
    if (typeof v === 'string') return wellFormed(v);
    if (typeof v !== 'object') {
      problem = `${path}: ${typeof v} is not a JSON value`;
      return undefined;
    }
    if (depth >= MAX_DEPTH) {
      problem = `${what}: nested deeper than ${MAX_DEPTH} levels`;
      return undefined;
    }
    if (Array.isArray(v)) return v.map((item, i) => walk(item, depth + 1, `${path}.${i}`));
    if (!isPlainObject(v)) {
      problem = `${path}: binary or typed data is not accepted (send plain JSON values)`;
      return undefined;
    }
    const out: Record<string, unknown> = {};
    for (const [rawKey, item] of Object.entries(v)) {
      // msgpack carries undefined; a field set to it means the field is absent, as in JSON.
      if (item === undefined) continue;
      const key = wellFormed(rawKey);
      if (FORBIDDEN_KEYS.includes(key)) {
        problem = `${path}: the key ${quoted(key)} is not allowed`;
        return undefined;
      }
      out[key] = walk(item, depth + 1, `${path}.${printable(key, 32)}`);
    }
    return out;
  };
  // A message sent without a payload arrives as undefined; only the schema after this can refuse it.
  if (value === undefined) return ok(undefined);
  const cleaned = walk(value, 0, what);
  return problem ? fail('ERR_MALFORMED', problem) : ok(cleaned);
};
