// Reputation: a prior from the historical record, moved by each decision of the same guarantor,
// decaying with age and weighted toward the same region and the same challenger.
import { describe, expect, test } from 'vitest';
import type { DecisionRecord } from '../../../shared/model/state.js';
import type { GuarantorResponse } from '../../../shared/model/vocabulary.js';
import { priorReputation, reputation } from '../../../shared/rules/reputation.js';
import { termsSum, triangle, withGuarantee, withNation } from './world.js';

describe('priorReputation = 0.5 + 0.4 × (honored − abandoned − partialValue × partial) / (cases + 2)', () => {
  test.each([
    [0, 0, 0, 0.5],
    [1, 0, 0, 0.5 + 0.4 / 3],
    [0, 0, 1, 0.5 - 0.4 / 3],
    [0, 1, 0, 0.46],
    [3, 1, 1, 0.5 + (0.4 * 1.7) / 7],
    [10, 0, 0, 0.5 + 4 / 12],
    [0, 0, 10, 0.5 - 4 / 12],
  ])('honored %i, partial %i, abandoned %i → %f', (honored, partial, abandoned, expected) => {
    expect(priorReputation({ honored, partial, abandoned }, 0.3)).toBeCloseTo(expected, 12);
  });
});

/** A decision by g, by default on g-a's region ("front") against the seated challenger c. */
const decision = (choice: GuarantorResponse, over: Partial<DecisionRecord> = {}): DecisionRecord => ({
  turn: 1,
  guarantee: 'g-a',
  guarantor: 'g',
  region: 'front',
  challenger: 'c',
  choice,
  weight: 1,
  ...over,
});

// Step 0.2, decay 0.8 per turn; weight 0.4 + 0.3 (same region) + 0.3 (same challenger).
describe('reputation of g-a (prior 0.5) at turn 1', () => {
  test.each<[string, DecisionRecord[], number, number]>([
    // [why, history, in-region term, elsewhere term]
    ['no history', [], 0, 0],
    ['honor, same region and challenger: +0.2 × 1', [decision('honor')], 0.2, 0],
    ['abandon, same region and challenger: −0.2', [decision('abandon')], -0.2, 0],
    ['partial counts −0.3 of a step: −0.06', [decision('partial')], -0.06, 0],
    ['honor one turn ago: × 0.8', [decision('honor', { turn: 0 })], 0.16, 0],
    ['honor two turns ago: × 0.64', [decision('honor', { turn: -1 })], 0.128, 0],
    ['honor elsewhere, same challenger: weight 0.7', [decision('honor', { region: 'east' })], 0, 0.14],
    ['honor in region, another challenger: weight 0.7', [decision('honor', { challenger: 'z' })], 0.14, 0],
    [
      'abandon elsewhere, another challenger: weight 0.4',
      [decision('abandon', { region: 'east', challenger: 'z' })],
      0,
      -0.08,
    ],
    ["another guarantor's decisions do not count", [decision('abandon', { guarantor: 'h' })], 0, 0],
    ['abandon here and there', [decision('abandon'), decision('abandon', { region: 'east' })], -0.2, -0.14],
  ])('%s', (_why, history, region, elsewhere) => {
    const r = reputation({ ...triangle(), history }, 'g-a');
    expect(r.terms.map((t) => t.label)).toEqual([
      'historical record',
      'decisions in this region',
      'decisions elsewhere',
    ]);
    expect(r.terms.map((t) => t.value)).toEqual([0.5, expect.closeTo(region, 12), expect.closeTo(elsewhere, 12)]);
    expect(r.value).toBeCloseTo(0.5 + region + elsewhere, 12);
    expect(termsSum(r)).toBeCloseTo(r.value, 12);
  });

  test.each([
    ['floor: prior 0.1 − 0.2 → 0', 0.1, 'abandon', 0, { label: 'floor', value: 0.1 }],
    ['ceiling: prior 0.9 + 0.2 → 1', 0.9, 'honor', 1, { label: 'ceiling', value: -0.1 }],
  ] as const)('%s', (_why, prior, choice, value, clampTerm) => {
    const w = { ...withGuarantee(triangle(), 'g-a', { prior }), history: [decision(choice)] };
    const r = reputation(w, 'g-a');
    expect(r.value).toBe(value);
    expect(r.terms[3]).toEqual({ label: clampTerm.label, value: expect.closeTo(clampTerm.value, 12) });
    expect(termsSum(r)).toBeCloseTo(value, 12);
  });

  test('an unknown guarantee has no reputation', () => {
    expect(reputation(triangle(), 'nope')).toEqual({ value: 0, terms: [] });
  });
});

describe('same-region weighting', () => {
  // g also guarantees b in "east"; an abandonment in "front" hurts g-a more than g-b.
  const w = {
    ...withGuarantee(withNation(triangle(), 'b', { region: 'east' }), 'g-b', { ally: 'b' }),
    history: [decision('abandon')],
  };

  test('abandoning in one region lowers every guarantee of that guarantor, most in that region', () => {
    const here = reputation(w, 'g-a').value;
    const there = reputation(w, 'g-b').value;
    expect(here).toBeCloseTo(0.3, 12);
    expect(there).toBeCloseTo(0.36, 12);
    expect(here).toBeLessThan(there);
    expect(there).toBeLessThan(0.5);
  });

  test('the reputation judged against another challenger weighs the same decision less', () => {
    expect(reputation(w, 'g-a', 'z').value).toBeCloseTo(0.5 - 0.14, 12);
  });
});
