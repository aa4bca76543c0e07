// The `crisis` room: a thin adapter. Identify the client and its seat → parse the message → hand it
// to the match session (the shared engine decides) → copy the result into the Schema → patch now.
import { type AuthContext, type Client, matchMaker } from '@colyseus/core';
import { StateView } from '@colyseus/schema';
import { type ErrorCode, type GameEvent, eventsFor, seatById } from '../../shared/index.js';
import { journal } from '../journal/journalStore.js';
import { matchClock } from '../match/clock.js';
import type { MatchSession } from '../match/MatchSession.js';
import { restoreRequest } from '../match/restoreMatches.js';
import { type Identity, type RoomAccess, identify, welcome } from './admission.js';
import { Members } from './Members.js';
import { openNew, openRestored } from './opening.js';
import { type RoomContext, whiteCellOnly } from './roomContext.js';
import { SafeRoom } from './SafeRoom.js';
import { kick, moveClient, setBot, takeSeat } from './seating.js';
import { chat, draft, phaseKey } from './talk.js';
import { type CrisisState, newCrisisState } from './schema/CrisisState.js';
import { showGained, syncState } from './sync.js';
import { answerBreakdown } from './breakdowns.js';

/** Refusals within the rate limiter's window after which a flooding client is disconnected. */
const FLOOD_LIMIT = 50;
const TICK_MS = 250;
/** How often a running room tells the journal it is alive (a restore extends deadlines by the gap). */
const ALIVE_MS = 2000;
/** A restored room waits this long for its first player before it may close like any empty room. */
const RESTORED_GRACE_MS = 10 * 60_000;

export class CrisisRoom extends SafeRoom<CrisisState> implements RoomContext {
  maxClients = 80;
  session!: MatchSession;
  private access!: RoomAccess;
  readonly members = new Members(() => this.saveRoom());
  /** Dropped clients' reconnections, by session id, so a rejoin with the same key can end one. */
  private readonly waiting = new Map<string, () => void>();

  onCreate(raw: unknown): void {
    const restoring = restoreRequest(raw);
    if (restoring) this.roomId = restoring;
    const opened = restoring ? openRestored(restoring, this.members) : openNew(this.roomId, raw);
    this.session = opened.session;
    this.access = opened.access;
    // filterBy(['code']) matches joiners against the listing, so the code goes there.
    (this.listing as unknown as { code: string }).code = this.access.code;
    if (restoring) {
      // Nobody is connected yet: give the players time to come back before the room may close.
      this.autoDispose = false;
      this.clock.setTimeout(() => (this.autoDispose = true), RESTORED_GRACE_MS);
    }
    const scenario = this.session.setup.scenario;
    this.setState(newCrisisState());
    this.state.code = this.access.code;
    this.state.scenarioId = scenario.id;
    this.state.title = scenario.title;
    this.sync();

    this.handle('command', (client, payload) =>
      this.guard(client, () => this.session.command(this.seatOf(client), payload, matchClock.now())),
    );
    const handlers = { take_seat: takeSeat, set_bot: setBot, chat, draft, move_client: moveClient, kick };
    for (const [type, handler] of Object.entries(handlers))
      this.handle(type, (client, payload) => this.guard(client, () => handler(this, client, payload)));
    this.handle('start', (client) => this.guard(client, () => this.start(client)));
    this.handle('breakdown', (client, payload) =>
      answerBreakdown(this, client, payload, (e) => this.refuse(client, e)),
    );
    this.clock.setInterval(() => {
      const events = this.session.tick(matchClock.now());
      if (events.length === 0) return;
      this.deliver(events);
      this.sync();
    }, TICK_MS);
    this.clock.setInterval(() => journal().alive(this.roomId, matchClock.now()), ALIVE_MS);
  }

  private saveRoom(): void {
    if (!this.session) return;
    const { facilitatorKey, reconnectSeconds } = this.access;
    journal().saveRoom(this.roomId, { facilitatorKey, reconnectSeconds, reclaimKeys: this.members.exportKeys() });
  }

  onAuth(_client: Client, raw: unknown, context: AuthContext): Promise<Identity> {
    return identify(this.access, this.members, raw, context, (id) => this.waiting.get(id)?.());
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
    client.send('welcome', welcome(this.access, this.members, client.sessionId, seat));
    this.deliver(events);
    this.sync();
  }

  async onLeave(client: Client, consented: boolean): Promise<void> {
    const member = this.members.keepsPlace(client.sessionId, consented);
    if (member) {
      // A dropped connection keeps its seat and its view for the reconnection window.
      member.connected = false;
      this.sync();
      try {
        const reconnection = this.allowReconnection(client, this.access.reconnectSeconds);
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

  seatOf(client: Client): string {
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

  private start(client: Client) {
    return (
      whiteCellOnly(this, client, 'starts the match') ?? this.session.start(this.members.seats(), matchClock.now())
    );
  }

  /** A connected client by session id (for the handlers in seating.ts and talk.ts). */
  client(id: string): Client | undefined {
    return this.clients.getById(id);
  }

  showSecrets(client: Client, seat: string): void {
    const chunk = this.state.secrets.get(seat);
    if (chunk && seat !== 'observer') client.view?.add(chunk);
  }

  hideSecrets(client: Client, seat: string): void {
    const chunk = this.state.secrets.get(seat);
    if (chunk) client.view?.remove(chunk);
  }

  private sync(): void {
    const gained = syncState(this.state, this.session, {
      members: this.members.list(),
      drafts: this.members.draftsFor(phaseKey(this)),
    });
    showGained(gained, this.clients, (client) => this.seatOf(client));
    this.broadcastPatch();
  }
}
