// Credibility of a guarantee per audience: six weighted terms, each checked by hand on the triangle world.
import { describe, expect, test } from 'vitest';
import { credibility, localBalance, tripwire } from '../../../shared/rules/credibility.js';
import type { Audience } from '../../../shared/model/vocabulary.js';
import { termsSum, triangle, type TestWorld, withGuarantee, withNation } from './world.js';

// Base case, to the challenger (weights .30/.07/.12/.10/.08/.33):
//   capability: balance 1 − 70/(70+70) = 0.5, tripwire 0 → 0.6 × 0.5 = 0.3 → 30 × 0.3 = 9
//   umbrella:   a treaty lends umbrellaByType 0.6 of the umbrella, at half plus half its readiness:
//               0.6 × (0.5 + 0.5 × 1) = 0.6 → 7 × 0.6 = 4.2
//   interests:  ties 0.5, no hedging, a's defense 3% ≥ the 2% burden target → 12 × 0.5 = 6
//   resolve:    0.7 × 50/100 + 0.3 × 0 = 0.35 → 10 × 0.35 = 3.5
//   clarity:    8 × 0.5 = 4
//   reputation: prior 0.5 → 33 × 0.5 = 16.5           total 43.2
const BASE: number[] = [9, 4.2, 6, 3.5, 4, 16.5];
const BASE_TOTAL = 43.2;

const rows: [string, (w: TestWorld) => TestWorld, Audience, number[]][] = [
  ['base case', (w) => w, 'challenger', BASE],
  [
    'a non-nuclear guarantor lends no umbrella',
    (w) => withNation(w, 'g', { nuclear: false }),
    'challenger',
    [9, 0, 6, 3.5, 4, 16.5],
  ],
  [
    'an assurance lends umbrellaByType 0.3 of it: 7 × 0.3 × (0.5 + 0.5 × 1)',
    (w) => withGuarantee(w, 'g-a', { type: 'assurance' }),
    'challenger',
    [9, 2.1, 6, 3.5, 4, 16.5],
  ],
  [
    'extended deterrence lends all of the funded umbrella: 7 × 1 × 1',
    (w) => withGuarantee(w, 'g-a', { type: 'extended_deterrence' }),
    'challenger',
    [9, 7, 6, 3.5, 4, 16.5],
  ],
  [
    'extended deterrence at umbrella 0.5: 7 × 1 × 0.5',
    (w) => withNation(withGuarantee(w, 'g-a', { type: 'extended_deterrence' }), 'g', { umbrella: 0.5 }),
    'challenger',
    [9, 3.5, 6, 3.5, 4, 16.5],
  ],
  [
    'extended deterrence at umbrella 0 lends none',
    (w) => withNation(withGuarantee(w, 'g-a', { type: 'extended_deterrence' }), 'g', { umbrella: 0 }),
    'challenger',
    [9, 0, 6, 3.5, 4, 16.5],
  ],
  [
    "a treaty's umbrella at readiness 0 counts half: 7 × 0.6 × 0.5",
    (w) => withNation(w, 'g', { umbrella: 0 }),
    'challenger',
    [9, 2.1, 6, 3.5, 4, 16.5],
  ],
  [
    'a fully hedging ally halves the interests',
    (w) => withNation(w, 'a', { hedging: 100 }),
    'challenger',
    [9, 4.2, 3, 3.5, 4, 16.5],
  ],
  // Burden sharing: interests × (1 − 0.5 × shortfall / 2) for an ally below 2% of GDP.
  [
    'an ally at 1% of GDP: interests 0.5 × (1 − 0.5 × 1/2) = 0.375',
    (w) => withNation(w, 'a', { defenseShare: 1 }),
    'challenger',
    [9, 4.2, 4.5, 3.5, 4, 16.5],
  ],
  [
    'an ally spending nothing: interests 0.5 × (1 − 0.5) = 0.25',
    (w) => withNation(w, 'a', { defenseShare: 0 }),
    'challenger',
    [9, 4.2, 3, 3.5, 4, 16.5],
  ],
  [
    'a full public commitment adds 0.3 resolve',
    (w) => withGuarantee(w, 'g-a', { commitment: 1 }),
    'challenger',
    [9, 4.2, 6, 6.5, 4, 16.5],
  ],
  [
    'consensus 100 gives 0.7 resolve',
    (w) => withNation(w, 'g', { consensus: 100 }),
    'challenger',
    [9, 4.2, 6, 7, 4, 16.5],
  ],
  ['clarity 1', (w) => withGuarantee(w, 'g-a', { clarity: 1 }), 'challenger', [9, 4.2, 6, 3.5, 8, 16.5]],
  ['prior reputation 1', (w) => withGuarantee(w, 'g-a', { prior: 1 }), 'challenger', [9, 4.2, 6, 3.5, 4, 33]],
  // No challenger in the region: balance 1 → 0.6 → 18.
  [
    "no rival force: the balance is all the defenders'",
    (w) => withNation(w, 'c', { reach: { front: 0 } }),
    'challenger',
    [18, 4.2, 6, 3.5, 4, 16.5],
  ],
  // Reinforcement still on its way counts at distantWeight 0.5: g's 20 FP take 2 turns to "front".
  [
    "none of g's reinforcement arrived: it counts 20 × 0.5, balance 1 − 70/130",
    (w) => withNation(w, 'g', { reinforcementTurns: { front: 2 }, arrived: {} }),
    'challenger',
    [30 * 0.6 * (1 - 70 / 130), 4.2, 6, 3.5, 4, 16.5],
  ],
  [
    'half arrived: 10 here + 10 × 0.5 on its way, balance 1 − 70/135',
    (w) => withNation(w, 'g', { reinforcementTurns: { front: 2 }, arrived: { front: 0.5 } }),
    'challenger',
    [30 * 0.6 * (1 - 70 / 135), 4.2, 6, 3.5, 4, 16.5],
  ],
  [
    'all arrived: as if at hand',
    (w) => withNation(w, 'g', { reinforcementTurns: { front: 2 }, arrived: { front: 1 } }),
    'challenger',
    BASE,
  ],
  // Ally weights .22/.08/.12/.12/.13/.33 on the same inputs: umbrella 8 × 0.6.
  ['to the ally', (w) => w, 'ally', [6.6, 4.8, 6, 4.2, 6.5, 16.5]],
  // Public weights .15/.05/.22/.20/.05/.33: umbrella 5 × 0.6.
  ['to the public', (w) => w, 'public', [4.5, 3, 11, 7, 2.5, 16.5]],
];

