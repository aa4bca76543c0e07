// The real server as a child process, so its CPU time and memory are measured apart from the
// clients (read from /proc: process.cpuUsage() only sees the bench process itself). The same
// launcher serves the bench's bare Colyseus server (another entry) and can load the heap probe.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { HeapReading, ProbeReply } from './heapProbe.js';

export interface ProcessSample {
  /** User + system CPU time so far, in ms. */
  cpuMs: number;
  rssMb: number;
}

export interface ServerProcess {
  url: string;
  pid: number;
  sample(): ProcessSample;
  stop(): Promise<void>;
  /** Kills the process without warning (SIGKILL), as a crash would. */
  crash(): Promise<void>;
  /** The last lines the server printed. */
  log(): string;
  /** Whether the process has ended, by itself or killed. */
  exited(): boolean;
  /** Bytes the process has printed so far, stdout and stderr together. */
  printedBytes(): number;
  /** Live memory after full collections (started with `probe: true` only). */
  heap(): Promise<HeapReading>;
  /** Writes a V8 heap snapshot of the process to `path` (started with `probe: true` only). */
  snapshot(path: string): Promise<void>;
  /** Starts the V8 CPU profiler in the process (started with `probe: true` only). */
  profileStart(): Promise<void>;
  /** Stops it and writes the profile to `path`, its scripts' source maps beside it. */
  profileStop(path: string): Promise<void>;
}

export interface StartOptions {
  /** The script to run, relative to the repository (default: the production server). */
  entry?: string;
  /** Loads test/bench/heapProbe.ts with --expose-gc and an IPC channel, for heap() and snapshot(). */
  probe?: boolean;
}

const PROBE = fileURLToPath(new URL('./heapProbe.ts', import.meta.url));

const benchDatabase = (): string => join(mkdtempSync(join(tmpdir(), 'guarantor-bench-')), 'bench.db');

const ticksPerSecond = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100;
  } catch {
    return 100;
  }
})();

export const sampleProcess = (pid: number): ProcessSample => {
  // Fields after the command name (which may hold spaces): utime and stime are the 12th and 13th.
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const ticks = Number(fields[11]) + Number(fields[12]);
  const rssKb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  return { cpuMs: (ticks * 1000) / ticksPerSecond, rssMb: rssKb / 1024 };
};

/** CPU time every process on the machine has used so far (busy, not idle), in ms. */
export const machineBusyMs = (): number => {
  // cpu  user nice system idle iowait irq softirq steal …
  const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0]?.trim().split(/\s+/).slice(1).map(Number) ?? [];
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = cpu;
  return ((user + nice + system + irq + softirq + steal) * 1000) / ticksPerSecond;
};

/** A port nobody listens on right now. */
export const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Starts `node [nodeArgs] --import tsx server/index.ts` on `port` and waits until /health answers. */
export const startServer = async (
  port: number,
  nodeArgs: string[] = [],
  env: Record<string, string> = {},
  options: StartOptions = {},
): Promise<ServerProcess> => {
  const probe = options.probe ? ['--expose-gc', '--import', 'tsx', '--import', PROBE] : ['--import', 'tsx'];
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, ...probe, options.entry ?? 'server/index.ts'], {
    // The load test's matches are throwaway: journal them to a temporary file, not ./data.
    env: { ...process.env, PORT: String(port), NODE_ENV: 'production', DATABASE_PATH: benchDatabase(), ...env },
    stdio: options.probe ? ['ignore', 'pipe', 'pipe', 'ipc'] : ['ignore', 'pipe', 'pipe'],
  });
  let asked = 0;
  const ask = <T extends ProbeReply['bench']>(
    request: { bench: T } & Record<string, unknown>,
  ): Promise<Extract<ProbeReply, { bench: T }>> =>
    new Promise((resolve, reject) => {
      if (!child.send) return reject(new Error('the server was started without probe: true'));
      const id = ++asked;
      const timer = setTimeout(() => reject(new Error(`no ${request.bench} answer within 120 s`)), 120_000);
      const answer = (raw: unknown) => {
        const reply = raw as ProbeReply;
        if (typeof reply !== 'object' || reply === null || reply.bench !== request.bench || reply.id !== id) return;
        clearTimeout(timer);
        child.off('message', answer);
        resolve(reply as Extract<ProbeReply, { bench: T }>);
      };
      child.on('message', answer);
      child.send({ ...request, id });
    });
  const log: string[] = [];
  let printed = 0;
  const keep = (chunk: Buffer) => {
    printed += chunk.length;
    log.push(chunk.toString());
    if (log.length > 50) log.shift();
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  // Never leave the server behind, also when the bench is interrupted.
  const killOnExit = () => child.kill('SIGKILL');
  const killOnSignal = () => {
    child.kill('SIGKILL');
    process.exit(130);
  };
  process.once('exit', killOnExit);
  process.once('SIGINT', killOnSignal);
  process.once('SIGTERM', killOnSignal);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = `ws://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited at start:\n${log.join('')}`);
    const ok = await fetch(`http://127.0.0.1:${port}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() - started > 30_000) {
      child.kill('SIGKILL');
      throw new Error(`the server did not answer /health within 30 s:\n${log.join('')}`);
    }
    await sleep(100);
  }
  const pid = child.pid ?? 0;
  return {
    url,
    pid,
    sample: () => sampleProcess(pid),
    log: () => log.join(''),
    exited: () => child.exitCode !== null || child.signalCode !== null,
    printedBytes: () => printed,
    heap: async () => (await ask({ bench: 'heap' })).reading,
    snapshot: async (path) => {
      await ask({ bench: 'snapshot', path });
    },
    profileStart: async () => {
      await ask({ bench: 'profile-start' });
    },
    profileStop: async (path) => {
      await ask({ bench: 'profile-stop', path });
    },
    crash: async () => {
      child.kill('SIGKILL');
      await exited;
      process.off('exit', killOnExit);
      process.off('SIGINT', killOnSignal);
      process.off('SIGTERM', killOnSignal);
    },
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        // Colyseus disconnects every client on SIGTERM; don't wait for it for long.
        const late = setTimeout(() => child.kill('SIGKILL'), 3000);
        await exited;
        clearTimeout(late);
      }
      process.off('exit', killOnExit);
      process.off('SIGINT', killOnSignal);
      process.off('SIGTERM', killOnSignal);
    },
  };
};
