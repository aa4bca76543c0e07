// `npm run bench`: the rules engine's speed on the largest shipped scenario. Prints figures; asserts nothing.
import {
  advance,
  applyCommand,
  type GameState,
  SCENARIOS,
  startMatch,
  statusQuoAllocation,
} from '../../shared/index.js';
import { randomCommand } from '../../shared/bots/random.js';
import { RngCursor, deriveSeed } from '../../shared/rng.js';
import { playMatch } from '../../shared/sim/playout.js';
import { formatTiming, timeMicros } from './stats.js';

const LARGEST = 'baltic';
const scenario = SCENARIOS[LARGEST];
if (!scenario) throw new Error(`no scenario ${LARGEST}`);

const start = (seed: number): GameState => {
  const created = startMatch(scenario, seed);
  if (!created.ok) throw new Error(created.error.message);
  return created.value.state;
};

/** Plays the status quo up to the phase `phase` of turn 1, so each timed call starts from a real state. */
const stateAt = (phase: GameState['phase'], seed: number): GameState => {
  let state = start(seed);
  while (state.phase !== phase) {
    const next = advance(state, { timedOut: true });
    if (!next.ok) throw new Error(next.error.message);
    state = next.value.state;
  }
  return state;
};

console.log(
  `Guarantor engine benchmark — node ${process.version}, scenario "${LARGEST}" (${scenario.seats.length} seats, ${scenario.guarantees.length} guarantees, ${scenario.turns} turns)\n`,
);

const allocationState = stateAt('allocation', 1);
const usa = allocationState.nations['usa'];
if (!usa) throw new Error('no usa');
const allocation = { type: 'allocate', allocation: statusQuoAllocation(usa, 0.5) };
const raw = JSON.parse(JSON.stringify(allocation)) as unknown;
console.log(
  formatTiming(
    'applyCommand (allocate, parsed from JSON)',
    timeMicros(() => applyCommand(allocationState, 'usa', raw), 20000),
  ),
);

const readyState = stateAt('briefing', 1);
console.log(
  formatTiming(
    'applyCommand (ready)',
    timeMicros(() => applyCommand(readyState, 'usa', { type: 'ready' }), 20000),
  ),
);

// Adjudication: from the last response to published results, with a limited attack on Lithuania.
const moveState = stateAt('challenger_move', 2);
const moved = applyCommand(moveState, 'rus', { type: 'move', move: { type: 'limited_attack', target: 'ltu' } });
if (!moved.ok) throw new Error(moved.error.message);
const responses = advance(moved.value.state);
if (!responses.ok) throw new Error(responses.error.message);
const beforeAdjudication = responses.value.state;
console.log(
  formatTiming(
    "advance: one turn's adjudication (attack, 8 guarantees)",
    timeMicros(() => advance(beforeAdjudication, { timedOut: true }), 5000),
  ),
);

// Full random playouts: every owing seat picks a uniformly random legal command until the match ends.
for (const id of ['classroom', LARGEST]) {
  const s = SCENARIOS[id];
  if (!s) continue;
  const games = id === LARGEST ? 600 : 1000;
  let commands = 0;
  const warm = new RngCursor(1);
  for (let i = 0; i < 50; i++) playMatch(s, i, () => (st, seat) => randomCommand(st, seat, warm));
  const t0 = process.hrtime.bigint();
  for (let i = 0; i < games; i++) {
    const rng = new RngCursor(deriveSeed(99, i));
    commands += playMatch(s, i, () => (st, seat) => randomCommand(st, seat, rng)).log.length;
  }
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  console.log(
    `random playout, ${id.padEnd(10)} ${s.turns} turns: ${(games / seconds).toFixed(0).padStart(6)} matches/s on one core (${(commands / games).toFixed(0)} commands and advances per match, ${((seconds / games) * 1000).toFixed(2)} ms/match)`,
  );
}
console.log('\nTargets (issue 2): adjudication p99 ≤ 1 ms; ≥ 5,000 twelve-turn matches per second.');
