// One step of `npm run bench:server`: start one server (the real one or the bare Colyseus room) in a
// child process, open N rooms of six clients, let them play, measure, read the server's live heap,
// close everything. The same code drives both servers, so only the room behind the socket differs.
import { mkdirSync } from 'node:fs';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { join } from 'node:path';
import { Client } from 'colyseus.js';
import { openBareRoom } from './bareBenchRoom.js';
import { type BenchRoom, type Tally, newTally, openBenchRoom } from './benchRoom.js';
import type { HeapReading } from './heapProbe.js';
import { type ServerProcess, freePort, machineBusyMs, startServer } from './serverProcess.js';

export type ServerKind = 'guarantor' | 'bare';

export interface StepOptions {
  rooms: number;
  /** Mean think time of a seat, in ms; each think is drawn from 0.5–1.5 × this. */
  thinkMs: number;
  warmupMs: number;
  measureMs: number;
  port?: number;
  /** A directory for V8 CPU profiles of the server's measured window (`<kind>-<rooms>.cpuprofile`). */
  profileDir?: string;
  /** The bare room's command size, in JSON bytes. */
  payloadBytes: number;
  /** Where to write heap snapshots of the server, idle and with N rooms (none when unset). */
  snapshotDir?: string;
}

export interface StepResult {
  kind: ServerKind;
  rooms: number;
  thinkMs: number;
  tally: Tally;
  p50: number;
  p99: number;
  max: number;
  seconds: number;
  serverCpuPct: number;
  serverCpuMsPerCmd: number;
  serverRssMb: number;
  clientCpuPct: number;
  /** CPU that other processes on the machine took meanwhile: a busy machine skews the figures. */
  otherCpuPct: number;
  /** The bench process's own event-loop delay: what of the latency the clients may have added. */
  loopP99: number;
  loopMax: number;
  ended: number;
  setupS: number;
  /** Live memory after full GCs: before any room, with every room playing, after all closed. */
  heapIdle: HeapReading;
  heapLoaded: HeapReading;
  heapAfter: HeapReading;
  /** Heap snapshot files written (idle, loaded), when asked for. */
  snapshots: string[];
}

/** Rooms set up at once: enough to be quick, few enough not to time out seat reservations. */
const SETUP_BATCH = 25;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Nearest-rank percentile of sorted values. */
export const pct = (sorted: Float64Array, q: number) => sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? NaN;

/** Waits until the server has used under 5 % CPU for half a second (the maps warm up after listen). */
const quiet = async (server: ServerProcess, limitMs = 15_000) => {
  const began = performance.now();
  let last = server.sample().cpuMs;
  while (performance.now() - began < limitMs) {
    await sleep(500);
    const now = server.sample().cpuMs;
    if (now - last < 25) return;
    last = now;
  }
};

const launch = async (kind: ServerKind, o: StepOptions): Promise<ServerProcess> => {
  const port = o.port ?? (await freePort());
  if (kind === 'bare') return startServer(port, [], {}, { entry: 'test/bench/bareServer.ts', probe: true });
  // The bench creates its rooms from one address, far above a teacher's pace.
  return startServer(port, [], { CREATES_PER_MINUTE: '100000' }, { probe: true });
};

export const runStep = async (kind: ServerKind, o: StepOptions): Promise<StepResult> => {
  const server = await launch(kind, o);
  const opened: BenchRoom[] = [];
  const snapshots: string[] = [];
  const think = () => o.thinkMs * (0.5 + Math.random());
  try {
    await quiet(server);
    const heapIdle = await server.heap();
    if (o.snapshotDir) {
      snapshots.push(join(o.snapshotDir, `${kind}-0.heapsnapshot`));
      await server.snapshot(snapshots[0] ?? '');
    }
    const client = new Client(server.url);
    const tally = newTally();
    const setupStart = performance.now();
    for (let i = 0; i < o.rooms; i += SETUP_BATCH) {
      const batch = Array.from({ length: Math.min(SETUP_BATCH, o.rooms - i) }, (_, k) =>
        kind === 'bare'
          ? openBareRoom(client, tally, think, o.payloadBytes)
          : openBenchRoom(client, i + k, tally, think),
      );
      opened.push(...(await Promise.all(batch)));
    }
    const setupS = (performance.now() - setupStart) / 1000;
    // Starts spread over one think time, so rooms drift apart instead of moving in lockstep.
    opened.forEach((r, i) => setTimeout(r.start, (i * o.thinkMs) / o.rooms));
    await sleep(o.warmupMs + o.thinkMs);

    if (o.profileDir) await server.profileStart();
    tally.measuring = true;
    const s0 = server.sample();
    const c0 = process.cpuUsage();
    const m0 = machineBusyMs();
    const w0 = performance.now();
    const loop = monitorEventLoopDelay({ resolution: 1 });
    loop.enable();
    await sleep(o.measureMs);
    tally.measuring = false;
    const s1 = server.sample();
    const c1 = process.cpuUsage(c0);
    const machineMs = machineBusyMs() - m0;
    loop.disable();
    const seconds = (performance.now() - w0) / 1000;
    if (o.profileDir) {
      mkdirSync(o.profileDir, { recursive: true });
      await server.profileStop(join(o.profileDir, `${kind}-${o.rooms}.cpuprofile`));
    }
    // Let the last measured commands reach every client, then settle what is still open.
    await sleep(Math.min(2000, o.thinkMs));
    for (const r of opened) r.flush();
    const ended = opened.filter((r) => r.ended()).length;
    // The rooms are still open and their clients connected: this is the memory N rooms hold.
    const heapLoaded = await server.heap();
    if (o.snapshotDir) {
      snapshots.push(join(o.snapshotDir, `${kind}-${o.rooms}.heapsnapshot`));
      await server.snapshot(snapshots[1] ?? '');
    }
    await Promise.all(opened.splice(0).map((r) => r.close()));
    // Rooms dispose a moment after their last client leaves.
    await sleep(1500);
    const heapAfter = await server.heap();

    const sorted = Float64Array.from(tally.latencies).sort();
    const cpuMs = s1.cpuMs - s0.cpuMs;
    const benchMs = (c1.user + c1.system) / 1000;
    return {
      kind,
      rooms: o.rooms,
      thinkMs: o.thinkMs,
      tally,
      p50: pct(sorted, 0.5),
      p99: pct(sorted, 0.99),
      max: sorted[sorted.length - 1] ?? NaN,
      seconds,
      serverCpuPct: (cpuMs / (seconds * 1000)) * 100,
      serverCpuMsPerCmd: cpuMs / Math.max(1, tally.accepted),
      serverRssMb: s1.rssMb,
      clientCpuPct: (benchMs / (seconds * 1000)) * 100,
      otherCpuPct: Math.max(0, ((machineMs - cpuMs - benchMs) / (seconds * 1000)) * 100),
      // The histogram holds whole timer periods: take the 1 ms period off.
      loopP99: Math.max(0, loop.percentile(99) / 1e6 - 1),
      loopMax: Math.max(0, loop.max / 1e6 - 1),
      ended,
      setupS,
      heapIdle,
      heapLoaded,
      heapAfter,
      snapshots,
    };
  } finally {
    await Promise.all(opened.map((r) => r.close()));
    await server.stop();
  }
};
