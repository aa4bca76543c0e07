// Scores: each metric 0..1 from the state, a role's score the weighted mean × 100, and 0 for
// everyone after general nuclear war.
import { describe, expect, test } from 'vitest';
import type { Metric } from '../../../shared/model/scenario.js';
import type { NationState } from '../../../shared/model/state.js';
import { allScores, metric, seatScore } from '../../../shared/rules/scoring.js';
import { termsSum, triangle, type TestWorld, withGuarantee, withNation } from './world.js';

/** Turn `turn` once adjudicated: the end-of-turn scores. */
const at = (turn: number) => ({ ...triangle(), turn, adjudicated: turn });
const peaks = (w: TestWorld, front: number): TestWorld => ({
  ...w,
  regions: { ...w.regions, front: { id: 'front', name: 'Front', rung: front, peak: front } },
});

describe('metric', () => {
  test.each<[string, Metric, string, (w: TestWorld) => TestWorld, number]>([
    ['integrity 80', 'integrity', 'a', (w) => withNation(w, 'a', { integrity: 80 }), 0.8],
    ['one ally at 60', 'alliesIntact', 'g', (w) => withNation(w, 'a', { integrity: 60 }), 0.6],
    [
      'allies at 60 and 100',
      'alliesIntact',
      'g',
      (w) => withGuarantee(withNation(withNation(w, 'a', { integrity: 60 }), 'b', {}), 'g-b', { ally: 'b' }),
      0.8,
    ],
    ['no allies at all', 'alliesIntact', 'c', (w) => w, 1],
    ['1 setback in 4 turns', 'deterrence', 'g', (w) => withNation(w, 'g', { setbacks: 1 }), 0.75],
    ['5 setbacks in 4 turns: floored', 'deterrence', 'g', (w) => withNation(w, 'g', { setbacks: 5 }), 0],
    ['consensus 50', 'consensus', 'g', (w) => w, 0.5],
    ['peace: worst peak 2 of 8', 'peace', 'g', (w) => peaks(w, 2), 0.75],
    ['peace: general nuclear war reached', 'peace', 'g', (w) => peaks(w, 8), 0],
    ['gains 30', 'gains', 'c', (w) => withNation(w, 'c', { gains: 30 }), 0.3],
    ['half the forces left', 'forcesPreserved', 'c', (w) => withNation(w, 'c', { capability: 50 }), 0.5],
    [
      'more forces than at the start: capped',
      'forcesPreserved',
      'c',
      (w) => withNation(w, 'c', { capability: 120 }),
      1,
    ],
    ['no forces at the start', 'forcesPreserved', 'c', (w) => withNation(w, 'c', { capability0: 0 }), 1],
    // Reliability: (honored + ½ partial + 1) / (invoked cases + 2) over the guarantor's guarantees.
    ['reliability with no record: 1/2', 'reliability', 'g', (w) => w, 0.5],
    [
      'reliability, 2 honored: 3/4',
      'reliability',
      'g',
      (w) => withGuarantee(w, 'g-a', { record: { honored: 2, partial: 0, abandoned: 0 } }),
      0.75,
    ],
    [
      'reliability, 1 partial and 1 abandoned: 1.5/4',
      'reliability',
      'g',
      (w) => withGuarantee(w, 'g-a', { record: { honored: 0, partial: 1, abandoned: 1 } }),
      0.375,
    ],
    [
      'reliability over two guarantees, 1 honored and 1 abandoned: 2/4',
      'reliability',
      'g',
      (w) =>
        withGuarantee(withGuarantee(w, 'g-a', { record: { honored: 1, partial: 0, abandoned: 0 } }), 'g-b', {
          ally: 'b',
          record: { honored: 0, partial: 0, abandoned: 1 },
        }),
      0.5,
    ],
    // The ally judges its security by credibility to the ally (44.6), the guarantor by credibility
    // to the challenger (43.2): see credibility.test.ts.
    ['security of the ally', 'security', 'a', (w) => ({ ...w, turn: 1 }), 0.446],
    ['security of the guarantor', 'security', 'g', (w) => ({ ...w, turn: 1 }), 0.432],
  ])('%s: %s of %s', (_why, m, id, patch, expected) => {
    const w = patch(at(4));
    expect(metric(w, w.nations[id] as NationState, m)).toBeCloseTo(expected, 9);
  });

  // Fiscal health compares GDP with its trend over the turns adjudicated: after four one-year
  // turns at 2%, GDP 1000 is expected at 1000 × 1.02⁴.
  const expected4 = 1000 * 1.02 ** 4;
  test('fiscal, before any turn is adjudicated: the starting GDP is on trend', () => {
    const w = { ...triangle(), turn: 1, adjudicated: 0 };
    expect(metric(w, w.nations.g!, 'fiscal')).toBeCloseTo(0.7, 9);
  });

  test.each([
    ['on trend', expected4, 0, 0.7],
    ['1% above trend', expected4 * 1.01, 0, 0.8],
    ['on trend with strain 2', expected4, 2, 0.6],
    ['far below trend: floored', 800, 0, 0],
    ['far above trend: capped', 1300, 0, 1],
  ])('fiscal, %s', (_why, gdp, strain, value) => {
    const w = withNation(at(4), 'g', { gdp, strain });
    expect(metric(w, w.nations.g!, 'fiscal')).toBeCloseTo(value, 9);
  });
});

describe('seatScore', () => {
  // Objectives: guarantor alliesIntact + peace (equal weights), ally integrity, challenger gains.
  const w = { ...peaks(withNation(withNation(at(4), 'a', { integrity: 60 }), 'c', { gains: 30 }), 2) };

  test.each([
    ['g', 67.5, [30, 37.5]],
    ['a', 60, [60]],
    ['c', 30, [30]],
    ['facilitator', 0, []],
    ['observer', 0, []],
    ['nobody', 0, []],
  ])('%s → %f', (seat, value, terms) => {
    const s = seatScore(w, seat);
    expect(s.value).toBeCloseTo(value, 9);
    expect(s.terms.map((t) => t.value)).toEqual(terms.map((v) => expect.closeTo(v, 9)));
    expect(termsSum(s)).toBeCloseTo(s.value, 9);
  });

  test.each(['g', 'a', 'c'])('general nuclear war: %s scores 0', (seat) => {
    const s = seatScore({ ...w, ended: { reason: 'general_nuclear_war', turn: 3 } }, seat);
    expect(s.value).toBe(0);
    expect(s.terms).toEqual([{ label: 'general nuclear war: everyone loses', value: 0 }]);
  });

  test('a match that ended normally keeps its scores', () => {
    expect(seatScore({ ...w, ended: { reason: 'turns_complete', turn: 10 } }, 'g').value).toBeCloseTo(67.5, 9);
  });

  test('a role with no weighted objective scores 0', () => {
    const none = { ...w, config: { ...w.config, objectives: { ...w.config.objectives, ally: {} } } };
    expect(seatScore(none, 'a')).toEqual({ value: 0, terms: [] });
  });

  test('allScores covers the nation seats only', () => {
    expect(Object.keys(allScores(w))).toEqual(['g', 'a', 'c']);
  });
});
