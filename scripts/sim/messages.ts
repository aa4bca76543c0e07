// What crosses the thread boundary, in both directions. workerData and messages arrive as `any`,
// so each side parses them with these schemas instead of trusting a cast.
import { z } from 'zod';
import { END_REASONS } from '../../shared/index.js';
import type { MatchStats } from '../../shared/sim/stats.js';
import { POLICY_NAMES } from '../../shared/bots/policies.js';

export const WorkerInputSchema = z.strictObject({
  source: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('id'), id: z.string() }),
    z.strictObject({ kind: z.literal('data'), data: z.unknown() }),
  ]),
  seed: z.int(),
  policies: z.record(z.string(), z.enum(POLICY_NAMES)),
  /** This worker plays match indices from..to-1: one contiguous chunk. */
  from: z.int().min(0),
  to: z.int().min(0),
});
export type WorkerInput = z.infer<typeof WorkerInputSchema>;

const count = z.int().min(0);
const MatchRecordSchema = z.object({
  seed: z.number(),
  turns: count,
  outcome: z.enum(END_REASONS),
  peakRung: count,
  honored: count,
  partial: count,
  abandoned: count,
  challenges: count,
  deterred: count,
  armedDecisions: count,
  armedHonored: count,
  strictChallenges: count,
  strictDeterred: count,
  moves: z.record(z.string(), count),
  scores: z.record(z.string(), z.number()),
  winners: z.array(z.string()),
  homelandAttacks: count,
  defenseRatios: z.array(z.number()),
  umbrellaRatios: z.array(z.number()),
  statements: z.record(z.string(), count),
}) satisfies z.ZodType<MatchStats>;

/**
 * Consecutive finished matches: records[k] is match `first + k`. Batched because a fast engine
 * would otherwise spend a noticeable share of the parent's time on one message per match.
 */
export const WorkerMessageSchema = z.strictObject({ first: count, records: z.array(MatchRecordSchema).min(1) });
export type WorkerMessage = z.infer<typeof WorkerMessageSchema>;
