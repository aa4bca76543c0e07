// What the room's message handlers need from the room: its match, its members and its clients,
// and the secrets a client's view holds. Handlers return a Result; the room patches on success.
import type { Client } from '@colyseus/core';
import { type ErrorCode, type GameEvent, type Result, fail, ok } from '../../shared/index.js';
import type { MatchSession } from '../match/MatchSession.js';
import type { Members } from './Members.js';

export interface RoomContext {
  readonly session: MatchSession;
  readonly members: Members;
  /** A connected client by session id. */
  client(id: string): Client | undefined;
  seatOf(client: Client): string;
  /** Puts the seat's secret entry into (or out of) the client's view. */
  showSecrets(client: Client, seat: string): void;
  hideSecrets(client: Client, seat: string): void;
}

/** A handler's answer: the engine's events to deliver, or a refusal for the sender. */
export type Handled = Result<GameEvent[]>;

export const done: Handled = ok([]);

/** Only the White Cell may do `what`: a refusal naming it for anyone else, else null. */
export const whiteCellOnly = (context: RoomContext, client: Client, what: string): Handled | null =>
  context.seatOf(client) === 'facilitator' ? null : fail('ERR_NOT_YOUR_ROLE', `only the White Cell ${what}`);

/** A message whose shape was wrong: what it needs. */
export const malformed = (message: string): Handled => fail('ERR_MALFORMED' as ErrorCode, message);
