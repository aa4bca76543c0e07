// How the bots play when a policy leans to force (issue 11 G and D), and what the simulator's
// bot-behaviour figures mean. The default bots' figures are checked on the calibration run
// (calibration.test.ts); here a hawk challenger still spares a nuclear guarantor's homeland, and
// hawks on both sides take nuclear steps that sometimes, but rarely, end in general nuclear war.
import { beforeAll, describe, expect, it } from 'vitest';
import { type PolicyName, SCENARIOS, seatPolicies, simulateMatch, summarise } from '../../../shared/index.js';
import { deriveSeed } from '../../../shared/rng.js';
import { LONG, pct, perTurn, runBots, scenarioOf } from './runs.js';

/** Every seat of the given roles on `policy`. */
const hawks = (id: string, roles: readonly string[]): Record<string, PolicyName> =>
  Object.fromEntries(
    scenarioOf(id)
      .seats.filter((s) => roles.includes(s.role))
      .map((s) => [s.id, 'hawk' as const]),
  );

describe.each(['classroom', 'baltic'])('a hawk challenger on %s, 300 matches (seed 1)', (id) => {
  it(
    'armed attacks on a nuclear guarantor’s homeland stay at most 5% of its forceful moves',
    () => {
      const { summary } = runBots(id, 300, hawks(id, ['challenger']));
      const share = summary.botBehaviour.homelandAttackShare;
      const forceful = Object.values(summary.movesPerMatch).reduce((a, b) => a + b, 0);
      expect(forceful, 'the hawk does press').toBeGreaterThan(1);
      expect(share, `homeland attacks ${pct(share)} of forceful moves`).toBeLessThanOrEqual(0.05);
    },
    LONG,
  );
});

/**
 * Hawks on both sides (every guarantor and the challenger): enough matches to see general nuclear
 * war, which the Baltic hawks reach in well under 1% of matches (hence twice the classroom's count).
 */
describe.each([
  ['classroom', 500],
  ['baltic', 1000],
] as const)('hawks on both sides of %s, %i matches (seed 1)', (id, games) => {
  let nuclearWarRate: number;
  const steps = { challengerSignals: 0, challengerUses: 0, guarantorSteps: 0 };
  beforeAll(() => {
    const { summary } = runBots(
      id,
      games,
      hawks(id, ['guarantor', 'challenger']),
      perTurn((state) => {
        for (const c of state.report?.outcomes.crises ?? []) {
          if (c.move === 'nuclear_signal') steps.challengerSignals++;
          if (c.move === 'nuclear_use') steps.challengerUses++;
          steps.guarantorSteps += Object.keys(c.nuclear).length;
        }
      }),
    );
    nuclearWarRate = summary.nuclearWarRate;
  }, LONG);

  it('take nuclear steps: the challenger signals and uses, guarantors answer in kind', () => {
    expect(steps.challengerSignals, JSON.stringify(steps)).toBeGreaterThan(0);
    expect(steps.challengerUses, JSON.stringify(steps)).toBeGreaterThan(0);
    expect(steps.guarantorSteps, JSON.stringify(steps)).toBeGreaterThan(0);
  });

  it('sometimes end in general nuclear war, in at most 10% of matches', () => {
    console.log(`general nuclear war, ${id} with hawks on both sides: ${pct(nuclearWarRate)} of ${games} matches`);
    expect(nuclearWarRate, `${pct(nuclearWarRate)} of ${games} matches`).toBeGreaterThan(0);
    expect(nuclearWarRate, `${pct(nuclearWarRate)} of ${games} matches`).toBeLessThanOrEqual(0.1);
  });
});

describe('botBehaviour measures what it says', () => {
  const classroom = SCENARIOS['classroom'];
  if (!classroom) throw new Error('classroom missing');
  const roleOf = Object.fromEntries(classroom.seats.map((s) => [s.id, s.role]));
  const summary = (overrides: Record<string, PolicyName>, games = 60) =>
    summarise(
      Array.from({ length: games }, (_, i) => simulateMatch(classroom, deriveSeed(3, i), overrides)),
      { scenario: 'classroom', seed: 3, bots: { ...seatPolicies(classroom), ...overrides }, roleOf },
    );

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
