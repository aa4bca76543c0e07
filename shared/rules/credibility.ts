// Credibility of a guarantee in the eyes of one audience, 0..100, with its breakdown.
// Terms: local capability and tripwire forces (for an economic guarantee, economic weight instead
// of the local balance), the nuclear umbrella, interests and ties, resolve (consensus and public
// commitment), clarity, and reputation.
import { type Explained, clamp01, explainSum } from '../model/explain.js';
import type { GuaranteeState, World } from '../model/state.js';
import type { Audience } from '../model/vocabulary.js';
import { contest, expectedForceValue, fullForceValue } from './forces.js';
import { mainChallenger, reputation } from './reputation.js';

/**
 * The local balance behind a guarantee: defenders' share of the force in the ally's region, with
 * reinforcement still on its way discounted (forward forces deter more than distant ones).
 */
export const localBalance = (world: World, g: GuaranteeState, challenger = mainChallenger(world)): number => {
  const ally = world.nations[g.ally];
  const guarantor = world.nations[g.guarantor];
  const rival = world.nations[challenger];
  if (!ally || !guarantor) return 0;
  const p = world.params;
  const defense = expectedForceValue(ally, ally.region, p) + expectedForceValue(guarantor, ally.region, p);
  const attack = rival ? fullForceValue(rival, ally.region, p) : 0;
  return 1 - contest(attack, defense, 1);
};

/** An economic guarantee's weight: the guarantor's economy against the challenger's. */
export const economicWeight = (world: World, g: GuaranteeState, challenger = mainChallenger(world)): number => {
  const guarantor = world.nations[g.guarantor];
  const rival = world.nations[challenger];
  if (!guarantor) return 0;
  return rival ? guarantor.gdp / (guarantor.gdp + rival.gdp) : 1;
};

/** Tripwire score, 0..1: forward forces add credibility with diminishing returns. */
export const tripwire = (world: World, g: GuaranteeState): number => {
  const region = world.nations[g.ally]?.region ?? '';
  const forward = world.nations[g.guarantor]?.posture[region] ?? 0;
  return 1 - Math.exp(-forward / world.params.tripwireScale);
};

/**
 * How far a guarantee's nuclear umbrella covers its ally, 0..1. Extended deterrence is only as
 * good as the umbrella forces funded; a treaty or assurance of a nuclear power lends part of its
 * shadow whatever is funded (Fuhrmann & Sechser 2014: alliances with nuclear powers deter).
 */
export const umbrellaCover = (world: Pick<World, 'nations' | 'params'>, g: GuaranteeState): number => {
  const guarantor = world.nations[g.guarantor];
  if (!guarantor?.nuclear) return 0;
  const share = world.params.umbrellaByType[g.type];
  return g.type === 'extended_deterrence' ? share * guarantor.umbrella : share * (0.5 + 0.5 * guarantor.umbrella);
};

/** Credibility of guarantee `id` to `audience`, 0..100. */
export const credibility = (
  world: World,
  id: string,
  audience: Audience,
  challenger = mainChallenger(world),
): Explained => {
  const g = world.guarantees[id];
  const guarantor = g && world.nations[g.guarantor];
  const ally = g && world.nations[g.ally];
  if (!g || !guarantor || !ally) return { value: 0, terms: [] };
  const p = world.params;
  const w = p.audienceWeights[audience];
  const balance = g.type === 'economic' ? economicWeight(world, g, challenger) : localBalance(world, g, challenger);
  const capability = p.balanceShare * balance + (1 - p.balanceShare) * tripwire(world, g);
  // Allies that carry less than their share are defended with less conviction (burden sharing).
  const shortfall = p.burdenTarget > 0 ? Math.max(0, p.burdenTarget - ally.defenseShare) / p.burdenTarget : 0;
  const interests = g.ties * (1 - ally.hedging / 200) * (1 - p.burdenCredibility * shortfall);
  const resolve = p.consensusInResolve * (guarantor.consensus / 100) + (1 - p.consensusInResolve) * g.commitment;
  const terms = [
    {
      label: g.type === 'economic' ? 'economic weight' : 'local capability',
      value: 100 * w.capability * clamp01(capability),
    },
    { label: 'nuclear umbrella', value: 100 * w.nuclear * umbrellaCover(world, g) },
    { label: 'interests and ties', value: 100 * w.interests * clamp01(interests) },
    { label: 'resolve', value: 100 * w.resolve * clamp01(resolve) },
    { label: 'clarity', value: 100 * w.clarity * g.clarity },
    { label: 'reputation', value: 100 * w.reputation * reputation(world, id, challenger).value },
  ];
  return explainSum(terms, 0, 100);
};
