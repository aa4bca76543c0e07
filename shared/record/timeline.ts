// The parts of a match record that the server writes and the after-action review reads: where the
// match stands and its decision timeline. One definition, so the two cannot drift apart.
import type { GameEvent } from '../model/events.js';

/** A recorded match is still being played, was played to its end, or was closed before it. */
export const RECORD_STATUSES = ['open', 'ended', 'closed'] as const;
export type RecordStatus = (typeof RECORD_STATUSES)[number];

/** One line of the record's decision timeline: an event of the replay, with who caused it. */
export interface TimelineItem {
  /** The journal entry that produced it. */
  seq: number;
  /** Server time in ms. */
  at: number;
  turn: number;
  /** The acting seat, or null for the room clock. */
  seat: string | null;
  kind: GameEvent['kind'];
  text: string;
  /** Set on the White Cell's overrides: its reason, shown with the flag. */
  overrideReason?: string;
  data?: Record<string, unknown>;
}
