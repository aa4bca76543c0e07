// A seat's secret budget split. Never more than the budget; every named region and recipient must exist.
import { fail, ok } from '../../result.js';
import { allocationTotal, budget, turnYears } from '../economy.js';
import { fundsUmbrella, isAidRecipient, isPostureRegion } from '../allocationLines.js';
import { accepted, clearMissed, type Handler } from './context.js';

/** Rounding slack so a client that spends "exactly" the budget in floating point is not refused. */
const EPSILON = 1e-9;

export const allocate: Handler<'allocate'> = (state, seat, { allocation }) => {
  if (state.allocations[seat.id])
    return fail('ERR_ALREADY_SUBMITTED', `${seat.id} already submitted its allocation this turn`);
  const nation = state.nations[seat.nation ?? ''];
  if (!nation) return fail('ERR_NOT_YOUR_ROLE', `${seat.id} plays no nation`);
  for (const region of Object.keys(allocation.forwardPosture))
    if (!isPostureRegion(state, region))
      return fail('ERR_UNKNOWN_TARGET', `forwardPosture: unknown region "${region}"`);
  for (const recipient of Object.keys(allocation.foreignAid))
    if (!isAidRecipient(state, nation.id, recipient))
      return fail('ERR_UNKNOWN_TARGET', `foreignAid: "${recipient}" is not another nation in this match`);
  if (allocation.extendedDeterrence > 0 && !fundsUmbrella(nation, seat))
    return fail('ERR_UNKNOWN_TARGET', 'extendedDeterrence: only a nuclear guarantor can fund an umbrella');
  const limit = budget(nation, turnYears(state)).value;
  const total = allocationTotal(allocation);
  if (total > limit * (1 + EPSILON) + EPSILON)
    return fail(
      'ERR_OVER_BUDGET',
      `the allocation spends ${total.toFixed(2)} bn but the budget is ${limit.toFixed(2)} bn`,
    );
  return ok({
    state: { ...state, allocations: { ...state.allocations, [seat.id]: allocation }, missed: clearMissed(state, seat) },
    events: [accepted(state, seat, `${seat.id} submitted its allocation`, { allocation })],
  });
};
