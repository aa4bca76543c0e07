// A human is back at a seat in civil disorder: the bot hands the seat back.
import { fail, ok } from '../../result.js';
import { inCivilDisorder } from '../seats.js';
import { accepted, type Handler } from './context.js';

export const back: Handler<'back'> = (state, seat) => {
  if (!inCivilDisorder(state, seat.id)) return fail('ERR_NOTHING_TO_ANSWER', `${seat.id} is not in civil disorder`);
  return ok({
    state: { ...state, missed: { ...state.missed, [seat.id]: 0 } },
    events: [accepted(state, seat, `${seat.id} is back under human control`)],
  });
};
