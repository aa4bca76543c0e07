// Crisis odds on the local balance: who brings what to the target's region, and the chance the
// challenger succeeds. In "front": c attacks with 70, a defends with 50, g can add 20, b (a second
// ally of g in "front", capability 40) can add half of its 40.
import { describe, expect, test } from 'vitest';
import type { Crisis } from '../../../shared/model/state.js';
import type { AllyResponse, GuarantorResponse, MoveType } from '../../../shared/model/vocabulary.js';
import { crisisOdds } from '../../../shared/rules/combat.js';
import { termsSum, triangle, withGuarantee, withNation } from './world.js';

const world = withGuarantee(
  withGuarantee(withNation(triangle(), 'b', { region: 'front', capability: 40 }), 'g-b', { ally: 'b' }),
  'g-a2',
  {},
);

const crisis = (type: MoveType, invoked = ['g-a']): Crisis => ({
  challengerSeat: 'c',
  challenger: 'c',
  move: { type, target: 'a' },
  region: 'front',
  invoked,
  immediate: {},
});

/** A record of expected numbers, each matched to 9 places. */
const closeTo = (r: Record<string, number>) =>
  Object.fromEntries(Object.entries(r).map(([k, v]) => [k, expect.closeTo(v, 9)]));

const SHADOW = 'the shadow of its alliances (the war that could follow)';

/** P(success) with the default contest exponent 1.5. */
const odds = (attack: number, defense: number) => attack ** 1.5 / (attack ** 1.5 + defense ** 1.5);

// Answers of g for g-a.
const HONOR = { 'g-a': 'honor' } as const;
const PARTIAL = { 'g-a': 'partial' } as const;
const ABANDON = { 'g-a': 'abandon' } as const;
type Answers = Readonly<Record<string, GuarantorResponse>>;
type Allies = Readonly<Record<string, AllyResponse>>;

