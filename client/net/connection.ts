// The network adapter: one colyseus.js room, turned into MatchStore snapshots. It remembers how to
// get back in (sessionStorage, per tab) so a page reload or a dropped link returns to the same seat.
import { Client, type Room } from 'colyseus.js';
import type { GameEvent } from '../../shared/model/events.js';
import type { Command } from '../../shared/protocol/commands.js';
import type { RoomMessageType, RoomMessages } from '../../shared/protocol/roomMessages.js';
import { rememberMatch } from './pastMatches.js';
import { type ChatLine, MatchStore, type WireState } from './store.js';

/** What a tab keeps to rejoin its match. Secrets, so sessionStorage (this tab only), never the URL. */
export interface SavedSeat {
  code: string;
  name: string;
  reconnectionToken: string;
  /** The seat the server last put this tab in (a reconnect gets no new welcome). */
  seat?: string;
  reclaimKey?: string;
  facilitatorKey?: string;
}

const STORAGE_KEY = 'guarantor.seat';
/** Close codes after which the server will not take this client back (docs/PROTOCOL.md §1.5). */
const FINAL_CLOSES = new Set([1000, 4000]);
/** Pauses between attempts to get back in: quick at first, then every 5 s for about two minutes. */
const RETRY_DELAYS_MS = [250, 500, 1000, 2000, 3000, ...Array<number>(24).fill(5000)];

const serverEndpoint = (): string => {
  const secure = location.protocol === 'https:';
  // `npm run dev` serves the page from Vite; the game server stays on its own port.
  const host = import.meta.env.DEV ? `${location.hostname}:2567` : location.host;
  return `${secure ? 'wss' : 'ws'}://${host}`;
};

const loadSaved = (): SavedSeat | null => {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    return raw ? (JSON.parse(raw) as SavedSeat) : null;
  } catch {
    return null;
  }
};

const save = (seat: SavedSeat | null): void => {
  if (seat) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(seat));
  else sessionStorage.removeItem(STORAGE_KEY);
};

const CHAT_KEY = 'guarantor.chat';
const CHAT_KEPT = 200;

/** This tab's chat lines for the match `code` (none for another match). */
const loadChat = (code: string): ChatLine[] => {
  try {
    const kept = JSON.parse(sessionStorage.getItem(CHAT_KEY) ?? 'null') as { code: string; lines: ChatLine[] } | null;
    return code && kept?.code === code && Array.isArray(kept.lines) ? kept.lines : [];
  } catch {
    return [];
  }
};

const saveChat = (code: string, lines: readonly ChatLine[]): void => {
  if (code) sessionStorage.setItem(CHAT_KEY, JSON.stringify({ code, lines: lines.slice(-CHAT_KEPT) }));
};

export interface CreateRequest {
  scenario: string;
  name: string;
  showMath: boolean;
  facilitatorReview: boolean;
  timers: Record<string, number | null>;
  bots: Record<string, string>;
  /** A what-if from a recorded turn (docs/PROTOCOL.md §1.1). */
  branch?: { matchId: string; turn: number; facilitatorKey: string };
}

export class MatchConnection {
  readonly store = new MatchStore();
  private room: Room;
  private saved: SavedSeat;
  private leaving = false;

  private constructor(
    private readonly client: Client,
    room: Room,
    saved: SavedSeat,
  ) {
    this.room = room;
    this.saved = saved;
    // Chat is not part of the room's state: the tab keeps what it received across a reload.
    for (const line of loadChat(saved.code)) this.store.applyChat(line);
    this.attach(room);
  }

  /** Creates a match; this client becomes its White Cell. */
  static async create(request: CreateRequest): Promise<MatchConnection> {
    const client = new Client(serverEndpoint());
    const hostToken = crypto.randomUUID();
    const room = await client.create('crisis', { ...request, hostToken });
    return new MatchConnection(client, room, { code: '', name: request.name, reconnectionToken: '' });
  }

  /** Joins a match by its code, as an observer until a seat is taken. */
  static async join(code: string, name: string): Promise<MatchConnection> {
    const client = new Client(serverEndpoint());
    const room = await client.join('crisis', { code, name });
    return new MatchConnection(client, room, { code: code.trim().toUpperCase(), name, reconnectionToken: '' });
  }

  /** Back into the match this tab was in: the live seat if the server kept it, else the reclaim key. */
  static async resume(): Promise<MatchConnection | null> {
    const saved = loadSaved();
    if (!saved) return null;
    const client = new Client(serverEndpoint());
    const room = await rejoin(client, saved).catch(() => null);
    if (room) return new MatchConnection(client, room, saved);
    save(null);
    return null;
  }

