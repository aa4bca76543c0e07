// The local balance: home forces, or forward posture plus the share of reinforcement (by reach) that
// has arrived; what is still on its way; and the contest function. Reinforcement takes
// reinforcementTurns (default 2) to arrive in full unless the nation's entry for the region says otherwise.
import { describe, expect, test } from 'vitest';
import {
  arrivedShare,
  contest,
  effectiveForce,
  expectedForceValue,
  fullForceValue,
  localForce,
  localForceValue,
  reinforcementTurnsTo,
} from '../../../shared/rules/forces.js';
import { Ledger } from '../../../shared/rules/ledger.js';
import { DEFAULT_PARAMS as P } from '../../../shared/model/params.js';
import { moveReinforcements } from '../../../shared/rules/reinforcement.js';
import { nation, termsSum, triangle, withNation } from './world.js';

describe('effectiveForce: capability × (unreadyFloor 0.4 + 0.6 × readiness)', () => {
  test.each([
    [100, 1, 100],
    [100, 0.5, 70],
    [100, 0, 40],
    [600, 0.75, 510],
    [0, 1, 0],
  ])('capability %f at readiness %f → %f', (capability, readiness, expected) => {
    expect(effectiveForce(nation('x', { capability, readiness }), P)).toBeCloseTo(expected, 9);
  });
});

describe('localForce: forward posture plus the arrived share of reach × effective force', () => {
  test.each([
    // [why, nation, region, expected value, expected terms]
    ['home region: all effective force', { region: 'front', readiness: 0.5 }, 'front', 70, [70]],
    ['home posture is not counted twice', { region: 'front', posture: { front: 9 } }, 'front', 100, [100]],
    [
      'away with reach 0.5, all arrived, and 8 FP forward',
      { reach: { front: 0.5 }, arrived: { front: 1 }, posture: { front: 8 } },
      'front',
      58,
      [50, 8],
    ],
    [
      'away with reach 0.5, half arrived, and 8 FP forward',
      { reach: { front: 0.5 }, arrived: { front: 0.5 }, posture: { front: 8 } },
      'front',
      33,
      [25, 8],
    ],
    [
      'away, none arrived yet: only the forward posture (a fait accompli meets this)',
      { reach: { front: 0.5 }, posture: { front: 8 } },
      'front',
      8,
      [0, 8],
    ],
    [
      '0 reinforcement turns: all at hand without arriving',
      { reach: { front: 0.5 }, reinforcementTurns: { front: 0 } },
      'front',
      50,
      [50, 0],
    ],
    ['away with no reach entry: defaultReach 0.1', { arrived: { front: 1 } }, 'front', 10, [10, 0]],
    ['reach 0 leaves only the tripwire', { reach: { front: 0 }, posture: { front: 3 } }, 'front', 3, [0, 3]],
    [
      'unready forces reinforce less',
      { readiness: 0, reach: { front: 0.5 }, arrived: { front: 1 } },
      'front',
      20,
      [20, 0],
    ],
  ])('%s', (_why, over, region, value, terms) => {
    const n = nation('x', over);
    const f = localForce(n, region, P);
    expect(f.value).toBeCloseTo(value, 9);
    expect(f.terms.map((t) => t.value)).toEqual(terms.map((t) => expect.closeTo(t, 9)));
    expect(termsSum(f)).toBeCloseTo(f.value, 9);
    expect(localForceValue(n, region, P)).toBeCloseTo(value, 9);
  });

  test('the arrived share is named in the breakdown', () => {
    const f = localForce(nation('x', { reach: { front: 0.5 }, arrived: { front: 0.5 } }), 'front', P);
    expect(f.terms[0]?.label).toBe('X reinforcement arrived (50%)');
  });

  test('more forward posture never lowers the local force', () => {
    const at = (posture: number) => localForce(nation('x', { posture: { front: posture } }), 'front', P).value;
    expect(at(0)).toBeLessThan(at(1));
    expect(at(1)).toBeLessThan(at(10));
  });
});

describe('reinforcementTurnsTo and arrivedShare', () => {
  test.each([
    // [why, nation, turns, arrived share]
    ['no entry: the default reinforcementTurns', {}, P.reinforcementTurns, 0],
    ['its own entry', { reinforcementTurns: { front: 3 }, arrived: { front: 1 / 3 } }, 3, 1 / 3],
    ['0 turns: always all there', { reinforcementTurns: { front: 0 }, arrived: { front: 0.2 } }, 0, 1],
  ])('%s', (_why, over, turns, share) => {
    const n = nation('x', over);
    expect(reinforcementTurnsTo(n, 'front', P)).toBe(turns);
    expect(arrivedShare(n, 'front', P)).toBeCloseTo(share, 12);
  });
});

