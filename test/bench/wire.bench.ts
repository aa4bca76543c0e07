// `npm run bench:wire [-- --scenarios classroom,baltic] [--seed 7]`: whole matches through the real
// server (a child process) with real colyseus.js clients, every nation seat played by a wire bot and
// the White Cell watching, and the size of every frame each client receives. Prints, per client frame:
// the join snapshot in the lobby, the join snapshot mid-match (an observer who joins and a player who
// reconnects, turn 5), the patches for one action (p50/p95), the patches into results (p50/max) and the
// on-demand breakdown reply. Asserts nothing (issue 12, item 5: the targets are printed beside).
import { parseArgs } from 'node:util';
import { decode } from '@colyseus/schema';
import { Client, Room } from 'colyseus.js';
import { NO_TIMERS, type PolicyName, scenarioById } from '../../shared/index.js';
import { runWireBot, type WireBot } from '../../scripts/bot/wireBot.js';
import { freePort, startServer } from './serverProcess.js';

const { values } = parseArgs({
  options: {
    scenarios: { type: 'string', default: 'classroom,baltic' },
    seed: { type: 'string', default: '7' },
  },
});

/** Colyseus 0.16 protocol codes (colyseus.js Protocol). */
const JOIN_ROOM = 10;
const ROOM_DATA = 13;
const ROOM_STATE = 14;
const ROOM_STATE_PATCH = 15;

interface Frame {
  code: number;
  bytes: number;
  /** The message type of a ROOM_DATA frame. */
  type?: string;
  statusBefore: string;
  phaseBefore: string;
  phaseAfter: string;
}

type Decoded = { status?: string; phase?: string; turn?: number; code?: string } | undefined;

/** The decoded state, or nothing before the serializer exists (the JOIN_ROOM frame makes it). */
const decoded = (room: Room): Decoded =>
  (room as unknown as { serializer?: unknown }).serializer ? (room.state as Decoded) : undefined;

// Every frame a colyseus.js room receives passes Room.onMessageCallback (bound when the room
// connects): wrap it once, before any room exists, to record the frame's size and what it changed.
const frames = new WeakMap<Room, Frame[]>();
const original = (Room.prototype as unknown as { onMessageCallback: (e: MessageEvent) => void }).onMessageCallback;
(Room.prototype as unknown as { onMessageCallback: (e: MessageEvent) => void }).onMessageCallback = function (
  this: Room,
  event: MessageEvent,
) {
  const buffer = new Uint8Array(event.data as ArrayBuffer);
  const before = decoded(this);
  const frame: Frame = {
    code: buffer[0] ?? 0,
    bytes: buffer.byteLength,
    statusBefore: before?.status ?? '',
    phaseBefore: before?.phase ?? '',
    phaseAfter: '',
  };
  if (frame.code === ROOM_DATA) {
    const it = { offset: 1 };
    const bytes = Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength);
    frame.type = decode.stringCheck(bytes, it) ? decode.string(bytes, it) : String(decode.number(bytes, it));
  }
  original.call(this, event);
  frame.phaseAfter = decoded(this)?.phase ?? '';
  const list = frames.get(this) ?? [];
  list.push(frame);
  frames.set(this, list);
};

const framesOf = (room: Room): Frame[] => frames.get(room) ?? [];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const until = async (check: () => boolean, what: string, timeoutMs = 300_000): Promise<void> => {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
};
const stateOf = decoded;

const quantile = (xs: readonly number[], q: number): number => {
  if (xs.length === 0) return NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
};

/** The first full state a room received, and the handshake (schema reflection) before it. */
const joinFrames = (room: Room) => ({
  state: framesOf(room).find((f) => f.code === ROOM_STATE)?.bytes ?? NaN,
  handshake: framesOf(room).find((f) => f.code === JOIN_ROOM)?.bytes ?? NaN,
});

/** Whether the server of this checkout answers breakdowns on demand (the lean wire). */
const breakdownMessage = async (): Promise<string | null> => {
  const messages = (await import('../../shared/protocol/roomMessages.js')) as Record<string, unknown>;
  return 'BreakdownRequestSchema' in messages ? 'breakdown' : null;
};

