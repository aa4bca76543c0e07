// The one source of randomness: mulberry32, whose whole state is one uint32 kept in GameState.
// A match replays exactly from its seed and command log.

/** Turns any integer seed into a well-mixed starting state. */
export const seedRng = (seed: number): number => {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
};

/** One draw: a float in [0, 1) and the next state. */
export const nextFloat = (state: number): [value: number, next: number] => {
  const next = (state + 0x6d2b79f5) >>> 0;
  let t = next;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return [((t ^ (t >>> 14)) >>> 0) / 4294967296, next];
};

/**
 * A cursor over the generator for code that draws several times in a row. Pure from the
 * outside: start it from state.rng, draw, then store `cursor.state` in the new state.
 */
export class RngCursor {
  constructor(public state: number) {}

  /** A float in [0, 1). */
  float(): number {
    const [value, next] = nextFloat(this.state);
    this.state = next;
    return value;
  }

  /** Uniform noise in [−amplitude, amplitude). */
  spread(amplitude: number): number {
    return (this.float() - 0.5) * 2 * amplitude;
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.float() < p;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.float() * n);
  }

  /** Index chosen with probability proportional to weight; -1 when all weights are zero. */
  weighted(weights: readonly number[]): number {
    const total = weights.reduce((a, b) => a + b, 0);
    if (total <= 0) return -1;
    let x = this.float() * total;
    for (let i = 0; i < weights.length; i++) {
      x -= weights[i] ?? 0;
      if (x < 0) return i;
    }
    return weights.length - 1;
  }
}

/** Derives an independent seed, e.g. one per simulated match or per bot, from a seed and an index. */
export const deriveSeed = (seed: number, index: number): number =>
  seedRng((seed ^ Math.imul(index + 1, 0x27d4eb2d)) >>> 0);
