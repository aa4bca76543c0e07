// The local balance: home forces or reinforcement by reach plus forward posture, and the contest function.
import { describe, expect, test } from 'vitest';
import { contest, effectiveForce, localForce } from '../../../shared/rules/forces.js';
import { DEFAULT_PARAMS as P } from '../../../shared/rules/params.js';
import { nation, termsSum } from './world.js';

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

describe('localForce', () => {
  test.each([
    // [why, nation, region, expected value, expected terms]
    ['home region: all effective force', { region: 'front', readiness: 0.5 }, 'front', 70, [70]],
    ['home posture is not counted twice', { region: 'front', posture: { front: 9 } }, 'front', 100, [100]],
    ['away with reach 0.5 and 8 FP forward', { reach: { front: 0.5 }, posture: { front: 8 } }, 'front', 58, [50, 8]],
    ['away with no reach entry: defaultReach 0.1', {}, 'front', 10, [10, 0]],
    ['reach 0 leaves only the tripwire', { reach: { front: 0 }, posture: { front: 3 } }, 'front', 3, [0, 3]],
    ['unready forces reinforce less', { readiness: 0, reach: { front: 0.5 } }, 'front', 20, [20, 0]],
  ])('%s', (_why, over, region, value, terms) => {
    const f = localForce(nation('x', over), region, P);
    expect(f.value).toBeCloseTo(value, 9);
    expect(f.terms.map((t) => t.value)).toEqual(terms.map((t) => expect.closeTo(t, 9)));
    expect(termsSum(f)).toBeCloseTo(f.value, 9);
  });

  test('more forward posture never lowers the local force', () => {
    const at = (posture: number) => localForce(nation('x', { posture: { front: posture } }), 'front', P).value;
    expect(at(0)).toBeLessThan(at(1));
    expect(at(1)).toBeLessThan(at(10));
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
