// Military power where it matters: the local balance, not the global total (Huth & Russett 1984).
import { type Explained, explainSum } from '../model/explain.js';
import type { NationState } from '../model/state.js';
import type { Params } from './params.js';

/** Capability that can fight now: readiness scales all but a floor share of the stock. */
export const effectiveForce = (n: NationState, p: Params): number =>
  n.capability * (p.unreadyFloor + (1 - p.unreadyFloor) * n.readiness);

/** Force a nation brings to bear in a region: home forces, or reinforcement by reach, plus forward posture. */
export const localForceValue = (n: NationState, region: string, p: Params): number =>
  n.region === region
    ? effectiveForce(n, p)
    : effectiveForce(n, p) * (n.reach[region] ?? p.defaultReach) + (n.posture[region] ?? 0);

/** The same force with its breakdown, for the turn log. */
export const localForce = (n: NationState, region: string, p: Params): Explained => {
  const effective = effectiveForce(n, p);
  const terms =
    n.region === region
      ? [{ label: `${n.name} home forces`, value: effective }]
      : [
          { label: `${n.name} reinforcement`, value: effective * (n.reach[region] ?? p.defaultReach) },
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
