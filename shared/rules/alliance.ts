// The alliance dilemma: abandonment (reneging costs reputation everywhere and allies hedge)
// versus entrapment (clear, credible guarantees embolden allies to provoke).
import { type Explained, explainSum } from '../model/explain.js';
import type { World } from '../model/state.js';
import type { GuarantorResponse } from '../model/vocabulary.js';
import { credibility } from './credibility.js';
import type { Ledger } from './ledger.js';
import { decisionWeight } from './reputation.js';

/**
 * Chance, 0..1, that an ally provokes the challenger this turn, counting on its guarantor:
 * base × the clearest guarantee it holds × that guarantee's credibility in the ally's eyes.
 */
export const provocationRisk = (world: World, ally: string): Explained => {
  let best = 0;
  let bestClarity = 0;
  let bestCredibility = 0;
  for (const g of Object.values(world.guarantees)) {
    if (g.ally !== ally) continue;
    const c = credibility(world, g.id, 'ally').value / 100;
    if (g.clarity * c > best) {
      best = g.clarity * c;
      bestClarity = g.clarity;
      bestCredibility = c;
    }
  }
  const base = world.params.provocationBase;
  return explainSum(
    [
      {
        label: `base ${base} × clarity ${bestClarity.toFixed(2)} × credibility to the ally ${bestCredibility.toFixed(2)}`,
        value: base * best,
      },
    ],
    0,
    1,
  );
};

/**
 * What a guarantor's decision does to its allies: abandoning makes the others hedge (most in the
 * same region, and as much as the decision weighs: a broken treaty more than a loose assurance)
 * and the abandoned ally hedge twice as hard; honoring reassures the ally.
 */
export const applyAllianceEffects = (
  ledger: Ledger,
  world: World,
  guaranteeId: string,
  choice: GuarantorResponse,
): void => {
  const g = world.guarantees[guaranteeId];
  if (!g) return;
  const p = world.params;
  const region = world.nations[g.ally]?.region;
  const guarantorName = world.nations[g.guarantor]?.name ?? g.guarantor;
  if (choice === 'honor') {
    ledger.nation(g.ally, 'hedging', `${guarantorName} honored its guarantee`, -p.abandonHedging / 3);
    return;
  }
  const weight = choice === 'abandon' ? 1 : p.partialValue;
  ledger.nation(
    g.ally,
    'hedging',
    `${guarantorName} ${choice === 'abandon' ? 'abandoned' : 'half-honored'} it`,
    2 * weight * p.abandonHedging,
  );
  const spill = decisionWeight(g, p);
  const others = new Set(
    Object.values(world.guarantees)
      .filter((o) => o.guarantor === g.guarantor && o.ally !== g.ally)
      .map((o) => o.ally),
  );
  for (const other of others) {
    const sameRegion = world.nations[other]?.region === region;
    ledger.nation(
      other,
      'hedging',
      `${guarantorName} ${choice === 'abandon' ? 'abandoned' : 'half-honored'} another ally${sameRegion ? ' nearby' : ''}`,
      weight * spill * p.abandonHedging * (sameRegion ? 1 : 0.5),
    );
  }
};
