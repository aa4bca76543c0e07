// `npm run demo`: a short seeded demo match in the terminal, played by the one match loop
// (shared/match). A script of moves plays the classroom scenario; every other seat takes its
// documented default when the phase's clock runs out.
// Usage: npm run demo -- [--seed N]
import { parseArgs } from 'node:util';
import {
  type Command,
  type GameEvent,
  type GameState,
  SCENARIOS,
  type SettleStep,
  openMatch,
  playUnattended,
  stepMatch,
} from '../shared/index.js';

/** The scripted moves: turn → seat → commands for the phase they belong to. */
const SCRIPT: Record<number, Record<string, Command[]>> = {
  1: { aurelia: [{ type: 'statement', kind: 'red_line', subject: 'aurelia-bosk', text: 'Bosk is not alone.' }] },
  2: { varkal: [{ type: 'move', move: { type: 'probe', target: 'dunmere' } }] },
  3: {
    aurelia: [
      {
        type: 'allocate',
        allocation: {
          readiness: 320,
          forwardPosture: { southcoast: 80 },
          modernization: 240,
          extendedDeterrence: 20,
          foreignAid: { dunmere: 10 },
          domestic: 930,
        },
      },
    ],
  },
  4: {
    varkal: [{ type: 'move', move: { type: 'limited_attack', target: 'dunmere' } }],
    aurelia: [{ type: 'answer_guarantee', guarantee: 'aurelia-dunmere', choice: 'honor' }],
    bosk: [{ type: 'answer_ally', choice: 'contribute' }],
  },
  6: { varkal: [{ type: 'move', move: { type: 'coerce', target: 'corvin' } }] },
  7: { varkal: [{ type: 'statement', kind: 'exit_ramp', subject: 'southcoast', text: 'We seek a settlement.' }] },
};

const { values } = parseArgs({ options: { seed: { type: 'string', default: '42' } } });
const seed = Number(values.seed);
if (!Number.isSafeInteger(seed)) {
  console.error(`--seed must be an integer, got "${values.seed}"`);
  process.exit(2);
}

const print = (events: GameEvent[]) => {
  for (const e of events) if (e.visibleTo === 'all' && e.kind !== 'phase_changed') console.log(`  · ${e.text}`);
};

const printReport = (state: GameState) => {
  const report = state.report;
  if (!report) return;
  console.log(`\nTurn ${report.turn} results`);
  for (const n of report.notes) console.log(`  ${n.text}`);
  const rungs = Object.values(state.regions)
    .map((r) => `${r.name} ${r.rung}`)
    .join(', ');
  console.log(`  escalation: ${rungs}`);
  for (const c of report.changes.filter((x) => x.metric === 'credibility:challenger'))
    console.log(`  credibility of ${c.subject} to the challenger: ${c.before.toFixed(1)} → ${c.after.toFixed(1)}`);
  console.log('');
};

const opened = openMatch(SCENARIOS['classroom']!, seed);
if (!opened.ok) throw new Error(opened.error.message);
const started = stepMatch(opened.value.match, { kind: 'start', bots: {} });
if (!started.ok) throw new Error(started.error.message);
const start = started.value.match;
console.log(`Guarantor demo — scenario "${start.state.scenarioId}", seed ${seed}, ${start.state.config.turns} turns\n`);
print(opened.value.events);
/** Scripted commands the engine has accepted: each is sent once, in the phase that takes it. */
const sent = new Set<Command>();
let before = start.state;
const onStep = (step: SettleStep) => {
  if ('command' in step.input) sent.add(step.input.command);
  const closed = step.input.kind === 'timeout' || step.input.kind === 'advance';
  print(closed ? step.events.filter((e) => e.kind !== 'adjudicated') : step.events);
  const state = step.match.state;
  if (closed && (before.phase === 'adjudication' || (before.phase !== 'results' && state.phase === 'results')))
    printReport(state);
  before = state;
};
const { match } = playUnattended(
  start,
  {
    decide: (m, seat) => (SCRIPT[m.state.turn]?.[seat] ?? []).find((c) => !sent.has(c)) ?? null,
    plays: () => true,
    as: 'command',
  },
  onStep,
);
const state = match.state;
if (!state.ended) throw new Error('the demo match did not end');

console.log(`Match over (${state.ended.reason.replaceAll('_', ' ')}). Final scores:`);
for (const [seat, score] of Object.entries(state.scores)) {
  const why = score.terms.map((t) => `${t.label} ${t.value.toFixed(1)}`).join(', ');
  console.log(`  ${seat.padEnd(8)} ${score.value.toFixed(1).padStart(5)}  (${why})`);
}
