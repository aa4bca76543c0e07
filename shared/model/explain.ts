// "Explain every number": each rule returns its value with the named terms that produced it.

/** One named contribution to a number. */
export interface Term {
  readonly label: string;
  readonly value: number;
}

/** A number and its breakdown. Invariant: the terms sum to the value (a clamp shows as a term). */
export interface Explained {
  readonly value: number;
  readonly terms: Term[];
}

/** Rounds for display and storage so breakdowns stay readable and replays stay compact. */
export const round = (x: number, places = 3): number => {
  const f = 10 ** places;
  return Math.round(x * f) / f;
};

export const clamp = (x: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, x));

export const clamp01 = (x: number): number => clamp(x, 0, 1);

/**
 * Sums the terms, clamps to [lo, hi], and records the clamp as its own term so the breakdown
 * still adds up to the value shown.
 */
export const explainSum = (terms: Term[], lo: number, hi: number): Explained => {
  const raw = terms.reduce((sum, t) => sum + t.value, 0);
  const value = clamp(raw, lo, hi);
  if (value === raw) return { value, terms };
  return { value, terms: [...terms, { label: value > raw ? 'floor' : 'ceiling', value: value - raw }] };
};
