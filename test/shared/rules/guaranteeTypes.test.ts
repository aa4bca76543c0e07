// Four guarantee types, four mechanics (issue 11): the same triangle world with g-a's type changed.
// Per type (defaults): typeWeight treaty 1 / extended deterrence 0.8 / assurance 0.4 / economic 0.3;
// legalCommitment 0.4 / 0.3 / 0 / 0; umbrellaByType 0.6 / 1 / 0.3 / 0. A treaty or assurance lends
// its share of the umbrella at half plus half its readiness; extended deterrence only as funded.
import { describe, expect, test } from 'vitest';
import type { GuaranteeType, GuarantorResponse } from '../../../shared/model/vocabulary.js';
import { GUARANTEE_TYPES } from '../../../shared/model/vocabulary.js';
import { applyAllianceEffects } from '../../../shared/rules/alliance.js';
import { audienceCost, bindingCommitment } from '../../../shared/rules/audienceCosts.js';
import { crisisOdds } from '../../../shared/rules/combat.js';
import { credibility, umbrellaCover } from '../../../shared/rules/credibility.js';
import { Ledger } from '../../../shared/rules/ledger.js';
import { DEFAULT_PARAMS as P } from '../../../shared/model/params.js';
import { decisionWeight, reputation } from '../../../shared/rules/reputation.js';
import type { Crisis, GameState } from '../../../shared/model/state.js';
import { budget } from '../../../shared/rules/economy.js';
import { resolve, toResponses, withGuarantee as withEngineGuarantee } from '../properties/drive.js';
import { quietClassroom } from './match.js';
import { triangle, type TestWorld, withGuarantee, withNation } from './world.js';

/** The triangle with g-a of `type`; g's GDP 3000 so that an economic guarantee's weight (0.75) shows. */
const typed = (type: GuaranteeType, over: Partial<TestWorld['guarantees'][string]> = {}): TestWorld =>
  withGuarantee(withNation(triangle(), 'g', { gdp: 3000 }), 'g-a', { type, ...over });

const odds = (attack: number, defense: number) => attack ** 1.5 / (attack ** 1.5 + defense ** 1.5);

/** A limited attack by c on a, invoking g-a. */
const attack: Crisis = {
  challengerSeat: 'c',
  challenger: 'c',
  move: { type: 'limited_attack', target: 'a' },
  region: 'front',
  invoked: ['g-a'],
  immediate: {},
};

describe('one guarantee, four types', () => {
  test.each<[GuaranteeType, string, number, number, number, number, number]>([
    // [type, capability label, capability term, umbrella term (to the challenger, weight 7),
    //  P(success) of an honored limited attack, audience cost of abandoning without words at rung 4,
    //  weight of the decision in reputation and hedging]
    // Capability: 30 × 0.6 × balance 0.5 = 9, or 30 × 0.6 × economic weight 3000/4000 = 13.5.
    // Audience cost: 10 × legalCommitment × 1 × (1 + 0.25 × 4).
    ['treaty', 'local capability', 9, 7 * 0.6, odds(70, 70), 10 * 0.4 * 2, 1],
    ['extended_deterrence', 'local capability', 9, 7 * 1, odds(70, 70), 10 * 0.3 * 2, 0.8],
    ['assurance', 'local capability', 9, 7 * 0.3, odds(70, 70), 0, 0.4],
    ['economic', 'economic weight', 13.5, 0, odds(70, 50), 0, 0.3],
  ])('%s', (type, label, capability, umbrella, success, cost, weight) => {
    const w = typed(type);
    const g = w.guarantees['g-a']!;
    const c = credibility(w, 'g-a', 'challenger');
    expect(c.terms[0]).toEqual({ label, value: expect.closeTo(capability, 9) });
    expect(c.terms[1]).toEqual({ label: 'nuclear umbrella', value: expect.closeTo(umbrella, 9) });
    expect(crisisOdds(w, attack, { guarantors: { 'g-a': 'honor' }, allies: {} }).success).toBeCloseTo(success, 9);
    expect(audienceCost(bindingCommitment(g, P), 4, 'abandon', P).value).toBeCloseTo(cost, 9);
    expect(decisionWeight(g, P)).toBeCloseTo(weight, 12);
  });

  test('the four types give four different sets of terms and odds', () => {
    const profile = (type: GuaranteeType) => {
      const w = typed(type);
      const g = w.guarantees['g-a']!;
      return JSON.stringify([
        credibility(w, 'g-a', 'challenger').terms,
        crisisOdds(w, attack, { guarantors: { 'g-a': 'honor' }, allies: {} }).success,
        bindingCommitment(g, P),
        decisionWeight(g, P),
      ]);
    };
    expect(new Set(GUARANTEE_TYPES.map(profile)).size).toBe(GUARANTEE_TYPES.length);
  });
});

