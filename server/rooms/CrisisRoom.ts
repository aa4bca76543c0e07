// The `crisis` room: a thin adapter. Identify the client and its seat → parse the message → hand it
// to the match session (the shared engine decides) → copy the result into the Schema → patch now.
import { type AuthContext, type Client, matchMaker } from '@colyseus/core';
import { StateView } from '@colyseus/schema';
import {
  type ErrorCode,
  type GameEvent,
  cleanClientValue,
  describeIssues,
  eventsFor,
  parseCommand,
  quoted,
  scenarioById,
  seatById,
} from '../../shared/index.js';
import { addressOf, checkCodeAtAuth } from '../access/codeGuard.js';
import { sameSecret } from '../access/sameSecret.js';
import { journal } from '../journal/journalStore.js';
import { matchClock } from '../match/clock.js';
import { MatchSession, type SessionSetup } from '../match/MatchSession.js';
import { restoreRequest } from '../match/restoreMatches.js';
import { newJoinCode, newSecretKey, newSeed } from './codes.js';
import { chatRecipients } from '../../shared/protocol/chat.js';
import { readCreateOptions } from './createOptions.js';
import { Members } from './Members.js';
import { creationRefusal, refusal } from './refusal.js';
import { SafeRoom } from './SafeRoom.js';
import {
  type CreateOptions,
  ChatSchema,
  JoinOptionsSchema,
  KickSchema,
  MoveClientSchema,
  SetBotSchema,
  TakeSeatSchema,
} from '../../shared/protocol/roomMessages.js';
import { type CrisisState, newCrisisState } from './schema/CrisisState.js';
import { syncState } from './sync.js';

interface Identity {
  name: string;
  seat: string;
  address: string;
}

/** Refusals within the rate limiter's window after which a flooding client is disconnected. */
const FLOOD_LIMIT = 50;
const TICK_MS = 250;
/** How often a running room tells the journal it is alive (a restore extends deadlines by the gap). */
const ALIVE_MS = 2000;
/** A restored room waits this long for its first player before it may close like any empty room. */
const RESTORED_GRACE_MS = 10 * 60_000;
/**
 * Dropped members of one address whose places are kept for their reconnection: enough for a
 * classroom's Wi-Fi blip, too few for one client to fill the room by dropping connections (the
 * others rejoin, a player with its reclaim key).
 */
export const MAX_HELD_PER_ADDRESS = 10;

export class CrisisRoom extends SafeRoom<CrisisState> {
  maxClients = 80;
  private session!: MatchSession;
  private facilitatorKey = '';
  private facilitatorClaimed = false;
  private hostToken = '';
  private reconnectSeconds = 120;
  private readonly members = new Members(() => this.saveRoom());
  /** Dropped clients' reconnections, by session id, so a rejoin with the same key can end one. */
  private readonly waiting = new Map<string, () => void>();

  onCreate(raw: unknown): void {
    const restoring = restoreRequest(raw);
    const code = restoring ? this.restore(restoring) : this.createNew(raw);
    // filterBy(['code']) matches joiners against the listing, so the code goes there.
    (this.listing as unknown as { code: string }).code = code;
    const scenario = this.session.setup.scenario;
    this.setState(newCrisisState());
    this.state.code = code;
    this.state.scenarioId = scenario.id;
    this.state.title = scenario.title;
    this.sync();

    this.handle('command', (client, payload) =>
      this.guard(client, () => this.session.command(this.seatOf(client), payload, matchClock.now())),
    );
    this.handle('take_seat', (client, payload) => this.guard(client, () => this.takeSeat(client, payload)));
    this.handle('set_bot', (client, payload) => this.guard(client, () => this.setBot(client, payload)));
    this.handle('start', (client) => this.guard(client, () => this.start(client)));
    this.handle('chat', (client, payload) => this.guard(client, () => this.chat(client, payload)));
    this.handle('draft', (client, payload) => this.guard(client, () => this.draft(client, payload)));
    this.handle('move_client', (client, payload) => this.guard(client, () => this.moveClient(client, payload)));
    this.handle('kick', (client, payload) => this.guard(client, () => this.kick(client, payload)));
    this.clock.setInterval(() => {
      const events = this.session.tick(matchClock.now());
      if (events.length === 0) return;
      this.deliver(events);
      this.sync();
    }, TICK_MS);
    this.clock.setInterval(() => journal().alive(this.roomId, matchClock.now()), ALIVE_MS);
  }

