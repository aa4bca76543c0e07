// `npm run bench:server [-- --rooms 100[,250…] | --ladder] [--server both|guarantor|bare] [--think-ms 1000]
//   [--warmup-s 5] [--measure-s 10] [--port P] [--profile DIR] [--heap-snapshot DIR | --no-snapshot]`:
// N rooms × 6 colyseus.js clients on loopback against the real server in a child process, then the same
// load against a bare Colyseus 0.16 room (test/bench/bareServer.ts) in another child, side by side:
// command → patch latency at the other clients, server CPU, CPU per command, live heap per room, and
// how busy the machine was. Default: the issue's comparison point, 100 rooms / 600 clients. Asserts nothing.
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { summariseSnapshots } from './heapSnapshot.js';
import type { HeapReading } from './heapProbe.js';
import { summariseProfiles } from './profileSummary.js';
import { type ServerKind, type StepResult, pct, runStep } from './loadStep.js';
import { sampleProcess } from './serverProcess.js';

const LADDER = [10, 50, 100, 250, 500, 1000];
/** The ladder stops at the first Guarantor step whose p99 is over this. */
const LIMIT_MS = 250;
const BISECTIONS = 2;
/** Issue 12, item 7: the targets, printed next to the figures. */
const TARGET = { rooms: 100, p99Ratio: 3, p99QuietMs: 10, cpuMsPerCmd: 0.3, mbPerRoom: 0.3 };
/** Other processes under this share of one CPU: the machine counts as quiet. */
const QUIET_OTHER_PCT = 10;
const SEATS = 5;
const CLIENTS = SEATS + 1;

const { values } = parseArgs({
  options: {
    rooms: { type: 'string' },
    ladder: { type: 'boolean', default: false },
    server: { type: 'string', default: 'both' },
    'think-ms': { type: 'string', default: '1000' },
    'warmup-s': { type: 'string', default: '5' },
    'measure-s': { type: 'string', default: '10' },
    port: { type: 'string' },
    /** A directory for V8 CPU profiles of each server's measured window (DIR/<server>-<rooms>.cpuprofile), summarised at the end. */
    profile: { type: 'string' },
    /** Keep the heap snapshots (idle and loaded, per server) in DIR; by default they go to a temporary one. */
    'heap-snapshot': { type: 'string' },
    /** Skip the heap snapshots (the GC'd heap readings remain). */
    'no-snapshot': { type: 'boolean', default: false },
  },
});
const roomsArg = values.rooms ?? process.env.ROOMS;
const ladder = values.ladder ? LADDER : roomsArg ? roomsArg.split(',').map(Number) : [TARGET.rooms];
const thinkMs = Number(values['think-ms']);
const warmupMs = Number(values['warmup-s']) * 1000;
const measureMs = Number(values['measure-s']) * 1000;
const snapshotDir = values['no-snapshot']
  ? undefined
  : (values['heap-snapshot'] ?? mkdtempSync(join(tmpdir(), 'guarantor-heap-')));
const kinds: ServerKind[] =
  values.server === 'both' ? ['guarantor', 'bare'] : values.server === 'bare' ? ['bare'] : ['guarantor'];
if (
  ladder.some((n) => !Number.isInteger(n) || n < 1) ||
  !(thinkMs > 0) ||
  !(measureMs > 0) ||
  !(warmupMs >= 0) ||
  !['both', 'guarantor', 'bare'].includes(values.server ?? '')
)
  throw new Error(
    'usage: --rooms N[,N…] | --ladder, --server both|guarantor|bare, --think-ms MS --warmup-s S --measure-s S --port P --profile DIR --heap-snapshot DIR',
  );

const f = (n: number, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : '—');
const MB = 1024 * 1024;
/** Live memory a room adds, in bytes: the loaded heap minus the idle one, over the rooms. */
const perRoom = (r: StepResult) => ({
  heap: (r.heapLoaded.heapUsed - r.heapIdle.heapUsed) / r.rooms,
  external: (r.heapLoaded.external - r.heapIdle.external) / r.rooms,
  arrayBuffers: (r.heapLoaded.arrayBuffers - r.heapIdle.arrayBuffers) / r.rooms,
});
const live = (h: HeapReading) => h.heapUsed + h.external;
const totalPerRoomMb = (r: StepResult) => (perRoom(r).heap + perRoom(r).external) / MB;
const cmdRate = (r: StepResult) => r.tally.accepted / r.seconds;
const quietMachine = (rs: StepResult[]) => rs.every((r) => r.otherCpuPct < QUIET_OTHER_PCT);

