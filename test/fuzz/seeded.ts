// The fuzz's generators draw from the game's seeded generator (shared/rng.ts), so a run replays.
import { RngCursor, seedRng } from '../../shared/index.js';

export abstract class Seeded {
  protected readonly rng: RngCursor;

  constructor(seed: number) {
    this.rng = new RngCursor(seedRng(seed));
  }

  /** One of `items`, uniformly. */
  protected pick<T>(items: readonly T[]): T {
    return items[this.rng.int(items.length)] as T;
  }
}
