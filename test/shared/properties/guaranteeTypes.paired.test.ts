// Four types, four mechanics, through whole bot matches: the classroom scenario with every guarantee
// set to one type, played by the scenario's bots on the same 200 seeds for each type (a paired
// comparison: only the type differs). Each type must give its own distribution of outcomes, in the
// documented directions; and an all-economic guarantor is not just a guarantor without nuclear weapons.
import { beforeAll, describe, expect, it } from 'vitest';
import { GUARANTEE_TYPES, type GuaranteeType, playBotMatch, type Scenario } from '../../../shared/index.js';
import { scenarioOf } from './arbitraries.js';

const SEEDS = 200;
/** A difference in a count smaller than this (5% of the matches) is not taken as a different distribution. */
const MARGIN = SEEDS / 20;

interface Distribution {
  honor: number;
  partial: number;
  abandon: number;
  /** Challenger actions that succeeded against an ally (the allies' setbacks). */
  successes: number;
  /** Mean final score of each seat. */
  scores: Record<string, number>;
}

const classroom = scenarioOf('classroom');
const allOfType = (type: GuaranteeType): Scenario => ({
  ...classroom,
  guarantees: classroom.guarantees.map((g) => ({ ...g, type })),
});
const nonNuclear: Scenario = {
  ...classroom,
  nations: classroom.nations.map((n) => (n.id === 'aurelia' ? { ...n, nuclear: false } : n)),
};

const distribution = (scenario: Scenario): Distribution => {
  const d: Distribution = { honor: 0, partial: 0, abandon: 0, successes: 0, scores: {} };
  for (let seed = 1; seed <= SEEDS; seed++) {
    const { state } = playBotMatch(scenario, seed);
    for (const h of state.history) d[h.choice]++;
    for (const seat of state.seats)
      if (seat.role === 'ally' && seat.nation) d.successes += state.nations[seat.nation]?.setbacks ?? 0;
    for (const [seat, score] of Object.entries(state.scores))
      d.scores[seat] = (d.scores[seat] ?? 0) + score.value / SEEDS;
  }
  return d;
};

/** The counts two distributions are compared on. */
const counts = (d: Distribution): number[] => [d.honor, d.partial, d.abandon, d.successes];
const abandonShare = (d: Distribution): number => d.abandon / (d.honor + d.partial + d.abandon);

describe('guarantee types in bot play (classroom, 200 paired seeds)', () => {
  const by = new Map<string, Distribution>();
  for (const type of GUARANTEE_TYPES) beforeAll(() => void by.set(type, distribution(allOfType(type))));
  beforeAll(() => void by.set('non-nuclear', distribution(nonNuclear)));
  const get = (key: string): Distribution => {
    const d = by.get(key);
    if (!d) throw new Error(`no distribution for ${key}`);
    return d;
  };

  const pairs = GUARANTEE_TYPES.flatMap((a, i) => GUARANTEE_TYPES.slice(i + 1).map((b) => [a, b] as const));
  it.each(pairs)('%s and %s give different outcome distributions', (a, b) => {
    const [x, y] = [counts(get(a)), counts(get(b))];
    const widest = Math.max(...x.map((v, i) => Math.abs(v - (y[i] ?? 0))));
    expect(widest, `${a} ${JSON.stringify(get(a))} vs ${b} ${JSON.stringify(get(b))}`).toBeGreaterThanOrEqual(MARGIN);
    expect(get(a).scores).not.toEqual(get(b).scores);
  });

  // A treaty costs most to abandon and an assurance least of the defense pledges: bots abandon assurances more.
  it('assurances are abandoned more often than treaties', () => {
    expect(abandonShare(get('assurance'))).toBeGreaterThan(abandonShare(get('treaty')));
  });

  // An economic guarantee sends no forces: the challenger succeeds more often than against any force-backed type.
  it.each(GUARANTEE_TYPES.filter((t) => t !== 'economic'))(
    'the challenger succeeds more often against economic guarantees than against %s',
    (type) => {
      expect(get('economic').successes).toBeGreaterThan(get(type).successes + MARGIN);
    },
  );

  // Economic guarantees lend no umbrella, like a guarantor without nuclear weapons, but they also send
  // no forces and answer with sanctions and aid: the outcomes differ from the non-nuclear guarantor's.
  it('all-economic differs from the same scenario with a non-nuclear guarantor', () => {
    const [x, y] = [counts(get('economic')), counts(get('non-nuclear'))];
    expect(Math.max(...x.map((v, i) => Math.abs(v - (y[i] ?? 0))))).toBeGreaterThanOrEqual(MARGIN);
    expect(get('economic').successes).toBeGreaterThan(get('non-nuclear').successes + MARGIN);
    expect(get('economic').scores).not.toEqual(get('non-nuclear').scores);
  });
});
