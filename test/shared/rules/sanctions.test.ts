// Sanctions (issue 11): each sender's bite = sanctionStrength 0.6 × its economic weight against the
// target × a ramp over sanctionRampTurns 2; several senders combine with diminishing returns
// (1 − Π(1 − bite)). The target loses revenue (next budget, 0.25 × pressure), growth (2 points per
// year × pressure) and consensus (1.5 × pressure per turn); each sender loses trade, 0.02 × the
// smaller economy × bite ÷ strength per year.
import { describe, expect, test } from 'vitest';
import type { Sanction } from '../../../shared/model/state.js';
import { applySanctions, budget } from '../../../shared/rules/economy.js';
import { Ledger } from '../../../shared/rules/ledger.js';
import { DEFAULT_PARAMS as P } from '../../../shared/model/params.js';
import {
  imposeSanctions,
  liftSanctions,
  sanctionBite,
  sanctioning,
  sanctionPressure,
} from '../../../shared/rules/sanctions.js';
import { applyParsed } from '../../../shared/rules/engine.js';
import { toPhase } from '../properties/drive.js';
import { changeTerm, quietClassroom, results } from './match.js';
import { termsSum, triangle, type TestWorld, withNation } from './world.js';

/** The triangle at `turn` with `sanctions` in force; h is a second, larger economy (GDP 3000). */
const at = (turn: number, sanctions: Sanction[], params = P): TestWorld => ({
  ...withNation(triangle(), 'h', { gdp: 3000 }),
  turn,
  params,
  sanctions,
});
const on = (sender: string, since = 1): Sanction => ({ sender, target: 'c', since });

describe('sanctionBite = 0.6 × sender GDP / (sender GDP + target GDP) × min(1, turns in force / 2)', () => {
  test.each([
    // [why, turn, sanction, bite]
    ['imposed this turn: half the ramp', 1, on('g'), 0.6 * 0.5 * 0.5],
    ['the next turn: in full', 2, on('g'), 0.6 * 0.5],
    ['later: stays in full', 5, on('g'), 0.6 * 0.5],
    ['a larger sender bites harder: weight 3000/4000', 2, on('h'), 0.6 * 0.75],
    ['not yet in force', 1, on('g', 2), 0],
  ])('%s', (_why, turn, s, bite) => {
    expect(sanctionBite(at(turn, [s]), s)).toBeCloseTo(bite, 12);
  });

  test.each([
    [1, 1 / 3],
    [2, 2 / 3],
    [3, 1],
    [4, 1],
  ])('pressure grows over sanctionRampTurns 3: turn %i → %f of full', (turn, ramp) => {
    const w = at(turn, [on('g')], { ...P, sanctionRampTurns: 3 });
    expect(sanctionBite(w, on('g'))).toBeCloseTo(0.3 * ramp, 12);
  });

  test('an unknown sender or target bites nothing', () => {
    expect(sanctionBite(at(2, []), { sender: 'z', target: 'c', since: 1 })).toBe(0);
  });
});

// In full (turn 2): g bites 0.3 and h 0.45 on c; together 0.3 + (1 − 0.3) × 0.45 = 0.615.
describe('sanctionPressure: two senders combine with diminishing returns', () => {
  test('less than the sum, more than either, one term per sender', () => {
    const p = sanctionPressure(at(2, [on('g'), on('h')]), 'c');
    expect(p.terms.map((t) => t.label)).toEqual(['sanctions by G', 'sanctions by H']);
    expect(p.terms.map((t) => t.value)).toEqual([expect.closeTo(0.3, 12), expect.closeTo(0.7 * 0.45, 12)]);
    expect(p.value).toBeCloseTo(0.615, 12);
    expect(p.value).toBeLessThan(0.3 + 0.45);
    expect(p.value).toBeGreaterThan(0.45);
    expect(termsSum(p)).toBeCloseTo(p.value, 12);
  });

  test('the order of the senders does not change the pressure', () => {
    const forward = sanctionPressure(at(2, [on('g'), on('h')]), 'c').value;
    const backward = sanctionPressure(at(2, [on('h'), on('g')]), 'c').value;
    expect(backward).toBeCloseTo(forward, 12);
  });

  test.each([
    ['no sanctions', [], 0],
    ['on someone else only', [{ sender: 'g', target: 'a', since: 1 }], 0],
    ['one sender', [on('g')], 0.3],
  ] as const)('%s → %f', (_why, sanctions, value) => {
    expect(sanctionPressure(at(2, [...sanctions]), 'c').value).toBeCloseTo(value, 12);
  });
});

describe('applySanctions: the sender pays in trade; the target loses revenue in its next budget', () => {
  test('g on c, in full: g loses 0.02 × 1000 × 0.3/0.6; c loses 0.25 × 0.3 of its revenue', () => {
    const w = at(2, [on('g')]);
    const ledger = new Ledger(w);
    applySanctions(ledger, w);
    expect(ledger.nations.g?.gdp).toBeCloseTo(1000 - 10, 9);
    expect(ledger.nations.c?.gdp).toBe(1000);
    expect(ledger.nations.c?.revenueLost).toBeCloseTo(0.075, 12);
    expect(ledger.nations.a?.revenueLost).toBe(0);
    expect(budget(ledger.nations.c!, 1).value).toBeCloseTo(100 * (1 - 0.075), 9);
    for (const c of ledger.changes()) expect(termsSum(c.why)).toBeCloseTo(c.after, 9);
  });

  test('trade lost is a share of the smaller economy: h (3000) on c (1000) loses 0.02 × 1000 × 0.75', () => {
    const w = at(2, [on('h')]);
    const ledger = new Ledger(w);
    applySanctions(ledger, w);
    expect(ledger.nations.h?.gdp).toBeCloseTo(3000 - 15, 9);
  });

  test('lifted sanctions stop biting: the revenue lost returns to 0', () => {
    const w = withNation(at(2, []), 'c', { revenueLost: 0.075 });
    const ledger = new Ledger(w);
    applySanctions(ledger, w);
    expect(ledger.nations.c?.revenueLost).toBe(0);
  });
});