describe('crisisOdds', () => {
  test.each<[string, MoveType, Answers, Allies, Record<string, number>, number]>([
    // [why, move, guarantor answers, ally answers, defense terms, success]
    ['abandoned: the ally alone', 'limited_attack', ABANDON, {}, { 'A forces': 50 }, odds(70, 50)],
    ['no answer counts as staying out', 'limited_attack', {}, {}, { 'A forces': 50 }, odds(70, 50)],
    ['honored: the guarantor brings all 20', 'limited_attack', HONOR, {}, { 'A forces': 50, 'G (honor)': 20 }, 0.5],
    [
      "partial: 15% of the guarantor's 20",
      'limited_attack',
      PARTIAL,
      {},
      { 'A forces': 50, 'G (partial)': 3 },
      odds(70, 53),
    ],
    [
      'honored, and another ally contributes half its 40',
      'major_attack',
      HONOR,
      { b: 'contribute' },
      { 'A forces': 50, 'G (honor)': 20, 'B contributes': 20 },
      odds(70, 90),
    ],
    [
      'another ally hedging adds nothing',
      'limited_attack',
      HONOR,
      { b: 'hedge' },
      { 'A forces': 50, 'G (honor)': 20 },
      0.5,
    ],
    // Coercion is short of war: g-a2 (not invoked, covering an armed attack) casts its shadow,
    // 0.6 × its credibility to the ally 0.446 (see credibility.test.ts) × g's 20.
    [
      'another ally accommodating adds nothing (coercion: the shadow of g-a2 stands)',
      'coerce',
      HONOR,
      { b: 'accommodate' },
      { 'A forces': 50, [SHADOW]: 0.6 * 0.446 * 20, 'G (honor)': 20 },
      odds(70, 70 + 0.6 * 0.446 * 20),
    ],
    [
      'coercion abandoned: the ally and the shadow of its other guarantee',
      'coerce',
      ABANDON,
      {},
      { 'A forces': 50, [SHADOW]: 0.6 * 0.446 * 20 },
      odds(70, 50 + 0.6 * 0.446 * 20),
    ],
    [
      'the target "contributing" counts once',
      'limited_attack',
      HONOR,
      { a: 'contribute' },
      { 'A forces': 50, 'G (honor)': 20 },
      0.5,
    ],
    [
      'an accommodating target fights an attack at half strength',
      'limited_attack',
      HONOR,
      { a: 'accommodate' },
      { 'A forces (accommodating: half)': 25, 'G (honor)': 20 },
      odds(70, 45),
    ],
    [
      'an accommodating target concedes a probe',
      'probe',
      {},
      { a: 'accommodate' },
      { 'A forces (accommodating: half)': 25 },
      1,
    ],
    [
      'an accommodating target concedes coercion, honored or not',
      'coerce',
      HONOR,
      { a: 'accommodate' },
      { 'A forces (accommodating: half)': 25, 'G (honor)': 20 },
      1,
    ],
  ])('%s', (_why, move, guarantors, allies, defense, success) => {
    const o = crisisOdds(world, crisis(move), { guarantors, allies });
    expect(o.attack.terms).toEqual([{ label: 'C forces', value: 70 }]);
    expect(Object.fromEntries(o.defense.terms.map((t) => [t.label, t.value]))).toEqual(closeTo(defense));
    expect(termsSum(o.defense)).toBeCloseTo(o.defense.value, 9);
    expect(o.success).toBeCloseTo(success, 9);
  });

  test('two invoked guarantees of the same guarantor bring its forces once', () => {
    const o = crisisOdds(world, crisis('limited_attack', ['g-a', 'g-a2']), {
      guarantors: { 'g-a': 'honor', 'g-a2': 'honor' },
      allies: {},
    });
    expect(o.defense.value).toBeCloseTo(70, 9);
  });

  test("honoring never raises the challenger's odds: honor ≤ partial ≤ abandon", () => {
    const at = (choice: GuarantorResponse) =>
      crisisOdds(world, crisis('limited_attack'), { guarantors: { 'g-a': choice }, allies: {} }).success;
    expect(at('honor')).toBeLessThan(at('partial'));
    expect(at('partial')).toBeLessThan(at('abandon'));
  });

  test('a resilient target refuses to yield to coercion that often; an attack is decided by force alone', () => {
    const resilient = withNation(world, 'a', { resilience: 0.4 });
    const both = ['g-a', 'g-a2'];
    const answers = { guarantors: { 'g-a': 'abandon', 'g-a2': 'abandon' }, allies: {} } as const;
    expect(crisisOdds(resilient, crisis('coerce', both), answers).success).toBeCloseTo(odds(70, 50) * 0.6, 9);
    expect(crisisOdds(resilient, crisis('limited_attack', both), answers).success).toBeCloseTo(odds(70, 50), 9);
  });

  test('a crisis without a target has no defense', () => {
    const o = crisisOdds(
      world,
      { ...crisis('hold'), move: { type: 'hold', target: null } },
      { guarantors: {}, allies: {} },
    );
    expect(o.success).toBe(0);
    expect(o.defense).toEqual({ value: 0, terms: [] });
  });
});

// An economic guarantee never sends forces: it answers with sanctions and aid (adjudication), so
// honoring it leaves the odds where abandoning does.
describe('crisisOdds of an economic guarantee', () => {
  const economic = withGuarantee(world, 'g-a', { type: 'economic' });
  test.each<[GuarantorResponse, string]>([
    ['honor', 'G (honor: sanctions and aid, no forces)'],
    ['partial', 'G (partial: sanctions and aid, no forces)'],
  ])('%s: a zero term, the ally alone', (choice, label) => {
    const o = crisisOdds(economic, crisis('limited_attack'), { guarantors: { 'g-a': choice }, allies: {} });
    expect(Object.fromEntries(o.defense.terms.map((t) => [t.label, t.value]))).toEqual({
      'A forces': 50,
      [label]: 0,
    });
    expect(o.success).toBeCloseTo(odds(70, 50), 9);
  });

  test('the same guarantee as a treaty brings its 20', () => {
    const treaty = crisisOdds(world, crisis('limited_attack'), { guarantors: HONOR, allies: {} }).success;
    const econ = crisisOdds(economic, crisis('limited_attack'), { guarantors: HONOR, allies: {} }).success;
    expect(treaty).toBeCloseTo(0.5, 9);
    expect(econ).toBeGreaterThan(treaty);
  });
});

