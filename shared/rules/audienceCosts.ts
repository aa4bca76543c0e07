// Words are cheap until they create audience costs: backing down from a public commitment costs
// domestic consensus, more the higher the escalation (Tomz 2007).
import { type Explained, explainSum } from '../model/explain.js';
import type { GuaranteeState } from '../model/state.js';
import type { GuarantorResponse } from '../model/vocabulary.js';
import type { Params } from '../model/params.js';

/** Share of a commitment a response backs away from. */
const BACKING_DOWN: Readonly<Record<GuarantorResponse, number>> = { honor: 0, partial: 0.5, abandon: 1 };

/** Consensus a guarantor loses, ≥ 0, for answering `choice` after committing `commitment` publicly at `rung`. */
export const audienceCost = (commitment: number, rung: number, choice: GuarantorResponse, p: Params): Explained =>
  explainSum(
    [
      {
        label: `backing down (${choice}) from a public commitment of ${commitment.toFixed(2)} at rung ${rung}`,
        value: p.audienceCost * commitment * BACKING_DOWN[choice] * (1 + p.audienceCostPerRung * rung),
      },
    ],
    0,
    Number.POSITIVE_INFINITY,
  );

/**
 * The commitment a guarantor backs down from: its public words, or the legal obligation its type
 * carries without any words (a treaty's text is a public commitment of its own).
 */
export const bindingCommitment = (g: GuaranteeState, p: Params): number =>
  Math.max(g.commitment, p.legalCommitment[g.type]);

/** The cost of narrowing a commitment by `removed`: the same audience cost, as a partial climb-down. */
export const narrowingCost = (removed: number, rung: number, p: Params): Explained =>
  audienceCost(removed, rung, 'abandon', p);
