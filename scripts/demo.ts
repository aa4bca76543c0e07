// `npm run demo`: a short seeded demo match in the terminal. A script of
// moves plays the classroom scenario; every other seat takes its documented default each phase.
// Usage: npm run demo -- [--seed N]
import { parseArgs } from 'node:util';
import {
  type Command,
  type GameEvent,
  type GameState,
  SCENARIOS,
  advance,
  applyCommand,
  createMatch,
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

const created = createMatch(SCENARIOS['classroom'], seed);
if (!created.ok) throw new Error(created.error.message);
let state: GameState = created.value.state;
console.log(`Guarantor demo — scenario "${state.scenarioId}", seed ${seed}, ${state.config.turns} turns\n`);
print(created.value.events);

while (!state.ended) {
  for (const [seat, commands] of Object.entries(SCRIPT[state.turn] ?? {}))
    for (const command of commands) {
      const result = applyCommand(state, seat, command);
      if (result.ok) {
        state = result.value.state;
        print(result.value.events);
      }
    }
  const phase = state.phase;
  const next = advance(state, { timedOut: true });
  if (!next.ok) throw new Error(next.error.message);
  state = next.value.state;
  print(next.value.events.filter((e) => e.kind !== 'adjudicated'));
  if (phase === 'adjudication' || (phase !== 'results' && state.phase === 'results')) {
    const report = state.report;
    if (!report) continue;
    console.log(`\nTurn ${report.turn} results`);
    for (const n of report.notes) console.log(`  ${n.text}`);
    const rungs = Object.values(state.regions)
      .map((r) => `${r.name} ${r.rung}`)
      .join(', ');
    console.log(`  escalation: ${rungs}`);
    for (const c of report.changes.filter((x) => x.metric === 'credibility:challenger'))
      console.log(`  credibility of ${c.subject} to the challenger: ${c.before.toFixed(1)} → ${c.after.toFixed(1)}`);
    console.log('');
  }
}

console.log(`Match over (${state.ended.reason.replaceAll('_', ' ')}). Final scores:`);
for (const [seat, score] of Object.entries(state.scores)) {
  const why = score.terms.map((t) => `${t.label} ${t.value.toFixed(1)}`).join(', ');
  console.log(`  ${seat.padEnd(8)} ${score.value.toFixed(1).padStart(5)}  (${why})`);
}
