// What people say in a room outside the match: chat on its channels (the rules are
// shared/protocol/chat.ts) and a team's shared draft of the command it is preparing.
import type { Client } from '@colyseus/core';
import { describeIssues, fail, parseCommand } from '../../shared/index.js';
import { chatRecipients } from '../../shared/protocol/chat.js';
import { ChatSchema } from '../../shared/protocol/roomMessages.js';
import { matchClock } from '../match/clock.js';
import { type Handled, type RoomContext, done, malformed } from './roomContext.js';

export const chat = (context: RoomContext, client: Client, raw: unknown): Handled => {
  const { members, session } = context;
  const member = members.get(client.sessionId);
  const parsed = ChatSchema.safeParse(raw);
  if (!parsed.success) return malformed(describeIssues(parsed.error, 'chat'));
  if (!member || !member.chatBucket.take(Date.now()))
    return fail('ERR_RATE_LIMITED', 'one chat message a second: slow down');
  const seats = session.state.seats.map((s) => s.id);
  const check = chatRecipients(members.list(), member.seat, parsed.data, seats);
  if (!check.ok) return fail(check.code, check.message);
  const line = { from: member.seat, name: member.name, ...parsed.data, at: matchClock.now() };
  session.note('chat', member.seat, line, line.at);
  for (const id of check.recipients) context.client(id)?.send('chat', line);
  return done;
};

/** The phase a draft belongs to: it is dropped when the phase moves on. */
export const phaseKey = (context: RoomContext): string =>
  `${context.session.state.turn}:${context.session.state.phase}`;

/** A team member shares what it is preparing; any member may then submit it as a command. */
export const draft = (context: RoomContext, client: Client, raw: unknown): Handled => {
  const seat = context.seatOf(client);
  if (!context.session.state.seats.some((s) => s.id === seat && s.nation !== null))
    return fail('ERR_NOT_YOUR_ROLE', 'only a nation seat keeps a draft');
  if (raw === null) {
    context.members.clearDraft(seat);
    return done;
  }
  const parsed = parseCommand(raw);
  if (!parsed.ok) return parsed;
  const name = context.members.get(client.sessionId)?.name ?? '';
  context.members.setDraft(seat, parsed.value, name, phaseKey(context));
  return done;
};
