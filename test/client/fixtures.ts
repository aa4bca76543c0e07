// Wire states built from a real engine state, the way the server builds them (server/rooms/sync.ts)
// and decoded the way colyseus.js decodes them: the public view, and the seats' secret entries.
import { Encoder, Reflection, StateView } from '@colyseus/schema';
import { newCrisisState } from '../../server/rooms/schema/CrisisState.js';
import { syncState } from '../../server/rooms/sync.js';
import {
  type GameState,
  SCENARIOS,
  type Scenario,
  advance,
  applyCommand,
  startMatch,
  statusQuoAllocation,
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

/**
 * The room state a client decodes, made as the server makes it: syncState into the room's Schema,
 * encoded with a StateView holding the `seats`' secret entries, and decoded by reflection as
 * colyseus.js does (no generated classes).
 */
export const wireFrom = (state: GameState, seats: string[]): WireState => {
  const target = newCrisisState();
  target.code = 'ABCDEFGH';
  const encoder = new Encoder(target);
  syncState(target, { state, status: 'playing', deadline: null, bots: {} }, { members: [], drafts: new Map() });
  const view = new StateView();
  for (const seat of seats) {
    const entry = target.secrets.get(seat);
    if (entry) view.add(entry);
  }
  const decoder = Reflection.decode(Reflection.encode(encoder));
  const it = { offset: 0 };
  encoder.encodeAll(it);
  decoder.decode(encoder.encodeAllView(view, it.offset, it));
  return decoder.state as unknown as WireState;
};
