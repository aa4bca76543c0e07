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
import { termsSum, triangle, type TestWorld, withGuarantee, withNation } from './world.js';

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

// General deterrence of g-a is its credibility to the challenger: 43.2 in the triangle world, and
// 43.2 + 3 × commitment (resolve) once g commits publicly (see credibility.test.ts).
describe('immediateDeterrence = general + 8 × commitment − 10 if the challenger saw the bluff', () => {
  test.each<[string, number, Reveal[], [number, number, number]]>([
    ['no commitment', 0, [], [43.2, 0, 0]],
    ['half a commitment', 0.5, [], [44.7, 4, 0]],
    ['a full red line', 1, [], [46.2, 8, 0]],
    ["a red line the challenger's intelligence exposed", 1, [reveal('c', ['g-a'])], [46.2, 8, -10]],
    ['exposed only to the ally: no penalty', 1, [reveal('a', ['g-a'])], [46.2, 8, 0]],
    ['the challenger saw forces behind it: no penalty', 1, [reveal('c', [])], [46.2, 8, 0]],
    ['another guarantee exposed: no penalty', 1, [reveal('c', ['g-x'])], [46.2, 8, 0]],
  ])('%s', (_why, commitment, reveals, terms) => {
    const w = { ...withGuarantee(triangle(), 'g-a', { commitment }), reveals };
    const d = immediateDeterrence(w, 'g-a');
    expect(d.terms.map((t) => t.value)).toEqual(terms.map((v) => expect.closeTo(v, 9)));
    expect(d.value).toBeCloseTo(terms[0] + terms[1] + terms[2], 9);
    expect(termsSum(d)).toBeCloseTo(d.value, 9);
  });
});

// In "front" c brings 70 against a's 50, and g adds 20 if it fights (all of it at hand: 0
// reinforcement turns). a's stakes are 0.5. Ground seized by an attack is retaken by a and g with
// everything they bring in the end (50 + 20 against 70): P(retaken) = 1 − 0.5.
const W_ALONE = 70 ** 1.5 / (70 ** 1.5 + 50 ** 1.5);
const W_BOTH = 0.5; // 70 against 50 + 20
const RETAKEN = 0.5;
const MOVES: [ForcefulMove, number, number, number][] = [
  // [move, gain = moveGain × stakes, warCost, actionCost]
  ['probe', 4, 6, 0.5],
  ['coerce', 12.5, 15, 2],
  ['limited_attack', 27.5, 45, 6],
  ['major_attack', 50, 90, 12],
];
const armed = (m: ForcefulMove) => m === 'limited_attack' || m === 'major_attack';

/** The six terms of the calculus for p, with the gain already discounted, winning odds and P(retaken) given. */
const evTerms = (
  p: number,
  move: ForcefulMove,
  gain: number,
  war: number,
  act: number,
  alone = W_ALONE,
  both = W_BOTH,
  retaken = armed(move) ? RETAKEN : 0,
  retaliation = 0,
): number[] => [(1 - p) * gain * alone, p * gain * both, -p * gain * both * retaken, -p * war, -act, -retaliation];

