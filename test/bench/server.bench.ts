// `npm run bench:server [-- --rooms 10,50 --think-ms 1000 --warmup-s 5 --measure-s 10 --profile DIR]` (or ROOMS=250):
// N classroom rooms × 6 colyseus.js clients on loopback against the real server in a child process.
// Prints command → patch latency at the other clients, server CPU and RSS. Asserts nothing.
import { cpus } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Client } from 'colyseus.js';
import { type BenchRoom, type Tally, newTally, openBenchRoom } from './benchRoom.js';
import { freePort, machineBusyMs, sampleProcess, startServer } from './serverProcess.js';

const LADDER = [10, 50, 100, 250, 500, 1000];
const LIMIT_MS = 250;
const BISECTIONS = 2;
const TARGET = { rooms: 250, p99: 10 };
/** Rooms set up at once: enough to be quick, few enough not to time out seat reservations. */
const SETUP_BATCH = 25;

const { values } = parseArgs({
  options: {
    rooms: { type: 'string' },
    'think-ms': { type: 'string', default: '1000' },
    'warmup-s': { type: 'string', default: '5' },
    'measure-s': { type: 'string', default: '10' },
    port: { type: 'string' },
    /** A directory for the server's V8 CPU profiles (one per step), to see where its time goes. */
    profile: { type: 'string' },
  },
});
const roomsArg = values.rooms ?? process.env.ROOMS;
const ladder = roomsArg ? roomsArg.split(',').map(Number) : LADDER;
const thinkMs = Number(values['think-ms']);
const warmupMs = Number(values['warmup-s']) * 1000;
const measureMs = Number(values['measure-s']) * 1000;
if (ladder.some((n) => !Number.isInteger(n) || n < 1) || !(thinkMs > 0) || !(measureMs > 0) || !(warmupMs >= 0))
  throw new Error('usage: --rooms N[,N…] --think-ms MS --warmup-s S --measure-s S --port P --profile DIR');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/** Nearest-rank percentile of sorted values. */
const pct = (sorted: Float64Array, q: number) => sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? NaN;
// Think times spread over ±50 % so rooms drift apart instead of moving in lockstep.
const think = () => thinkMs * (0.5 + Math.random());

interface StepResult {
  rooms: number;
  tally: Tally;
  p50: number;
  p99: number;
  max: number;
  seconds: number;
  serverCpuPct: number;
  serverCpuMsPerCmd: number;
  serverRssMb: number;
  rssPerRoomKb: number;
  clientCpuPct: number;
  /** CPU that other processes on the machine took meanwhile: a busy machine skews the figures. */
  otherCpuPct: number;
  /** The bench process's own event-loop delay: what of the latency the clients may have added. */
  loopP99: number;
  loopMax: number;
  ended: number;
  setupS: number;
}

const runStep = async (rooms: number): Promise<StepResult> => {
  const profile = values.profile ? ['--cpu-prof', `--cpu-prof-dir=${values.profile}`] : [];
  const server = await startServer(values.port ? Number(values.port) : await freePort(), profile, {
    // The bench creates its rooms from one address, far above a teacher's pace.
    CREATES_PER_MINUTE: '100000',
  });
  const opened: BenchRoom[] = [];
  try {
    await sleep(500);
    const idle = server.sample();
    const client = new Client(server.url);
    const tally = newTally();
    const setupStart = performance.now();
    for (let i = 0; i < rooms; i += SETUP_BATCH) {
      const batch = Array.from({ length: Math.min(SETUP_BATCH, rooms - i) }, (_, k) =>
        openBenchRoom(client, i + k, tally, think),
      );
      opened.push(...(await Promise.all(batch)));
    }
    const setupS = (performance.now() - setupStart) / 1000;
    // Starts spread over one think time, for the same reason as the jitter.
    opened.forEach((r, i) => setTimeout(r.start, (i * thinkMs) / rooms));
    await sleep(warmupMs + thinkMs);

    tally.measuring = true;
    const s0 = server.sample();
    const c0 = process.cpuUsage();
    const m0 = machineBusyMs();
    const w0 = performance.now();
    const loop = monitorEventLoopDelay({ resolution: 1 });
    loop.enable();
    await sleep(measureMs);
    tally.measuring = false;
    const s1 = server.sample();
    const c1 = process.cpuUsage(c0);
    const machineMs = machineBusyMs() - m0;
    loop.disable();
    const seconds = (performance.now() - w0) / 1000;
    // Let the last measured commands reach every client, then settle what is still open.
    await sleep(Math.min(2000, thinkMs));
    for (const r of opened) r.flush();
    const ended = opened.filter((r) => r.rooms[0]?.state.status === 'ended').length;

    const sorted = Float64Array.from(tally.latencies).sort();
    const cpuMs = s1.cpuMs - s0.cpuMs;
    const benchMs = (c1.user + c1.system) / 1000;
    return {
      rooms,
      tally,
      p50: pct(sorted, 0.5),
      p99: pct(sorted, 0.99),
      max: sorted[sorted.length - 1] ?? NaN,
      seconds,
      serverCpuPct: (cpuMs / (seconds * 1000)) * 100,
      serverCpuMsPerCmd: cpuMs / Math.max(1, tally.accepted),
      serverRssMb: s1.rssMb,
      rssPerRoomKb: ((s1.rssMb - idle.rssMb) * 1024) / rooms,
      clientCpuPct: (benchMs / (seconds * 1000)) * 100,
      otherCpuPct: Math.max(0, ((machineMs - cpuMs - benchMs) / (seconds * 1000)) * 100),
      // The histogram holds whole timer periods: take the 1 ms period off.
      loopP99: Math.max(0, loop.percentile(99) / 1e6 - 1),
      loopMax: Math.max(0, loop.max / 1e6 - 1),
      ended,
      setupS,
    };
  } finally {
    await Promise.all(opened.map((r) => r.close()));
    await server.stop();
  }
};