// Time: g's 20 FP take 2 turns to reach "front" and none has arrived; 5 FP are forward. A limited
// attack meets what is there now (a fait accompli); coercion is judged on the war it threatens, with all of it.
describe('crisisOdds before the reinforcement arrives', () => {
  const late = (arrived: number) =>
    withNation(world, 'g', { reinforcementTurns: { front: 2 }, arrived: { front: arrived }, posture: { front: 5 } });
  const both = ['g-a', 'g-a2'];
  const honorBoth = { guarantors: { 'g-a': 'honor', 'g-a2': 'honor' }, allies: {} } as const;
  test.each([
    // [arrived, G's term against an attack, against coercion]
    [0, 5, 25],
    [0.5, 15, 25],
    [1, 25, 25],
  ])('arrived %f: attack meets %f of G, coercion %f', (arrived, attack, coercion) => {
    const a = crisisOdds(late(arrived), crisis('limited_attack', both), honorBoth);
    expect(a.defense.terms.find((t) => t.label === 'G (honor)')?.value).toBeCloseTo(attack, 9);
    expect(a.success).toBeCloseTo(odds(70, 50 + attack), 9);
    const c = crisisOdds(late(arrived), crisis('coerce', both), honorBoth);
    expect(c.defense.terms.find((t) => t.label === 'G (honor)')?.value).toBeCloseTo(coercion, 9);
  });
});

// Nuclear steps. g's treaty lends umbrella cover 0.6 × (0.5 + 0.5 × 1) = 0.6. A guarantor's signal
// adds conventional × 0.5 × cover; its limited use doubles the conventional defense. A challenger's
// nuclear threat adds half its own force as leverage, less the honoring guarantor's cover; its
// limited use adds its own force again.
describe('crisisOdds with nuclear steps', () => {
  test.each<[string, 'signal' | 'use', GuarantorResponse, Record<string, number>, number]>([
    [
      'honor with a signal',
      'signal',
      'honor',
      { 'A forces': 50, 'G (honor)': 20, 'nuclear signal': 70 * 0.5 * 0.6 },
      odds(70, 91),
    ],
    [
      'honor with limited use',
      'use',
      'honor',
      { 'A forces': 50, 'G (honor)': 20, 'limited nuclear use': 70 },
      odds(70, 140),
    ],
    [
      'a step beside a partial answer counts for nothing',
      'signal',
      'partial',
      { 'A forces': 50, 'G (partial)': 3 },
      odds(70, 53),
    ],
  ])('%s', (_why, step, choice, defense, success) => {
    const o = crisisOdds(world, crisis('limited_attack'), {
      guarantors: { 'g-a': choice },
      allies: {},
      nuclear: { 'g-a': step },
    });
    expect(Object.fromEntries(o.defense.terms.map((t) => [t.label, t.value]))).toEqual(closeTo(defense));
    expect(o.success).toBeCloseTo(success, 9);
  });

  test.each<[string, MoveType, GuarantorResponse, number]>([
    ['a nuclear signal abandoned: full leverage 70 × 0.5', 'nuclear_signal', 'abandon', 70 + 35],
    ['a nuclear signal honored: leverage less the cover, 35 × 0.4', 'nuclear_signal', 'honor', 70 + 14],
    ['escalation, honored: the same', 'escalate', 'honor', 70 + 14],
    ['limited nuclear use: its own force again', 'nuclear_use', 'abandon', 140],
  ])('%s', (_why, move, choice, attack) => {
    const o = crisisOdds(world, crisis(move), { guarantors: { 'g-a': choice }, allies: {} });
    expect(o.attack.value).toBeCloseTo(attack, 9);
    expect(termsSum(o.attack)).toBeCloseTo(o.attack.value, 9);
  });
});
