// Scores per role, bounded 0..100: the weighted mean of the metrics the scenario's objectives name.
import { type Explained, clamp01, explainSum } from '../model/explain.js';
import type { Metric } from '../model/scenario.js';
import type { GameState, NationState, World } from '../model/state.js';
import { TOP_RUNG } from '../model/vocabulary.js';
import { credibility } from './credibility.js';
import { seatById } from './seats.js';

const mean = (xs: number[]): number => (xs.length === 0 ? 1 : xs.reduce((a, b) => a + b, 0) / xs.length);

/** One metric for one nation, 0..1. */
export const metric = (world: World, n: NationState, m: Metric): number => {
  switch (m) {
    case 'integrity':
      return n.integrity / 100;
    case 'alliesIntact':
      return mean(
        Object.values(world.guarantees)
          .filter((g) => g.guarantor === n.id)
          .map((g) => (world.nations[g.ally]?.integrity ?? 0) / 100),
      );
    case 'deterrence':
      return clamp01(1 - n.setbacks / Math.max(1, world.turn));
    case 'security': {
      const mine = Object.values(world.guarantees).filter((g) => g.ally === n.id || g.guarantor === n.id);
      const audience = mine.some((g) => g.ally === n.id) ? 'ally' : 'challenger';
      return mean(mine.map((g) => credibility(world, g.id, audience).value / 100));
    }
    case 'fiscal': {
      const years = (world.adjudicated * world.config.monthsPerTurn) / 12;
      const expected = n.gdp0 * Math.pow(1 + n.trendGrowth / 100, years);
      return clamp01(0.7 + 10 * (n.gdp / expected - 1) - 0.05 * n.strain);
    }
    case 'consensus':
      return n.consensus / 100;
    case 'peace':
      return 1 - Math.max(0, ...Object.values(world.regions).map((r) => r.peak)) / TOP_RUNG;
    case 'gains':
      return n.gains / 100;
    case 'reliability': {
      // A guarantor's record of keeping its word (Gibler 2008): commitments honored, a partial
      // answer half, over every invoked commitment of its guarantees, history included; Laplace-smoothed.
      let kept = 0;
      let cases = 0;
      for (const g of Object.values(world.guarantees)) {
        if (g.guarantor !== n.id) continue;
        kept += g.record.honored + 0.5 * g.record.partial;
        cases += g.record.honored + g.record.partial + g.record.abandoned;
      }
      return (kept + 1) / (cases + 2);
    }
    case 'forcesPreserved':
      return n.capability0 > 0 ? clamp01(n.capability / n.capability0) : 1;
  }
};

/** A seat's score with one term per weighted metric; everyone scores 0 after general nuclear war. */
export const seatScore = (state: Pick<GameState, 'ended'> & World, seatId: string): Explained => {
  const seat = seatById(state, seatId);
  const n = seat?.nation ? state.nations[seat.nation] : undefined;
  if (!seat || !n || seat.role === 'facilitator' || seat.role === 'observer') return { value: 0, terms: [] };
  if (state.ended?.reason === 'general_nuclear_war')
    return { value: 0, terms: [{ label: 'general nuclear war: everyone loses', value: 0 }] };
  const weights = Object.entries(state.config.objectives[seat.role]) as [Metric, number][];
  const total = weights.reduce((s, [, w]) => s + w, 0);
  if (total <= 0) return { value: 0, terms: [] };
  return explainSum(
    weights.map(([m, w]) => ({ label: m, value: (100 * w * metric(state, n, m)) / total })),
    0,
    100,
  );
};

/** Scores of every scored seat. */
export const allScores = (state: Pick<GameState, 'ended'> & World): Record<string, Explained> => {
  const out: Record<string, Explained> = {};
  for (const s of state.seats) if (s.nation !== null) out[s.id] = seatScore(state, s.id);
  return out;
};
