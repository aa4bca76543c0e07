// The real server as a child process, so its CPU time and memory are measured apart from the
// clients (read from /proc: process.cpuUsage() only sees the bench process itself).
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';

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
}

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
): Promise<ServerProcess> => {
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, '--import', 'tsx', 'server/index.ts'], {
    // The load test's matches are throwaway: journal them to a temporary file, not ./data.
    env: { ...process.env, PORT: String(port), NODE_ENV: 'production', DATABASE_PATH: benchDatabase(), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
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
