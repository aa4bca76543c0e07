// Guns versus butter: the budget, the default allocation, fitting to the budget, strain and burden.
import { describe, expect, test } from 'vitest';
import type { Allocation } from '../../../shared/model/commands.js';
import {
  allocationTotal,
  applyAllocation,
  budget,
  burden,
  defenseSharePct,
  fitToBudget,
  nextStrain,
  statusQuoAllocation,
} from '../../../shared/rules/economy.js';
import { Ledger } from '../../../shared/rules/ledger.js';
import { DEFAULT_PARAMS as P } from '../../../shared/rules/params.js';
import { nation, termsSum, triangle, withNation } from './world.js';

const alloc = (over: Partial<Allocation>): Allocation => ({
  readiness: 0,
  forwardPosture: {},
  modernization: 0,
  extendedDeterrence: 0,
  foreignAid: {},
  domestic: 0,
  ...over,
});

describe('budget = GDP × budget share × years − obligations, floored at 0', () => {
  test.each([
    [1000, 0.1, 1, 0, 100, [100, -0]],
    [1000, 0.1, 0.5, 0, 50, [50, -0]],
    [1000, 0.1, 1, 30, 70, [100, -30]],
    [1000, 0.1, 1, 150, 0, [100, -150, 50]],
    [20000, 0.08, 1, 0, 1600, [1600, -0]],
  ])('GDP %f, share %f, %f years, owing %f → %f', (gdp, budgetShare, years, obligations, value, terms) => {
    const b = budget(nation('x', { gdp, budgetShare, obligations }), years);
    expect(b.value).toBeCloseTo(value, 9);
    expect(b.terms.map((t) => t.value)).toEqual(terms.map((v) => expect.closeTo(v, 9)));
    expect(termsSum(b)).toBeCloseTo(b.value, 9);
  });
});

describe('statusQuoAllocation keeps the defense share, half readiness, half modernization', () => {
  test.each([
    // [GDP 1000, budget share 0.1: defense share %, years, obligations, readiness, modernization, domestic]
    [3, 1, 0, 15, 15, 70],
    [3, 0.5, 0, 7.5, 7.5, 35],
    [20, 1, 0, 50, 50, 0], // defense capped at the budget
    [3, 1, 80, 10, 10, 0], // obligations shrink the budget below the defense share
    [0, 1, 0, 0, 0, 100],
  ])('defense %f percent, %f years, owing %f → %f / %f / %f', (defenseShare, years, obligations, r, m, d) => {
    const a = statusQuoAllocation(nation('x', { defenseShare, obligations }), years);
    expect(a).toEqual(alloc({ readiness: r, modernization: m, domestic: d }));
    expect(allocationTotal(a)).toBeLessThanOrEqual(budget(nation('x', { obligations }), years).value + 1e-9);
  });
});

describe('fitToBudget scales every line down proportionally', () => {
  const big = alloc({
    readiness: 40,
    forwardPosture: { a: 20, b: 20 },
    modernization: 40,
    foreignAid: { z: 20 },
    domestic: 60,
  });

  test.each([
    [100, 0.5],
    [20, 0.1],
    [0, 0],
  ])('200 bn into %f bn: factor %f', (limit, f) => {
    const fitted = fitToBudget(big, limit);
    expect(allocationTotal(fitted)).toBeCloseTo(limit, 9);
    expect(fitted.readiness).toBeCloseTo(40 * f, 9);
    expect(fitted.forwardPosture).toEqual({ a: expect.closeTo(20 * f, 9), b: expect.closeTo(20 * f, 9) });
    expect(fitted.foreignAid.z).toBeCloseTo(20 * f, 9);
    expect(fitted.domestic).toBeCloseTo(60 * f, 9);
  });

  test('an allocation within the budget comes back unchanged', () => {
    expect(fitToBudget(big, 200)).toBe(big);
    expect(fitToBudget(big, 500)).toBe(big);
  });
});

