// `npm run sim`: plays many bot matches headless on worker threads and summarises them.
// Usage: npm run sim -- --help. Bad arguments exit with code 2 and one line on stderr.
import { availableParallelism } from 'node:os';
import { summarise } from '../shared/sim/stats.js';
import { helpText, parseSimArgs } from './sim/args.js';
import { writeCsv } from './sim/csv.js';
import { progressBar } from './sim/progress.js';
import { runMatches } from './sim/run.js';
import { formatTable } from './sim/table.js';

/** Errors are one line, never a stack trace: zod or the file system may hand us several. */
const complain = (message: string): void => {
  process.stderr.write(`sim: ${message.replace(/\s*\n\s*/g, ' ')}\n`);
};

const main = async (): Promise<number> => {
  const parsed = parseSimArgs(process.argv.slice(2), availableParallelism());
  if (!parsed.ok) {
    complain(parsed.error);
    return 2;
  }
  if (!('options' in parsed)) {
    console.log(helpText());
    return 0;
  }
  const o = parsed.options;
  const bar = progressBar(o.games, !o.json);
  const run = await runMatches(
    { source: o.source, seed: o.seed, policies: o.policies, games: o.games, workers: o.workers },
    (done) => bar.update(done),
  ).finally(() => bar.finish());
  const summary = summarise(run.records, {
    scenario: o.scenario.id,
    seed: o.seed,
    bots: o.policies,
    roleOf: Object.fromEntries(o.scenario.seats.map((s) => [s.id, s.role])),
    setting: o.scenario,
  });
  // Everything that depends on the machine (and the worker count) lives under `timing`.
  const timing = { seconds: run.seconds, matchesPerSecond: o.games / run.seconds, workers: run.workers };
  if (o.csv !== null) {
    const problem = writeCsv(
      o.csv,
      run.records,
      o.scenario.seats.map((s) => s.id),
    );
    if (problem) {
      complain(problem);
      return 1;
    }
  }
  if (o.json) process.stdout.write(`${JSON.stringify({ ...summary, timing })}\n`);
  else console.log(`${formatTable(summary, timing, run.workers)}${o.csv ? `\nwrote ${o.games} rows to ${o.csv}` : ''}`);
  return 0;
};

try {
  process.exitCode = await main();
} catch (e) {
  complain(e instanceof Error ? e.message : String(e));
  process.exitCode = 1;
}
