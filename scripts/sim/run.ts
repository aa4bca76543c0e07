// Runs the matches on K worker threads. Each worker plays one contiguous chunk of match indices;
// records come back in batches tagged with their first index and are stored in index order, so
// the summary is the same whatever K is (match i always plays with deriveSeed(seed, i)).
import { Worker } from 'node:worker_threads';
import type { MatchStats } from '../../shared/sim/stats.js';
import { type WorkerInput, WorkerMessageSchema } from './messages.js';

export interface RunRequest extends Omit<WorkerInput, 'from' | 'to'> {
  games: number;
  workers: number;
}

export interface RunResult {
  /** records[i] is match i. */
  records: MatchStats[];
  seconds: number;
  /** Workers actually started: never more than there are games. */
  workers: number;
}

const BOOT = new URL('./boot.mjs', import.meta.url);

/** Splits 0..games-1 into `parts` contiguous [from, to) chunks whose sizes differ by at most one. */
export const chunks = (games: number, parts: number): { from: number; to: number }[] =>
  Array.from({ length: parts }, (_, w) => ({
    from: Math.floor((w * games) / parts),
    to: Math.floor(((w + 1) * games) / parts),
  }));

/** Plays every match; `onProgress(done)` is called as batches of records arrive. */
export const runMatches = (request: RunRequest, onProgress: (done: number) => void = () => {}): Promise<RunResult> => {
  const { games, workers, ...common } = request;
  const parts = chunks(games, Math.min(workers, games));
  const records: (MatchStats | undefined)[] = Array.from({ length: games }, () => undefined);
  const started = process.hrtime.bigint();
  let done = 0;
  let settled = false;
  return new Promise((resolve, reject) => {
    const threads: Worker[] = [];
    const fail = (why: string) => {
      if (settled) return;
      settled = true;
      for (const t of threads) void t.terminate();
      reject(new Error(why));
    };
    parts.forEach(({ from, to }, w) => {
      const input: WorkerInput = { ...common, from, to };
      const thread = new Worker(BOOT, { workerData: input });
      threads.push(thread);
      let mine = 0;
      thread.on('message', (raw: unknown) => {
        const parsed = WorkerMessageSchema.safeParse(raw);
        // Batches arrive in order, so the next one must start where this worker's last one ended.
        if (!parsed.success || parsed.data.first !== from + mine || from + mine + parsed.data.records.length > to)
          return fail(`worker ${w} sent an unexpected message`);
        for (const record of parsed.data.records) records[from + mine++] = record;
        done += parsed.data.records.length;
        onProgress(done);
        if (done < games) return;
        settled = true;
        const seconds = Number(process.hrtime.bigint() - started) / 1e9;
        resolve({ records: records.filter((r) => r !== undefined), seconds, workers: parts.length });
      });
      thread.on('error', (e) => fail(`worker ${w} failed: ${e.message}`));
      thread.on('exit', (code) => {
        if (mine < to - from) fail(`worker ${w} stopped (exit code ${code}) after ${mine} of ${to - from} matches`);
      });
    });
  });
};
