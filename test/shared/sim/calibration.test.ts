// The calibration coding on hand-built turns: which decisions count toward the honor rate, what
// makes a challenged case a strict failure, and the bands each era and scenario are judged against.
import { describe, expect, test } from 'vitest';
import type { CrisisOutcome } from '../../../shared/model/state.js';
import { MOVE_THREAT, type GuarantorResponse, type MoveType } from '../../../shared/model/vocabulary.js';
import {
  DETERRENCE_BAND,
  HONOR_BANDS,
  type TurnOutcomes,
  calibrationReport,
  calibrationTarget,
  challengeRuns,
  codeCalibration,
  strictFailure,
} from '../../../shared/sim/calibration.js';

/** A crisis by challenger c against `target`, with its threat as the engine gives it. */
const crisis = (
  move: MoveType,
  target: string | null,
  over: { success?: boolean; answers?: Record<string, GuarantorResponse> } = {},
): CrisisOutcome => ({
  challengerSeat: 'c',
  challenger: 'c',
  move,
  target,
  region: target === null ? null : 'front',
  threat: MOVE_THREAT[move],
  chance: null,
  draw: null,
  drawn: over.success ?? false,
  success: over.success ?? false,
  answers: over.answers ?? {},
  nuclear: {},
  seized: false,
});

/** Turns 1, 2, … each with the crises given. */
const turns = (...perTurn: CrisisOutcome[][]): TurnOutcomes[] => perTurn.map((crises, i) => ({ turn: i + 1, crises }));
const ALLIES = new Set(['a', 'b']);

describe('honor cases: decisions on invoked guarantees against an armed attack, partial not honored', () => {
  test.each<[string, TurnOutcomes[], { honorCases: number; honored: number }]>([
    [
      'an armed attack answered partial counts, as not honored',
      turns([crisis('limited_attack', 'a', { answers: { 'g-a': 'partial' } })]),
      { honorCases: 1, honored: 0 },
    ],
    [
      'honor, partial and abandon against attacks: one of three honored',
      turns(
        [crisis('major_attack', 'a', { answers: { 'g-a': 'honor', 'h-a': 'partial' } })],
        [crisis('nuclear_use', 'b', { answers: { 'g-b': 'abandon' } })],
      ),
      { honorCases: 3, honored: 1 },
    ],
    [
      'a gray-zone probe answered alone does not count',
      turns([crisis('probe', 'a', { answers: { 'g-a': 'honor' } })]),
      { honorCases: 0, honored: 0 },
    ],
    [
      'coercion and nuclear threats answered do not count either',
      turns(
        [crisis('coerce', 'a', { answers: { 'g-a': 'honor' } })],
        [crisis('escalate', 'a', { answers: { 'g-a': 'abandon' } })],
      ),
      { honorCases: 0, honored: 0 },
    ],
  ])('%s', (_why, played, expected) => {
    expect(codeCalibration(played, ALLIES)).toMatchObject(expected);
  });
});

describe('strict deterrence: a challenge fails on an armed attack or a coercion won', () => {
  test.each<[string, TurnOutcomes[], { challenges: number; deterred: number }]>([
    ['a coercion that failed: deterred', turns([crisis('coerce', 'a')]), { challenges: 1, deterred: 1 }],
    [
      'a coercion won makes it a failure',
      turns([crisis('coerce', 'a', { success: true })]),
      { challenges: 1, deterred: 0 },
    ],
    [
      'a nuclear threat that succeeded is coercion won',
      turns([crisis('nuclear_signal', 'a', { success: true })]),
      { challenges: 1, deterred: 0 },
    ],
    [
      'an armed attack fails it, even one that failed',
      turns([crisis('limited_attack', 'a')]),
      { challenges: 1, deterred: 0 },
    ],
    [
      'a gray-zone probe won is not a failure',
      turns([crisis('probe', 'a', { success: true })]),
      { challenges: 1, deterred: 1 },
    ],
    [
      'the coercion won two turns into the run fails the whole run',
      turns([crisis('probe', 'a')], [], [crisis('coerce', 'a', { success: true })]),
      { challenges: 1, deterred: 0 },
    ],
    [
      'two quiet turns end a run: the next press is a new challenge',
      turns([crisis('probe', 'a')], [], [], [crisis('coerce', 'a', { success: true })]),
      { challenges: 2, deterred: 1 },
    ],
    [
      'moves against a nation no guarantee protects are no challenge',
      turns([crisis('major_attack', 'x', { success: true })]),
      { challenges: 0, deterred: 0 },
    ],
    [
      'holding and de-escalating pose no threat',
      turns([crisis('hold', null)], [crisis('de_escalate', 'a')]),
      { challenges: 0, deterred: 0 },
    ],
  ])('%s', (_why, played, expected) => {
    expect(codeCalibration(played, ALLIES)).toMatchObject(expected);
  });

  test('runs are per target: pressing two allies at once is two challenges', () => {
    const runs = challengeRuns(
      turns([crisis('coerce', 'a'), crisis('coerce', 'b', { success: true })]),
      ALLIES,
      () => true,
    );
    expect(runs.map((r) => r.target).sort()).toEqual(['a', 'b']);
    expect(runs.map((r) => r.crises.some(strictFailure))).toEqual([false, true]);
  });
});

describe('bands', () => {
  test.each([
    ['historical', [0.6, 0.8]],
    ['cold_war', [0.25, 0.55]],
    ['contemporary', [0.25, 0.55]],
  ] as const)('the %s honor band is %j', (era, band) => {
    expect(calibrationTarget({ era }).honor.band).toEqual(band);
    expect(HONOR_BANDS[era].source).toMatch(/Berkemeier & Fuhrmann 2018/);
  });

  test('a scenario narrows the honor band with its source; the deterrence band stays Huth & Russett', () => {
    const target = calibrationTarget({ era: 'cold_war', calibration: { honorBand: [0.3, 0.4], source: 'a study' } });
    expect(target.honor).toEqual({ band: [0.3, 0.4], source: 'a study' });
    expect(target.deterrence).toBe(DETERRENCE_BAND);
    expect(DETERRENCE_BAND.band).toEqual([0.45, 0.65]);
  });

  test.each<[string, { honorCases: number; honored: number; challenges: number; deterred: number }, boolean]>([
    ['both rates inside', { honorCases: 10, honored: 4, challenges: 10, deterred: 5 }, true],
    ['both at the edges of the bands', { honorCases: 20, honored: 5, challenges: 20, deterred: 13 }, true],
    ['honor too low', { honorCases: 10, honored: 2, challenges: 10, deterred: 5 }, false],
    ['deterrence too high', { honorCases: 10, honored: 4, challenges: 10, deterred: 7 }, false],
    ['no honor cases at all', { honorCases: 0, honored: 0, challenges: 10, deterred: 5 }, false],
  ])('inBand: %s', (_why, cases, expected) => {
    const report = calibrationReport(cases, calibrationTarget({ era: 'contemporary' }));
    expect(report.inBand).toBe(expected);
    expect(report.honorRate).toBe(cases.honorCases === 0 ? 0 : cases.honored / cases.honorCases);
    expect(report.deterrenceStrict).toBe(cases.deterred / cases.challenges);
  });
});