console.log(
  `Guarantor server benchmark — node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model ?? '?'}), load average at start ${loadavg()
    .map((l) => f(l, 2))
    .join(' ')}`,
);
console.log(
  `Servers, each its own child process, one after the other in this run: "guarantor" = node --import tsx server/index.ts (scenario "classroom", journal in a temporary SQLite file); "bare" = test/bench/bareServer.ts, a minimal Colyseus 0.16 room (one handler sets two fields of a 3-field seat, then broadcastPatch(); patchRate 50 ms, as the real room).`,
);
console.log(
  `Clients: colyseus.js in this process, ${CLIENTS} a room (host/White Cell + ${SEATS} seats). Guarantor seats answer what they owe with the shared bots after 0.5–1.5 × think time, one command at a time; the bare seats send a command of the same mean JSON size after the think time that gives the same command rate as the Guarantor step just run.`,
);
console.log(
  `Latency: command sent → first patch at each of the ${SEATS} other clients that shows it. CPU from /proc (user+system of the server process) over the measured window; CPU ms/command = that over accepted commands.`,
);
console.log(
  `Memory: live heap of the server read in the server process (test/bench/heapProbe.ts, node --expose-gc) after full GCs until it stops shrinking: v8 used_heap_size + process.memoryUsage().external (Buffers/ArrayBuffers), with N rooms playing minus before the first room, divided by N. Not RSS.`,
);
console.log(
  `Warm-up ${warmupMs / 1000} s + one think time of staggered starts, then ${measureMs / 1000} s measured per server. "other CPU" = every other process on the machine meanwhile (/proc/stat), in % of one CPU.\n`,
);

const results: StepResult[] = [];
const cell = (s: string, w: number) => s.padStart(w);
const line = (label: string, g: string, b: string, ratio = '', target = '') =>
  console.log(`  ${label.padEnd(34)}${cell(g, 11)}${cell(b, 11)}${cell(ratio, 9)}   ${target}`);
const ratioOf = (g: number, b: number) => (Number.isFinite(g / b) && b > 0 ? `${f(g / b, 1)}×` : '—');
const verdict = (ok: boolean) => (ok ? 'holds' : 'NOT met');

const printStep = (g: StepResult | undefined, b: StepResult | undefined) => {
  const rooms = (g ?? b)?.rooms ?? 0;
  console.log(
    `${`${rooms} rooms / ${rooms * CLIENTS} clients`.padEnd(36)}${cell('guarantor', 11)}${cell('bare', 11)}${cell('G/bare', 9)}   target (issue 12 item 7)`,
  );
  const both = (label: string, get: (r: StepResult) => number, digits: number, target = '', ratio = true) => {
    const gv = g ? get(g) : NaN;
    const bv = b ? get(b) : NaN;
    line(label, f(gv, digits), f(bv, digits), ratio ? ratioOf(gv, bv) : '', target);
  };
  both('commands/s accepted', cmdRate, 0);
  both('mean think time ms', (r) => r.thinkMs, 0, '', false);
  both('mean command JSON bytes', (r) => r.tally.commandBytes / Math.max(1, r.tally.sent), 0, '', false);
  both('latency samples', (r) => r.tally.latencies.length, 0, '', false);
  both('p50 command → patch ms', (r) => r.p50, 2);
  const quiet = quietMachine([g, b].filter((r): r is StepResult => r !== undefined));
  const p99Target =
    g && b
      ? `≤ ${TARGET.p99Ratio}× bare: ${verdict(g.p99 <= TARGET.p99Ratio * b.p99)}; ≤ ${TARGET.p99QuietMs} ms on a quiet machine: ${verdict(g.p99 <= TARGET.p99QuietMs)}${quiet ? '' : ' (machine NOT quiet)'}`
      : '';
  both('p99 command → patch ms', (r) => r.p99, 2, p99Target);
  both('max command → patch ms', (r) => r.max, 1);
  both('server CPU % of one CPU', (r) => r.serverCpuPct, 0);
  both(
    'server CPU ms / command',
    (r) => r.serverCpuMsPerCmd,
    3,
    g ? `≤ ${TARGET.cpuMsPerCmd} ms: ${verdict(g.serverCpuMsPerCmd <= TARGET.cpuMsPerCmd)}` : '',
  );
  both('live JS heap / room KB', (r) => perRoom(r).heap / 1024, 0);
  both('  + external / room KB', (r) => perRoom(r).external / 1024, 0);
  both('    (of it ArrayBuffers KB)', (r) => perRoom(r).arrayBuffers / 1024, 0);
  both(
    '  = live memory / room MB',
    totalPerRoomMb,
    3,
    g ? `≤ ${TARGET.mbPerRoom} MB: ${verdict(totalPerRoomMb(g) <= TARGET.mbPerRoom)}` : '',
  );
  both(
    '  (loaded minus after close) MB',
    (r) => (live(r.heapLoaded) - live(r.heapAfter)) / MB / r.rooms,
    3,
    'what closing the rooms gives back',
  );
  console.log(
    `  ${'live memory idle→loaded→closed MB'.padEnd(34)}${[g, b].map((r) => cell(r ? [r.heapIdle, r.heapLoaded, r.heapAfter].map((h) => f(live(h) / MB, 0)).join('→') : '—', 11)).join('')}`,
  );
  both('server RSS MB (for scale only)', (r) => r.serverRssMb, 0, '', false);
  both('patches/s seen by clients', (r) => r.tally.patches / r.seconds, 0);
  both('bench (clients) CPU %', (r) => r.clientCpuPct, 0, '', false);
  both('bench event-loop delay p99 ms', (r) => r.loopP99, 1, '', false);
  both(
    'other processes CPU %',
    (r) => r.otherCpuPct,
    0,
    `quiet = under ${QUIET_OTHER_PCT}% in both: ${quiet ? 'yes' : 'NO, read latency with care'}`,
    false,
  );
  for (const r of [g, b]) {
    if (!r) continue;
    const t = r.tally;
    const notes = [
      `setup ${f(r.setupS)} s`,
      `${t.sent} commands sent, ${t.accepted} accepted, ${t.refused} refused`,
      `${t.unseen} unseen by others before the seat's next command`,
      `${t.missing} patches not seen`,
      `bench event-loop max ${f(r.loopMax)} ms`,
      ...(t.stalls > 0 ? [`${t.stalls} stalls`] : []),
      ...(r.ended > 0 ? [`${r.ended} matches ended`] : []),
    ];
    console.log(`  ${r.kind}: ${notes.join(', ')}`);
  }
  if (g) {
    const phases = [...g.tally.byKind]
      .map(([kind, v]) => ({ kind, n: v.length, p99: pct(Float64Array.from(v).sort(), 0.99) }))
      .sort((x, y) => y.p99 - x.p99)
      .map((k) => `${k.kind} ${f(k.p99)} (${k.n})`);
    console.log(`  guarantor p99 ms by phase/command (samples): ${phases.join(', ')}`);
  }
  console.log('');
};

