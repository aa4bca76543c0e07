// The alliance dilemma: entrapment (clear, credible guarantees embolden allies to provoke) and
// abandonment (allies hedge after a guarantor reneges, most nearby and most the abandoned one).
import { describe, expect, test } from 'vitest';
import type { GuarantorResponse } from '../../../shared/model/vocabulary.js';
import { applyAllianceEffects, provocationRisk } from '../../../shared/rules/alliance.js';
import { credibility } from '../../../shared/rules/credibility.js';
import { Ledger } from '../../../shared/rules/ledger.js';
import { termsSum, triangle, withGuarantee, withNation } from './world.js';

// Credibility of g-a to the ally is 44.6 in the triangle world (see credibility.test.ts);
// each 0.1 of clarity adds 1.3 of it (ally clarity weight 0.13).
describe('provocationRisk = 0.12 × clarity × credibility to the ally', () => {
  test.each([
    [0.5, 0.12 * 0.5 * 0.446],
    [1, 0.12 * 1 * 0.511],
    [0, 0],
  ])('clarity %f → %f', (clarity, expected) => {
    const risk = provocationRisk(withGuarantee(triangle(), 'g-a', { clarity }), 'a');
    expect(risk.value).toBeCloseTo(expected, 9);
    expect(termsSum(risk)).toBeCloseTo(risk.value, 9);
  });

  test('an ally with no guarantee never provokes', () => {
    expect(provocationRisk(triangle(), 'c').value).toBe(0);
  });

  test('with two guarantees, the one with the highest clarity × credibility counts', () => {
    const w = withGuarantee(triangle(), 'h-a', { guarantor: 'g', ally: 'a', clarity: 1 });
    const best = credibility(w, 'h-a', 'ally').value / 100;
    expect(provocationRisk(w, 'a').value).toBeCloseTo(0.12 * best, 9);
  });

  test('higher clarity raises the risk of provocation (direction 5)', () => {
    const at = (clarity: number) => provocationRisk(withGuarantee(triangle(), 'g-a', { clarity }), 'a').value;
    expect(at(0.3)).toBeLessThan(at(0.6));
    expect(at(0.6)).toBeLessThan(at(0.9));
  });
});

// g guarantees a and b (both in "front") and d (in "east"); everyone starts at hedging 20.
const allies = () => {
  let w = triangle();
  for (const id of ['a', 'b', 'd']) w = withNation(w, id, { hedging: 20, region: id === 'd' ? 'east' : 'front' });
  return withGuarantee(withGuarantee(w, 'g-b', { ally: 'b' }), 'g-d', { ally: 'd' });
};

describe('applyAllianceEffects after g answers for g-a', () => {
  test.each<[GuarantorResponse, Record<string, number>]>([
    // honor: a reassured by 15/3; nobody else moves.
    ['honor', { a: 15, b: 20, d: 20 }],
    // abandon: a +2 × 15, b (nearby) +15, d (far) +7.5.
    ['abandon', { a: 50, b: 35, d: 27.5 }],
    // partial weighs 0.3 of an abandonment.
    ['partial', { a: 29, b: 24.5, d: 22.25 }],
  ])('%s → hedging %j', (choice, expected) => {
    const w = allies();
    const ledger = new Ledger(w);
    applyAllianceEffects(ledger, w, 'g-a', choice);
    for (const [id, hedging] of Object.entries(expected))
      expect([id, ledger.nations[id]?.hedging]).toEqual([id, expect.closeTo(hedging, 9)]);
    for (const c of ledger.changes()) expect(termsSum(c.why)).toBeCloseTo(c.after, 9);
  });

  test('hedging stays within 0..100', () => {
    const low = withNation(allies(), 'a', { hedging: 2 });
    const ledger = new Ledger(low);
    applyAllianceEffects(ledger, low, 'g-a', 'honor');
    expect(ledger.nations.a?.hedging).toBe(0);
    const high = withNation(allies(), 'a', { hedging: 90 });
    const again = new Ledger(high);
    applyAllianceEffects(again, high, 'g-a', 'abandon');
    expect(again.nations.a?.hedging).toBe(100);
  });
});
