// What happened, for the journal and the turn log. Each event says who may see it.
import { z } from 'zod';

export const EVENT_KINDS = [
  'command_accepted',
  'statement',
  'phase_changed',
  'default_applied',
  'card_fired',
  'intel_reveal',
  'crisis',
  'adjudication_ready',
  'override',
  'adjudicated',
  'match_ended',
  'settings_changed',
] as const;

export const GameEventSchema = z.object({
  kind: z.enum(EVENT_KINDS),
  turn: z.int(),
  /** 'all', or the seat ids that may see it. The facilitator sees everything. */
  visibleTo: z.union([z.literal('all'), z.array(z.string())]),
  /** One line a person can read in the turn log. */
  text: z.string(),
  data: z.record(z.string(), z.unknown()).optional(),
});
export type GameEvent = z.infer<typeof GameEventSchema>;

/** Events a seat may see: its own, the public ones, all of them for the facilitator. */
export const eventsFor = (events: readonly GameEvent[], seat: string, isFacilitator: boolean): GameEvent[] =>
  isFacilitator ? [...events] : events.filter((e) => e.visibleTo === 'all' || e.visibleTo.includes(seat));
