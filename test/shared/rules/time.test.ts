// Time in a match (issue 11), classroom: Aurelia's reach into the Northern March (0.1 of its
// effective force) takes reinforcementTurns 2 to arrive, while its 8 FP of forward posture are
// already there. The tables for the rules themselves are in forces.test.ts, combat.test.ts and
// deterrence.test.ts; here the engine runs them.
import { describe, expect, test } from 'vitest';
import type { GameState } from '../../../shared/model/state.js';
import type { MoveType } from '../../../shared/model/vocabulary.js';
import { DEFAULT_PARAMS as P } from '../../../shared/model/params.js';
import { applyOrThrow, toPhase, toResponses, withNation } from '../properties/drive.js';
import { adjudicateWith, quietClassroom } from './match.js';

/** Turn 1 of `start`: Varkal moves `move` against Bosk, Aurelia honors; the White Cell sets the outcome. */
const honored = (start: GameState, move: MoveType, success = false, rungs?: Record<string, number>): GameState => {
  const responses = toResponses(start, { type: move, target: 'bosk' });
  const answered = applyOrThrow(responses, 'aurelia', {
    type: 'answer_guarantee',
    guarantee: 'aurelia-bosk',
    choice: 'honor',
  });
  return adjudicateWith(answered, { success: { varkal: success }, ...(rungs ? { rungs } : {}) });
};

describe('reinforcement arrives over the scenario’s turns', () => {
  const step = 1 / P.reinforcementTurns;
  const arrived = (s: GameState) => s.nations.aurelia?.arrived.northmarch ?? 0;

  test('it starts away, rises by 1/turns for each turn engaged, and falls when disengaged', () => {
    const start = quietClassroom(11);
    expect(arrived(start)).toBe(0);
    // Turn 1: Aurelia honors an attack on Bosk: engaged.
    const turn1 = honored(start, 'limited_attack');
    expect(arrived(turn1)).toBeCloseTo(step, 12);
    // Turn 2: honored again: engaged again, all there.
    const turn2 = honored(toPhase(turn1, 'briefing'), 'limited_attack');
    expect(arrived(turn2)).toBeCloseTo(2 * step, 12);
    // Turn 3: Varkal holds and the White Cell keeps the theater at peace: nothing engages Aurelia.
    const quiet = adjudicateWith(toPhase(turn2, 'briefing'), { rungs: { northmarch: 0 } });
    expect(arrived(quiet)).toBeCloseTo(step, 12);
  });

  test('a theater at mobilization keeps a guarantor of an ally there engaged, even without a crisis', () => {
    const turn1 = honored(quietClassroom(11), 'limited_attack');
    const mobilized = adjudicateWith(toPhase(turn1, 'briefing'), { rungs: { northmarch: 3 } });
    expect(arrived(mobilized)).toBeCloseTo(2 * step, 12);
    const calm = adjudicateWith(toPhase(turn1, 'briefing'), { rungs: { northmarch: 2 } });
    expect(arrived(calm)).toBeCloseTo(0, 12);
  });
});

// The chance of success the report gives for Varkal's move in turn 1, with Aurelia honoring.
const chance = (start: GameState, move: MoveType): number =>
  honored(start, move).report?.outcomes.crises[0]?.chance ?? NaN;

describe('a fait accompli: a limited attack in the first turn meets only forward posture and what has arrived', () => {
  const start = quietClassroom(12);
  const aurelia = start.nations.aurelia!;
  const noReach = withNation(start, 'aurelia', { reach: { ...aurelia.reach, northmarch: 0 } });
  const allThere = withNation(start, 'aurelia', { arrived: { northmarch: 1 } });
  const noPosture = withNation(start, 'aurelia', { posture: {} });

  test('reinforcement not yet arrived does not change the odds of an attack', () => {
    expect(chance(start, 'limited_attack')).toBe(chance(noReach, 'limited_attack'));
  });

  test('the same reinforcement already in the theater lowers them', () => {
    expect(chance(allThere, 'limited_attack')).toBeLessThan(chance(start, 'limited_attack'));
  });

  test('forward posture, already there, lowers them', () => {
    expect(chance(start, 'limited_attack')).toBeLessThan(chance(noPosture, 'limited_attack'));
  });

  test('coercion is judged on the war it threatens: all the reinforcement counts', () => {
    expect(chance(start, 'coerce')).toBeLessThan(chance(noReach, 'coerce'));
    expect(chance(allThere, 'coerce')).toBe(chance(start, 'coerce'));
  });
});
