// The simulator's bot-behaviour figures (botBehaviour) measure what they say, on matches whose
// behaviour is known: a hawk against a nuclear guarantor's homeland, and the share of partial answers.
import { describe, expect, it } from 'vitest';
import { type PolicyName, SCENARIOS, seatPolicies, simulateMatch, summarise } from '../../../shared/index.js';
import { deriveSeed } from '../../../shared/rng.js';

const classroom = SCENARIOS['classroom'];
if (!classroom) throw new Error('classroom missing');
const roleOf = Object.fromEntries(classroom.seats.map((s) => [s.id, s.role]));

const summary = (overrides: Record<string, PolicyName>, games = 60) =>
  summarise(
    Array.from({ length: games }, (_, i) => simulateMatch(classroom, deriveSeed(3, i), overrides)),
    { scenario: 'classroom', seed: 3, bots: { ...seatPolicies(classroom), ...overrides }, roleOf },
  );

describe('botBehaviour', () => {
  it('counts armed attacks on the nuclear guarantor itself, which the calculating challenger avoids and a hawk makes', () => {
    const calculating = summary({});
    const hawk = summary({ varkal: 'hawk' });
    expect(calculating.botBehaviour.homelandAttackShare).toBe(0);
    expect(hawk.botBehaviour.homelandAttackShare).toBeGreaterThan(0.1);
  });

  it('partialShare is the partial answers among all decisions, and an always-honoring guarantor has none', () => {
    const base = summary({});
    expect(base.botBehaviour.partialShare).toBeCloseTo(base.partialRate, 12);
    expect(summary({ aurelia: 'honor' }).botBehaviour.partialShare).toBe(0);
  });

  it('ratios are of final to starting levels: quantiles ordered, and every nation counted once per match', () => {
    const { defenseShareRatio, umbrellaRatio } = summary({}, 20).botBehaviour;
    for (const q of [defenseShareRatio, umbrellaRatio]) {
      expect(q.p10).toBeLessThanOrEqual(q.p50);
      expect(q.p50).toBeLessThanOrEqual(q.p90);
    }
    const one = simulateMatch(classroom, deriveSeed(3, 0));
    expect(one.umbrellaRatios).toHaveLength(1); // Aurelia, the one nuclear guarantor
    expect(one.defenseRatios.length).toBeLessThanOrEqual(Object.keys(classroom.nations).length);
  });
});