  /** A new match from a client's create options; returns its join code. */
  private createNew(raw: unknown): string {
    const { options, scenario } = readCreateOptions(withoutInternals(raw), process.env.CREATE_PASSWORD);
    const code = newJoinCode();
    this.facilitatorKey = newSecretKey();
    this.hostToken = options.hostToken;
    this.reconnectSeconds = options.reconnectSeconds;
    const setup: SessionSetup = {
      matchId: this.roomId,
      scenario,
      seed: options.seed ?? newSeed(),
      showMath: options.showMath,
      facilitatorReview: options.facilitatorReview,
      timers: options.timers,
      bots: options.bots,
    };
    const now = matchClock.now();
    const branch = options.branch ? branchPoint(options.branch, scenario.id) : null;
    if (branch) setup.bots = { ...branch.snapshot.bots };
    journal().begin({
      id: this.roomId,
      code,
      setup: { ...setup, scenarioId: scenario.id },
      room: this.roomRecord(),
      createdAt: now,
    });
    this.session = branch
      ? MatchSession.branch(setup, journal(), branch.snapshot, branch.origin, now)
      : MatchSession.create(setup, journal(), now);
    return code;
  }

  /** The match `matchId` as its journal left it (throws, naming the problem, when it cannot). */
  private restore(matchId: string): string {
    const record = journal().match(matchId);
    if (!record) throw new Error(`no journaled match ${matchId}`);
    const scenario = scenarioById(record.setup.scenarioId);
    if (!scenario) throw new Error(`its scenario "${record.setup.scenarioId}" is not on this server`);
    this.roomId = record.id;
    this.facilitatorKey = record.room.facilitatorKey;
    this.facilitatorClaimed = true;
    this.reconnectSeconds = record.room.reconnectSeconds;
    this.members.importKeys(record.room.reclaimKeys);
    const { scenarioId: _scenarioId, ...setup } = record.setup;
    this.session = MatchSession.restore(
      { ...setup, matchId, scenario },
      journal(),
      Math.max(0, matchClock.now() - record.aliveAt),
    );
    // Nobody is connected yet: give the players time to come back before the room may close.
    this.autoDispose = false;
    this.clock.setTimeout(() => (this.autoDispose = true), RESTORED_GRACE_MS);
    return record.code;
  }

  private roomRecord() {
    return {
      facilitatorKey: this.facilitatorKey,
      reconnectSeconds: this.reconnectSeconds,
      reclaimKeys: this.members.exportKeys(),
    };
  }

  private saveRoom(): void {
    if (this.session) journal().saveRoom(this.roomId, this.roomRecord());
  }

  async onAuth(_client: Client, raw: unknown, context: AuthContext): Promise<Identity> {
    const clean = cleanClientValue(withoutInternals(raw), 'options');
    if (!clean.ok) throw refusal(clean.error.message);
    const parsed = JoinOptionsSchema.safeParse(clean.value);
    if (!parsed.success) throw refusal(describeIssues(parsed.error, 'options'));
    const { code, name, facilitatorKey, reclaimKey, hostToken } = parsed.data;
    // The creator joins right after onCreate with its create options: its host token makes it the White Cell.
    if (!this.facilitatorClaimed && hostToken === this.hostToken) {
      this.facilitatorClaimed = true;
      return { name: name ?? 'White Cell', seat: 'facilitator', address: addressOf(context) };
    }
    // JoinOptionsSchema has trimmed and upper-cased the code.
    await checkCodeAtAuth(context, code === this.state.code);
    if (name === undefined) throw refusal('name: a name is required');
    const address = addressOf(context);
    if (facilitatorKey !== undefined && facilitatorKey === this.facilitatorKey)
      return { name, seat: 'facilitator', address };
    // A reclaim key works once; the returning player gets a fresh one in its welcome. A page that
    // reloaded before the server saw its old socket close comes back this way: its old session,
    // still waiting to reconnect, would otherwise hold a second place in the seat for the window.
    this.waiting.get(this.members.droppedHolderOf(reclaimKey) ?? '')?.();
    return { name, seat: this.members.redeem(reclaimKey) ?? 'observer', address };
  }