describe('allocationTotal and defenseSharePct', () => {
  test.each([
    [alloc({ readiness: 10, modernization: 20 }), 30, 3],
    [alloc({ forwardPosture: { a: 5, b: 5 }, extendedDeterrence: 10 }), 20, 2],
    [alloc({ foreignAid: { z: 50 }, domestic: 50 }), 100, 0], // aid and domestic are not defense
  ])('%j → total %f, defense %f percent of GDP 1000 over a year', (a, total, pct) => {
    expect(allocationTotal(a)).toBeCloseTo(total, 9);
    expect(defenseSharePct(nation('x'), a, 1)).toBeCloseTo(pct, 9);
    expect(defenseSharePct(nation('x'), a, 0.5)).toBeCloseTo(2 * pct, 9);
  });
});

describe('nextStrain = strain × 0.7 + max(0, share − sustainable)', () => {
  test.each([
    [0, 5, 4, 1],
    [0, 3, 4, 0],
    [10, 3, 4, 7],
    [10, 6, 4, 9],
    [2, 7, 6, 2.4],
  ])('strain %f, spending %f percent with %f sustainable → %f', (strain, share, sustainableShare, expected) => {
    expect(nextStrain(nation('x', { strain, sustainableShare }), share, P)).toBeCloseTo(expected, 9);
  });
});

describe('applyAllocation for g (GDP 1000, budget 100, capability 100, consensus 50, nuclear, umbrella 1)', () => {
  test.each<[string, Allocation, Record<string, number>]>([
    [
      // 6% defense: strain 2, growth 2 − 0.8; consensus +1 drift − 4 strain − 0.4 domestic; 10 FP ordered.
      '30 readiness, 30 modernization, 40 domestic',
      alloc({ readiness: 30, modernization: 30, domestic: 40 }),
      {
        strain: 2,
        growth: 1.2,
        gdp: 1012,
        consensus: 46.6,
        capability: 92,
        pipeline: 10,
        readiness: 1,
        umbrella: 0.7,
        industrialBase: 54,
        debt: 50,
      },
    ],
    [
      // No defense: readiness drifts 30% toward 0, industry loses 2, domestic spending pleases (+2).
      'all 100 on domestic',
      alloc({ domestic: 100 }),
      {
        strain: 0,
        growth: 2,
        gdp: 1020,
        consensus: 53,
        capability: 92,
        pipeline: 0,
        readiness: 0.7,
        umbrella: 0.7,
        industrialBase: 48,
        debt: 50,
      },
    ],
    [
      // Half the budget unspent pays down debt, as % of the GDP after growth (1020); the umbrella is
      // fully funded (0.2% of GDP).
      '48 domestic, 2 extended deterrence, 50 unspent',
      alloc({ domestic: 48, extendedDeterrence: 2 }),
      { strain: 0, consensus: 50.92, umbrella: 1, debt: 50 - 5000 / 1020 },
    ],
    ['8 bn forward in "front": 2 FP', alloc({ forwardPosture: { front: 8 }, domestic: 92 }), { 'posture:front': 2 }],
  ])('%s', (_why, a, expected) => {
    const w = triangle();
    const ledger = new Ledger(w);
    applyAllocation(ledger, w, 'g', a);
    const g = ledger.nations.g!;
    for (const [metric, value] of Object.entries(expected)) {
      const actual = metric.startsWith('posture:') ? g.posture[metric.slice(8)] : g[metric as 'gdp'];
      expect([metric, actual]).toEqual([metric, expect.closeTo(value, 9)]);
    }
    // Every change is explained: before + terms = after.
    for (const c of ledger.changes()) expect(termsSum(c.why)).toBeCloseTo(c.after, 9);
    // The input world is untouched.
    expect(w.nations.g).toEqual(triangle().nations.g);
  });
});

describe('burden: allies below 2% of GDP cost their guarantor 0.5 consensus per point', () => {
  test.each([
    [3, 0],
    [2, 0],
    [1, 0.5],
    [0, 1],
  ])("ally's defense share %f percent → %f", (defenseShare, expected) => {
    const b = burden(withNation(triangle(), 'a', { defenseShare }), 'g');
    expect(b.value).toBeCloseTo(expected, 9);
    expect(termsSum(b)).toBeCloseTo(b.value, 9);
  });
});