interface Figures {
  scenario: string;
  lobby: { state: number; handshake: number };
  joiner: { state: number; handshake: number; turn: number; phase: string };
  reconnect: { state: number; handshake: number; turn: number; phase: string };
  resultsJoiner: { state: number; turn: number };
  actionPatches: number[];
  resultsPatches: number[];
  eventFrames: number[];
  breakdownReplies: number[];
  turns: number;
  ms: number;
}

const playMatch = async (url: string, scenarioId: string, seed: number): Promise<Figures> => {
  const started = Date.now();
  const scenario = scenarioById(scenarioId);
  if (!scenario) throw new Error(`no scenario ${scenarioId}`);
  const client = new Client(url);
  const host = await client.create('crisis', {
    scenario: scenarioId,
    name: 'White Cell',
    timers: NO_TIMERS,
    seed,
    hostToken: `bench-wire-host-${scenarioId}-0123456789`,
  });
  const welcome = await new Promise<{ code: string }>((resolve) => host.onMessage('welcome', resolve));
  const quiet = (room: Room) => room.onMessage('*', () => undefined);
  quiet(host);
  const players: { seat: string; policy: PolicyName; room: Room; bot?: WireBot }[] = [];
  for (const s of scenario.seats) {
    const room = await client.join('crisis', { code: welcome.code, name: s.id });
    quiet(room);
    await until(() => stateOf(room)?.code === welcome.code, 'the first state');
    const seated = new Promise((resolve) => room.onMessage('seated', resolve));
    room.send('take_seat', { seat: s.id });
    await seated;
    players.push({ seat: s.id, policy: s.bot, room });
  }
  const lobby = joinFrames(players[players.length - 1]!.room);
  const breakdown = await breakdownMessage();
  const asking = [host, players[0]!.room];
  const ask = (room: Room, turn: number) => {
    if (breakdown) room.send(breakdown, { turn });
  };
  for (const [i, p] of players.entries()) p.bot = runWireBot(p.room, p.seat, p.policy, seed * 100 + i);
  // Ask for the breakdowns as the browser does once results are shown (the White Cell and one player).
  let asked = 0;
  host.onStateChange((s: Decoded) => {
    if (s?.phase === 'results' && (s.turn ?? 0) > asked) {
      asked = s.turn ?? 0;
      for (const room of asking) ask(room, asked);
    }
  });
  // Phases can pass between two polls: the host's patches mark what it has seen.
  const seen = new Set<string>();
  host.onStateChange((s: Decoded) => {
    const mark = `${s?.turn}:${s?.phase}`;
    seen.add(mark);
  });
  host.send('start');

  // Mid-match: an observer joins and a player drops and reconnects, in turn 5's allocation phase.
  await until(() => seen.has('5:allocation'), 'turn 5');
  const at = { turn: 5, phase: stateOf(host)?.phase ?? '' };
  const joinerRoom = await client.join('crisis', { code: welcome.code, name: 'Late observer' });
  quiet(joinerRoom);
  await until(() => framesOf(joinerRoom).some((f) => f.code === ROOM_STATE), 'the joiner state');
  const joiner = { ...joinFrames(joinerRoom), ...at };
  const dropping = players[0]!;
  const dropped = dropping.room;
  dropping.bot?.stop();
  const token = dropping.room.reconnectionToken;
  await dropping.room.leave(false);
  await sleep(200);
  const back = await client.reconnect(token);
  quiet(back);
  // The bot watches from the first state on: the others wait for this seat.
  dropping.bot = runWireBot(back, dropping.seat, dropping.policy, seed * 100 + 99);
  asking[1] = back;
  dropping.room = back;
  await until(() => framesOf(back).some((f) => f.code === ROOM_STATE), 'the reconnected state');
  const reconnect = { ...joinFrames(back), ...at };

  // A joiner while turn 6's results are shown: the report is fresh.
  await until(() => seen.has('6:results') || stateOf(host)?.status === 'ended', 'turn 6 results');
  const late = await client.join('crisis', { code: welcome.code, name: 'Results observer' });
  quiet(late);
  await until(() => framesOf(late).some((f) => f.code === ROOM_STATE), 'the results joiner state');
  const resultsJoiner = { state: joinFrames(late).state, turn: stateOf(late)?.turn ?? 0 };

  await until(() => stateOf(host)?.status === 'ended', 'the end of the match', 900_000);
  await sleep(300);
  for (const p of players) p.bot?.stop();
  const everyone = [host, ...players.map((p) => p.room), joinerRoom, late];
  const playing = (f: Frame) => f.statusBefore === 'playing';
  const actionPatches: number[] = [];
  const resultsPatches: number[] = [];
  const eventFrames: number[] = [];
  const breakdownReplies: number[] = [];
  // The dropped room's frames count too: it was a client until it dropped.
  for (const room of [...everyone, dropped])
    for (const f of framesOf(room)) {
      if (f.code === ROOM_STATE_PATCH && playing(f)) {
        if (f.phaseBefore !== 'results' && f.phaseAfter === 'results') resultsPatches.push(f.bytes);
        else actionPatches.push(f.bytes);
      } else if (f.code === ROOM_DATA && f.type === 'events') eventFrames.push(f.bytes);
      else if (f.code === ROOM_DATA && breakdown && f.type === breakdown) breakdownReplies.push(f.bytes);
    }
  for (const room of everyone) await room.leave(true).catch(() => undefined);
  return {
    scenario: scenarioId,
    lobby,
    joiner,
    reconnect,
    resultsJoiner,
    actionPatches,
    resultsPatches,
    eventFrames,
    breakdownReplies,
    turns: scenario.turns,
    ms: Date.now() - started,
  };
};

