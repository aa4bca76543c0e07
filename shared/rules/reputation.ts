// Reputation: past behaviour across all of a guarantor's guarantees, decaying, weighted most
// toward the same region and the same challenger (Weisiger & Yarhi-Milo 2015; Press 2005), and by
// what the promise was: a treaty kept or broken says more than a loose assurance (Mattes 2012).
import { type Explained, explainSum } from '../model/explain.js';
import type { GuaranteeState, World } from '../model/state.js';
import type { Params } from '../model/params.js';

/** Reputation a guarantee starts the match with, from its historical record. */
export const priorReputation = (record: GuaranteeState['record'], partialValue: number): number => {
  const cases = record.honored + record.partial + record.abandoned;
  return 0.5 + (0.4 * (record.honored - record.abandoned - partialValue * record.partial)) / (cases + 2);
};

/**
 * How much a decision on `g` weighs in reputation and in other allies' hedging: its type's weight,
 * lifted toward a treaty's by public commitment (words in public make a loose promise binding).
 */
export const decisionWeight = (g: GuaranteeState, p: Params): number => {
  const w = p.typeWeight[g.type];
  return w + (Math.max(1, w) - w) * g.commitment;
};

/** The challenger a guarantee is judged against when none is named: the first seated challenger. */
export const mainChallenger = (world: World): string => world.seats.find((s) => s.role === 'challenger')?.nation ?? '';

/**
 * Reputation of one guarantee, 0..1. Each past decision by the same guarantor moves it by
 * ±step × weight × decay^age, where weight is larger on the same guarantee's region and challenger
 * and scales with the decision's own weight (its guarantee's type and commitment).
 */
export const reputation = (world: World, guaranteeId: string, challenger = mainChallenger(world)): Explained => {
  const g = world.guarantees[guaranteeId];
  if (!g) return { value: 0, terms: [] };
  const p = world.params;
  const region = world.nations[g.ally]?.region;
  let sameRegion = 0;
  let elsewhere = 0;
  for (const h of world.history) {
    if (h.guarantor !== g.guarantor) continue;
    const value = h.choice === 'honor' ? 1 : h.choice === 'abandon' ? -1 : -p.partialValue;
    const inRegion = h.region === region;
    const weight =
      p.spilloverBase +
      (inRegion ? p.spilloverSameRegion : 0) +
      (h.challenger === challenger ? p.spilloverSameChallenger : 0);
    const delta = p.reputationStep * value * weight * h.weight * Math.pow(p.reputationDecay, world.turn - h.turn);
    if (inRegion) sameRegion += delta;
    else elsewhere += delta;
  }
  return explainSum(
    [
      { label: 'historical record', value: g.prior },
      { label: 'decisions in this region', value: sameRegion },
      { label: 'decisions elsewhere', value: elsewhere },
    ],
    0,
    1,
  );
};
