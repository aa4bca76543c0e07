// Compares a presented secret with the real one in constant time (no early exit to time).
import { timingSafeEqual } from 'node:crypto';

export const sameSecret = (given: string, expected: string): boolean => {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};