const step = async (rooms: number): Promise<StepResult | undefined> => {
  const common = {
    rooms,
    warmupMs,
    measureMs,
    ...(values.port ? { port: Number(values.port) } : {}),
    ...(values.profile ? { profileDir: values.profile } : {}),
    ...(snapshotDir ? { snapshotDir } : {}),
  };
  const g = kinds.includes('guarantor')
    ? await runStep('guarantor', { ...common, thinkMs, payloadBytes: 0 })
    : undefined;
  // The bare seats always owe: their think time is set so the rooms send the commands Guarantor's did.
  const rate = g ? cmdRate(g) : 0;
  const bareThink = g && rate > 0 ? (rooms * SEATS * 1000) / rate : thinkMs;
  const bytes = g && g.tally.sent > 0 ? g.tally.commandBytes / g.tally.sent : 60;
  const b = kinds.includes('bare')
    ? await runStep('bare', { ...common, thinkMs: bareThink, payloadBytes: bytes })
    : undefined;
  results.push(...[g, b].filter((r): r is StepResult => r !== undefined));
  printStep(g, b);
  for (const r of [g, b]) {
    if (!r || r.snapshots.length !== 2) continue;
    summariseSnapshots(r.kind, r.rooms, r.snapshots);
    if (!values['heap-snapshot']) for (const path of r.snapshots) rmSync(path, { force: true });
  }
  return g ?? b;
};

const began = performance.now();
const passes = (r: StepResult | undefined) => r !== undefined && r.p99 <= LIMIT_MS;
const tried: { rooms: number; ok: boolean }[] = [];
for (const rooms of ladder) {
  const ok = passes(await step(rooms));
  tried.push({ rooms, ok });
  if (!ok && values.ladder) break;
}
// The ladder narrows the gap between the last pass and the first failure by bisection.
if (values.ladder) {
  let lo = Math.max(0, ...tried.filter((t) => t.ok).map((t) => t.rooms));
  let hi = Math.min(...tried.filter((t) => !t.ok).map((t) => t.rooms));
  for (let i = 0; i < BISECTIONS && Number.isFinite(hi); i++) {
    const mid = Math.round((lo + hi) / 2 / 10) * 10;
    if (mid <= lo || mid >= hi) break;
    const ok = passes(await step(mid));
    tried.push({ rooms: mid, ok });
    if (ok) lo = mid;
    else hi = mid;
  }
  console.log(
    `Largest room count with ${kinds[0]} p99 ≤ ${LIMIT_MS} ms: ${lo} rooms (${lo * CLIENTS} clients)${Number.isFinite(hi) ? `; ${hi} rooms did not` : '; no count tried failed'}.`,
  );
}
if (values.profile)
  for (const r of results) {
    const path = join(values.profile, `${r.kind}-${r.rooms}.cpuprofile`);
    console.log(`\n${r.kind} server, ${r.rooms} rooms, measured window only (${path}):`);
    console.log(summariseProfiles([path]).join('\n'));
  }
const busiest = Math.max(0, ...results.map((r) => r.otherCpuPct));
console.log(
  `Machine: other processes took up to ${f(busiest, 0)}% of one CPU during a measured window (${cpus().length} CPUs; the bench's clients and the server share them). Load average at the end ${loadavg()
    .map((l) => f(l, 2))
    .join(' ')}.`,
);
// The bench process's own RSS, for scale: client memory is not server memory.
console.log(
  `Bench process RSS at the end: ${f(sampleProcess(process.pid).rssMb, 0)} MB; ran ${f((performance.now() - began) / 1000, 0)} s.`,
);