const LABELS = ['local capability', 'nuclear umbrella', 'interests and ties', 'resolve', 'clarity', 'reputation'];

describe('credibility', () => {
  test.each(rows)('%s', (_why, patch, audience, terms) => {
    const c = credibility(patch(triangle()), 'g-a', audience);
    expect(c.terms.map((t) => t.label)).toEqual(LABELS);
    expect(c.terms.map((t) => t.value)).toEqual(terms.map((v) => expect.closeTo(v, 9)));
    expect(c.value).toBeCloseTo(
      terms.reduce((a, b) => a + b, 0),
      9,
    );
    expect(termsSum(c)).toBeCloseTo(c.value, 9);
  });

  test('base total is 43.2', () => {
    expect(credibility(triangle(), 'g-a', 'challenger').value).toBeCloseTo(BASE_TOTAL, 9);
  });

  // An economic guarantee is weighed by the economies, not the local balance: g's GDP 3000 against
  // c's 1000 gives 0.75 → 0.6 × 0.75 + 0.4 × tripwire 0 = 0.45 → 30 × 0.45 = 13.5; it lends no umbrella.
  test('an economic guarantee: economic weight replaces the local balance, and no umbrella', () => {
    const w = withNation(withGuarantee(triangle(), 'g-a', { type: 'economic' }), 'g', { gdp: 3000 });
    const c = credibility(w, 'g-a', 'challenger');
    expect(c.terms.map((t) => t.label)).toEqual(['economic weight', ...LABELS.slice(1)]);
    expect(c.terms.map((t) => t.value)).toEqual([13.5, 0, 6, 3.5, 4, 16.5].map((v) => expect.closeTo(v, 9)));
    // The local balance does not move it: more force in "front" leaves the term alone.
    const armed = withNation(w, 'a', { capability: 500 });
    expect(credibility(armed, 'g-a', 'challenger').terms[0]?.value).toBeCloseTo(13.5, 9);
  });

  test('5 FP forward: balance 1 − 70/145 and tripwire 1 − e^−1 raise the capability term', () => {
    const c = credibility(withNation(triangle(), 'g', { posture: { front: 5 } }), 'g-a', 'challenger');
    const capability = 0.6 * (1 - 70 / 145) + 0.4 * (1 - Math.exp(-1));
    expect(c.terms[0]?.value).toBeCloseTo(30 * capability, 9);
    expect(c.value).toBeCloseTo(BASE_TOTAL - 9 + 30 * capability, 9);
  });

  test('an unknown guarantee has no credibility and no terms', () => {
    expect(credibility(triangle(), 'nope', 'challenger')).toEqual({ value: 0, terms: [] });
  });
});

describe('localBalance and tripwire', () => {
  test.each([
    // [forward FP, balance = 1 − 70 / (70 + 50 + 20 + forward), tripwire = 1 − e^(−forward/5)]
    [0, 0.5, 0],
    [5, 1 - 70 / 145, 1 - Math.exp(-1)],
    [10, 1 - 70 / 150, 1 - Math.exp(-2)],
    [20, 1 - 70 / 160, 1 - Math.exp(-4)],
  ])('%f FP forward → balance %f, tripwire %f', (forward, balance, trip) => {
    const w = withNation(triangle(), 'g', { posture: { front: forward } });
    const g = w.guarantees['g-a']!;
    expect(localBalance(w, g)).toBeCloseTo(balance, 9);
    expect(tripwire(w, g)).toBeCloseTo(trip, 9);
  });

  test('tripwire forces have diminishing returns: each extra 5 FP adds less', () => {
    const at = (fp: number) => {
      const w = withNation(triangle(), 'g', { posture: { front: fp } });
      return tripwire(w, w.guarantees['g-a']!);
    };
    const gains = [at(5) - at(0), at(10) - at(5), at(15) - at(10)];
    expect(gains[0]).toBeGreaterThan(gains[1]!);
    expect(gains[1]).toBeGreaterThan(gains[2]!);
  });
});
