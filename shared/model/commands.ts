// The payloads players decide on: allocations, moves, responses, statements.
import { z } from 'zod';
import { ALLY_RESPONSES, GUARANTOR_RESPONSES, MOVE_TYPES, NUCLEAR_STEPS, STATEMENT_KINDS } from './vocabulary.js';

const money = z.number().min(0).max(1e6);
const moneyBy = z.record(z.string().max(32), money);

/** A seat's secret split of its turn budget, in $bn. Unspent money pays down debt. */
export const AllocationSchema = z.strictObject({
  readiness: money,
  /** $bn per region id. */
  forwardPosture: moneyBy,
  modernization: money,
  /** Nuclear umbrella upkeep; only a nuclear guarantor can buy it. */
  extendedDeterrence: money,
  /** $bn per recipient nation id. */
  foreignAid: moneyBy,
  domestic: money,
});
export type Allocation = z.infer<typeof AllocationSchema>;

/** The challenger's secret move. `target` is a nation id (required except for hold; de_escalate names the nation whose theater it cools). */
export const ChallengerMoveSchema = z.strictObject({
  type: z.enum(MOVE_TYPES),
  target: z.string().max(32).nullable(),
});
export type ChallengerMove = z.infer<typeof ChallengerMoveSchema>;

/** A guarantor's answer to one invoked guarantee. */
export const GuarantorAnswerSchema = z.strictObject({
  guarantee: z.string().max(32),
  choice: z.enum(GUARANTOR_RESPONSES),
  /** A nuclear-armed guarantor that honors may back its answer with a nuclear step. */
  nuclear: z.enum(NUCLEAR_STEPS).optional(),
});

/** An ally's answer to the crisis its guarantor faces. */
export const AllyAnswerSchema = z.strictObject({
  choice: z.enum(ALLY_RESPONSES),
});

/** Either answer, as journaled. */
export const ResponseSchema = z.union([GuarantorAnswerSchema, AllyAnswerSchema]);
export type Response = z.infer<typeof ResponseSchema>;

/**
 * A public statement. red_line, clarify and narrow are a guarantor's words about one of its
 * guarantees (`subject` = guarantee id); exit_ramp is anyone's offer to cool a theater
 * (`subject` = region id); sanction and lift_sanctions name the target nation (`subject`).
 */
export const StatementSchema = z.strictObject({
  kind: z.enum(STATEMENT_KINDS),
  subject: z.string().max(32),
  text: z.string().max(500).default(''),
});
export type Statement = z.infer<typeof StatementSchema>;
