// White Cell review of adjudication: override the engine's outcomes with a required reason, then
// publish. Both the engine's result and the override are kept in the report and the journal.
import { fail, ok } from '../../result.js';
import { advance } from '../flow.js';
import { FACILITATOR_SEAT } from '../seats.js';
import { lookup } from '../seats.js';
import type { Handler } from './context.js';

export const override: Handler<'override'> = (state, _seat, command) => {
  const pending = state.pending;
  if (!pending) return fail('ERR_NOT_YOUR_PHASE', 'there is no adjudication waiting for review');
  const reason = command.reason.trim();
  if (reason.length === 0) return fail('ERR_REASON_REQUIRED', 'reason: an override needs a reason');
  for (const seat of Object.keys(command.success ?? {}))
    if (!state.crises.some((c) => c.challengerSeat === seat))
      return fail('ERR_UNKNOWN_TARGET', `success: "${seat}" made no move this turn`);
  for (const region of Object.keys(command.rungs ?? {}))
    if (!lookup(state.regions, region)) return fail('ERR_UNKNOWN_TARGET', `rungs: unknown region "${region}"`);
  for (const ally of command.provocations ?? [])
    if (state.seats.find((s) => s.nation === ally)?.role !== 'ally')
      return fail('ERR_UNKNOWN_TARGET', `provocations: "${ally}" is not an ally`);
  const base = pending.override?.decisions ?? pending.engine;
  const decisions = {
    ...base,
    success: { ...base.success, ...command.success },
    rungs: { ...base.rungs, ...command.rungs },
    provocations: command.provocations ?? base.provocations,
  };
  return ok({
    state: { ...state, pending: { ...pending, override: { decisions, reason } } },
    events: [
      {
        kind: 'override',
        turn: state.turn,
        // Under review the outcomes are the White Cell's; players learn of the override at publish.
        visibleTo: [FACILITATOR_SEAT],
        text: `The White Cell overrode the adjudication: ${reason}`,
        // Outcomes only: the engine's breakdowns stay in the report, where show-the-math governs them.
        data: { reason, success: decisions.success, rungs: decisions.rungs, provocations: decisions.provocations },
      },
    ],
  });
};

export const publishReview: Handler<'publish'> = (state) => {
  if (!state.pending) return fail('ERR_NOT_YOUR_PHASE', 'there is no adjudication waiting for review');
  return advance(state, { forced: true });
};
