// The challenger's secret move: hold, probe, coerce, attack, escalate or de-escalate.
import { NUCLEAR_MOVES, TARGETED_MOVES } from '../../model/vocabulary.js';
import type { ChallengerMove } from '../../model/commands.js';
import type { GameState } from '../../model/state.js';
import { fail, ok } from '../../result.js';
import { NUCLEAR_USE_FROM } from '../escalation.js';
import { lookup } from '../seats.js';
import { accepted, clearMissed, type Handler } from './context.js';

/** Why a nuclear move is not open to this challenger now, or null (also used to list legal moves). */
export const nuclearMoveProblem = (
  state: Pick<GameState, 'nations' | 'regions'>,
  challenger: string,
  move: ChallengerMove,
): string | null => {
  if (!NUCLEAR_MOVES.includes(move.type)) return null;
  if (!state.nations[challenger]?.nuclear)
    return `type: ${move.type.replace('_', ' ')} needs a nuclear-armed challenger`;
  const rung = state.regions[state.nations[move.target ?? '']?.region ?? '']?.rung ?? 0;
  if (move.type === 'nuclear_use' && rung < NUCLEAR_USE_FROM)
    return `type: nuclear use comes only after nuclear signaling (the theater is at rung ${rung}, not ${NUCLEAR_USE_FROM})`;
  return null;
};

export const move: Handler<'move'> = (state, seat, { move }) => {
  if (state.moves[seat.id]) return fail('ERR_ALREADY_SUBMITTED', `${seat.id} already chose its move this turn`);
  const needsTarget = TARGETED_MOVES.includes(move.type);
  if (needsTarget) {
    const target = lookup(state.nations, move.target);
    const targetSeat = state.seats.find((s) => s.nation === move.target);
    if (!target || !targetSeat || targetSeat.role === 'challenger')
      return fail('ERR_UNKNOWN_TARGET', `target: "${move.target ?? ''}" is not a guarantor or ally in this match`);
  } else if (move.target !== null) {
    return fail('ERR_UNKNOWN_TARGET', `target: ${move.type} takes no target`);
  }
  const problem = nuclearMoveProblem(state, seat.nation ?? '', move);
  if (problem) return fail('ERR_NOT_YOUR_ROLE', problem);
  return ok({
    state: { ...state, moves: { ...state.moves, [seat.id]: move }, missed: clearMissed(state, seat) },
    events: [accepted(state, seat, `${seat.id} chose its move`, { move })],
  });
};
