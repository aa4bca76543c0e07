// Room-level messages and options, parsed with zod at the server's boundary and imported by the
// client so what it sends is typed. Game commands themselves are the engine's CommandSchema.
import { z } from 'zod';
import { TimersSchema } from '../model/scenario.js';
import { POLICY_NAMES } from '../model/vocabulary.js';
import { isPrintable } from './clientValue.js';
import type { Command } from './commands.js';

/** A display name others see in the lobby and in chat: no control or text-direction characters. */
const displayName = () =>
  z
    .string()
    .trim()
    .min(1, 'a name is required')
    .max(40)
    .refine(isPrintable, 'no control or text-direction characters in a name');

export const CreateOptionsSchema = z.strictObject({
  scenario: z.string().min(1).max(64),
  /** A secret the creating client makes up: only the client that presents it becomes the White Cell. */
  hostToken: z.string().min(16, 'at least 16 characters').max(128),
  name: displayName().default('White Cell'),
  showMath: z.boolean().default(true),
  facilitatorReview: z.boolean().default(false),
  /** Phase timers in seconds (null = none); defaults to the scenario's. */
  timers: TimersSchema.partial().default({}),
  /** Bots for seats, chosen before the match starts. */
  bots: z.record(z.string().max(32), z.enum(POLICY_NAMES)).default({}),
  /** A fixed seed for a reproducible match; random when absent. */
  seed: z.int().min(0).max(0xffffffff).optional(),
  /** How long a dropped client keeps its place before it must rejoin with its reclaim key. */
  reconnectSeconds: z.int().min(1).max(3600).default(120),
  /** Required when the server sets CREATE_PASSWORD. */
  password: z.string().max(200).optional(),
  /** Start from turn `turn` of a recorded match instead of the scenario's beginning (what-if). */
  branch: z
    .strictObject({
      matchId: z.string().min(1).max(64),
      turn: z.int().min(1).max(40),
      /** The recorded match's facilitator key: only its White Cell may branch it. */
      facilitatorKey: z.string().min(1).max(64),
    })
    .optional(),
});
export type CreateOptions = z.infer<typeof CreateOptionsSchema>;

/** Not strict: the creator joins with its create options, which carry more keys. */
export const JoinOptionsSchema = z.object({
  code: z.string().trim().toUpperCase().max(16).optional(),
  /** Required to join; the creator's defaults to "White Cell". */
  name: displayName().optional(),
  /** Presented by the creating client only (see CreateOptions). */
  hostToken: z.string().max(128).optional(),
  /** Reclaims the White Cell from another device. */
  facilitatorKey: z.string().max(64).optional(),
  /** Rejoins the seat this key was issued for (after the reconnection window). */
  reclaimKey: z.string().max(64).optional(),
});

export const CHAT_CHANNELS = ['public', 'team', 'private', 'broadcast'] as const;
export type ChatChannel = (typeof CHAT_CHANNELS)[number];

/** Text only, at most 500 characters; `to` names the seat of a private message. */
export const ChatSchema = z.strictObject({
  channel: z.enum(CHAT_CHANNELS),
  to: z.string().max(32).optional(),
  text: z.string().trim().min(1, 'a message needs text').max(500, 'at most 500 characters'),
});
export type Chat = z.infer<typeof ChatSchema>;

/** White Cell seat management: move a connected client to a seat, or remove it. */
export const MoveClientSchema = z.strictObject({ client: z.string().max(64), seat: z.string().max(32) });
export const KickSchema = z.strictObject({ client: z.string().max(64) });

export const TakeSeatSchema = z.strictObject({ seat: z.string().max(32) });
export const SetBotSchema = z.strictObject({ seat: z.string().max(32), policy: z.enum(POLICY_NAMES).nullable() });

/**
 * Asks for the breakdowns (terms) of the latest report and of the scores, which patches leave out
 * (shared/protocol/breakdown.ts). `turn` must be the latest report's; `seat` is whose view they are
 * read from: the sender's own by default, another seat only for the White Cell.
 */
export const BreakdownRequestSchema = z.strictObject({
  turn: z.int().min(1).max(1000),
  seat: z.string().max(32).optional(),
});

/**
 * Every message a client may send to the crisis room, with its payload: what the room's handlers
 * parse (the schemas above, `CommandSchema` for commands and drafts). A client sends through this
 * map, so a misspelt type or field is a compile error, not a refusal.
 */
export interface RoomMessages {
  command: Command;
  /** A team's shared draft of the command it prepares; null drops it. */
  draft: Command | null;
  chat: z.input<typeof ChatSchema>;
  take_seat: z.input<typeof TakeSeatSchema>;
  set_bot: z.input<typeof SetBotSchema>;
  move_client: z.input<typeof MoveClientSchema>;
  kick: z.input<typeof KickSchema>;
  start: undefined;
  breakdown: z.input<typeof BreakdownRequestSchema>;
}
export type RoomMessageType = keyof RoomMessages;
