// One benchmark room: the White Cell and five seated players on real colyseus.js connections.
// Each seat answers what it owes with the shared bot after a think time; every command is timed
// from the moment it is sent to the first patch at each OTHER client that reflects it.
import { randomBytes } from 'node:crypto';
import type { Client, Room } from 'colyseus.js';
import {
  NO_TIMERS,
  type Command,
  PHASES,
  type Phase,
  type PolicyName,
  botCommand,
  readView,
  scenarioById,
} from '../../shared/index.js';
import { RngCursor, deriveSeed } from '../../shared/rng.js';

/** The decoded room state, read through the fields the benchmark needs. */
export interface WireState {
  code: string;
  status: string;
  phase: string;
  turn: number;
  /** The public view's typed fields (shared/protocol/wire.ts); statements are read for their token. */
  view?: { statements?: Iterable<{ text: string }> };
  seats?: Map<string, { owes: boolean }>;
  secrets?: Map<string, unknown>;
}

const SCENARIO = 'classroom';
const READY_PHASES: readonly string[] = ['briefing', 'diplomacy', 'results'];

/** Counters shared by every room of one step. Only commands sent while `measuring` count. */
export interface Tally {
  measuring: boolean;
  /** ms from send to the reflecting patch, one entry per (command, other client). */
  latencies: number[];
  /** The same samples by phase/command type. */
  byKind: Map<string, number[]>;
  sent: number;
  accepted: number;
  refused: number;
  /** Accepted commands no other client saw before the seat's next command (or ever). */
  unseen: number;
  /** (command, other client) pairs whose patch never came before the command was closed. */
  missing: number;
  patches: number;
  /** Seats that owed a move while the bot had none to give (the match would stall). */
  stalls: number;
  /** JSON bytes of the measured commands' payloads: the bare room's commands are sized to match. */
  commandBytes: number;
}

export const newTally = (): Tally => ({
  measuring: false,
  latencies: [],
  byKind: new Map(),
  sent: 0,
  accepted: 0,
  refused: 0,
  unseen: 0,
  missing: 0,
  patches: 0,
  stalls: 0,
  commandBytes: 0,
});

/** A command in flight, until every other client has seen it or its seat sends again. */
interface Sent {
  from: Room<WireState>;
  seat: string;
  /** phase/command type, e.g. "allocation/allocate". */
  kind: string;
  t0: number;
  /** turn × 10 + phase index when sent: a later patch has a larger one. */
  progress: number;
  /** A statement's text, unique, so its arrival shows in the public statements. */
  token: string | null;
  /** The sender's own secret chunk when sent: a change there answers a command others can't see. */
  secret: string;
  measured: boolean;
  seenBy: Set<Room<WireState>>;
  samples: number[];
}

const progressOf = (s: WireState): number => s.turn * 10 + PHASES.indexOf(s.phase as Phase);

/** Whether `s` shows the command's effect: its seat no longer owes, its statement, or a later phase. */
const reflects = (c: Sent, s: WireState): boolean => {
  if (s.status === 'ended') return true;
  const progress = progressOf(s);
  if (progress !== c.progress) return progress > c.progress;
  if (c.token === null) return s.seats?.get(c.seat)?.owes === false;
  for (const st of s.view?.statements ?? []) if (st.text === c.token) return true;
  return false;
};

let tokens = 0;

/** The seat's own secret entry as text: a change there answers a command other clients can't see. */
const secretOf = (s: WireState, seat: string): string => JSON.stringify(s.secrets?.get(seat) ?? null);

/** One room's six clients, for either server. */
export interface BenchRoom {
  start(): void;
  /** Whether the room's match is over (the bare room's never ends). */
  ended(): boolean;
  /** Settles the commands still in flight: clients that have not seen them count as missing. */
  flush(): void;
  close(): Promise<void>;
}

/** Messages other than those handled (events, chat, the White Cell's errors) are not measured. */
const ignoreOthers = (room: Room<WireState>): void => {
  room.onMessage('*', () => undefined);
};