  onJoin(client: Client, _options: unknown, auth: Identity): void {
    const seat = auth.seat;
    this.members.add(client.sessionId, auth.name, seat, auth.address, Date.now());
    // A player back through its reclaim key takes its seat back from any bot that held it meanwhile.
    const seatSpec = seatById(this.session.state, seat);
    const taken = seatSpec?.nation ? this.session.setBot(seat, null, matchClock.now()) : null;
    const events = taken?.ok ? taken.value : [];
    client.view = new StateView();
    this.showSecrets(client, seat);
    client.send('welcome', {
      seat,
      code: this.state.code,
      ...(seat === 'facilitator' ? { facilitatorKey: this.facilitatorKey } : {}),
      ...(seat !== 'facilitator' && seat !== 'observer'
        ? { reclaimKey: this.members.issueKey(client.sessionId, seat) }
        : {}),
    });
    this.deliver(events);
    this.sync();
  }

  async onLeave(client: Client, consented: boolean): Promise<void> {
    const member = this.members.get(client.sessionId);
    const keep =
      member &&
      !consented &&
      !this.members.wasRemoved(client.sessionId) &&
      this.members.heldFrom(member.address) < MAX_HELD_PER_ADDRESS;
    if (keep) {
      // A dropped connection keeps its seat and its view for the reconnection window.
      member.connected = false;
      this.sync();
      try {
        const reconnection = this.allowReconnection(client, this.reconnectSeconds);
        this.waiting.set(client.sessionId, () => reconnection.reject(new Error('rejoined with its reclaim key')));
        await reconnection.promise.finally(() => this.waiting.delete(client.sessionId));
        member.connected = true;
        this.sync();
        return;
      } catch {
        // The window passed: the player can still come back with its reclaim key.
      }
    }
    this.members.delete(client.sessionId);
    this.sync();
  }

  onDispose(): void {
    // Everyone left: the match is over for good. A server shutting down keeps it open for the restore.
    if (matchMaker.state !== matchMaker.MatchMakerState.SHUTTING_DOWN) journal().close(this.roomId);
  }

  private seatOf(client: Client): string {
    return this.members.seatOf(client.sessionId);
  }

  /** Every message a client sends takes a token first, whatever it holds; a flood is disconnected. */
  protected admit(client: Client): boolean {
    const member = this.members.get(client.sessionId);
    if (!member) return false;
    if (member.bucket.take(Date.now())) return true;
    if (member.bucket.refusals >= FLOOD_LIMIT) client.leave(4008, 'too many messages');
    else this.refuse(client, { code: 'ERR_RATE_LIMITED', message: 'too many messages: slow down' });
    return false;
  }

  /** Runs a handler (for a member admit() let through), replies `error` on refusal, patches on success. */
  private guard(
    client: Client,
    run: () => { ok: true; value?: GameEvent[] } | { ok: false; error: { code: ErrorCode; message: string } },
  ): void {
    const before = this.session.state;
    const result = run();
    if (!result.ok) this.refuse(client, result.error);
    else if (result.value) this.deliver(result.value);
    // A refused command can still have changed the match: a human back from civil disorder.
    if (result.ok || this.session.state !== before) this.sync();
  }

