// What a guarantor's answer to one invoked guarantee costs it (adjudication step 4, docs/RULES.md
// 3.6 and 3.11). Adjudication charges it and the crisis cards preview it with the same function,
// so a card's price is the one the turn then charges.
import type { Explained } from '../model/explain.js';
import type { Crisis, DecisionRecord, GuaranteeState, World } from '../model/state.js';
import type { GuarantorResponse, NuclearStep } from '../model/vocabulary.js';
import { applyAllianceEffects } from './alliance.js';
import { audienceCost, bindingCommitment } from './audienceCosts.js';
import { budget, turnYears } from './economy.js';
import type { Ledger } from './ledger.js';
import { asForceful } from './moves.js';
import { decisionWeight } from './reputation.js';

/** The decision as reputation will remember it. */
export const decisionRecord = (
  world: Pick<World, 'turn' | 'params'>,
  crisis: Crisis,
  g: GuaranteeState,
  choice: GuarantorResponse,
): DecisionRecord => ({
  turn: world.turn,
  guarantee: g.id,
  guarantor: g.guarantor,
  region: crisis.region ?? '',
  challenger: crisis.challenger,
  choice,
  weight: decisionWeight(g, world.params),
});

export interface AnswerCharge {
  /** Consensus lost for backing down from a public commitment. */
  audienceCost: Explained;
  /** Consensus a limited nuclear use costs at home (0 for every other answer). */
  nuclearCost: number;
  /** $bn owed from next turn's budget: 0 unless honoring a forceful move; half for an economic guarantee. */
  honorCost: number;
}

/**
 * Charges one answer on the ledger: the allies' hedging, the audience cost at `rung` (where the
 * theater stands once the move lands), limited nuclear use's price at home, and honor's bill
 * (`honorCost`[move] × the guarantor's budget as it stands now; for an economic guarantee half of
 * it, and the ally receives `economicAidShare` of it as aid). Sanctions and forces are the caller's.
 */
export const chargeAnswer = (
  ledger: Ledger,
  world: World,
  crisis: Crisis,
  g: GuaranteeState,
  choice: GuarantorResponse,
  step: NuclearStep | null,
  rung: number,
): AnswerCharge => {
  const p = world.params;
  applyAllianceEffects(ledger, world, g.id, choice);
  const cost = audienceCost(bindingCommitment(g, p), rung, choice, p);
  ledger.nation(g.guarantor, 'consensus', cost.terms[0]?.label ?? 'audience cost', -cost.value);
  const nuclearCost = step === 'use' ? p.nuclearUseConsensus : 0;
  if (step === 'use') ledger.nation(g.guarantor, 'consensus', 'use of nuclear weapons', -nuclearCost);
  const guarantor = ledger.nations[g.guarantor];
  const forceful = asForceful(crisis.move.type);
  if (choice !== 'honor' || !guarantor || !forceful) return { audienceCost: cost, nuclearCost, honorCost: 0 };
  const owed = p.honorCost[forceful] * budget(guarantor, turnYears(world)).value;
  if (g.type === 'economic') {
    ledger.nation(g.guarantor, 'obligations', `cost of honoring ${g.id} (sanctions and aid)`, owed / 2);
    ledger.nation(g.ally, 'aidInbound', `emergency aid from ${guarantor.name}`, owed * p.economicAidShare);
    return { audienceCost: cost, nuclearCost, honorCost: owed / 2 };
  }
  ledger.nation(g.guarantor, 'obligations', `cost of honoring ${g.id}`, owed);
  return { audienceCost: cost, nuclearCost, honorCost: owed };
};