// Reach 0.5 of 100 effective FP: 50 FP of reinforcement; 8 FP forward. Full = 58 whatever has
// arrived (what a challenger strikes with; what defenders retake with in the end); expected =
// what is here + what is on its way at distantWeight 0.5 (what credibility counts).
describe('fullForceValue and expectedForceValue over the arrival of reinforcement', () => {
  test.each([
    // [arrived, local, full, expected]
    [0, 8, 58, 8 + 50 * 0.5],
    [0.5, 33, 58, 33 + 25 * 0.5],
    [1, 58, 58, 58],
  ])('arrived %f → local %f, full %f, expected %f', (arrived, local, full, expected) => {
    const n = nation('x', { reach: { front: 0.5 }, posture: { front: 8 }, arrived: { front: arrived } });
    expect(localForceValue(n, 'front', P)).toBeCloseTo(local, 9);
    expect(fullForceValue(n, 'front', P)).toBeCloseTo(full, 9);
    expect(expectedForceValue(n, 'front', P)).toBeCloseTo(expected, 9);
  });

  test('at home all three are the effective force', () => {
    const n = nation('x', { region: 'front', readiness: 0.5 });
    for (const f of [localForceValue, fullForceValue, expectedForceValue]) expect(f(n, 'front', P)).toBeCloseTo(70, 9);
  });
});

// Each turn a nation engaged in a theater moves 1 / its reinforcement turns of its reach there;
// disengaged, it goes home at the same pace. The share stays within 0..1.
describe('moveReinforcements', () => {
  const world = (turns: number, arrived: number) =>
    withNation(triangle(), 'g', { reinforcementTurns: { front: turns }, arrived: { front: arrived } });
  test.each([
    // [why, turns, arrived before, engaged in front, arrived after]
    ['engaged, 2 turns: +1/2', 2, 0, true, 0.5],
    ['engaged again: all there', 2, 0.5, true, 1],
    ['engaged when all there: stays 1', 2, 1, true, 1],
    ['engaged, 3 turns: +1/3', 3, 0, true, 1 / 3],
    ['disengaged: −1/2, going home', 2, 1, false, 0.5],
    ['disengaged when none there: stays 0', 2, 0, false, 0],
    ['disengaged, 4 turns: −1/4', 4, 0.5, false, 0.25],
  ])('%s', (_why, turns, before, engaged, after) => {
    const w = world(turns, before);
    const ledger = new Ledger(w);
    moveReinforcements(ledger, w, new Map(engaged ? [['g', new Set(['front'])]] : []));
    expect(ledger.nations.g?.arrived.front).toBeCloseTo(after, 12);
    for (const c of ledger.changes()) expect(termsSum(c.why)).toBeCloseTo(c.after, 12);
  });

  test('0 reinforcement turns and the home region never move', () => {
    const w = withNation(world(0, 0), 'a', { arrived: { front: 0.3 } });
    const ledger = new Ledger(w);
    moveReinforcements(
      ledger,
      w,
      new Map([
        ['g', new Set(['front'])],
        ['a', new Set(['front'])],
      ]),
    );
    expect(ledger.changes()).toEqual([]);
  });
});

describe('contest: P(attack wins) = A^k / (A^k + D^k)', () => {
  test.each([
    [1, 1, 1.5, 0.5],
    [3, 1, 1, 0.75],
    [1, 3, 1, 0.25],
    [2, 1, 2, 0.8],
    [4, 1, 0.5, 2 / 3],
    [5, 0, 1.5, 1],
    [0, 5, 1.5, 0],
    [0, 0, 1.5, 0.5],
    [-3, 1, 1, 0],
    [70, 50, 1.5, 0.6235652],
  ])('attack %f vs defense %f, k = %f → %f', (a, d, k, expected) => {
    expect(contest(a, d, k)).toBeCloseTo(expected, 6);
  });

  test('symmetric: P(a beats d) + P(d beats a) = 1', () => {
    expect(contest(70, 50, 1.5) + contest(50, 70, 1.5)).toBeCloseTo(1, 12);
  });
});
