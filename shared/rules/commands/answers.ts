// Answers when a guarantee is invoked: the guarantor honors, half-honors or abandons; allies
// contribute, hedge or accommodate.
import { fail, ok } from '../../result.js';
import { respondents } from '../seats.js';
import { accepted, clearMissed, type Handler } from './context.js';

export const answerGuarantee: Handler<'answer_guarantee'> = (state, seat, { guarantee, choice }) => {
  const owed = respondents(state).guarantees.get(seat.id);
  if (!owed) return fail('ERR_NOTHING_TO_ANSWER', `no guarantee of ${seat.id} is invoked this turn`);
  if (!owed.includes(guarantee))
    return fail('ERR_UNKNOWN_TARGET', `guarantee: "${guarantee}" is not an invoked guarantee of ${seat.id}`);
  const mine = state.guarantorAnswers[seat.id] ?? {};
  if (mine[guarantee]) return fail('ERR_ALREADY_SUBMITTED', `${seat.id} already answered for ${guarantee}`);
  return ok({
    state: {
      ...state,
      guarantorAnswers: { ...state.guarantorAnswers, [seat.id]: { ...mine, [guarantee]: choice } },
      missed: clearMissed(state, seat),
    },
    events: [accepted(state, seat, `${seat.id} answered for ${guarantee}`, { guarantee, choice })],
  });
};

export const answerAlly: Handler<'answer_ally'> = (state, seat, { choice }) => {
  if (!respondents(state).allies.includes(seat.id))
    return fail('ERR_NOTHING_TO_ANSWER', `${seat.id}'s guarantor faces no crisis this turn`);
  if (state.allyAnswers[seat.id]) return fail('ERR_ALREADY_SUBMITTED', `${seat.id} already answered this crisis`);
  return ok({
    state: { ...state, allyAnswers: { ...state.allyAnswers, [seat.id]: choice }, missed: clearMissed(state, seat) },
    events: [accepted(state, seat, `${seat.id} answered the crisis`, { choice })],
  });
};
