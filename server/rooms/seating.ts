// Who sits where: a player takes a seat in the lobby, the White Cell moves or removes people and
// gives seats to bots, and a human taking a nation seat takes it back from its bot.
import type { Client } from '@colyseus/core';
import { fail, ok, quoted, seatById } from '../../shared/index.js';
import { KickSchema, MoveClientSchema, SetBotSchema, TakeSeatSchema } from '../../shared/protocol/roomMessages.js';
import { matchClock } from '../match/clock.js';
import { type Handled, type RoomContext, done, malformed, whiteCellOnly } from './roomContext.js';

export const takeSeat = (context: RoomContext, client: Client, raw: unknown): Handled => {
  const parsed = TakeSeatSchema.safeParse(raw);
  if (!parsed.success) return malformed('take_seat needs { seat }');
  const current = context.seatOf(client);
  if (current === 'facilitator') return fail('ERR_NOT_YOUR_ROLE', 'the White Cell keeps its seat');
  // Once the match runs, nobody walks into a seat's secrets on their own: a nation seat is reached
  // through its reclaim key or the White Cell (move_client); anyone may step back to the observers.
  const wanted = parsed.data.seat;
  if (wanted === current) return done;
  if (context.session.status !== 'lobby' && wanted !== 'observer')
    return fail('ERR_NOT_YOUR_ROLE', `the match has started: ask the White Cell to seat you in ${quoted(wanted)}`);
  return seatClient(context, client, wanted);
};

/** Puts a client in a seat (or among the observers); a human taking a seat takes it from its bot. */
export const seatClient = (context: RoomContext, client: Client, seatId: string): Handled => {
  const { session, members } = context;
  const member = members.get(client.sessionId);
  const seat = seatById(session.state, seatId);
  if (!member || !seat || seat.role === 'facilitator')
    return fail('ERR_UNKNOWN_SEAT', `no seat ${quoted(seatId)} to take`);
  context.hideSecrets(client, member.seat);
  member.seat = seat.id;
  const taken = seat.nation !== null ? session.setBot(seat.id, null, matchClock.now()) : null;
  context.showSecrets(client, seat.id);
  session.note('seating', seat.id, { name: member.name }, matchClock.now());
  if (seat.nation === null) members.revokeKey(client.sessionId);
  const reclaimKey = seat.nation !== null ? members.issueKey(client.sessionId, seat.id) : undefined;
  client.send('seated', { seat: seat.id, ...(reclaimKey ? { reclaimKey } : {}) });
  return ok(taken?.ok ? taken.value : []);
};

export const moveClient = (context: RoomContext, client: Client, raw: unknown): Handled => {
  const refused = whiteCellOnly(context, client, 'moves people');
  if (refused) return refused;
  const parsed = MoveClientSchema.safeParse(raw);
  if (!parsed.success) return malformed('move_client needs { client, seat }');
  const target = otherClient(context, client, parsed.data.client);
  return target.ok ? seatClient(context, target.value, parsed.data.seat) : target;
};

export const kick = (context: RoomContext, client: Client, raw: unknown): Handled => {
  const refused = whiteCellOnly(context, client, 'removes people');
  if (refused) return refused;
  const parsed = KickSchema.safeParse(raw);
  if (!parsed.success) return malformed('kick needs { client }');
  const target = otherClient(context, client, parsed.data.client);
  if (!target.ok) return target;
  // A removed player loses its way back to the seat, and may not reconnect into it.
  const name = context.members.get(target.value.sessionId)?.name ?? '';
  context.session.note('seating', null, { kick: name }, matchClock.now());
  context.members.remove(target.value.sessionId);
  target.value.leave(4000, 'removed by the White Cell');
  return done;
};

export const setBot = (context: RoomContext, client: Client, raw: unknown): Handled => {
  const refused = whiteCellOnly(context, client, 'assigns bots');
  if (refused) return refused;
  const parsed = SetBotSchema.safeParse(raw);
  if (!parsed.success) return malformed('set_bot needs { seat, policy }');
  // The seat and the policy are the match loop's to check (shared/match/step.ts).
  return context.session.setBot(parsed.data.seat, parsed.data.policy, matchClock.now());
};

const otherClient = (context: RoomContext, client: Client, id: string) => {
  const target = context.client(id);
  return !target || target === client ? fail('ERR_UNKNOWN_TARGET', `no other client ${quoted(id)}`) : ok(target);
};
