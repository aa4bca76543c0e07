// Wire states built from a real engine state, the way the server builds them: public chunks from
// the observers' view, and each seat's secrets from its own view.
import {
  type GameState,
  SCENARIOS,
  SECRET_KEYS,
  advance,
  applyCommand,
  publicChunks,
  startMatch,
  statusQuoAllocation,
  viewFor,
} from '../../shared/index.js';
import type { WireState } from '../../client/net/store.js';

export const classroomAt = (phase: GameState['phase']): GameState => {
  const scenario = SCENARIOS['classroom'];
  if (!scenario) throw new Error('classroom missing');
  const created = startMatch(scenario, 7);
  if (!created.ok) throw new Error(created.error.message);
  let state = created.value.state;
  while (state.phase !== phase) {
    const next = advance(state, { timedOut: true });
    if (!next.ok) throw new Error(next.error.message);
    state = next.value.state;
  }
  return state;
};

/** The classroom in allocation with Aurelia's allocation submitted (a secret of hers). */
export const withAureliaAllocation = (): GameState => {
  const state = classroomAt('allocation');
  const aurelia = state.nations['aurelia'];
  if (!aurelia) throw new Error('no aurelia');
  const r = applyCommand(state, 'aurelia', { type: 'allocate', allocation: statusQuoAllocation(aurelia, 1) });
  if (!r.ok) throw new Error(r.error.message);
  return r.value.state;
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
