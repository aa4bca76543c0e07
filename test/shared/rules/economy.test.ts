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
  receiveAid,
  statusQuoAllocation,
} from '../../../shared/rules/economy.js';
import { Ledger } from '../../../shared/rules/ledger.js';
import { DEFAULT_PARAMS as P } from '../../../shared/model/params.js';
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

describe('budget = GDP × budget share × years × (1 − revenue lost to sanctions) − obligations, floored at 0', () => {
  test.each([
    // [GDP, budget share, years, obligations, revenue lost, budget, terms]
    [1000, 0.1, 1, 0, 0, 100, [100, -0, -0]],
    [1000, 0.1, 0.5, 0, 0, 50, [50, -0, -0]],
    [1000, 0.1, 1, 30, 0, 70, [100, -0, -30]],
    [1000, 0.1, 1, 150, 0, 0, [100, -0, -150, 50]],
    [20000, 0.08, 1, 0, 0, 1600, [1600, -0, -0]],
    [1000, 0.1, 1, 0, 0.25, 75, [100, -25, -0]],
    [1000, 0.1, 1, 30, 0.1, 60, [100, -10, -30]],
  ])(
    'GDP %f, share %f, %f years, owing %f, %f of revenue lost → %f',
    (gdp, budgetShare, years, obligations, revenueLost, value, terms) => {
      const b = budget(nation('x', { gdp, budgetShare, obligations, revenueLost }), years);
      expect(b.value).toBeCloseTo(value, 9);
      expect(b.terms.map((t) => t.value)).toEqual(terms.map((v) => expect.closeTo(v, 9)));
      expect(termsSum(b)).toBeCloseTo(b.value, 9);
    },
  );
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
    // Deployment takes a turn: 2 FP ordered now are in place next turn, none this turn.
    [
      '8 bn forward in "front": 2 FP ordered, none in place yet',
      alloc({ forwardPosture: { front: 8 }, domestic: 92 }),
      { 'ordered:front': 2, 'posture:front': 0 },
    ],
  ])('%s', (_why, a, expected) => {
    const w = triangle();
    const ledger = new Ledger(w);
    applyAllocation(ledger, w, 'g', a);
    const g = ledger.nations.g!;
    for (const [metric, value] of Object.entries(expected)) {
      const [kind, region = ''] = metric.split(':');
      const actual =
        kind === 'posture'
          ? (g.posture[region] ?? 0)
          : kind === 'ordered'
            ? g.postureOrdered[region]
            : g[metric as 'gdp'];
      expect([metric, actual]).toEqual([metric, expect.closeTo(value, 9)]);
    }
    // Every change is explained: before + terms = after.
    for (const c of ledger.changes()) expect(termsSum(c.why)).toBeCloseTo(c.after, 9);
    // The input world is untouched.
    expect(w.nations.g).toEqual(triangle().nations.g);
  });
});

describe('forward posture over two turns', () => {
  // 4 FP in place rotate home at 0.15 a year (− 0.6); the 3 FP ordered last turn arrive; nothing
  // is ordered this turn, so nothing arrives next turn.
  test("last turn's order is in place this turn: 4 − 0.6 + 3", () => {
    const w = withNation(triangle(), 'g', { posture: { front: 4 }, postureOrdered: { front: 3 } });
    const ledger = new Ledger(w);
    applyAllocation(ledger, w, 'g', alloc({ domestic: 100 }));
    expect(ledger.nations.g?.posture.front).toBeCloseTo(6.4, 9);
    expect(ledger.nations.g?.postureOrdered).toEqual({});
    for (const c of ledger.changes()) expect(termsSum(c.why)).toBeCloseTo(c.after, 9);
  });
});

// Sanctions by c on g imposed this turn bite at half ramp: 0.6 × 1000/(1000 + 1000) × 1/2 = 0.15.
describe('applyAllocation under sanctions (pressure 0.15)', () => {
  test('growth loses 2 × 0.15 and consensus 1.5 × 0.15', () => {
    const w = { ...triangle(), sanctions: [{ sender: 'c', target: 'g', since: 1 }] };
    const ledger = new Ledger(w);
    applyAllocation(ledger, w, 'g', alloc({ domestic: 100 }));
    // Against "all 100 on domestic" above: growth 2 → 1.7, GDP 1020 → 1017.
    expect(ledger.nations.g?.growth).toBeCloseTo(1.7, 9);
    expect(ledger.nations.g?.gdp).toBeCloseTo(1017, 9);
    const term = (metric: string, label: string) =>
      ledger
        .changes()
        .find((c) => c.subject === 'g' && c.metric === metric)
        ?.why.terms.find((t) => t.label === label)?.value;
    expect(term('consensus', 'hardship under sanctions')).toBeCloseTo(-1.5 * 0.15, 9);
    for (const c of ledger.changes()) expect(termsSum(c.why)).toBeCloseTo(c.after, 9);
  });
});

// Aid received last turn enters service: half buys arms at (0.5 + industry/100) FP per 3 bn, half
// buys resilience at 0.1 per 1% of GDP. Resilience drifts 0.15 of the way to its starting level ×
// the nation's defense effort (defense share ÷ starting share, at most 1.5).
describe('receiveAid', () => {
  test.each([
    // [why, nation, capability after, resilience after]
    ['30 bn of aid: +15/3 FP, +1.5% of GDP × 0.1', { aidInbound: 30 }, 105, 0.15],
    ['30 bn at industry 80: +15/3 × 1.3 FP', { aidInbound: 30, industrialBase: 80 }, 106.5, 0.15],
    ['no aid: nothing changes', {}, 100, 0],
    ['no aid, effort as at the start: resilience holds', { resilience: 0.3, resilience0: 0.3 }, 100, 0.3],
    [
      'no aid, double the defense share (effort capped at 1.5): 0.3 + 0.15 × (0.45 − 0.3)',
      { resilience: 0.3, resilience0: 0.3, defenseShare: 6 },
      100,
      0.3225,
    ],
    [
      'no aid, no defense spending: 0.3 − 0.15 × 0.3',
      { resilience: 0.3, resilience0: 0.3, defenseShare: 0 },
      100,
      0.255,
    ],
  ])('%s', (_why, over, capability, resilience) => {
    const w = withNation(triangle(), 'a', { capability: 100, ...over });
    const ledger = new Ledger(w);
    receiveAid(ledger, w, 'a');
    expect(ledger.nations.a?.capability).toBeCloseTo(capability, 9);
    expect(ledger.nations.a?.resilience).toBeCloseTo(resilience, 9);
    expect(ledger.nations.a?.aidInbound).toBe(0);
    for (const c of ledger.changes()) expect(termsSum(c.why)).toBeCloseTo(c.after, 9);
  });

  test('aid sent this turn is inbound, not yet in service', () => {
    const w = triangle();
    const ledger = new Ledger(w);
    applyAllocation(ledger, w, 'g', alloc({ foreignAid: { a: 30 }, domestic: 70 }));
    expect(ledger.nations.a?.aidInbound).toBe(30);
    expect(ledger.nations.a?.capability).toBe(50);
    expect(ledger.nations.a?.resilience).toBe(0);
    // Aid also ties the ally closer to its donor: 0.01 per 2 bn.
    expect(ledger.guarantees['g-a']?.ties).toBeCloseTo(0.5 + 0.15, 9);
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
