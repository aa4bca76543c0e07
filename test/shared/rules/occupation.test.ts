// Occupations and counteroffensives (issue 11): ground seized by an armed attack is held until the
// defenders retake it. The chance is a contest of the target's and its liberators' force in the
// region now against the occupier's full force there; fighting costs both sides a limited attack's
// attrition (0.05; the occupier 1.5 × that when it loses the ground); a retake restores the
// integrity, removes the gains and costs the occupier half a limited attack's action cost in consensus.
import { describe, expect, test } from 'vitest';
import { seedRng } from '../../../shared/rng.js';
import type { GameState, Occupation } from '../../../shared/model/state.js';
import { Ledger } from '../../../shared/rules/ledger.js';
import { applyRetake, handBack, retakeChance } from '../../../shared/rules/occupation.js';
import { applyOrThrow, toPhase, toResponses, withNation as withEngineNation } from '../properties/drive.js';
import { adjudicateWith, changeTerm, quietClassroom, results } from './match.js';
import { termsSum, triangle, type TestWorld, withNation } from './world.js';

/** c holds 15 integrity points of a in "front". */
const held = (liberators: string[] = []): Occupation => ({
  target: 'a',
  by: 'c',
  region: 'front',
  since: 1,
  integrity: 15,
  liberators,
});
const occupied = (w: TestWorld): TestWorld => withNation(withNation(w, 'a', { integrity: 85 }), 'c', { gains: 15 });
/** P(defense prevails over the occupier's 70) with the default exponent 1.5. */
const retake = (defense: number) => defense ** 1.5 / (defense ** 1.5 + 70 ** 1.5);

describe('retakeChance: the target and its liberators now, against the occupier in full', () => {
  // g: reach 0.2 × 100 = 20 FP of reinforcement, arriving over 2 turns unless at hand (triangle: 0 turns).
  const late = (arrived: number, posture = 0) =>
    withNation(triangle(), 'g', {
      reinforcementTurns: { front: 2 },
      arrived: { front: arrived },
      posture: { front: posture },
    });
  test.each<[string, TestWorld, string[], number]>([
    ['the target alone: 50 against 70', triangle(), [], retake(50)],
    ['g liberating with its 20 at hand: 70 against 70', triangle(), ['g'], 0.5],
    ['g liberating before any reinforcement arrived: as alone', late(0), ['g'], retake(50)],
    ['g with half of it arrived', late(0.5), ['g'], retake(60)],
    ['g with all of it arrived', late(1), ['g'], 0.5],
    ['g with nothing arrived but 5 FP forward', late(0, 5), ['g'], retake(55)],
    ['a liberator that is not in the match adds nothing', triangle(), ['z'], retake(50)],
  ])('%s', (_why, w, liberators, chance) => {
    expect(retakeChance(w, held(liberators))).toBeCloseTo(chance, 12);
  });

  test('liberators and arrived reinforcement raise the chance', () => {
    const alone = retakeChance(late(0), held());
    const liberated = retakeChance(late(0, 5), held(['g']));
    const arrived = retakeChance(late(1, 5), held(['g']));
    expect(liberated).toBeGreaterThan(alone);
    expect(arrived).toBeGreaterThan(liberated);
  });

  test('an occupier or target not in the match: no chance', () => {
    expect(retakeChance(triangle(), { ...held(), by: 'z' })).toBe(0);
  });
});

describe('applyRetake', () => {
  const w = occupied(withNation(triangle(), 'g', { posture: { front: 10 } }));
  test.each([
    // [won, a integrity, c gains, c capability, a capability, g posture, c consensus]
    [true, 100, 0, 100 - 100 * 0.05 * 1.5, 50 - 50 * 0.05, 10 - 10 * 0.05, 50 - 6 / 2],
    [false, 85, 15, 100 - 100 * 0.05, 50 - 50 * 0.05, 10 - 10 * 0.05, 50],
  ])('won %s', (won, integrity, gains, cCapability, aCapability, posture, consensus) => {
    const ledger = new Ledger(w);
    applyRetake(ledger, w, held(['g']), won);
    expect(ledger.nations.a?.integrity).toBeCloseTo(integrity, 9);
    expect(ledger.nations.c?.gains).toBeCloseTo(gains, 9);
    expect(ledger.nations.c?.capability).toBeCloseTo(cCapability, 9);
    expect(ledger.nations.a?.capability).toBeCloseTo(aCapability, 9);
    expect(ledger.nations.g?.posture.front).toBeCloseTo(posture, 9);
    expect(ledger.nations.c?.consensus).toBeCloseTo(consensus, 9);
    for (const c of ledger.changes()) expect(termsSum(c.why)).toBeCloseTo(c.after, 9);
  });
});

