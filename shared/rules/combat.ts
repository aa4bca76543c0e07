// Crisis resolution on the local balance: who brings what force to the target's region, and the
// chance the challenger's action succeeds.
import { type Explained, explainSum } from '../model/explain.js';
import type { Crisis, World } from '../model/state.js';
import type { AllyResponse, GuarantorResponse } from '../model/vocabulary.js';
import { contest, localForceValue } from './forces.js';

export interface CrisisAnswers {
  /** Each invoked guarantee's answer. */
  guarantors: Readonly<Record<string, GuarantorResponse>>;
  /** Each responding ally's answer, by nation id. */
  allies: Readonly<Record<string, AllyResponse>>;
}

export interface CrisisOdds {
  attack: Explained;
  defense: Explained;
  /** Chance the challenger's action succeeds. */
  success: number;
}

/**
 * The forces and odds of a crisis. The target fights with its local force (half if it
 * accommodates); each honoring guarantor adds its local force, a partial one a share (arms, aid);
 * contributing allies add a share of theirs. An accommodating target concedes a probe or coercion.
 */
export const crisisOdds = (world: World, crisis: Crisis, answers: CrisisAnswers): CrisisOdds => {
  const p = world.params;
  const region = crisis.region ?? '';
  const rival = world.nations[crisis.challenger];
  const target = crisis.move.target ? world.nations[crisis.move.target] : undefined;
  const attack = explainSum(
    rival ? [{ label: `${rival.name} forces`, value: localForceValue(rival, region, p) }] : [],
    0,
    Number.POSITIVE_INFINITY,
  );
  if (!target) return { attack, defense: { value: 0, terms: [] }, success: 0 };
  const targetAnswer = answers.allies[target.id];
  const terms = [
    {
      label: `${target.name} forces${targetAnswer === 'accommodate' ? ' (accommodating: half)' : ''}`,
      value: localForceValue(target, region, p) * (targetAnswer === 'accommodate' ? 0.5 : 1),
    },
  ];
  const counted = new Set<string>();
  for (const gid of crisis.invoked) {
    const g = world.guarantees[gid];
    const guarantor = g && world.nations[g.guarantor];
    const choice = answers.guarantors[gid];
    if (!guarantor || counted.has(guarantor.id) || choice === undefined || choice === 'abandon') continue;
    counted.add(guarantor.id);
    const share = choice === 'honor' ? 1 : p.partialShare;
    terms.push({ label: `${guarantor.name} (${choice})`, value: share * localForceValue(guarantor, region, p) });
  }
  for (const [allyId, choice] of Object.entries(answers.allies)) {
    const ally = world.nations[allyId];
    if (!ally || allyId === target.id || choice !== 'contribute') continue;
    terms.push({ label: `${ally.name} contributes`, value: p.contributionShare * localForceValue(ally, region, p) });
  }
  const defense = explainSum(terms, 0, Number.POSITIVE_INFINITY);
  const concedes = targetAnswer === 'accommodate' && (crisis.move.type === 'probe' || crisis.move.type === 'coerce');
  return {
    attack,
    defense,
    success: concedes ? 1 : contest(attack.value, defense.value, p.contestExponent),
  };
};
