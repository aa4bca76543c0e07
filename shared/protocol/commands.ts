// Every command a seat or the facilitator can send, as one zod discriminated union.
import { z } from 'zod';
import {
  AllocationSchema,
  AllyAnswerSchema,
  ChallengerMoveSchema,
  GuarantorAnswerSchema,
  StatementSchema,
} from '../model/commands.js';
import { EffectSchema, MAX_EFFECTS } from '../model/scenario.js';
import { printable } from './clientValue.js';

// The White Cell's commands with limits its forms show (shared/protocol/limits.ts reads them here).
export const ExtendTimerSchema = z.strictObject({ type: z.literal('extend_timer'), seconds: z.int().min(1).max(3600) });
export const InjectCustomSchema = z.strictObject({
  type: z.literal('inject_custom'),
  title: z.string().trim().min(1).max(120),
  text: z.string().trim().min(1).max(1000),
  effects: z.array(EffectSchema).max(MAX_EFFECTS),
});
export const OverrideSchema = z.strictObject({
  type: z.literal('override'),
  /** Required; an empty one is refused with ERR_REASON_REQUIRED. */
  reason: z.string().max(500),
  success: z.record(z.string().max(32), z.boolean()).optional(),
  rungs: z.record(z.string().max(32), z.int().min(0).max(8)).optional(),
  provocations: z.array(z.string().max(32)).max(20).optional(),
});

export const CommandSchema = z.discriminatedUnion('type', [
  // Any nation seat.
  z.strictObject({ type: z.literal('ready') }),
  /** A human takes a seat in civil disorder back from its bot. */
  z.strictObject({ type: z.literal('back') }),
  z.strictObject({ type: z.literal('allocate'), allocation: AllocationSchema }),
  StatementSchema.extend({ type: z.literal('statement') }),
  // Challenger.
  z.strictObject({ type: z.literal('move'), move: ChallengerMoveSchema }),
  // Guarantor and ally answers when a guarantee is invoked.
  GuarantorAnswerSchema.extend({ type: z.literal('answer_guarantee') }),
  AllyAnswerSchema.extend({ type: z.literal('answer_ally') }),
  // Facilitator (White Cell).
  z.strictObject({ type: z.literal('advance_phase') }),
  z.strictObject({ type: z.literal('pause') }),
  z.strictObject({ type: z.literal('resume') }),
  ExtendTimerSchema,
  z.strictObject({ type: z.literal('inject'), card: z.string().max(32) }),
  InjectCustomSchema,
  OverrideSchema,
  z.strictObject({ type: z.literal('publish') }),
  z.strictObject({ type: z.literal('set_show_math'), on: z.boolean() }),
]);
export type Command = z.infer<typeof CommandSchema>;
export type CommandType = Command['type'];

/** Commands only the facilitator may send. */
export const FACILITATOR_COMMANDS: readonly CommandType[] = [
  'advance_phase',
  'pause',
  'resume',
  'extend_timer',
  'inject',
  'inject_custom',
  'override',
  'publish',
  'set_show_math',
];

/** Issues named in one refusal; a payload with hundreds of bad fields gets the first few and a count. */
const MAX_ISSUES = 5;

/**
 * Turns zod's issues into one readable line naming each field and what was wrong with it. Paths
 * and messages can carry a client's keys, so each part is clipped and escaped (quoted).
 */
export const describeIssues = (error: z.ZodError, root = '(root)'): string => {
  const shown = error.issues.slice(0, MAX_ISSUES).map((i) => {
    const path = i.path.length > 0 ? i.path.map((p) => printable(String(p), 32)).join('.') : root;
    return `${path}: ${printable(i.message, 120)}`;
  });
  const more = error.issues.length - shown.length;
  return shown.join('; ') + (more > 0 ? `; and ${more} more` : '');
};
