// The random policy: a uniformly random legal command. Used for playouts that hunt for broken
// invariants, and as the "random" bot. Its draws come from its own seeded cursor, never Math.random.
import type { VisibleState } from '../model/state.js';
import type { Command } from '../protocol/commands.js';
import { legalCommands } from '../rules/legal.js';
import type { RngCursor } from '../rng.js';

export const randomCommand = (state: VisibleState, seat: string, rng: RngCursor): Command | null => {
  const options = legalCommands(state, seat);
  return options.length === 0 ? null : (options[rng.int(options.length)] ?? null);
};
