// Winning: a seat wins when the objectives it met carry two thirds of its objectives' weight, each
// objective met when its metric reaches its target; nobody wins after general nuclear war.
import { describe, expect, test } from 'vitest';
import { METRICS } from '../../../shared/model/scenario.js';
import { VICTORY_TARGETS, objectivesMet, seatWins, victoryOf } from '../../../shared/rules/victory.js';
import { type TestWorld, triangle, withNation } from './world.js';

/**
 * The guarantor with the shipped weights (alliesIntact 3, deterrence 2, peace 2, fiscal 1,
 * consensus 1: 9 in all, 6 to win), four turns adjudicated on trend. In the triangle its ally is
 * whole (alliesIntact 1) and it has no setbacks (deterrence 1); a theater that peaked at rung 5
 * takes peace to 0.375 and a strain of 2 takes fiscal to 0.6: both missed, 6 of 9 met.
 */
const guarantor = (consensus: number): TestWorld => {
  const w = triangle();
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
    regions: { ...w.regions, front: { id: 'front', name: 'Front', rung: 5, peak: 5 } },
  };
  return withNation(base, 'g', { gdp: 1000 * 1.02 ** 4, strain: 2, consensus });
};

describe('seatWins', () => {
  test('meeting exactly two thirds of the weight wins', () => {
    const w = guarantor(50);
    expect(objectivesMet(w, 'g')).toEqual({
      met: ['alliesIntact', 'deterrence', 'consensus'],
      missed: ['peace', 'fiscal'],
      weight: 6,
      total: 9,
    });
    expect(seatWins(w, 'g')).toBe(true);
  });

  test('one objective short of two thirds does not', () => {
    const w = guarantor(49);
    expect(objectivesMet(w, 'g')?.weight).toBe(5);
    expect(seatWins(w, 'g')).toBe(false);
  });

  test('after general nuclear war nobody wins', () => {
    const w = { ...guarantor(80), ended: { reason: 'general_nuclear_war' as const, turn: 4 } };
    expect(objectivesMet(w, 'g')?.weight).toBe(6);
    expect(victoryOf(w)).toEqual({ g: false, a: false, c: false });
  });

  test('the White Cell and observers never win, and have no objectives', () => {
    const w = guarantor(80);
    expect(seatWins(w, 'facilitator')).toBe(false);
    expect(seatWins(w, 'observer')).toBe(false);
    expect(objectivesMet(w, 'facilitator')).toBeNull();
    expect(Object.keys(victoryOf(w))).toEqual(['g', 'a', 'c']);
  });

  test.each([
    ['integrity at the target', 'a', { integrity: 95 }, true],
    ['integrity just below it', 'a', { integrity: 94 }, false],
    ['gains at the target', 'c', { gains: 10 }, true],
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
