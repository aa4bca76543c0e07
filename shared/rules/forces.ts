// Military power where it matters: the local balance, not the global total (Huth & Russett 1984).
// Time matters too: a defender's reinforcement from outside a theater arrives over turns, while the
// challenger, who chooses the moment, strikes with everything it has at hand (a fait accompli).
import { type Explained, explainSum } from '../model/explain.js';
import type { NationState } from '../model/state.js';
import type { Params } from '../model/params.js';

/** Capability that can fight now: readiness scales all but a floor share of the stock. */
export const effectiveForce = (n: NationState, p: Params): number =>
  n.capability * (p.unreadyFloor + (1 - p.unreadyFloor) * n.readiness);

/** Turns the nation's reinforcement takes to reach `region` in full. */
export const reinforcementTurnsTo = (n: NationState, region: string, p: Params): number =>
  n.reinforcementTurns[region] ?? p.reinforcementTurns;

/** Share of the nation's reinforcement that is in `region` now, 0..1. */
export const arrivedShare = (n: NationState, region: string, p: Params): number =>
  reinforcementTurnsTo(n, region, p) === 0 ? 1 : (n.arrived[region] ?? 0);

/** Reinforcement the nation could send to `region` in full, in FP. */
const reinforcement = (n: NationState, region: string, p: Params): number =>
  effectiveForce(n, p) * (n.reach[region] ?? p.defaultReach);

/** Force a nation defends with in a region now: home forces, or forward posture plus what has arrived. */
export const localForceValue = (n: NationState, region: string, p: Params): number =>
  n.region === region
    ? effectiveForce(n, p)
    : reinforcement(n, region, p) * arrivedShare(n, region, p) + (n.posture[region] ?? 0);

/**
 * Force a nation has in a region once all of its reach is there: what a challenger strikes with
 * (it picks the moment), and what defenders bring to a counteroffensive in the end.
 */
export const fullForceValue = (n: NationState, region: string, p: Params): number =>
  n.region === region ? effectiveForce(n, p) : reinforcement(n, region, p) + (n.posture[region] ?? 0);

/**
 * Force a defender is expected to bring over the crisis: what is there now, plus what is still on
 * its way at `distantWeight` (far-off capability deters less than forces in place).
 */
export const expectedForceValue = (n: NationState, region: string, p: Params): number =>
  n.region === region
    ? effectiveForce(n, p)
    : localForceValue(n, region, p) + reinforcement(n, region, p) * (1 - arrivedShare(n, region, p)) * p.distantWeight;

/** The same force with its breakdown, for the turn log. */
export const localForce = (n: NationState, region: string, p: Params): Explained => {
  const effective = effectiveForce(n, p);
  const terms =
    n.region === region
      ? [{ label: `${n.name} home forces`, value: effective }]
      : [
          {
            label: `${n.name} reinforcement arrived (${Math.round(100 * arrivedShare(n, region, p))}%)`,
            value: reinforcement(n, region, p) * arrivedShare(n, region, p),
          },
          { label: `${n.name} forward posture`, value: n.posture[region] ?? 0 },
        ];
  return explainSum(terms, 0, Number.POSITIVE_INFINITY);
};

/** Chance that force `attack` prevails over `defense`: a contest function with exponent k. */
export const contest = (attack: number, defense: number, k: number): number => {
  const a = Math.pow(Math.max(attack, 0), k);
  const d = Math.pow(Math.max(defense, 0), k);
  return a + d === 0 ? 0.5 : a / (a + d);
};
