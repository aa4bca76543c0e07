// Credibility of a guarantee in the eyes of one audience, 0..100, with its breakdown.
// Terms: local capability and tripwire forces, the nuclear umbrella, interests and ties,
// resolve (consensus and public commitment), clarity, and reputation.
import { type Explained, clamp01, explainSum } from '../model/explain.js';
import type { GuaranteeState, World } from '../model/state.js';
import type { Audience } from '../model/vocabulary.js';
import { contest, localForceValue } from './forces.js';
import { mainChallenger, reputation } from './reputation.js';

/** How much a guarantee type lends to a nuclear umbrella (Fuhrmann & Sechser 2014: alliances deter). */
const UMBRELLA_BY_TYPE: Readonly<Record<GuaranteeState['type'], number>> = {
  treaty: 1,
  extended_deterrence: 1,
  assurance: 0.5,
  economic: 0,
};

/** The local balance behind a guarantee: defenders' share of the force in the ally's region. */
export const localBalance = (world: World, g: GuaranteeState, challenger = mainChallenger(world)): number => {
  const ally = world.nations[g.ally];
  const guarantor = world.nations[g.guarantor];
  const rival = world.nations[challenger];
  if (!ally || !guarantor) return 0;
  const p = world.params;
  const defense = localForceValue(ally, ally.region, p) + localForceValue(guarantor, ally.region, p);
  const attack = rival ? localForceValue(rival, ally.region, p) : 0;
  return 1 - contest(attack, defense, 1);
};

/** Tripwire score, 0..1: forward forces add credibility with diminishing returns. */
export const tripwire = (world: World, g: GuaranteeState): number => {
  const region = world.nations[g.ally]?.region ?? '';
  const forward = world.nations[g.guarantor]?.posture[region] ?? 0;
  return 1 - Math.exp(-forward / world.params.tripwireScale);
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
  const capability = p.balanceShare * localBalance(world, g, challenger) + (1 - p.balanceShare) * tripwire(world, g);
  const umbrella = guarantor.nuclear ? UMBRELLA_BY_TYPE[g.type] * (0.5 + 0.5 * guarantor.umbrella) : 0;
  const interests = g.ties * (1 - ally.hedging / 200);
  const resolve = p.consensusInResolve * (guarantor.consensus / 100) + (1 - p.consensusInResolve) * g.commitment;
  const terms = [
    { label: 'local capability', value: 100 * w.capability * clamp01(capability) },
    { label: 'nuclear umbrella', value: 100 * w.nuclear * umbrella },
    { label: 'interests and ties', value: 100 * w.interests * clamp01(interests) },
    { label: 'resolve', value: 100 * w.resolve * clamp01(resolve) },
    { label: 'clarity', value: 100 * w.clarity * g.clarity },
    { label: 'reputation', value: 100 * w.reputation * reputation(world, id, challenger).value },
  ];
  return explainSum(terms, 0, 100);
};