describe('imposeSanctions, liftSanctions, sanctioning', () => {
  test('imposed once, lifted by its sender only', () => {
    const once = imposeSanctions(imposeSanctions([], 'g', 'c', 1), 'g', 'c', 2);
    expect(once).toEqual([{ sender: 'g', target: 'c', since: 1 }]);
    expect(sanctioning({ sanctions: once }, 'g', 'c')).toBe(true);
    expect(sanctioning({ sanctions: once }, 'h', 'c')).toBe(false);
    expect(liftSanctions(once, 'h', 'c')).toEqual(once);
    expect(liftSanctions(once, 'g', 'c')).toEqual([]);
  });
});

// Through the engine (classroom): the same first turn, everyone on defaults, with and without
// Aurelia's sanctions on Varkal imposed at turn 1.
describe('sanctions in adjudication', () => {
  const without = results(quietClassroom(5));
  const withSanctions = results({
    ...quietClassroom(5),
    sanctions: [{ sender: 'aurelia', target: 'varkal', since: 1 }],
  });
  const varkal = (s: typeof without) => s.nations.varkal!;

  test("the target's next budget loses revenueHit × the pressure reported", () => {
    const pressure = withSanctions.report?.outcomes.sanctions[0]?.pressure ?? NaN;
    expect(pressure).toBeGreaterThan(0);
    expect(varkal(withSanctions).revenueLost).toBeCloseTo(P.sanctionRevenueHit * pressure, 12);
    expect(varkal(without).revenueLost).toBe(0);
    const next = budget(varkal(withSanctions), 1);
    const revenue = varkal(withSanctions).gdp * varkal(withSanctions).budgetShare;
    expect(next.terms[1]).toEqual({
      label: 'revenue lost to sanctions',
      value: expect.closeTo(-revenue * P.sanctionRevenueHit * pressure, 9),
    });
    expect(next.value).toBeLessThan(budget(varkal(without), 1).value);
  });

  // Growth loses 2 × pressure and consensus 1.5 × pressure, on the same pressure: their ratio is 0.75.
  test('the target grows less and its public suffers hardship in proportion', () => {
    const growthLost = varkal(without).growth - varkal(withSanctions).growth;
    expect(growthLost).toBeGreaterThan(0);
    expect(varkal(withSanctions).gdp).toBeLessThan(varkal(without).gdp);
    const hardship = changeTerm(withSanctions, 'varkal', 'consensus', 'hardship under sanctions') ?? NaN;
    expect(hardship).toBeCloseTo((-growthLost * P.sanctionConsensusHit) / P.sanctionGrowthHit, 9);
    expect(changeTerm(without, 'varkal', 'consensus', 'hardship under sanctions')).toBeUndefined();
  });

  test('the sender pays in lost trade, and nothing else differs in its GDP', () => {
    const trade = changeTerm(withSanctions, 'aurelia', 'gdp', 'trade lost sanctioning Varkal') ?? NaN;
    expect(trade).toBeLessThan(0);
    expect(withSanctions.nations.aurelia!.gdp - without.nations.aurelia!.gdp).toBeCloseTo(trade, 9);
  });

  test('a sanction statement puts sanctions in force from this turn; lifting takes them off', () => {
    const diplomacy = toPhase(quietClassroom(5), 'diplomacy');
    const imposed = applyParsed(diplomacy, 'aurelia', {
      type: 'statement',
      kind: 'sanction',
      subject: 'varkal',
      text: '',
    });
    if (!imposed.ok) throw new Error(imposed.error.message);
    expect(imposed.value.state.sanctions).toEqual([{ sender: 'aurelia', target: 'varkal', since: 1 }]);
    const again = applyParsed(imposed.value.state, 'aurelia', {
      type: 'statement',
      kind: 'sanction',
      subject: 'varkal',
      text: 'more',
    });
    expect(again.ok).toBe(false);
    const lifted = applyParsed(imposed.value.state, 'aurelia', {
      type: 'statement',
      kind: 'lift_sanctions',
      subject: 'varkal',
      text: '',
    });
    if (!lifted.ok) throw new Error(lifted.error.message);
    expect(lifted.value.state.sanctions).toEqual([]);
    for (const subject of ['aurelia', 'atlantis']) {
      const bad = applyParsed(diplomacy, 'aurelia', { type: 'statement', kind: 'sanction', subject, text: '' });
      expect(bad.ok ? null : bad.error.code).toBe('ERR_UNKNOWN_TARGET');
    }
    const nothing = applyParsed(diplomacy, 'aurelia', {
      type: 'statement',
      kind: 'lift_sanctions',
      subject: 'varkal',
      text: '',
    });
    expect(nothing.ok ? null : nothing.error.code).toBe('ERR_UNKNOWN_TARGET');
  });
});
