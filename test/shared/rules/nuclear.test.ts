// Nuclear steps (issue 11): who may take them, what they do to the ladder's inadvertent risk, and
// the end of the match at rung 8. Classroom: Varkal and Aurelia are nuclear-armed; Bosk's treaty
// covers coercion, armed attack and nuclear threats.
import { describe, expect, test } from 'vitest';
import type { GameState } from '../../../shared/model/state.js';
import type { GuarantorResponse, MoveType, NuclearStep } from '../../../shared/model/vocabulary.js';
import type { Command } from '../../../shared/protocol/commands.js';
import { applyParsed } from '../../../shared/rules/engine.js';
import { escalateTheater, inadvertentChance, type TheaterInput } from '../../../shared/rules/escalation.js';
import { legalCommands } from '../../../shared/rules/legal.js';
import { DEFAULT_PARAMS as P } from '../../../shared/model/params.js';
import { victoryOf } from '../../../shared/rules/victory.js';
import { RngCursor } from '../../../shared/rng.js';
import { toPhase, toResponses, withGuarantee, withNation } from '../properties/drive.js';
import { adjudicateWith, quietClassroom } from './match.js';

/** The classroom at Varkal's move with the Northern March at `rung`. */
const atMove = (rung: number, patch: (s: GameState) => GameState = (s) => s): GameState => {
  const s = toPhase(patch(quietClassroom(21)), 'challenger_move');
  return { ...s, regions: { ...s.regions, northmarch: { ...s.regions.northmarch!, rung, peak: rung } } };
};
const nonNuclear = (s: GameState) => withNation(s, 'varkal', { nuclear: false });

/** The refusal's code for `seat` sending `command`, or 'ok'. */
const verdict = (s: GameState, seat: string, command: Command): string => {
  const r = applyParsed(s, seat, command);
  return r.ok ? 'ok' : r.error.code;
};
const move = (type: MoveType): Command => ({ type: 'move', move: { type, target: 'bosk' } });
const listed = (s: GameState, seat: string, c: Command) =>
  legalCommands(s, seat).some((l) => JSON.stringify(l) === JSON.stringify(c));

describe('nuclear moves', () => {
  test.each<[string, (s: GameState) => GameState, number, MoveType, string]>([
    ['a non-nuclear challenger may not signal', nonNuclear, 0, 'nuclear_signal', 'ERR_NOT_YOUR_ROLE'],
    ['a non-nuclear challenger may not use', nonNuclear, 6, 'nuclear_use', 'ERR_NOT_YOUR_ROLE'],
    ['a nuclear challenger may signal at peace', (s) => s, 0, 'nuclear_signal', 'ok'],
    ['use is refused below rung 6 (at 5)', (s) => s, 5, 'nuclear_use', 'ERR_NOT_YOUR_ROLE'],
    ['use is refused at rung 0', (s) => s, 0, 'nuclear_use', 'ERR_NOT_YOUR_ROLE'],
    ['use is open from rung 6 (nuclear signaling)', (s) => s, 6, 'nuclear_use', 'ok'],
  ])('%s', (_why, patch, rung, type, code) => {
    const s = atMove(rung, patch);
    expect(verdict(s, 'varkal', move(type))).toBe(code);
    // legalCommands offers exactly what the engine accepts.
    expect(listed(s, 'varkal', move(type))).toBe(code === 'ok');
  });
});

/** The responses phase after Varkal's `type` against Bosk, from `patch`ed classroom. */
const responses = (type: MoveType, patch: (s: GameState) => GameState = (s) => s, rung = 0): GameState =>
  toResponses(atMove(rung, patch), { type, target: 'bosk' });
const answer = (choice: GuarantorResponse, nuclear: NuclearStep): Command => ({
  type: 'answer_guarantee',
  guarantee: 'aurelia-bosk',
  choice,
  nuclear,
});

