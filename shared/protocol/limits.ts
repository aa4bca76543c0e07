// The bounds forms show, read from the zod schemas that enforce them (zod 4 keeps a string's
// length and a number's range on the schema), so a form and the server cannot drift apart.
import type { z } from 'zod';
import { AllocationSchema, StatementSchema } from '../model/commands.js';
import { type Effect, EffectSchema, MAX_EFFECTS } from '../model/scenario.js';
import { ExtendTimerSchema, InjectCustomSchema, OverrideSchema } from './commands.js';
import { ChatSchema, CreateOptionsSchema } from './roomMessages.js';

/** The longest string a schema takes (a schema without a maximum is a programming error here). */
const maxLength = (s: z.ZodString): number => {
  if (s.maxLength === null) throw new Error('a form limit needs a schema with a maximum length');
  return s.maxLength;
};

/** A number schema's range; both ends must be set. */
const range = (s: z.ZodNumber): { min: number; max: number; whole: boolean } => {
  if (s.minValue === null || s.maxValue === null) throw new Error('a form limit needs a bounded number schema');
  return { min: s.minValue, max: s.maxValue, whole: s.isInt };
};

/** Every limit a form of the game shows, each the one its schema enforces. */
export const FORM_LIMITS = {
  /** Characters in a chat line. */
  chatText: maxLength(ChatSchema.shape.text),
  /** Characters of a public statement's words. */
  statementText: maxLength(StatementSchema.shape.text.unwrap()),
  /** Characters of the White Cell's reason for an override. */
  overrideReason: maxLength(OverrideSchema.shape.reason),
  injectTitle: maxLength(InjectCustomSchema.shape.title),
  injectText: maxLength(InjectCustomSchema.shape.text),
  injectEffects: MAX_EFFECTS,
  /** Seconds the White Cell may add to a phase timer at once. */
  extendSeconds: range(ExtendTimerSchema.shape.seconds),
  /** $bn on one spending line. */
  allocationLine: range(AllocationSchema.shape.readiness).max,
  /** A display name in the lobby and chat. */
  displayName: maxLength(CreateOptionsSchema.shape.name.unwrap()),
} as const;

export type EffectKind = Effect['kind'];
export type EffectTarget = 'nation' | 'region' | 'guarantee';

export interface EffectRange {
  kind: EffectKind;
  /** What the effect names: the key beside `kind` and `delta` in its schema. */
  target: EffectTarget;
  /** The delta's range, in the effect's own unit (shares 0–1 for capability, readiness, ties). */
  min: number;
  max: number;
  /** Whole steps only (escalation moves by rungs). */
  whole: boolean;
}

const TARGETS: readonly EffectTarget[] = ['nation', 'region', 'guarantee'];

/** Each effect kind's target and the range of its delta, from EffectSchema, in the schema's order. */
export const EFFECT_RANGES: readonly EffectRange[] = EffectSchema.options.map((option) => {
  const target = TARGETS.find((t) => t in option.shape);
  if (!target) throw new Error(`effect ${option.shape.kind.value} names no target`);
  return { kind: option.shape.kind.value, target, ...range(option.shape.delta) };
});
