// The `breakdown` message: the terms patches leave out, for the latest report and the scores, read
// from the view of the sender's own seat (the White Cell may name any seat). A seat only ever gets
// what `viewFor(state, seat)` shows it: with "show the math" off, its own score's terms and no more.
import type { Client } from '@colyseus/core';
import { type RuleError, describeIssues, fail, seatById, viewFor } from '../../shared/index.js';
import { breakdownsOf } from '../../shared/protocol/breakdown.js';
import { BreakdownRequestSchema } from '../../shared/protocol/roomMessages.js';
import { type Handled, type RoomContext, done, malformed } from './roomContext.js';

export const breakdown = (context: RoomContext, client: Client, raw: unknown): Handled => {
  const parsed = BreakdownRequestSchema.safeParse(raw);
  if (!parsed.success) return malformed(describeIssues(parsed.error, 'breakdown'));
  const state = context.session.state;
  const own = context.seatOf(client);
  const seat = parsed.data.seat ?? own;
  if (seat !== own && own !== 'facilitator')
    return fail('ERR_NOT_YOUR_ROLE', `only the White Cell reads another seat's breakdowns: ask for your own (${own})`);
  if (!seatById(state, seat)) return fail('ERR_UNKNOWN_SEAT', `seat: no seat "${seat}" in this match`);
  const report = state.report;
  if (!report) return fail('ERR_UNKNOWN_TARGET', 'turn: no turn has been adjudicated yet, so there is no breakdown');
  if (parsed.data.turn !== report.turn)
    return fail(
      'ERR_UNKNOWN_TARGET',
      `turn: only the latest report's breakdowns are kept (turn ${report.turn}), not turn ${parsed.data.turn}'s`,
    );
  client.send('breakdown', breakdownsOf(viewFor(state, seat)));
  return done;
};

/** The room's handler: answers, or refuses through `refuse`; either way nothing changes, so no patch. */
export const answerBreakdown = (
  context: RoomContext,
  client: Client,
  raw: unknown,
  refuse: (error: RuleError) => void,
): void => {
  const result = breakdown(context, client, raw);
  if (!result.ok) refuse(result.error);
};
