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
    [
      'another ally accommodating adds nothing',
      'coerce',
      HONOR,
      { b: 'accommodate' },
      { 'A forces': 50, 'G (honor)': 20 },
      0.5,
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
    expect(Object.fromEntries(o.defense.terms.map((t) => [t.label, t.value]))).toEqual(defense);
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
