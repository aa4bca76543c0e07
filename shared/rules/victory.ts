// Who won: a seat wins when the objectives it met carry at least two thirds of its objectives'
// weight. An objective is met when its metric (rules/scoring.ts) reaches the target below. Nobody
// wins after general nuclear war; the White Cell and observers never do.
import type { Metric } from '../model/scenario.js';
import type { GameState, World } from '../model/state.js';
import { metric } from './scoring.js';
import { seatById } from './seats.js';

/**
 * The level each metric (0..1) must reach for its objective to count as met: the one place to tune
 * them. Integrity and allies are kept whole (no challenge won against them), and deterrence means
 * no setback at all; security asks for credibility of 63; consensus for 55 (a government its public
 * backs); peace for no theater ever past rung 3 (mobilization, short of war); fiscal for growth near
 * trend (0.6); gains for at least 5 points taken and kept (one coercion won); forces, at least 80% of
 * the starting capability left; reliability, a record at least as good as an untested one (0.5).
 * Tuned so that with the default bots every role wins in 20–60% of matches (docs/RULES.md, "Winning").
 */
export const VICTORY_TARGETS: Readonly<Record<Metric, number>> = {
  integrity: 1,
  alliesIntact: 1,
  deterrence: 1,
  security: 0.63,
  fiscal: 0.6,
  consensus: 0.55,
  peace: 0.625,
  gains: 0.05,
  forcesPreserved: 0.8,
  reliability: 0.5,
};

/** Share of its objectives' weight a seat must meet to win (compared exactly: met × 3 ≥ total × 2). */
export const WIN_SHARE = { numerator: 2, denominator: 3 } as const;

/** A seat's objectives with whether each is met, and the weights: why it won or did not. */
export interface ObjectivesMet {
  met: Metric[];
  missed: Metric[];
  /** Weight of the objectives met, and of all of them. */
  weight: number;
  total: number;
}

type Judged = Pick<GameState, 'ended'> & World;

/** The seat's objectives split into met and missed; null for a seat that plays no nation. */
export const objectivesMet = (state: Judged, seatId: string): ObjectivesMet | null => {
  const seat = seatById(state, seatId);
  const n = seat?.nation ? state.nations[seat.nation] : undefined;
  if (!seat || !n || seat.role === 'facilitator' || seat.role === 'observer') return null;
  const out: ObjectivesMet = { met: [], missed: [], weight: 0, total: 0 };
  for (const [m, w] of Object.entries(state.config.objectives[seat.role]) as [Metric, number][]) {
    if (w <= 0) continue;
    out.total += w;
    if (metric(state, n, m) >= VICTORY_TARGETS[m]) {
      out.met.push(m);
      out.weight += w;
    } else out.missed.push(m);
  }
  return out;
};

/** Did this seat win? Meaningful at the end of a match; before it, "would it win if play stopped now". */
export const seatWins = (state: Judged, seatId: string): boolean => {
  if (state.ended?.reason === 'general_nuclear_war') return false;
  const o = objectivesMet(state, seatId);
  return o !== null && o.total > 0 && o.weight * WIN_SHARE.denominator >= o.total * WIN_SHARE.numerator;
};

/** Whether each seat that plays a nation won, by seat id. */
export const victoryOf = (state: Judged): Record<string, boolean> =>
  Object.fromEntries(state.seats.filter((s) => s.nation !== null).map((s) => [s.id, seatWins(state, s.id)]));
