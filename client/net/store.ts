// The client's match store, outside Phaser: it turns each decoded room state into a plain snapshot
// (the seat's view read from the typed state, plus the room's envelope), keeps the turn log from
// `events`, and asks for the report's breakdowns, which patches leave out, once a report shows.
// Scenes and HTML panels read snapshots; nothing here draws.
import { type Breakdowns, BreakdownsSchema, hasBreakdowns, withBreakdowns } from '../../shared/protocol/breakdown.js';
import { readDrafts, readView } from '../../shared/protocol/wire.js';
import type { GameEvent } from '../../shared/model/events.js';
import type { GameView } from '../../shared/view/viewFor.js';

/** The fields of the decoded Colyseus state the store reads (see docs/PROTOCOL.md §4). */
export interface WireState {
  code: string;
  status: string;
  deadline: number;
  /** The public view (typed Schema fields), read with readView. */
  view?: unknown;
  seats?: ReadonlyMap<
    string,
    { id: string; role: string; name: string; bot: string; humans: number; owes: boolean; civilDisorder: boolean }
  >;
  members?: ReadonlyMap<string, { id: string; name: string; seat: string; connected: boolean }>;
  secrets?: ReadonlyMap<string, unknown>;
}

export interface SeatRow {
  id: string;
  role: string;
  name: string;
  bot: string;
  humans: number;
  owes: boolean;
  civilDisorder: boolean;
}

export interface StoreSnapshot {
  code: string;
  status: 'lobby' | 'playing' | 'ended' | string;
  /** Epoch ms of the phase deadline, or null. */
  deadline: number | null;
  /** The seat this client plays (or 'observer'). */
  seat: string;
  /** The seat's whole view, or null before the first full patch. */
  view: GameView | null;
  seats: SeatRow[];
  members: { id: string; name: string; seat: string; connected: boolean }[];
  /** The team's shared draft, if any (docs/PROTOCOL.md §3.7). */
  draft: unknown;
  /** The turn log, oldest first, capped. */
  log: GameEvent[];
  /** Set when the state could not be read: the UI shows it instead of a stale picture. */
  problem: string | null;
  /** Chat lines this client received, oldest first, capped. */
  chat: ChatLine[];
  /** The connection: the UI says "reconnecting…" instead of acting on a dead link. */
  link: LinkStatus;
  /** The last refusal or notice from the server, for the status bar. */
  notice: Notice | null;
}

export type LinkStatus = 'connecting' | 'connected' | 'reconnecting' | 'closed';

export interface Notice {
  kind: 'error' | 'info';
  text: string;
  /** A number that changes with each notice, so a repeated message still shows again. */
  serial: number;
}

/** A chat line as the server sends it (docs/PROTOCOL.md §2.4). */
export interface ChatLine {
  from: string;
  name: string;
  channel: string;
  to?: string;
  text: string;
  at: number;
}

/** How many log lines a client keeps. */
export const LOG_LIMIT = 500;

export class MatchStore {
  private snapshot: StoreSnapshot;
  private readonly listeners = new Set<(s: StoreSnapshot) => void>();
  /** The view as the wire gave it, before the fetched breakdowns are filled in. */
  private bare: GameView | null = null;
  /** The breakdowns last received, and the report turn and seat they were last asked for. */
  private breakdowns: Breakdowns | null = null;
  private asked: string | null = null;
  /** Whether the next state is the first of a connection: it is checked against the view's schema. */
  private fresh = true;
  /** Sends the `breakdown` request (set by the connection; none in tests that only read). */
  requestBreakdowns: ((turn: number) => void) | null = null;

  constructor(seat = 'observer') {
    this.snapshot = {
      code: '',
      status: 'lobby',
      deadline: null,
      seat,
      view: null,
      seats: [],
      members: [],
      draft: null,
      log: [],
      problem: null,
      chat: [],
      link: 'connecting',
      notice: null,
    };
  }

  get current(): StoreSnapshot {
    return this.snapshot;
  }

  subscribe(listener: (s: StoreSnapshot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The room seated this client (welcome or seated). Breakdowns are per seat: asked again. */
  seatAs(seat: string): void {
    if (seat !== this.snapshot.seat) {
      this.breakdowns = null;
      this.asked = null;
      this.fresh = true;
    }
    this.publish({ ...this.snapshot, seat });
  }

  /** A patch arrived: rebuild the snapshot from the decoded state. */
  applyState(wire: WireState): void {
    let view: GameView | null = this.snapshot.view;
    let problem: string | null = null;
    let draft: unknown = null;
    if (wire.view) {
      try {
        this.bare = readView(wire, this.snapshot.seat, this.fresh);
        this.fresh = false;
        view = withBreakdowns(this.bare, this.breakdowns);
        draft = readDrafts(wire, this.snapshot.seat).draft;
      } catch (e) {
        problem = e instanceof Error ? e.message : String(e);
      }
    }
    this.publish({
      ...this.snapshot,
      code: wire.code,
      status: wire.status,
      deadline: wire.deadline > 0 ? wire.deadline : null,
      view,
      seats: [...(wire.seats?.values() ?? [])].map((s) => ({ ...s })),
      members: [...(wire.members?.values() ?? [])].map((m) => ({ ...m })),
      draft,
      problem,
    });
    if (view && !problem) this.askForBreakdowns(view);
  }

  /**
   * Asks once per report (and seat) for the breakdowns the view may show: the results are on the
   * screen, and the report's lines and the scores' "Why?" fill in when the reply arrives.
   */
  private askForBreakdowns(view: GameView): void {
    if (!view.report || !hasBreakdowns(view) || !this.requestBreakdowns) return;
    const key = `${view.report.turn}:${view.viewer}`;
    if (this.asked === key) return;
    this.asked = key;
    this.requestBreakdowns(view.report.turn);
  }

  /** A `breakdown` reply arrived: kept, and filled into the view when it is of the view's report. */
  applyBreakdowns(raw: unknown): void {
    const parsed = BreakdownsSchema.safeParse(raw);
    if (!parsed.success || parsed.data.seat !== this.snapshot.seat) return;
    this.breakdowns = parsed.data;
    if (this.bare) this.publish({ ...this.snapshot, view: withBreakdowns(this.bare, this.breakdowns) });
  }

  /** A new connection (a reconnect included): its first state is checked, breakdowns asked again. */
  connected(): void {
    this.fresh = true;
    this.asked = null;
  }

  /** An `events` message arrived: append to the turn log. */
  applyEvents(events: readonly GameEvent[]): void {
    const log = [...this.snapshot.log, ...events].slice(-LOG_LIMIT);
    this.publish({ ...this.snapshot, log });
  }

  /** A chat line arrived. */
  applyChat(line: ChatLine): void {
    this.publish({ ...this.snapshot, chat: [...this.snapshot.chat, line].slice(-LOG_LIMIT) });
  }

  setLink(link: LinkStatus): void {
    if (link !== this.snapshot.link) this.publish({ ...this.snapshot, link });
  }

  notify(kind: Notice['kind'], text: string): void {
    this.publish({ ...this.snapshot, notice: { kind, text, serial: (this.snapshot.notice?.serial ?? 0) + 1 } });
  }

  private publish(next: StoreSnapshot): void {
    this.snapshot = next;
    for (const l of this.listeners) l(next);
  }
}