describe('nuclear answers: only honor, only by a nuclear-armed guarantor, never for an economic guarantee', () => {
  test.each<[string, MoveType, (s: GameState) => GameState, GuarantorResponse, NuclearStep, string]>([
    ['honor with a signal', 'limited_attack', (s) => s, 'honor', 'signal', 'ok'],
    ['partial with a signal', 'limited_attack', (s) => s, 'partial', 'signal', 'ERR_NOT_YOUR_ROLE'],
    ['abandon with a signal', 'limited_attack', (s) => s, 'abandon', 'signal', 'ERR_NOT_YOUR_ROLE'],
    [
      'a non-nuclear guarantor',
      'limited_attack',
      (s) => withNation(s, 'aurelia', { nuclear: false }),
      'honor',
      'signal',
      'ERR_NOT_YOUR_ROLE',
    ],
    [
      'an economic guarantee',
      'limited_attack',
      (s) => withGuarantee(s, 'aurelia-bosk', { type: 'economic' }),
      'honor',
      'signal',
      'ERR_NOT_YOUR_ROLE',
    ],
    // A limited attack stands at rung 4: use needs 6. After a nuclear signal the crisis stands at 6.
    ['use against a limited attack at rung 4', 'limited_attack', (s) => s, 'honor', 'use', 'ERR_NOT_YOUR_ROLE'],
    ['use against a nuclear signal (rung 6)', 'nuclear_signal', (s) => s, 'honor', 'use', 'ok'],
  ])('%s', (_why, type, patch, choice, step, code) => {
    const s = responses(type, patch);
    expect(verdict(s, 'aurelia', answer(choice, step))).toBe(code);
    expect(listed(s, 'aurelia', answer(choice, step))).toBe(code === 'ok');
  });
});

// inadvertentPerRung 0.015 × rung + nuclearStepRisk 0.03 × steps taken here this turn, from rung 1, at most 1.
describe('each nuclear step raises the inadvertent chance', () => {
  test.each([
    // [rung, steps, chance]
    [3, 0, 0.045],
    [3, 1, 0.075],
    [3, 2, 0.105],
    [6, 1, 0.09 + 0.03],
    [7, 3, 0.105 + 0.09],
    [0, 3, 0],
    [8, 100, 1],
  ])('rung %i with %i steps → %f', (rung, steps, chance) => {
    expect(inadvertentChance(rung, P, steps)).toBeCloseTo(chance, 12);
  });

  test('steps only ever add', () => {
    for (let rung = 1; rung <= 8; rung++)
      for (let steps = 0; steps < 5; steps++)
        expect(inadvertentChance(rung, P, steps + 1)).toBeGreaterThan(inadvertentChance(rung, P, steps));
  });

  /** The seven draws of a theater: all 0.99 (nothing fires) but the inadvertent chance draw. */
  class Draws extends RngCursor {
    private k = 0;
    constructor(private readonly inadvertent: number) {
      super(0);
    }
    override float(): number {
      return this.k++ === 4 ? this.inadvertent : 0.99;
    }
  }
  const theater = (over: Partial<TheaterInput>): TheaterInput => ({
    current: 6,
    precedent: 6,
    move: 'hold',
    honored: false,
    provocation: false,
    exitRamps: 0,
    nuclearPossible: true,
    ...over,
  });

  // At rung 6 the chance is 0.09 without steps and 0.12 with one: a draw of 0.1 jumps only with the step.
  test.each([
    [0, 6],
    [1, 7],
  ])('at rung 6, a draw of 0.1 with %i steps → rung %i', (nuclearSteps, rung) => {
    expect(escalateTheater(theater({ nuclearSteps }), P, new Draws(0.1)).rung.value).toBe(rung);
  });

  test.each<['signal' | 'use', number]>([
    ['signal', 6],
    ['use', 7],
  ])("a guarantor's %s raises the theater to at least rung %i", (guarantorStep, floor) => {
    const result = escalateTheater(
      theater({ current: 3, precedent: 3, move: 'limited_attack', honored: true, guarantorStep }),
      P,
      new Draws(0.99),
    );
    expect(result.rung.value).toBe(floor);
    expect(result.firstCrossings.filter((c) => c.cause === 'guarantor').map((c) => c.rung)).toEqual(
      Array.from({ length: floor - 4 }, (_, i) => 5 + i),
    );
  });
});

describe('general nuclear war ends the match with every score 0', () => {
  const s = responses('nuclear_signal', (x) => x, 6);
  const ended = adjudicateWith(s, { rungs: { northmarch: 8 } });

  test('a theater at rung 8 ends the match that turn', () => {
    expect(ended.regions.northmarch?.rung).toBe(8);
    expect(ended.ended).toEqual({ reason: 'general_nuclear_war', turn: 1 });
  });

  test('every seat scores 0 and nobody wins', () => {
    expect(Object.keys(ended.scores)).toEqual(['aurelia', 'bosk', 'corvin', 'dunmere', 'varkal']);
    for (const score of Object.values(ended.scores)) expect(score.value).toBe(0);
    expect(Object.values(victoryOf(ended))).toEqual([false, false, false, false, false]);
  });

  test('rung 7 does not end it', () => {
    const limited = adjudicateWith(s, { rungs: { northmarch: 7 } });
    expect(limited.ended).toBeNull();
    expect(Object.values(limited.scores).some((x) => x.value > 0)).toBe(true);
  });
});