const kb = (n: number) => (Number.isNaN(n) ? 'n/a' : `${(n / 1024).toFixed(1)} KB`);
const b = (n: number) => (Number.isNaN(n) ? 'n/a' : `${Math.round(n)} B`);

const print = (all: Figures[]) => {
  const rows: [string, ...string[]][] = [
    ['per client frame', ...all.map((f) => `${f.scenario} (${f.turns} turns, ${(f.ms / 1000).toFixed(0)} s)`)],
    ['join snapshot, lobby (target ≤ 8 KB)', ...all.map((f) => kb(f.lobby.state))],
    ['  + schema handshake (JOIN_ROOM frame)', ...all.map((f) => kb(f.lobby.handshake))],
    [
      'join snapshot, observer joins mid-match (≤ 8 KB)',
      ...all.map((f) => `${kb(f.joiner.state)} (turn ${f.joiner.turn} ${f.joiner.phase})`),
    ],
    [
      'join snapshot, player reconnects mid-match (≤ 8 KB)',
      ...all.map((f) => `${kb(f.reconnect.state)} (turn ${f.reconnect.turn} ${f.reconnect.phase})`),
    ],
    [
      'join snapshot, observer joins in results',
      ...all.map((f) => `${kb(f.resultsJoiner.state)} (turn ${f.resultsJoiner.turn} results)`),
    ],
    ['patch for one action p50 (≤ 128 B)', ...all.map((f) => b(quantile(f.actionPatches, 0.5)))],
    ['patch for one action p95', ...all.map((f) => b(quantile(f.actionPatches, 0.95)))],
    ['  patches counted', ...all.map((f) => String(f.actionPatches.length))],
    ['patch into results p50 (≤ 2 KB)', ...all.map((f) => kb(quantile(f.resultsPatches, 0.5)))],
    ['patch into results max', ...all.map((f) => kb(Math.max(...f.resultsPatches)))],
    ['  patches counted', ...all.map((f) => String(f.resultsPatches.length))],
    ['events frame p50 (separate frame)', ...all.map((f) => b(quantile(f.eventFrames, 0.5)))],
    [
      'breakdown reply on demand p50 / max',
      ...all.map((f) =>
        f.breakdownReplies.length === 0
          ? 'n/a (breakdowns ride the results patch)'
          : `${kb(quantile(f.breakdownReplies, 0.5))} / ${kb(Math.max(...f.breakdownReplies))} (${f.breakdownReplies.length})`,
      ),
    ],
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  for (const r of rows)
    console.log(r.map((c, i) => (i === 0 ? c.padEnd(widths[0]!) : c.padStart(widths[i]!))).join('  '));
};

const main = async () => {
  const port = await freePort();
  // Bots send quicker than people: a higher allowance keeps refusals out of the figures.
  const server = await startServer(port, [], { MESSAGE_RATE: '1000' });
  try {
    const all: Figures[] = [];
    for (const id of (values.scenarios ?? '').split(',').filter(Boolean))
      all.push(await playMatch(server.url, id, Number(values.seed)));
    print(all);
  } finally {
    await server.stop();
  }
};

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