  /** Sends each client the engine's events it may see (its own, the public ones; all for the White Cell). */
  private deliver(events: readonly GameEvent[]): void {
    for (const client of this.clients) {
      const seat = this.seatOf(client);
      const visible = eventsFor(events, seat, seat === 'facilitator');
      if (visible.length > 0) client.send('events', visible);
    }
  }

  private takeSeat(client: Client, raw: unknown) {
    const parsed = TakeSeatSchema.safeParse(raw);
    if (!parsed.success) return refuse('ERR_MALFORMED', 'take_seat needs { seat }');
    if (this.seatOf(client) === 'facilitator') return refuse('ERR_NOT_YOUR_ROLE', 'the White Cell keeps its seat');
    // Once the match runs, nobody walks into a seat's secrets on their own: a nation seat is reached
    // through its reclaim key or the White Cell (move_client); anyone may step back to the observers.
    const wanted = parsed.data.seat;
    if (wanted === this.seatOf(client)) return { ok: true as const };
    if (this.session.status !== 'lobby' && wanted !== 'observer')
      return refuse('ERR_NOT_YOUR_ROLE', `the match has started: ask the White Cell to seat you in ${quoted(wanted)}`);
    return this.seat(client, wanted);
  }

  /** Puts a client in a seat (or among the observers); a human taking a seat takes it from its bot. */
  private seat(client: Client, seatId: string) {
    const member = this.members.get(client.sessionId);
    const seat = seatById(this.session.state, seatId);
    if (!member || !seat || seat.role === 'facilitator')
      return refuse('ERR_UNKNOWN_SEAT', `no seat ${quoted(seatId)} to take`);
    this.hideSecrets(client, member.seat);
    member.seat = seat.id;
    const taken = seat.nation !== null ? this.session.setBot(seat.id, null, matchClock.now()) : null;
    const events = taken?.ok ? taken.value : [];
    this.showSecrets(client, seat.id);
    this.session.note('seating', seat.id, { name: member.name }, matchClock.now());
    if (seat.nation === null) this.members.revokeKey(client.sessionId);
    const reclaimKey = seat.nation !== null ? this.members.issueKey(client.sessionId, seat.id) : undefined;
    client.send('seated', { seat: seat.id, ...(reclaimKey ? { reclaimKey } : {}) });
    return ok(events);
  }

  private moveClient(client: Client, raw: unknown) {
    if (this.seatOf(client) !== 'facilitator') return refuse('ERR_NOT_YOUR_ROLE', 'only the White Cell moves people');
    const parsed = MoveClientSchema.safeParse(raw);
    if (!parsed.success) return refuse('ERR_MALFORMED', 'move_client needs { client, seat }');
    const target = this.clients.getById(parsed.data.client);
    if (!target || target === client)
      return refuse('ERR_UNKNOWN_TARGET', `no other client ${quoted(parsed.data.client)}`);
    return this.seat(target, parsed.data.seat);
  }

  private kick(client: Client, raw: unknown) {
    if (this.seatOf(client) !== 'facilitator') return refuse('ERR_NOT_YOUR_ROLE', 'only the White Cell removes people');
    const parsed = KickSchema.safeParse(raw);
    if (!parsed.success) return refuse('ERR_MALFORMED', 'kick needs { client }');
    const target = this.clients.getById(parsed.data.client);
    if (!target || target === client)
      return refuse('ERR_UNKNOWN_TARGET', `no other client ${quoted(parsed.data.client)}`);
    // A removed player loses its way back to the seat, and may not reconnect into it.
    this.session.note('seating', null, { kick: this.members.get(target.sessionId)?.name ?? '' }, matchClock.now());
    this.members.remove(target.sessionId);
    target.leave(4000, 'removed by the White Cell');
    return { ok: true as const };
  }

  /** A team member shares what it is preparing; any member may then submit it as a command. */
  private draft(client: Client, raw: unknown) {
    const seat = this.seatOf(client);
    if (!this.session.state.seats.some((s) => s.id === seat && s.nation !== null))
      return refuse('ERR_NOT_YOUR_ROLE', 'only a nation seat keeps a draft');
    if (raw === null) {
      this.members.clearDraft(seat);
      return { ok: true as const };
    }
    const parsed = parseCommand(raw);
    if (!parsed.ok) return parsed;
    const name = this.members.get(client.sessionId)?.name ?? '';
    this.members.setDraft(seat, parsed.value, name, this.phaseKey());
    return { ok: true as const };
  }