const nextMessage = <T>(room: Room<WireState>, type: string, timeoutMs = 30_000): Promise<T> =>
  new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no "${type}" within ${timeoutMs} ms`)), timeoutMs);
    room.onMessage(type, (payload: T) => {
      clearTimeout(timer);
      resolve(payload);
    });
  });

/** Creates a classroom match, seats five players and wires the drivers; `start()` begins play. */
export const openBenchRoom = async (
  client: Client,
  index: number,
  tally: Tally,
  think: () => number,
): Promise<BenchRoom> => {
  const scenario = scenarioById(SCENARIO);
  if (!scenario) throw new Error(`no scenario ${SCENARIO}`);
  const host = await client.create<WireState>('crisis', {
    scenario: SCENARIO,
    name: 'White Cell',
    // Only the client that presents this becomes the White Cell.
    hostToken: randomBytes(18).toString('base64url'),
    timers: NO_TIMERS,
    seed: index,
  });
  ignoreOthers(host);
  const { code } = await nextMessage<{ code: string }>(host, 'welcome');
  const seats = scenario.seats.map((s) => ({ id: s.id, policy: s.bot as PolicyName }));
  const players = await Promise.all(
    seats.map(async (seat) => {
      const room = await client.join<WireState>('crisis', { code, name: seat.id });
      ignoreOthers(room);
      const seated = nextMessage(room, 'seated');
      room.send('take_seat', { seat: seat.id });
      await seated;
      return { room, ...seat };
    }),
  );
  const open: Sent[] = [];
  let stopped = false;
  const close = (c: Sent, refused: boolean) => {
    const at = open.indexOf(c);
    if (at < 0) return;
    open.splice(at, 1);
    if (!c.measured) return;
    if (refused) {
      tally.refused++;
      return;
    }
    tally.accepted++;
    if (c.samples.length === 0) tally.unseen++;
    else {
      tally.latencies.push(...c.samples);
      const kind = tally.byKind.get(c.kind) ?? [];
      kind.push(...c.samples);
      tally.byKind.set(c.kind, kind);
      tally.missing += players.length - c.samples.length;
    }
  };
  // Every client, the White Cell included, times the commands of the others.
  const observe = (room: Room<WireState>) =>
    room.onStateChange((s) => {
      const now = performance.now();
      if (tally.measuring) tally.patches++;
      for (const c of [...open]) {
        if (c.from === room || c.seenBy.has(room) || !reflects(c, s)) continue;
        c.seenBy.add(room);
        c.samples.push(now - c.t0);
        if (c.seenBy.size === players.length) close(c, false);
      }
    });
  observe(host);

  for (const [i, { room, id: seat, policy }] of players.entries()) {
    observe(room);
    const rng = new RngCursor(deriveSeed(index, 7 + i));
    let pending: Sent | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const owes = (s: WireState) => s.status === 'playing' && s.seats?.get(seat)?.owes === true;
    const act = () => {
      timer = undefined;
      const s = room.state;
      if (stopped || pending || !owes(s)) return;
      const secret = secretOf(s, seat);
      const view = readView(s, seat);
      let command: Command | null = botCommand(policy, view, seat, rng);
      if (!command && READY_PHASES.includes(s.phase)) command = { type: 'ready' };
      if (!command) {
        tally.stalls++;
        return;
      }
      let token: string | null = null;
      if (command.type === 'statement') {
        token = `#${index}.${++tokens}#`;
        command = { ...command, text: token };
      }
      // The seat's previous command is settled now: a client that has not seen it never will.
      for (const c of open.filter((o) => o.from === room)) close(c, false);
      const sent: Sent = {
        from: room,
        seat,
        kind: `${s.phase}/${command.type}`,
        t0: performance.now(),
        progress: progressOf(s),
        token,
        secret,
        measured: tally.measuring,
        seenBy: new Set(),
        samples: [],
      };
      if (sent.measured) {
        tally.sent++;
        tally.commandBytes += JSON.stringify(command).length;
      }
      open.push(sent);
      pending = sent;
      room.send('command', command);
    };
    const schedule = (s: WireState) => {
      if (!stopped && !pending && !timer && owes(s)) timer = setTimeout(act, think());
    };
    room.onStateChange((s) => {
      // One command at a time per seat, like a player waiting for the screen to update.
      if (pending && (reflects(pending, s) || secretOf(s, seat) !== pending.secret)) pending = null;
      schedule(s);
    });
    room.onMessage('error', () => {
      if (pending) close(pending, true);
      pending = null;
      schedule(room.state);
    });
    room.onLeave(() => {
      stopped = true;
      clearTimeout(timer);
    });
  }
  const rooms = [host, ...players.map((p) => p.room)];
  return {
    start: () => host.send('start'),
    ended: () => host.state.status === 'ended',
    flush: () => {
      for (const c of [...open]) close(c, false);
    },
    close: async () => {
      stopped = true;
      for (const room of rooms) {
        room.removeAllListeners();
        // Leaving makes the server send events to those still there.
        ignoreOthers(room);
      }
      await Promise.all(rooms.map((r) => r.leave(true).catch(() => 0)));
    },
  };
};
