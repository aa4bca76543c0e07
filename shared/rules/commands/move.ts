// The challenger's secret move: hold, probe, coerce, attack, escalate or de-escalate.
import { TARGETED_MOVES } from '../../model/vocabulary.js';
import { fail, ok } from '../../result.js';
import { lookup } from '../seats.js';
import { accepted, clearMissed, type Handler } from './context.js';

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
  return ok({
    state: { ...state, moves: { ...state.moves, [seat.id]: move }, missed: clearMissed(state, seat) },
    events: [accepted(state, seat, `${seat.id} chose its move`, { move })],
  });
};