  private phaseKey(): string {
    return `${this.session.state.turn}:${this.session.state.phase}`;
  }

  private chat(client: Client, raw: unknown) {
    const member = this.members.get(client.sessionId);
    const parsed = ChatSchema.safeParse(raw);
    if (!parsed.success) return refuse('ERR_MALFORMED', describeIssues(parsed.error, 'chat'));
    if (!member || !member.chatBucket.take(Date.now()))
      return refuse('ERR_RATE_LIMITED', 'one chat message a second: slow down');
    const check = chatRecipients(
      this.members.list(),
      member.seat,
      parsed.data,
      this.session.state.seats.map((s) => s.id),
    );
    if (!check.ok) return refuse(check.code, check.message);
    const line = { from: member.seat, name: member.name, ...parsed.data, at: matchClock.now() };
    this.session.note('chat', member.seat, line, line.at);
    for (const id of check.recipients) this.clients.getById(id)?.send('chat', line);
    return { ok: true as const };
  }

  private setBot(client: Client, raw: unknown) {
    if (this.seatOf(client) !== 'facilitator') return refuse('ERR_NOT_YOUR_ROLE', 'only the White Cell assigns bots');
    const parsed = SetBotSchema.safeParse(raw);
    if (!parsed.success) return refuse('ERR_MALFORMED', 'set_bot needs { seat, policy }');
    // The seat and the policy are the match loop's to check (shared/match/step.ts).
    return this.session.setBot(parsed.data.seat, parsed.data.policy, matchClock.now());
  }

  private start(client: Client) {
    if (this.seatOf(client) !== 'facilitator')
      return refuse('ERR_NOT_YOUR_ROLE', 'only the White Cell starts the match');
    return this.session.start(this.members.seats(), matchClock.now());
  }

  private showSecrets(client: Client, seat: string): void {
    const chunk = this.state.secrets.get(seat);
    if (chunk && seat !== 'observer') client.view?.add(chunk);
  }

  private hideSecrets(client: Client, seat: string): void {
    const chunk = this.state.secrets.get(seat);
    if (chunk) client.view?.remove(chunk);
  }

  private sync(): void {
    syncState(this.state, this.session, {
      members: this.members.list(),
      drafts: this.members.draftsFor(this.phaseKey()),
    });
    this.broadcastPatch();
  }
}

/** The recorded turn a branch starts from; throws a refusal naming what is wrong. */
const branchPoint = (request: NonNullable<CreateOptions['branch']>, scenarioId: string) => {
  const source = journal().match(request.matchId);
  if (!source || !sameSecret(request.facilitatorKey, source.room.facilitatorKey))
    throw creationRefusal(`branch: no recorded match ${quoted(request.matchId)} with that facilitator key`);
  if (source.setup.scenarioId !== scenarioId)
    throw creationRefusal(`branch: match ${quoted(request.matchId)} plays scenario "${source.setup.scenarioId}"`);
  const snapshot = journal().turnSnapshot(request.matchId, request.turn);
  if (!snapshot) throw creationRefusal(`branch: match ${quoted(request.matchId)} never reached turn ${request.turn}`);
  return { snapshot, origin: { matchId: request.matchId, turn: request.turn } };
};

const ok = (value: GameEvent[]) => ({ ok: true as const, value });

const refuse = (code: ErrorCode, message: string) => ({ ok: false as const, error: { code, message } });

/** Colyseus adds its own keys to options (e.g. the seat reservation); the schemas see only ours. */
const withoutInternals = (raw: unknown): unknown => {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  const { __testJoinOptions: _a, __restore: _b, ...rest } = raw as Record<string, unknown>;
  return rest;
};
