// Answers when a guarantee is invoked: the guarantor honors, half-honors or abandons; allies
// contribute, hedge or accommodate.
import type { GameState } from '../../model/state.js';
import type { GuarantorResponse, NuclearStep } from '../../model/vocabulary.js';
import { fail, ok } from '../../result.js';
import { crisisRung, NUCLEAR_USE_FROM } from '../escalation.js';
import { lookup, respondents } from '../seats.js';
import { accepted, clearMissed, type Handler } from './context.js';

/** Why a guarantor cannot back this answer with `step`, or null. */
export const nuclearAnswerProblem = (
  state: Pick<GameState, 'nations' | 'regions' | 'crises' | 'guarantees'>,
  guarantee: string,
  choice: GuarantorResponse,
  step: NuclearStep | undefined,
): string | null => {
  if (step === undefined) return null;
  const g = lookup(state.guarantees, guarantee);
  if (choice !== 'honor') return `nuclear: a nuclear step backs only an answer of honor`;
  if (!g || !state.nations[g.guarantor]?.nuclear)
    return `nuclear: only a nuclear-armed guarantor can take a nuclear step`;
  if (g.type === 'economic') return `nuclear: an economic guarantee is never backed by nuclear weapons`;
  const crisis = state.crises.find((c) => c.invoked.includes(guarantee));
  const rung = crisis ? crisisRung(state.regions[crisis.region ?? '']?.rung ?? 0, crisis.move.type) : 0;
  if (step === 'use' && rung < NUCLEAR_USE_FROM)
    return `nuclear: nuclear use comes only after nuclear signaling (this crisis stands at rung ${rung})`;
  return null;
};

export const answerGuarantee: Handler<'answer_guarantee'> = (state, seat, { guarantee, choice, nuclear }) => {
  const owed = respondents(state).guarantees.get(seat.id);
  if (!owed) return fail('ERR_NOTHING_TO_ANSWER', `no guarantee of ${seat.id} is invoked this turn`);
  if (!owed.includes(guarantee))
    return fail('ERR_UNKNOWN_TARGET', `guarantee: "${guarantee}" is not an invoked guarantee of ${seat.id}`);
  const mine = state.guarantorAnswers[seat.id] ?? {};
  if (mine[guarantee]) return fail('ERR_ALREADY_SUBMITTED', `${seat.id} already answered for ${guarantee}`);
  const problem = nuclearAnswerProblem(state, guarantee, choice, nuclear);
  if (problem) return fail('ERR_NOT_YOUR_ROLE', problem);
  const steps = nuclear
    ? { ...state.nuclearSteps, [seat.id]: { ...state.nuclearSteps[seat.id], [guarantee]: nuclear } }
    : state.nuclearSteps;
  return ok({
    state: {
      ...state,
      guarantorAnswers: { ...state.guarantorAnswers, [seat.id]: { ...mine, [guarantee]: choice } },
      nuclearSteps: steps,
      missed: clearMissed(state, seat),
    },
    events: [
      accepted(state, seat, `${seat.id} answered for ${guarantee}`, {
        guarantee,
        choice,
        ...(nuclear ? { nuclear } : {}),
      }),
    ],
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
