// Wire states built from a real engine state, the way the server builds them: public chunks from
// the observers' view, and each seat's secrets from its own view.
import {
  type GameState,
  SCENARIOS,
  type Scenario,
  SECRET_KEYS,
  advance,
  applyCommand,
  publicChunks,
  startMatch,
  statusQuoAllocation,
  viewFor,
} from '../../shared/index.js';
import type { WireState } from '../../client/net/store.js';

/** The fictional classroom scenario the client tests play. */
export const classroom = (): Scenario => {
  const scenario = SCENARIOS['classroom'];
  if (!scenario) throw new Error('classroom missing');
  return scenario;
};

/** An engine result's value; a refusal fails the test with the engine's message. */
export const must = <T>(r: { ok: true; value: T } | { ok: false; error: { message: string } }): T => {
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};

export const classroomAt = (phase: GameState['phase']): GameState => {
  let state = must(startMatch(classroom(), 7)).state;
  while (state.phase !== phase) state = must(advance(state, { timedOut: true })).state;
  return state;
};

/** The classroom in allocation with Aurelia's allocation submitted (a secret of hers). */
export const withAureliaAllocation = (): GameState => {
  const state = classroomAt('allocation');
  const aurelia = state.nations['aurelia'];
  if (!aurelia) throw new Error('no aurelia');
  return must(applyCommand(state, 'aurelia', { type: 'allocate', allocation: statusQuoAllocation(aurelia, 1) })).state;
};

export const wireFrom = (state: GameState, seats: string[]): WireState => {
  const chunks = publicChunks(viewFor(state, 'observer'));
  const secrets = new Map(
    seats.map((seat) => {
      const mine = viewFor(state, seat);
      return [seat, { json: JSON.stringify(Object.fromEntries(SECRET_KEYS.map((k) => [k, mine[k]]))) }] as const;
    }),
  );
  return {
    code: 'ABCDEFGH',
    status: 'playing',
    deadline: 0,
    setup: JSON.stringify(chunks.setup),
    world: JSON.stringify(chunks.world),
    turnInfo: JSON.stringify(chunks.turnInfo),
    results: JSON.stringify(chunks.results),
    secrets,
  };
};
