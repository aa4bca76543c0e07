// Drives a match through the engine's own entry points (applyParsed, advance), so the properties
// test the rules as the server and the bots run them; and edits states "other things equal".
import {
  advance,
  applyParsed,
  type AdvanceOptions,
  type Allocation,
  type ChallengerMove,
  type Command,
  type GameState,
  type GuaranteeState,
  type GuarantorResponse,
  type NationState,
  type Phase,
} from '../../../shared/index.js';

export const applyOrThrow = (state: GameState, seat: string, command: Command): GameState => {
  const result = applyParsed(state, seat, command);
  if (!result.ok) throw new Error(`${seat} ${command.type}: ${result.error.message}`);
  return result.value.state;
};

export const advanceOrThrow = (state: GameState, options: AdvanceOptions = { forced: true }): GameState => {
  const result = advance(state, options);
  if (!result.ok) throw new Error(`advance from ${state.phase}: ${result.error.message}`);
  return result.value.state;
};

/** Seat id of the nation's seat. */
export const seatOf = (state: GameState, nation: string): string => {
  const seat = state.seats.find((s) => s.nation === nation);
  if (!seat) throw new Error(`no seat plays ${nation}`);
  return seat.id;
};

export const challengerSeat = (state: GameState): { seat: string; nation: string } => {
  const seat = state.seats.find((s) => s.role === 'challenger' && s.nation !== null);
  if (!seat?.nation) throw new Error('no challenger seat');
  return { seat: seat.id, nation: seat.nation };
};

/** Pushes the phases on (owed seats get their documented defaults) until `phase` is reached. */
export const toPhase = (state: GameState, phase: Phase): GameState => {
  let s = state;
  for (let i = 0; s.phase !== phase; i++) {
    if (s.ended || i > 20) throw new Error(`could not reach ${phase} (at ${s.phase}, turn ${s.turn})`);
    s = advanceOrThrow(s);
  }
  return s;
};

/** From any earlier phase of the turn to the responses phase of a crisis started by `move`. */
export const toResponses = (state: GameState, move: ChallengerMove): GameState => {
  const atMove = toPhase(state, 'challenger_move');
  const moved = applyOrThrow(atMove, challengerSeat(atMove).seat, { type: 'move', move });
  const next = advanceOrThrow(moved, {});
  if (next.phase !== 'responses') throw new Error(`${move.type} on ${move.target} invoked no guarantee`);
  return next;
};

/** Answers the given invoked guarantees, lets everything else default, and adjudicates: the results state. */
export const resolve = (responses: GameState, answers: Record<string, GuarantorResponse>): GameState => {
  let s = responses;
  for (const [gid, choice] of Object.entries(answers)) {
    const g = s.guarantees[gid];
    if (!g) throw new Error(`no guarantee ${gid}`);
    s = applyOrThrow(s, seatOf(s, g.guarantor), { type: 'answer_guarantee', guarantee: gid, choice });
  }
  return toPhase(s, 'results');
};

/**
 * Plays one whole turn from any phase before allocation: `nation` spends `allocation`, everyone else
 * defaults. Returns the next turn's briefing, or the results if the match ended with this turn.
 */
export const turnWith = (state: GameState, nation: string, allocation: (s: GameState) => Allocation): GameState => {
  const atAllocation = toPhase(state, 'allocation');
  const allocated = applyOrThrow(atAllocation, seatOf(atAllocation, nation), {
    type: 'allocate',
    allocation: allocation(atAllocation),
  });
  const results = toPhase(allocated, 'results');
  return results.ended ? results : toPhase(results, 'briefing');
};

/** The ids of the guarantees a crisis invoked. */
export const invokedBy = (responses: GameState): string[] => responses.crises.flatMap((c) => c.invoked);

/** A copy of `world` with one guarantee's fields replaced. */
export const withGuarantee = (world: GameState, id: string, patch: Partial<GuaranteeState>): GameState => {
  const g = world.guarantees[id];
  if (!g) throw new Error(`no guarantee ${id}`);
  return { ...world, guarantees: { ...world.guarantees, [id]: { ...g, ...patch } } };
};

/** A copy of `world` with one nation's fields replaced. */
export const withNation = (world: GameState, id: string, patch: Partial<NationState>): GameState => {
  const n = world.nations[id];
  if (!n) throw new Error(`no nation ${id}`);
  return { ...world, nations: { ...world.nations, [id]: { ...n, ...patch } } };
};

/** A copy of `world` with some parameters replaced: to silence a random channel the property does not test. */
export const withParams = (world: GameState, patch: Partial<GameState['params']>): GameState => ({
  ...world,
  params: { ...world.params, ...patch },
});

/** The guarantees `guarantor` extends. */
export const guaranteesOf = (world: GameState, guarantor: string): GuaranteeState[] =>
  Object.values(world.guarantees).filter((g) => g.guarantor === guarantor);

/** The same answer for every guarantee of `guarantor` that the crisis invoked. */
export const answerAll = (responses: GameState, guarantor: string, choice: GuarantorResponse) =>
  Object.fromEntries(
    responses.crises
      .flatMap((c) => c.invoked)
      .filter((id) => responses.guarantees[id]?.guarantor === guarantor)
      .map((id) => [id, choice]),
  );
