// Winning: a seat wins when the objectives it met carry two thirds of its objectives' weight, each
// objective met when its metric reaches its target; nobody wins after general nuclear war.
import { describe, expect, test } from 'vitest';
import { METRICS } from '../../../shared/model/scenario.js';
import { VICTORY_TARGETS, objectivesMet, seatWins, victoryOf } from '../../../shared/rules/victory.js';
import { metric } from '../../../shared/rules/scoring.js';
import { type TestWorld, triangle, withNation } from './world.js';

const T = VICTORY_TARGETS;

/** The lowest whole-point integrity or consensus (0..100) that reaches a target: what "at the target" means. */
const atTarget = (target: number): number => Math.ceil(100 * target - 1e-9);

/**
 * The guarantor with the shipped weights (alliesIntact 3, deterrence 2, peace 2, fiscal 1,
 * consensus 1: 9 in all, 6 to win), four turns adjudicated. In the triangle its ally is whole
 * (alliesIntact 1) and it has no setbacks (deterrence 1); the front theater peaked one rung above
 * what the peace target allows, and GDP stands below its trend by enough to miss the fiscal target:
 * both missed, so consensus decides — 6 of 9 met at the consensus target, 5 of 9 a point below it.
 */
const guarantor = (consensus: number): TestWorld => {
  const w = triangle();
  // peace = 1 − peak / 8 must fall below its target: the first rung that does.
  const peak = Math.min(8, Math.floor(8 * (1 - T.peace) + 1e-9) + 1);
  // fiscal = 0.7 + 10 × (GDP / trend − 1) at no strain: 0.1 below its target.
  const trend = 1000 * 1.02 ** 4;
  const gdp = trend * (1 + (T.fiscal - 0.1 - 0.7) / 10);
  const base: TestWorld = {
    ...w,
    turn: 4,
    adjudicated: 4,
    config: {
      ...w.config,
      objectives: {
        ...w.config.objectives,
        guarantor: { alliesIntact: 3, deterrence: 2, peace: 2, fiscal: 1, consensus: 1 },
      },
    },
    regions: { ...w.regions, front: { id: 'front', name: 'Front', rung: peak, peak } },
  };
  return withNation(base, 'g', { gdp, consensus });
};

describe('seatWins', () => {
  test('the world is as described: peace and fiscal just below their targets', () => {
    const w = guarantor(100);
    const g = w.nations.g!;
    expect(metric(w, g, 'peace')).toBeLessThan(T.peace);
    expect(metric(w, g, 'fiscal')).toBeCloseTo(T.fiscal - 0.1, 9);
    expect(metric(w, g, 'alliesIntact')).toBeGreaterThanOrEqual(T.alliesIntact);
    expect(metric(w, g, 'deterrence')).toBeGreaterThanOrEqual(T.deterrence);
  });

  test('meeting exactly two thirds of the weight wins', () => {
    const w = guarantor(atTarget(T.consensus));
    expect(objectivesMet(w, 'g')).toEqual({
      met: ['alliesIntact', 'deterrence', 'consensus'],
      missed: ['peace', 'fiscal'],
      weight: 6,
      total: 9,
    });
    expect(seatWins(w, 'g')).toBe(true);
  });

  test('one objective short of two thirds does not', () => {
    const w = guarantor(atTarget(T.consensus) - 1);
    expect(objectivesMet(w, 'g')?.weight).toBe(5);
    expect(seatWins(w, 'g')).toBe(false);
  });

  test('after general nuclear war nobody wins', () => {
    const w = { ...guarantor(100), ended: { reason: 'general_nuclear_war' as const, turn: 4 } };
    expect(objectivesMet(w, 'g')?.weight).toBe(6);
    expect(victoryOf(w)).toEqual({ g: false, a: false, c: false });
  });

  test('the White Cell and observers never win, and have no objectives', () => {
    const w = guarantor(100);
    expect(seatWins(w, 'facilitator')).toBe(false);
    expect(seatWins(w, 'observer')).toBe(false);
    expect(objectivesMet(w, 'facilitator')).toBeNull();
    expect(Object.keys(victoryOf(w))).toEqual(['g', 'a', 'c']);
  });

  // The triangle's ally is scored on integrity alone, the challenger on gains alone.
  test.each([
    ['integrity at the target', 'a', { integrity: atTarget(T.integrity) }, true],
    ['integrity a point below it', 'a', { integrity: atTarget(T.integrity) - 1 }, false],
    ['gains at the target', 'c', { gains: atTarget(T.gains) }, true],
    ['gains a point below it', 'c', { gains: atTarget(T.gains) - 1 }, false],
    ['no gains', 'c', { gains: 0 }, false],
  ] as const)('a single objective: %s', (_why, seat, patch, wins) => {
    expect(seatWins(withNation(triangle(), seat, patch), seat)).toBe(wins);
  });
});

test('every metric has a target in 0..1', () => {
  for (const m of METRICS) {
    expect(VICTORY_TARGETS[m]).toBeGreaterThan(0);
    expect(VICTORY_TARGETS[m]).toBeLessThanOrEqual(1);
  }
});