describe('a treaty costs most to abandon', () => {
  test.each(GUARANTEE_TYPES.filter((t) => t !== 'treaty'))('treaty over %s, without any words', (other) => {
    const cost = (type: GuaranteeType) =>
      audienceCost(bindingCommitment(typed(type).guarantees['g-a']!, P), 4, 'abandon', P).value;
    const weight = (type: GuaranteeType) => decisionWeight(typed(type).guarantees['g-a']!, P);
    expect(cost('treaty')).toBeGreaterThan(cost(other));
    expect(weight('treaty')).toBeGreaterThan(weight(other));
  });

  test("a red line above a treaty's text binds more: max(commitment, 0.4)", () => {
    expect(bindingCommitment(typed('treaty', { commitment: 0.2 }).guarantees['g-a']!, P)).toBe(0.4);
    expect(bindingCommitment(typed('treaty', { commitment: 0.7 }).guarantees['g-a']!, P)).toBe(0.7);
  });
});

// decisionWeight = typeWeight + (1 − typeWeight) × commitment: words in public make a loose promise binding.
describe('an assurance weighs less unless committed, then like a treaty', () => {
  test.each([
    // [commitment, assurance weight, binding commitment]
    [0, 0.4, 0],
    [0.5, 0.4 + 0.6 * 0.5, 0.5],
    [1, 1, 1],
  ])('commitment %f → weight %f, binding %f', (commitment, weight, binding) => {
    const g = typed('assurance', { commitment }).guarantees['g-a']!;
    expect(decisionWeight(g, P)).toBeCloseTo(weight, 12);
    expect(bindingCommitment(g, P)).toBeCloseTo(binding, 12);
  });

  test('fully committed, abandoning an assurance costs and weighs what abandoning a treaty does', () => {
    const assurance = typed('assurance', { commitment: 1 }).guarantees['g-a']!;
    const treaty = typed('treaty', { commitment: 1 }).guarantees['g-a']!;
    expect(decisionWeight(assurance, P)).toBe(decisionWeight(treaty, P));
    expect(audienceCost(bindingCommitment(assurance, P), 4, 'abandon', P).value).toBe(
      audienceCost(bindingCommitment(treaty, P), 4, 'abandon', P).value,
    );
  });

  // The decision's weight scales its reputation step: abandoning, same region and challenger → −0.2 × weight.
  test.each<[GuaranteeType, number]>([
    ['treaty', -0.2],
    ['assurance', -0.2 * 0.4],
  ])('an abandoned %s moves reputation by %f', (type, delta) => {
    const w = typed(type);
    const record = {
      turn: 1,
      guarantee: 'g-a',
      guarantor: 'g',
      region: 'front',
      challenger: 'c',
      choice: 'abandon' as GuarantorResponse,
      weight: decisionWeight(w.guarantees['g-a']!, P),
    };
    expect(reputation({ ...w, history: [record] }, 'g-a').value).toBeCloseTo(0.5 + delta, 12);
  });

  // Another ally nearby (b in "front") hedges 15 × decision weight after an abandonment.
  test.each<[GuaranteeType, number]>([
    ['treaty', 15],
    ['extended_deterrence', 12],
    ['assurance', 6],
    ['economic', 4.5],
  ])('abandoning a %s makes a nearby ally hedge %f', (type, hedging) => {
    const w = withGuarantee(withNation(typed(type), 'b', { region: 'front' }), 'g-b', { ally: 'b' });
    const ledger = new Ledger(w);
    applyAllianceEffects(ledger, w, 'g-a', 'abandon');
    expect(ledger.nations.b?.hedging).toBeCloseTo(hedging, 9);
  });
});

describe("extended deterrence's umbrella follows the funded umbrella", () => {
  test.each([
    // [umbrella readiness, extended deterrence cover, treaty cover]
    [0, 0, 0.6 * 0.5],
    [0.25, 0.25, 0.6 * 0.625],
    [0.5, 0.5, 0.6 * 0.75],
    [1, 1, 0.6],
  ])('umbrella %f → cover %f (a treaty: %f)', (umbrella, extended, treaty) => {
    const w = withNation(triangle(), 'g', { umbrella });
    expect(umbrellaCover(w, { ...w.guarantees['g-a']!, type: 'extended_deterrence' })).toBeCloseTo(extended, 12);
    expect(umbrellaCover(w, { ...w.guarantees['g-a']!, type: 'treaty' })).toBeCloseTo(treaty, 12);
  });

  test('no type lends an umbrella a non-nuclear guarantor does not have', () => {
    const w = withNation(triangle(), 'g', { nuclear: false, umbrella: 1 });
    for (const type of GUARANTEE_TYPES) expect(umbrellaCover(w, { ...w.guarantees['g-a']!, type })).toBe(0);
  });
});

