// `npm run bench` (second part): simulator throughput on the largest shipped scenario with 1 and 2
// worker threads, through the same runMatches the CLI uses. Prints figures; asserts nothing.
import { availableParallelism } from 'node:os';
import { SCENARIOS } from '../../shared/index.js';
import { seatPolicies } from '../../shared/sim/botMatch.js';
import { runMatches } from '../../scripts/sim/run.js';

const LARGEST = 'baltic';
/** About 5-10 s per run at the engine's speed when this was written (~100-150 matches/s per core). */
const GAMES = 800;

const scenario = SCENARIOS[LARGEST];
if (!scenario) throw new Error(`no scenario ${LARGEST}`);

console.log(
  `\nGuarantor simulator benchmark — node ${process.version}, ${availableParallelism()} cores, scenario "${LARGEST}", ${GAMES} bot matches per run (worker start-up included)\n`,
);

let single = 0;
for (const workers of [1, 2]) {
  const { seconds } = await runMatches({
    source: { kind: 'id', id: LARGEST },
    seed: 1,
    policies: seatPolicies(scenario),
    games: GAMES,
    workers,
  });
  const rate = GAMES / seconds;
  if (workers === 1) single = rate;
  const speedup = workers === 1 ? '' : `  (×${(rate / single).toFixed(2)} of one worker)`;
  console.log(
    `${workers} worker${workers === 1 ? ' ' : 's'}: ${rate.toFixed(1).padStart(7)} matches/s  ${seconds.toFixed(2).padStart(6)} s${speedup}`,
  );
}
