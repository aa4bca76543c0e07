// A simulator worker: plays the match indices it is given, in order, and posts the records in
// small batches. It rebuilds the scenario from its source itself; a Scenario object is never
// trusted across threads.
import { parentPort, workerData } from 'node:worker_threads';
import { deriveSeed } from '../../shared/index.js';
import { simulateMatch } from '../../shared/sim/botMatch.js';
import type { MatchStats } from '../../shared/sim/stats.js';
import { type WorkerMessage, WorkerInputSchema } from './messages.js';
import { scenarioFrom } from './source.js';

/** A batch goes out after this long even if small, so the progress bar keeps moving. */
const FLUSH_MS = 50;
const MAX_BATCH = 64;

const input = WorkerInputSchema.parse(workerData);
const loaded = scenarioFrom(input.source);
// The parent validated the same source before starting us, so this is a programming error.
if (!loaded.ok) throw new Error(loaded.error);
const port = parentPort;
if (!port) throw new Error('worker.ts must run as a worker thread');

let batch: MatchStats[] = [];
let first = input.from;
let sent = performance.now();
const flush = () => {
  const message: WorkerMessage = { first, records: batch };
  port.postMessage(message);
  first += batch.length;
  batch = [];
  sent = performance.now();
};

for (let index = input.from; index < input.to; index++) {
  batch.push(simulateMatch(loaded.scenario, deriveSeed(input.seed, index), input.policies));
  if (batch.length >= MAX_BATCH || performance.now() - sent >= FLUSH_MS) flush();
}
if (batch.length > 0) flush();