  get code(): string {
    return this.saved.code;
  }

  get facilitatorKey(): string | undefined {
    return this.saved.facilitatorKey;
  }

  command(command: Command): void {
    this.send('command', command);
  }

  /** Any room message, typed by the shared message map (shared/protocol/roomMessages.ts). */
  send<T extends RoomMessageType>(type: T, payload?: RoomMessages[T]): void {
    if (this.store.current.link !== 'connected') {
      this.store.notify('error', 'not connected: wait for the link to come back');
      return;
    }
    this.room.send(type, payload);
  }

  /** Leaves for good: the tab forgets the match. */
  async leave(): Promise<void> {
    this.leaving = true;
    save(null);
    await this.room.leave(true).catch(() => undefined);
  }

  private attach(room: Room): void {
    this.saved = { ...this.saved, reconnectionToken: room.reconnectionToken };
    this.persist();
    this.store.connected();
    // Breakdowns are asked for on the room of the moment, never queued for a dead link.
    this.store.requestBreakdowns = (turn) => {
      if (room === this.room && this.store.current.link === 'connected') room.send('breakdown', { turn });
    };
    room.onMessage('breakdown', (reply: unknown) => {
      if (room === this.room) this.store.applyBreakdowns(reply);
    });
    room.onMessage('welcome', (m: { seat: string; code: string; facilitatorKey?: string; reclaimKey?: string }) => {
      this.saved = {
        ...this.saved,
        code: m.code,
        seat: m.seat,
        ...(m.facilitatorKey ? { facilitatorKey: m.facilitatorKey } : {}),
        ...(m.reclaimKey ? { reclaimKey: m.reclaimKey } : {}),
      };
      this.persist();
      if (m.facilitatorKey) {
        const scenario = (room.state as { scenarioId?: string } | undefined)?.scenarioId ?? '';
        rememberMatch({ id: room.roomId, code: m.code, key: m.facilitatorKey, scenario, createdAt: Date.now() });
      }
      this.store.seatAs(m.seat);
      this.onState(room);
    });
    room.onMessage('seated', (m: { seat: string; reclaimKey?: string }) => {
      this.saved = { ...this.saved, seat: m.seat, ...(m.reclaimKey ? { reclaimKey: m.reclaimKey } : {}) };
      this.persist();
      this.store.seatAs(m.seat);
      this.onState(room);
    });
    room.onMessage('error', (m: { code: string; message: string }) => this.store.notify('error', m.message));
    room.onMessage('chat', (line: ChatLine) => {
      this.store.applyChat(line);
      saveChat(this.saved.code, this.store.current.chat);
    });
    room.onMessage('events', (events: GameEvent[]) => this.store.applyEvents(events));
    room.onStateChange(() => this.onState(room));
    room.onLeave((code: number) => void this.dropped(code));
    this.store.setLink('connected');
    if (this.saved.seat) this.store.seatAs(this.saved.seat);
    if (room.state) this.onState(room);
  }

  private onState(room: Room): void {
    if (room !== this.room || !room.state) return;
    this.store.applyState(room.state as WireState);
  }

  private async dropped(code: number): Promise<void> {
    if (this.leaving) return;
    if (FINAL_CLOSES.has(code)) {
      this.store.setLink('closed');
      this.store.notify('error', code === 4000 ? 'the White Cell removed you from the match' : 'you left the match');
      save(null);
      return;
    }
    this.store.setLink('reconnecting');
    for (const delay of RETRY_DELAYS_MS) {
      await new Promise((r) => setTimeout(r, delay));
      try {
        this.room = await rejoin(this.client, this.saved);
        this.attach(this.room);
        this.store.notify('info', 'reconnected');
        return;
      } catch {
        // try again after a longer pause
      }
    }
    this.store.setLink('closed');
    this.store.notify('error', 'the connection is lost: reload the page to rejoin your seat');
  }

  private persist(): void {
    if (this.saved.code) save(this.saved);
  }
}

/**
 * The seat this tab held: the same session while the server keeps it (a dropped link), else a new
 * join with the reclaim or White Cell key (the window passed, or the server restarted and restored
 * the match from its journal).
 */
const rejoin = async (client: Client, saved: SavedSeat): Promise<Room> => {
  try {
    return await client.reconnect(saved.reconnectionToken);
  } catch {
    return client.join('crisis', {
      code: saved.code,
      name: saved.name,
      ...(saved.facilitatorKey ? { facilitatorKey: saved.facilitatorKey } : {}),
      ...(saved.reclaimKey ? { reclaimKey: saved.reclaimKey } : {}),
    });
  }
};
