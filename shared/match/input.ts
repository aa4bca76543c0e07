// What moves a match: the inputs its journal records, one per entry. Everything else a room does
// (chat, who joined, a kick) is a note in the journal and never changes the match.
import type { PolicyName } from '../model/vocabulary.js';
import type { Command } from '../protocol/commands.js';
import type { Phase } from '../model/vocabulary.js';
import { parseCommand } from '../rules/engine.js';
import type { BotTable } from './match.js';

export type MatchInput =
  /** The White Cell starts the match with these bots. */
  | { kind: 'start'; bots: BotTable }
  /** A seat given to a bot, or back to humans (null). */
  | { kind: 'seating'; seat: string; bot: PolicyName | null }
  /** A human's command for a seat. */
  | { kind: 'command'; seat: string; command: Command }
  /** A bot's command for the seat it plays. */
  | { kind: 'bot'; seat: string; command: Command }
  /** The phase's deadline passed: it closes with its documented defaults. */
  | { kind: 'timeout' }
  /** Nobody owes anything: the phase closes. */
  | { kind: 'advance' };

export type InputKind = MatchInput['kind'];

/** A journal entry's fields: what it records of an input. */
export interface EntryFields {
  kind: string;
  seat: string | null;
  payload: unknown;
}

/** The entry an input is journaled as; `phase` is the phase the match stands in after it. */
export const entryOf = (input: MatchInput, phase: Phase): EntryFields => {
  switch (input.kind) {
    case 'start':
      return { kind: 'start', seat: 'facilitator', payload: { bots: input.bots } };
    case 'seating':
      return { kind: 'seating', seat: input.seat, payload: { bot: input.bot } };
    case 'command':
    case 'bot':
      return { kind: input.kind, seat: input.seat, payload: input.command };
    case 'timeout':
    case 'advance':
      return { kind: input.kind, seat: null, payload: { phase } };
  }
};

/**
 * The input a journal entry records: null for a note (chat, creation, a seating without a bot
 * change, a migration marker), or why it cannot be read.
 */
export const inputOf = (entry: EntryFields): { input: MatchInput | null } | { why: string } => {
  const seat = entry.seat ?? '';
  const payload = (entry.payload ?? {}) as Record<string, unknown>;
  switch (entry.kind) {
    case 'start':
      return { input: { kind: 'start', bots: (payload.bots ?? {}) as BotTable } };
    case 'seating':
      return payload.bot === undefined
        ? { input: null }
        : { input: { kind: 'seating', seat, bot: payload.bot as PolicyName | null } };
    case 'command':
    case 'bot': {
      const parsed = parseCommand(entry.payload);
      return parsed.ok ? { input: { kind: entry.kind, seat, command: parsed.value } } : { why: 'is not a command' };
    }
    case 'timeout':
    case 'advance':
      return { input: { kind: entry.kind } };
    default:
      return { input: null };
  }
};