describe('handBack: an exit ramp returns 1 − exitRampKept (0.5) of the ground', () => {
  test('of 15 points, 7.5 kept and 7.5 returned', () => {
    const w = occupied(triangle());
    const ledger = new Ledger(w);
    expect(handBack(ledger, w, held())).toBeCloseTo(7.5, 12);
    expect(ledger.nations.a?.integrity).toBeCloseTo(92.5, 12);
    expect(ledger.nations.c?.gains).toBeCloseTo(7.5, 12);
  });
});

// Through the engine (classroom): Varkal's limited attack on Bosk, honored by Aurelia, succeeds
// (the White Cell sets it, so no dice are needed): 15 points of Bosk are seized, with Aurelia as
// liberator. In turn 2 Varkal holds and the counteroffensive is drawn.
describe('a seized objective in a match', () => {
  const seizedIn = (start: GameState): GameState => {
    const responses = toResponses(start, { type: 'limited_attack', target: 'bosk' });
    const honored = applyOrThrow(responses, 'aurelia', {
      type: 'answer_guarantee',
      guarantee: 'aurelia-bosk',
      choice: 'honor',
    });
    return adjudicateWith(honored, { success: { varkal: true } });
  };
  const seized = seizedIn(quietClassroom(7));

  test('the attack seizes ground: an occupation with Aurelia as liberator', () => {
    expect(seized.report?.outcomes.crises[0]?.seized).toBe(true);
    expect(seized.occupations).toEqual([
      { target: 'bosk', by: 'varkal', region: 'northmarch', since: 1, integrity: 15, liberators: ['aurelia'] },
    ]);
    expect(seized.nations.bosk?.integrity).toBe(85);
    expect(seized.nations.varkal?.gains).toBe(15);
  });

  /** Turn 2 up to Varkal's move (it holds), with the generator set to `rng`. */
  const turn2 = (s: GameState, rng: number): GameState => ({
    ...toPhase(toPhase(s, 'briefing'), 'challenger_move'),
    rng,
  });

  test('the counteroffensive is likelier with a liberator, and with its reinforcement arrived', () => {
    const chance = (s: GameState) => results(turn2(s, seedRng(1))).report?.outcomes.retakes[0]?.chance ?? NaN;
    const asIs = chance(seized);
    const alone = chance({ ...seized, occupations: seized.occupations.map((o) => ({ ...o, liberators: [] })) });
    const notArrived = chance(withEngineNation(seized, 'aurelia', { arrived: {} }));
    // Aurelia honored in turn 1: half its reach is in the Northern March for turn 2.
    expect(seized.nations.aurelia?.arrived.northmarch).toBeCloseTo(0.5, 12);
    expect(notArrived).toBeGreaterThan(alone);
    expect(asIs).toBeGreaterThan(notArrived);
  });

  test('a successful retake restores integrity, removes the gains, and costs both sides forces', () => {
    const tries = Array.from({ length: 60 }, (_, k) => results(turn2(seized, seedRng(k))));
    const won = tries.find((s) => s.report?.outcomes.retakes[0]?.success === true);
    const lost = tries.find((s) => s.report?.outcomes.retakes[0]?.success === false);
    if (!won || !lost) throw new Error('60 draws gave no retake, or no failed one');
    expect(won.occupations).toEqual([]);
    expect(won.nations.bosk?.integrity).toBe(100);
    expect(won.nations.varkal?.gains).toBe(0);
    expect(lost.occupations).toHaveLength(1);
    expect(lost.nations.bosk?.integrity).toBe(85);
    for (const s of [won, lost]) {
      const label = 'counteroffensive against Varkal: losses';
      expect(changeTerm(s, 'varkal', 'capability', label)).toBeLessThan(0);
      expect(changeTerm(s, 'bosk', 'capability', label)).toBeLessThan(0);
      expect(changeTerm(s, 'aurelia', 'posture:northmarch', label)).toBeLessThan(0);
    }
    // Losing the ground costs the occupier 1.5 × the attrition of holding it.
    const loss = (s: GameState) =>
      changeTerm(s, 'varkal', 'capability', 'counteroffensive against Varkal: losses') ?? NaN;
    expect(loss(won)).toBeCloseTo(1.5 * loss(lost), 9);
  });
});