describe('challengerCalculus: EV = gain·((1−p)·P(alone) + p·P(vs both)·(1 − P(retaken))) − p·warCost − actionCost − retaliation', () => {
  // p = immediate deterrence / 100: 43.2 general; + 3 (resolve) + 8 (red line) = 54.2; − 10 when exposed.
  const cases: [string, (w: TestWorld) => TestWorld, number][] = [
    ['p = 0.432 (general deterrence)', (w) => w, 0.432],
    ['p = 0.542 after a red line', (w) => withGuarantee(w, 'g-a', { commitment: 1 }), 0.542],
    [
      'p = 0.442 after the red line is exposed',
      (w) => ({ ...withGuarantee(w, 'g-a', { commitment: 1 }), reveals: [reveal('c', ['g-a'])] }),
      0.442,
    ],
  ];
  const rows = cases.flatMap(([why, patch, p]) =>
    MOVES.map(([move, gain, war, act]) => [`${why}, ${move}`, patch, move, evTerms(p, move, gain, war, act)] as const),
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

  // Sanctions by g on c imposed this turn bite at half ramp: 0.6 × 1000/(1000 + 1000) × 1/2 = 0.15,
  // and take 0.4 × 0.15 of what c expects to gain.
  test.each(MOVES)('%s under sanctions: the gain is discounted by 0.4 × pressure 0.15', (move, gain, war, act) => {
    const w = { ...triangle(), sanctions: [{ sender: 'g', target: 'c', since: 1 }] };
    const ev = challengerCalculus(w, 'c', move, 'a');
    const terms = evTerms(0.432, move, gain * (1 - 0.4 * 0.15), war, act);
    expect(ev.terms.map((t) => t.value)).toEqual(terms.map((v) => expect.closeTo(v, 9)));
  });

  test.each(MOVES)('%s on a nuclear-armed target: an armed attack risks 80 of retaliation', (move, gain, war, act) => {
    const w = withNation(triangle(), 'a', { nuclear: true });
    const terms = evTerms(
      0.432,
      move,
      gain,
      war,
      act,
      W_ALONE,
      W_BOTH,
      armed(move) ? RETAKEN : 0,
      armed(move) ? 80 : 0,
    );
    expect(challengerCalculus(w, 'c', move, 'a').terms.map((t) => t.value)).toEqual(
      terms.map((v) => expect.closeTo(v, 9)),
    );
  });

  // Resilience 0.5: a target refuses to yield to half of the pressure short of war; force decides an attack.
  test.each(MOVES)('%s against a target of resilience 0.5', (move, gain, war, act) => {
    const w = withNation(triangle(), 'a', { resilience: 0.5 });
    const y = armed(move) ? 1 : 0.5;
    const terms = evTerms(0.432, move, gain, war, act, W_ALONE * y, W_BOTH * y);
    expect(challengerCalculus(w, 'c', move, 'a').terms.map((t) => t.value)).toEqual(
      terms.map((v) => expect.closeTo(v, 9)),
    );
  });

  test('an unknown target or challenger is worth nothing', () => {
    expect(challengerCalculus(triangle(), 'c', 'probe', 'atlantis')).toEqual({ value: 0, terms: [] });
    expect(challengerCalculus(triangle(), 'z', 'probe', 'a')).toEqual({ value: 0, terms: [] });
  });
});

// Time (a fait accompli): g's 20 FP take 2 turns to reach "front" and none has arrived. Against an
// attack only what is there now counts (nothing), so fighting g is no worse than fighting a alone,
// but seized ground is retaken later with all 20 (P(retaken) = 1 − P(70 beats 50 + 20) = 0.5).
// Against coercion, the war it threatens brings all of g's 20.
describe("challengerCalculus before the guarantor's reinforcement has arrived", () => {
  const late = withNation(triangle(), 'g', { reinforcementTurns: { front: 2 }, arrived: {} });
  // p: capability term 30 × 0.6 × (1 − 70/130) (see credibility.test.ts) in place of 9.
  const p = (43.2 - 9 + 30 * 0.6 * (1 - 70 / 130)) / 100;

  test.each(MOVES.filter(([m]) => armed(m)))('%s: the guarantor adds nothing now', (move, gain, war, act) => {
    const terms = evTerms(p, move, gain, war, act, W_ALONE, W_ALONE, RETAKEN);
    expect(challengerCalculus(late, 'c', move, 'a').terms.map((t) => t.value)).toEqual(
      terms.map((v) => expect.closeTo(v, 9)),
    );
  });

  test.each(MOVES.filter(([m]) => !armed(m)))('%s: the threatened war brings all 20', (move, gain, war, act) => {
    const terms = evTerms(p, move, gain, war, act);
    expect(challengerCalculus(late, 'c', move, 'a').terms.map((t) => t.value)).toEqual(
      terms.map((v) => expect.closeTo(v, 9)),
    );
  });
});

// The shadow of alliances: g-a covers coercion only; g-a2 (armed attack only) is not invoked by
// coercion, yet a stands firmer for it: 0.6 × credibility of g-a2 to the ally (44.6, see
// credibility.test.ts) × g's 20 FP = 5.352 on a's side.
describe('challengerCalculus of coercion under the shadow of an alliance', () => {
  const w = withGuarantee(withGuarantee(triangle(), 'g-a', { scope: ['coercion'] }), 'g-a2', {
    scope: ['armed_attack'],
  });
  const shadow = 0.6 * 0.446 * 20;
  const win = (defense: number) => 70 ** 1.5 / (70 ** 1.5 + defense ** 1.5);

  test('coercion faces a + the shadow, and a + shadow + g if g fights', () => {
    const terms = evTerms(0.432, 'coerce', 12.5, 15, 2, win(50 + shadow), win(70 + shadow), 0);
    expect(challengerCalculus(w, 'c', 'coerce', 'a').terms.map((t) => t.value)).toEqual(
      terms.map((v) => expect.closeTo(v, 9)),
    );
  });

  test('an armed attack invokes g-a2 itself: no shadow, g fights', () => {
    const covering = coveringGuarantees(w, 'a', 'limited_attack').map((g) => g.id);
    expect(covering).toEqual(['g-a2']);
    const terms = evTerms(0.432, 'limited_attack', 27.5, 45, 6);
    expect(challengerCalculus(w, 'c', 'limited_attack', 'a').terms.map((t) => t.value)).toEqual(
      terms.map((v) => expect.closeTo(v, 9)),
    );
  });
});
