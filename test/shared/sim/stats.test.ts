// The match observer reads each turn's report.outcomes at the results phase (once per turn), and the
// summary turns the records into the calibration block and the win rate per role.
import { describe, expect, test } from 'vitest';
import { SCENARIOS } from '../../../shared/index.js';
import type { CrisisOutcome, GameState, Outcomes } from '../../../shared/model/state.js';
import { MOVE_THREAT, type MoveType } from '../../../shared/model/vocabulary.js';
import { startMatch } from '../../../shared/rules/createMatch.js';
import { MatchObserver, type MatchStats, summarise } from '../../../shared/sim/stats.js';

const classroom = SCENARIOS['classroom'];
if (!classroom) throw new Error('classroom missing');
const started = startMatch(classroom, 1);
if (!started.ok) throw new Error(started.error.message);
const start = started.value.state;

const crisis = (move: MoveType, target: string, success: boolean, answers: CrisisOutcome['answers']) =>
  ({
    challengerSeat: 'varkal',
    challenger: 'varkal',
    move,
    target,
    region: 'northmarch',
    threat: MOVE_THREAT[move],
    chance: 0.5,
    draw: 0.5,
    drawn: success,
    success,
    answers,
    nuclear: {},
    seized: false,
  }) satisfies CrisisOutcome;

const outcomes = (crises: CrisisOutcome[]): Outcomes => ({
  crises,
  allies: {},
  provocations: [],
  rungs: {},
  retakes: [],
  exitRamps: [],
  sanctions: [],
  overridden: [],
});

/** The state in turn `turn`'s `phase`, with that turn's report listing `crises`. */
const at = (turn: number, phase: GameState['phase'], crises: CrisisOutcome[]): GameState => ({
  ...start,
  turn,
  phase,
  report: { turn, notes: [], changes: [], outcomes: outcomes(crises), override: null },
});

describe('MatchObserver', () => {
  test('counts each turn once, from its report at the results phase', () => {
    const observer = new MatchObserver();
    const attack = [crisis('limited_attack', 'bosk', true, { 'aurelia-bosk': 'partial' })];
    const coerced = [crisis('coerce', 'corvin', true, {})];
    // A report seen outside the results phase (the last turn's, still shown in briefing) is not read.
    observer.onAdvance(at(2, 'briefing', attack));
    observer.onAdvance(at(1, 'results', attack));
    observer.onAdvance(at(1, 'results', attack));
    observer.onAdvance(at(2, 'results', coerced));
    const record = observer.record({ ...start, turn: 2, ended: { reason: 'turns_complete', turn: 2 } });
    expect(record).toMatchObject({
      armedDecisions: 1,
      armedHonored: 0,
      strictChallenges: 2,
      strictDeterred: 0,
      challenges: 2,
      deterred: 1,
      moves: { limited_attack: 1, coerce: 1 },
    });
  });

  test('homeland attacks: armed attacks on a nuclear guarantor itself; nations at war leave the defense ratios', () => {
    const observer = new MatchObserver();
    observer.onAdvance(at(1, 'results', [crisis('limited_attack', 'aurelia', false, {})]));
    observer.onAdvance(at(2, 'results', [crisis('major_attack', 'bosk', false, { 'aurelia-bosk': 'honor' })]));
    observer.onAdvance(at(3, 'results', [crisis('coerce', 'aurelia', false, {})]));
    const record = observer.record({ ...start, turn: 3, ended: { reason: 'turns_complete', turn: 3 } });
    // Aurelia is the classroom's nuclear guarantor: one armed attack on it, none on Bosk's count.
    expect(record.homelandAttacks).toBe(1);
    // Varkal, Aurelia and Bosk fought; Corvin and Dunmere did not (their shares did not move).
    expect(record.defenseRatios).toEqual([1, 1]);
    expect(record.umbrellaRatios).toEqual([1]);
  });

  test('winners: nobody after general nuclear war', () => {
    const observer = new MatchObserver();
    const record = observer.record({ ...start, ended: { reason: 'general_nuclear_war', turn: 1 } });
    expect(record.winners).toEqual([]);
  });
});

describe('summarise', () => {
  const roleOf = Object.fromEntries(classroom.seats.map((s) => [s.id, s.role]));
  const base = new MatchObserver().record({ ...start, ended: { reason: 'turns_complete', turn: 1 } });
  const record = (over: Partial<MatchStats>): MatchStats => ({ ...base, ...over });
  const records = [
    record({
      winners: ['aurelia', 'bosk'],
      armedDecisions: 4,
      armedHonored: 1,
      strictChallenges: 3,
      strictDeterred: 2,
    }),
    record({
      winners: ['varkal', 'bosk', 'corvin'],
      armedDecisions: 6,
      armedHonored: 3,
      strictChallenges: 7,
      strictDeterred: 3,
    }),
  ];
  const meta = { scenario: 'classroom', seed: 1, bots: {}, roleOf };

  test('win rate per role: the share of that role’s seats that won, over all matches', () => {
    // Classroom seats one guarantor, three allies and one challenger.
    expect(summarise(records, meta).winRate).toEqual({ guarantor: 1 / 2, ally: 3 / 6, challenger: 1 / 2 });
  });

  test('calibration: the summed cases against the era’s bands, or the setting given', () => {
    const { calibration } = summarise(records, meta);
    expect(calibration).toMatchObject({
      era: 'cold_war',
      honorRate: 0.4,
      honorCases: 10,
      honorBand: [0.25, 0.55],
      deterrenceStrict: 0.5,
      challenges: 10,
      deterrenceBand: [0.45, 0.65],
      inBand: true,
    });
    const narrowed = summarise(records, {
      ...meta,
      setting: { era: 'historical', calibration: { honorBand: [0.5, 0.7], source: 'a study' } },
    }).calibration;
    expect(narrowed).toMatchObject({ era: 'historical', honorBand: [0.5, 0.7], honorSource: 'a study', inBand: false });
  });

  test('a scenario that is not shipped needs its setting', () => {
    expect(() => summarise(records, { ...meta, scenario: 'elsewhere' })).toThrow(/meta\.setting/);
  });
});
