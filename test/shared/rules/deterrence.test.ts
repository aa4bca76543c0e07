// Deterrence: which guarantees a move invokes, immediate deterrence in a crisis, and the
// challenger's expected-value calculus, term by term.
import { describe, expect, test } from 'vitest';
import type { Reveal } from '../../../shared/model/state.js';
import type { MoveType } from '../../../shared/model/vocabulary.js';
import { createMatch } from '../../../shared/rules/createMatch.js';
import {
  challengerCalculus,
  coveringGuarantees,
  type ForcefulMove,
  immediateDeterrence,
} from '../../../shared/rules/deterrence.js';
import { SCENARIOS } from '../../../shared/scenarios/index.js';
import { termsSum, triangle, type TestWorld, withGuarantee } from './world.js';

describe('coveringGuarantees on the classroom scenario (scopes: Bosk coercion/attack/nuclear, Corvin attack/nuclear, Dunmere attack)', () => {
  const created = createMatch(SCENARIOS.classroom, 1);
  if (!created.ok) throw new Error(created.error.message);
  const world = created.value.state;

  test.each<[string, MoveType, string[]]>([
    ['bosk', 'probe', []],
    ['bosk', 'coerce', ['aurelia-bosk']],
    ['bosk', 'limited_attack', ['aurelia-bosk']],
    ['bosk', 'escalate', ['aurelia-bosk']],
    ['corvin', 'coerce', []],
    ['corvin', 'major_attack', ['aurelia-corvin']],
    ['corvin', 'escalate', ['aurelia-corvin']],
    ['dunmere', 'limited_attack', ['aurelia-dunmere']],
    ['dunmere', 'escalate', []],
    ['bosk', 'hold', []],
    ['bosk', 'de_escalate', []],
    ['aurelia', 'major_attack', []],
    ['atlantis', 'major_attack', []],
  ])('%s, %s → %j', (target, move, expected) => {
    expect(coveringGuarantees(world, target, move).map((g) => g.id)).toEqual(expected);
  });
});

const reveal = (to: string, exposed: string[]): Reveal => ({
  to,
  about: 'g',
  allocation: {
    readiness: 0,
    forwardPosture: {},
    modernization: 0,
    extendedDeterrence: 0,
    foreignAid: {},
    domestic: 0,
  },
  gap: exposed.length > 0,
  exposed,
});

// General deterrence of g-a is its credibility to the challenger: 46 in the triangle world, and
// 46 + 3 × commitment (resolve) once g commits publicly (see credibility.test.ts).
describe('immediateDeterrence = general + 8 × commitment − 10 if the challenger saw the bluff', () => {
  test.each<[string, number, Reveal[], [number, number, number]]>([
    ['no commitment', 0, [], [46, 0, 0]],
    ['half a commitment', 0.5, [], [47.5, 4, 0]],
    ['a full red line', 1, [], [49, 8, 0]],
    ["a red line the challenger's intelligence exposed", 1, [reveal('c', ['g-a'])], [49, 8, -10]],
    ['exposed only to the ally: no penalty', 1, [reveal('a', ['g-a'])], [49, 8, 0]],
    ['the challenger saw forces behind it: no penalty', 1, [reveal('c', [])], [49, 8, 0]],
    ['another guarantee exposed: no penalty', 1, [reveal('c', ['g-x'])], [49, 8, 0]],
  ])('%s', (_why, commitment, reveals, terms) => {
    const w = { ...withGuarantee(triangle(), 'g-a', { commitment }), reveals };
    const d = immediateDeterrence(w, 'g-a');
    expect(d.terms.map((t) => t.value)).toEqual(terms.map((v) => expect.closeTo(v, 9)));
    expect(d.value).toBeCloseTo(terms[0] + terms[1] + terms[2], 9);
    expect(termsSum(d)).toBeCloseTo(d.value, 9);
  });
});

// In "front" c brings 70 against a's 50, and g adds 20 if it fights. a's stakes are 0.5.
const W_ALONE = 70 ** 1.5 / (70 ** 1.5 + 50 ** 1.5);
const W_BOTH = 0.5; // 70 against 50 + 20
const MOVES: [ForcefulMove, number, number, number][] = [
  // [move, gain = moveGain × stakes, warCost, actionCost]
  ['probe', 4, 6, 0.5],
  ['coerce', 12.5, 15, 2],
  ['limited_attack', 27.5, 45, 6],
  ['major_attack', 50, 90, 12],
];

describe('challengerCalculus: EV = (1−p)·gain·P(alone) + p·gain·P(vs both) − p·warCost − actionCost', () => {
  const cases: [string, (w: TestWorld) => TestWorld, number][] = [
    ['p = 0.46 (general deterrence)', (w) => w, 0.46],
    ['p = 0.57 after a red line', (w) => withGuarantee(w, 'g-a', { commitment: 1 }), 0.57],
    [
      'p = 0.47 after the red line is exposed',
      (w) => ({ ...withGuarantee(w, 'g-a', { commitment: 1 }), reveals: [reveal('c', ['g-a'])] }),
      0.47,
    ],
  ];
  const rows = cases.flatMap(([why, patch, p]) =>
    MOVES.map(
      ([move, gain, war, act]) =>
        [`${why}, ${move}`, patch, move, [(1 - p) * gain * W_ALONE, p * gain * W_BOTH, -p * war, -act]] as const,
    ),
  );

  test.each(rows)('%s', (_why, patch, move, terms) => {
    const ev = challengerCalculus(patch(triangle()), 'c', move, 'a');
    expect(ev.terms.map((t) => t.value)).toEqual(terms.map((v) => expect.closeTo(v, 9)));
    expect(ev.value).toBeCloseTo(
      terms.reduce((a, b) => a + b, 0),
      9,
    );
  });

  test.each(MOVES)(
    '%s with no guarantee covering it: p = 0, gain on the local balance alone',
    (move, gain, _w, act) => {
      const w = withGuarantee(triangle(), 'g-a', { scope: ['nuclear_threat'] });
      const ev = challengerCalculus(w, 'c', move, 'a');
      expect(ev.value).toBeCloseTo(gain * W_ALONE - act, 9);
    },
  );

  test.each(MOVES)('%s: a red line never raises the EV (higher credibility deters)', (move) => {
    const evAt = (commitment: number) =>
      challengerCalculus(withGuarantee(triangle(), 'g-a', { commitment }), 'c', move, 'a').value;
    expect(evAt(0.5)).toBeLessThanOrEqual(evAt(0));
    expect(evAt(1)).toBeLessThanOrEqual(evAt(0.5));
  });

  test('an unknown target or challenger is worth nothing', () => {
    expect(challengerCalculus(triangle(), 'c', 'probe', 'atlantis')).toEqual({ value: 0, terms: [] });
    expect(challengerCalculus(triangle(), 'z', 'probe', 'a')).toEqual({ value: 0, terms: [] });
  });
});
