// The issue's requirement, checked as the simulator computes it: "every shipped scenario is in band
// with default bots, and a test checks it on at least 500 matches per scenario". The same 500
// matches (seed 1, default bots; `npm run sim -- --scenario <id> --games 500 --seed 1 --json` gives
// the same figures) also carry what the default bots must do as a class would judge it (issue 11
// D, E, G) and the win rates (H). No assertion depends on the machine's speed; the hooks' bounds
// are far above what 500 matches take on a busy 2-core machine.
import { beforeAll, describe, expect, test } from 'vitest';
import { NATION_ROLES, type NationRole, SCENARIOS, type Summary } from '../../../shared/index.js';
import { LONG, pct, perTurn, runBots } from './runs.js';

const GAMES = 500;
const SCENARIO_IDS = Object.keys(SCENARIOS);

interface DefaultRun {
  summary: Summary;
  /** Matches in which a challenger took an exit ramp (report.outcomes.exitRamps non-empty). */
  rampMatches: number;
}

/** One run per scenario, shared by every test of this file that asks for it. */
const cache = new Map<string, DefaultRun>();
const defaultRun = (id: string): DefaultRun => {
  const known = cache.get(id);
  if (known) return known;
  const taken = new Set<number>();
  const { summary } = runBots(
    id,
    GAMES,
    {},
    perTurn((state, match) => {
      if ((state.report?.outcomes.exitRamps.length ?? 0) > 0) taken.add(match);
    }),
  );
  const run = { summary, rampMatches: taken.size };
  cache.set(id, run);
  return run;
};

/** The calibration figures, for a failure message. */
const figures = ({ calibration: c }: Summary): string =>
  `honor ${pct(c.honorRate)} of ${c.honorCases} cases (band ${pct(c.honorBand[0])}–${pct(c.honorBand[1])}), ` +
  `deterrence ${pct(c.deterrenceStrict)} of ${c.challenges} challenges (band ${pct(c.deterrenceBand[0])}–${pct(c.deterrenceBand[1])})`;

describe.each(SCENARIO_IDS)('%s with default bots, 500 matches (seed 1)', (id) => {
  let run: DefaultRun;
  beforeAll(() => {
    run = defaultRun(id);
  }, LONG);

  describe('calibration (issue 11 F): the published rates, coded as the studies did', () => {
    test('is in band', () => {
      const { calibration } = run.summary;
      // Enough cases for a rate to mean something: a few hundred at least, in both scenarios.
      expect(calibration.honorCases, figures(run.summary)).toBeGreaterThan(100);
      expect(calibration.challenges, figures(run.summary)).toBeGreaterThan(300);
      expect(calibration.inBand, figures(run.summary)).toBe(true);
    });

    test('the honor rate (armed attacks; partial is not honored) lies in its band', () => {
      const { honorRate, honorBand } = run.summary.calibration;
      expect(honorRate, figures(run.summary)).toBeGreaterThanOrEqual(honorBand[0]);
      expect(honorRate, figures(run.summary)).toBeLessThanOrEqual(honorBand[1]);
    });

    test('the strict deterrence rate (no armed attack, no coercion won) lies in its band', () => {
      const { deterrenceStrict, deterrenceBand } = run.summary.calibration;
      expect(deterrenceStrict, figures(run.summary)).toBeGreaterThanOrEqual(deterrenceBand[0]);
      expect(deterrenceStrict, figures(run.summary)).toBeLessThanOrEqual(deterrenceBand[1]);
    });
  });

  describe('how the default bots play (issue 11 G, D, E)', () => {
    test('armed attacks on a nuclear guarantor’s homeland are at most 5% of forceful moves', () => {
      const share = run.summary.botBehaviour.homelandAttackShare;
      expect(share, `homeland attacks ${pct(share)} of forceful moves`).toBeLessThanOrEqual(0.05);
    });

    test('nations not at war keep their defense effort: final ÷ starting share p10 ≥ 0.5, p90 ≤ 2', () => {
      const q = run.summary.botBehaviour.defenseShareRatio;
      const message = `defense share ratio p10 ${q.p10.toFixed(2)}, p50 ${q.p50.toFixed(2)}, p90 ${q.p90.toFixed(2)}`;
      expect(q.p10, message).toBeGreaterThanOrEqual(0.5);
      expect(q.p90, message).toBeLessThanOrEqual(2);
    });

    test('nuclear guarantors keep their umbrella funded: final ÷ starting p10 ≥ 0.5', () => {
      const q = run.summary.botBehaviour.umbrellaRatio;
      expect(q.p10, `umbrella ratio p10 ${q.p10.toFixed(2)}, p50 ${q.p50.toFixed(2)}`).toBeGreaterThanOrEqual(0.5);
    });

    test('partial answers are at most 35% of the guarantors’ decisions', () => {
      const { partialShare } = run.summary.botBehaviour;
      const message = `partial ${pct(partialShare)} of ${run.summary.decisions} decisions`;
      expect(run.summary.decisions, message).toBeGreaterThan(100);
      expect(partialShare, message).toBeLessThanOrEqual(0.35);
    });

    test('guarantors draw red lines, clarify treaties and sanction; someone offers exit ramps', () => {
      const said = run.summary.botBehaviour.statementsPerMatch;
      for (const kind of ['red_line', 'clarify', 'sanction', 'exit_ramp'])
        expect(said[kind], `${kind} per match (${JSON.stringify(said)})`).toBeGreaterThan(0);
    });

    test('a challenger sometimes takes an exit ramp on offer (report.outcomes.exitRamps)', () => {
      expect(run.rampMatches, `${run.rampMatches} of ${GAMES} matches`).toBeGreaterThan(0);
    });

    test('general nuclear war ends at most 0.5% of matches', () => {
      const rate = run.summary.nuclearWarRate;
      expect(rate, `general nuclear war in ${pct(rate)} of matches`).toBeLessThanOrEqual(0.005);
    });
  });
});

test(
  'a guarantor whose public no longer backs its words narrows a commitment somewhere',
  () => {
    // Rare by design (consensus below 35 in a crisis): counted over both scenarios' 500 matches.
    const narrowed = SCENARIO_IDS.map((id) => [id, defaultRun(id).summary.botBehaviour.statementsPerMatch['narrow']]);
    expect(
      narrowed.some(([, n]) => (n as number) > 0),
      `narrow per match: ${JSON.stringify(Object.fromEntries(narrowed))}`,
    ).toBe(true);
  },
  LONG,
);

/**
 * Win rates (issue 11 H): with the default bots each role wins in 20–60% of matches (the targets in
 * shared/rules/victory.ts are tuned for it). Each figure is printed, passing or not: it is the report.
 */
describe.each(SCENARIO_IDS)('win rates on %s with default bots, 500 matches (seed 1)', (id) => {
  test.each(NATION_ROLES)(
    '%s wins in 20–60% of matches',
    (role: NationRole) => {
      const rate = defaultRun(id).summary.winRate[role];
      console.log(`win rate, ${id} ${role}: ${pct(rate)} of ${GAMES} matches (band 20–60%)`);
      expect(rate, `${id} ${role} wins ${pct(rate)}`).toBeGreaterThanOrEqual(0.2);
      expect(rate, `${id} ${role} wins ${pct(rate)}`).toBeLessThanOrEqual(0.6);
    },
    LONG,
  );
});