const f = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '—');
const row = (cells: (string | number)[]) => cells.map((c, i) => String(c).padStart(i === 0 ? 6 : 9)).join(' ');

console.log(
  `Guarantor server benchmark — node ${process.version}, ${cpus().length} CPUs, scenario "classroom", 6 clients a room (White Cell + 5 seats)`,
);
console.log(
  `Server: its own process (node --import tsx server/index.ts); CPU and RSS read from /proc. Clients: colyseus.js in this process.`,
);
console.log(
  `Load: every seat answers what it owes with the shared "calculating" bot after ${thinkMs * 0.5}–${thinkMs * 1.5} ms of think time, one command at a time; no phase timers.`,
);
console.log(
  `Latency: command sent → first patch at each of the 5 other clients that shows it (seat no longer owes, the statement, or a later phase).`,
);
console.log(
  `Warm-up ${warmupMs / 1000} s + ${thinkMs / 1000} s of staggered starts, then ${measureMs / 1000} s measured.\n`,
);
console.log(
  row([
    'rooms',
    'clients',
    'cmd/s',
    'samples',
    'p50 ms',
    'p99 ms',
    'max ms',
    'srv CPU%',
    'CPU ms/cmd',
    'srv RSS MB',
    'KB/room',
    'patches/s',
    'bench CPU%',
  ]),
);

const results: StepResult[] = [];
const passes = (r: StepResult) => r.p99 <= LIMIT_MS;
const step = async (rooms: number) => {
  const r = await runStep(rooms);
  results.push(r);
  const t = r.tally;
  console.log(
    row([
      r.rooms,
      r.rooms * 6,
      f(t.accepted / r.seconds, 0),
      t.latencies.length,
      f(r.p50, 2),
      f(r.p99, 2),
      f(r.max, 1),
      f(r.serverCpuPct, 0),
      f(r.serverCpuMsPerCmd, 2),
      f(r.serverRssMb, 0),
      f(r.rssPerRoomKb, 0),
      f(t.patches / r.seconds, 0),
      f(r.clientCpuPct, 0),
    ]),
  );
  const notes = [
    `setup ${f(r.setupS)} s`,
    `bench event-loop delay p99 ${f(r.loopP99)} ms, max ${f(r.loopMax)} ms`,
    `other processes ${f(r.otherCpuPct, 0)}% CPU`,
    `${t.sent} commands sent, ${t.accepted} accepted, ${t.refused} refused`,
    `${t.unseen} unseen by others before the seat's next command`,
    `${t.missing} patches not seen`,
    ...(t.stalls > 0 ? [`${t.stalls} stalls`] : []),
    ...(r.ended > 0 ? [`${r.ended} matches ended`] : []),
  ];
  console.log(`${' '.repeat(7)}(${notes.join(', ')})`);
  const kinds = [...t.byKind]
    .map(([kind, v]) => ({ kind, n: v.length, p99: pct(Float64Array.from(v).sort(), 0.99) }))
    .sort((x, y) => y.p99 - x.p99)
    .map((k) => `${k.kind} ${f(k.p99)} (${k.n})`);
  console.log(`${' '.repeat(7)}(p99 ms by phase/command, samples: ${kinds.join(', ')})`);
  return passes(r);
};

const began = performance.now();
for (const rooms of ladder) if (!(await step(rooms))) break;
// The default ladder narrows the gap between the last pass and the first failure by bisection.
if (!roomsArg) {
  let lo = Math.max(0, ...results.filter(passes).map((r) => r.rooms));
  let hi = Math.min(...results.filter((r) => !passes(r)).map((r) => r.rooms));
  for (let i = 0; i < BISECTIONS && Number.isFinite(hi); i++) {
    const mid = Math.round((lo + hi) / 2 / 10) * 10;
    if (mid <= lo || mid >= hi) break;
    if (await step(mid)) lo = mid;
    else hi = mid;
  }
}

const largest = Math.max(0, ...results.filter(passes).map((r) => r.rooms));
const failed = results.filter((r) => !passes(r)).map((r) => r.rooms);
console.log(
  `\nLargest room count with p99 ≤ ${LIMIT_MS} ms: ${largest} rooms (${largest * 6} clients)${failed.length > 0 ? `; ${Math.min(...failed)} rooms did not` : '; no count tried failed'}.`,
);
const target = results.find((r) => r.rooms === TARGET.rooms);
if (target)
  console.log(
    `Target ${TARGET.rooms} rooms / ${TARGET.rooms * 6} clients with p99 ≤ ${TARGET.p99} ms: ${target.p99 <= TARGET.p99 ? 'met' : 'NOT met'} (p99 ${f(target.p99, 2)} ms).`,
  );
// The bench process's own RSS, for scale: client memory is not server memory.
console.log(
  `Bench process RSS at the end: ${f(sampleProcess(process.pid).rssMb, 0)} MB; ran ${f((performance.now() - began) / 1000, 0)} s.`,
);
