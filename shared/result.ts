// Rule failures are values, never exceptions (STYLE.md principle 4).
import type { ErrorCode } from './protocol/errors.js';

export interface RuleError {
  readonly code: ErrorCode;
  /** Plain words for the person who sent the command: what was wrong and why. */
  readonly message: string;
}

export type Result<T, E = RuleError> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

export const ok = <T>(value: T): Result<T, never> => ({ ok: true, value });

export const fail = (code: ErrorCode, message: string): Result<never> => ({
  ok: false,
  error: { code, message },
});
