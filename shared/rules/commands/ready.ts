// A seat is done reading the briefing, talking, or reading the results.
import { fail, ok } from '../../result.js';
import { accepted, type Handler } from './context.js';

export const ready: Handler<'ready'> = (state, seat) => {
  if (state.ready.includes(seat.id)) return fail('ERR_ALREADY_SUBMITTED', `${seat.id} is already marked ready`);
  return ok({
    state: { ...state, ready: [...state.ready, seat.id] },
    events: [accepted(state, seat, `${seat.id} is ready`)],
  });
};