// Through the engine (classroom): Varkal coerces Bosk and Aurelia honors its guarantee. As a treaty
// it mobilizes (owes the full honoring cost, engages its reinforcement); as an economic guarantee it
// sends no forces and instead sanctions Varkal and sends Bosk aid worth economicAidShare of the
// honoring cost, owing half the cost itself. (Every Aurelian guarantee is given the type under test,
// so that no other pledge — Corvin's, in the same theater — engages Aurelia there.)
describe('honoring an economic guarantee sends aid and sanctions, not forces', () => {
  const honored = (type: GuaranteeType) => {
    let start = quietClassroom(3);
    for (const id of Object.keys(start.guarantees)) start = withEngineGuarantee(start, id, { type });
    const responses = toResponses(start, { type: 'coerce', target: 'bosk' });
    return { responses, after: resolve(responses, { 'aurelia-bosk': 'honor' }) };
  };
  /** The honoring cost: honorCost of coercion × Aurelia's budget once this turn's obligations are paid. */
  const owed = (s: GameState) => P.honorCost.coerce * budget({ ...s.nations.aurelia!, obligations: 0 }, 1).value;

  test('economic: half the cost owed, aid inbound to Bosk, sanctions on Varkal, no reinforcement', () => {
    const { after } = honored('economic');
    expect(after.nations.aurelia?.obligations).toBeCloseTo(owed(after) / 2, 9);
    expect(after.nations.bosk?.aidInbound).toBeCloseTo(owed(after) * P.economicAidShare, 9);
    expect(after.sanctions).toEqual([{ sender: 'aurelia', target: 'varkal', since: 1 }]);
    expect(after.report?.outcomes.sanctions.map((s) => s.sender)).toEqual(['aurelia']);
    expect(after.nations.aurelia?.arrived.northmarch ?? 0).toBe(0);
  });

  test('treaty: the full cost owed, no aid, no sanctions, reinforcement on its way', () => {
    const { after } = honored('treaty');
    expect(after.nations.aurelia?.obligations).toBeCloseTo(owed(after), 9);
    expect(after.nations.bosk?.aidInbound).toBe(0);
    expect(after.sanctions).toEqual([]);
    expect(after.nations.aurelia?.arrived.northmarch).toBeCloseTo(1 / P.reinforcementTurns, 12);
  });

  test("economic: the crisis odds count no Aurelian forces, a treaty's count them", () => {
    const chance = (type: GuaranteeType) => honored(type).after.report?.outcomes.crises[0]?.chance ?? NaN;
    expect(chance('economic')).toBeGreaterThan(chance('treaty'));
  });

  test('partial answers put sanctions on the challenger whatever the type', () => {
    for (const type of GUARANTEE_TYPES) {
      const start = withEngineGuarantee(quietClassroom(3), 'aurelia-bosk', { type });
      const after = resolve(toResponses(start, { type: 'coerce', target: 'bosk' }), { 'aurelia-bosk': 'partial' });
      expect(after.sanctions, type).toEqual([{ sender: 'aurelia', target: 'varkal', since: 1 }]);
    }
  });
});

// Through the engine: Varkal attacks Bosk and Aurelia abandons it. The decision enters the history
// with its guarantee's weight, so the same abandonment costs Aurelia more reputation elsewhere
// (on its pledge to Corvin) when Bosk's guarantee was a treaty than when it was an assurance.
describe('an abandonment weighs what its type weighs', () => {
  const abandoned = (type: GuaranteeType, commitment = 0) => {
    const start = withEngineGuarantee(quietClassroom(4), 'aurelia-bosk', { type, commitment });
    return resolve(toResponses(start, { type: 'limited_attack', target: 'bosk' }), { 'aurelia-bosk': 'abandon' });
  };
  const corvin = (s: GameState) => reputation(s, 'aurelia-corvin').value;

  test.each<[GuaranteeType, number, number]>([
    ['treaty', 0, 1],
    ['assurance', 0, 0.4],
    ['assurance', 1, 1],
    ['economic', 0, 0.3],
  ])('%s with commitment %f: the decision weighs %f', (type, commitment, weight) => {
    expect(abandoned(type, commitment).history.map((h) => [h.guarantee, h.choice, h.weight])).toEqual([
      ['aurelia-bosk', 'abandon', expect.closeTo(weight, 12)],
    ]);
  });

  test('abandoning a treaty costs more reputation on the other guarantees than abandoning an assurance', () => {
    expect(corvin(abandoned('treaty'))).toBeLessThan(corvin(abandoned('assurance')));
    expect(corvin(abandoned('assurance', 1))).toBeCloseTo(corvin(abandoned('treaty')), 12);
  });
});
