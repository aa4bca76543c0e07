// The seeded generator: the same seed gives the same draws, draws stay in range, derived seeds are independent.
import { describe, expect, test } from 'vitest';
import { deriveSeed, nextFloat, RngCursor, seedRng } from '../../../shared/rng.js';

/** mulberry32 as published by its author (bryc), kept here as the reference the engine must match. */
const reference = (a: number) => () => {
  let t = (a += 0x6d2b79f5);
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

/** A cursor whose floats are scripted, to check how the helpers map a float to an outcome. */
class Scripted extends RngCursor {
  constructor(private readonly draws: number[]) {
    super(0);
  }
  override float(): number {
    const v = this.draws.shift();
    if (v === undefined) throw new Error('unexpected draw');
    return v;
  }
}

const draws = (seed: number, n: number): number[] => {
  const rng = new RngCursor(seedRng(seed));
  return Array.from({ length: n }, () => rng.float());
};

describe('seedRng and nextFloat', () => {
  test.each([0, 1, 42, 0xffffffff, -7])('seed %i: the same seed gives the same 100 draws', (seed) => {
    expect(draws(seed, 100)).toEqual(draws(seed, 100));
  });

  test.each([0, 1, 12345, 0xdeadbeef])('state %i: matches the reference mulberry32 for 50 draws', (state) => {
    const ref = reference(state);
    let s = state;
    for (let i = 0; i < 50; i++) {
      const [value, next] = nextFloat(s);
      expect(value).toBe(ref());
      s = next;
    }
  });

  test.each([1, 2, 3])('seed %i: 10 000 draws stay in [0, 1) with a mean near 0.5', (seed) => {
    const xs = draws(seed, 10_000);
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(xs.reduce((a, b) => a + b, 0) / xs.length).toBeCloseTo(0.5, 1);
  });

  test('seedRng returns a uint32, different for neighbouring seeds', () => {
    const seeds = [0, 1, 2, 3].map(seedRng);
    for (const s of seeds) expect(Number.isInteger(s) && s >= 0 && s < 2 ** 32).toBe(true);
    expect(new Set(seeds).size).toBe(4);
  });

  test('the cursor stores the state it would continue from', () => {
    const rng = new RngCursor(99);
    rng.float();
    expect(rng.state).toBe(nextFloat(99)[1]);
  });
});

describe('RngCursor helpers', () => {
  test.each([
    // [floats, n, expected int]: int(n) = floor(float × n)
    [[0], 6, 0],
    [[0.5], 6, 3],
    [[0.999], 6, 5],
    [[0.25], 4, 1],
  ])('int: floats %j, n = %i → %i', (floats, n, expected) => {
    expect(new Scripted([...floats]).int(n)).toBe(expected);
  });

  test.each([
    // chance(p) is true exactly when the float is below p.
    [0.1, 0.2, true],
    [0.2, 0.2, false],
    [0.3, 0.2, false],
    [0, 0, false],
    [0.999, 1, true],
  ])('chance: float %f, p = %f → %s', (float, p, expected) => {
    expect(new Scripted([float]).chance(p)).toBe(expected);
  });

  test.each([
    // weights [1, 3] split [0, 4) into [0, 1) → 0 and [1, 4) → 1.
    [[1, 3], 0.2, 0],
    [[1, 3], 0.5, 1],
    [[0, 1, 0], 0.7, 1],
    [[2, 2, 4], 0.6, 2],
  ])('weighted: weights %j, float %f → index %i', (weights, float, expected) => {
    expect(new Scripted([float]).weighted(weights)).toBe(expected);
  });

  test('weighted: all-zero weights give -1 without drawing', () => {
    expect(new Scripted([]).weighted([0, 0])).toBe(-1);
  });

  test('int over 6 000 real draws hits every face, nothing outside', () => {
    const rng = new RngCursor(seedRng(5));
    const counts = [0, 0, 0, 0, 0, 0];
    for (let i = 0; i < 6000; i++) counts[rng.int(6)]! += 1;
    expect(counts.reduce((a, b) => a + b, 0)).toBe(6000);
    for (const c of counts) expect(c).toBeGreaterThan(800);
  });
});

describe('deriveSeed', () => {
  test('is deterministic', () => {
    expect(deriveSeed(7, 3)).toBe(deriveSeed(7, 3));
  });

  test('100 indexes of one seed, and the same index of 100 seeds, are all distinct', () => {
    const byIndex = new Set(Array.from({ length: 100 }, (_, i) => deriveSeed(7, i)));
    const bySeed = new Set(Array.from({ length: 100 }, (_, s) => deriveSeed(s, 0)));
    expect(byIndex.size).toBe(100);
    expect(bySeed.size).toBe(100);
  });

  test.each([
    [7, 0, 1],
    [7, 1, 2],
    [123, 0, 5],
  ])('streams of seed %i, indexes %i and %i, are uncorrelated', (seed, i, j) => {
    const xs = draws(deriveSeed(seed, i), 2000);
    const ys = draws(deriveSeed(seed, j), 2000);
    const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / v.length;
    const mx = mean(xs);
    const my = mean(ys);
    let cov = 0;
    let vx = 0;
    let vy = 0;
    for (let k = 0; k < xs.length; k++) {
      cov += (xs[k]! - mx) * (ys[k]! - my);
      vx += (xs[k]! - mx) ** 2;
      vy += (ys[k]! - my) ** 2;
    }
    expect(Math.abs(cov / Math.sqrt(vx * vy))).toBeLessThan(0.1);
    expect(xs).not.toEqual(ys);
  });
});
