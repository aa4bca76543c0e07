// Crisis resolution on the local balance: who brings what force to the target's region, and the
// chance the challenger's action succeeds.
import { type Explained, explainSum } from '../model/explain.js';
import type { Crisis, VisibleState, World } from '../model/state.js';
import type { AllyResponse, GuarantorResponse, NuclearStep } from '../model/vocabulary.js';
import { credibility, umbrellaCover } from './credibility.js';
import { contest, fullForceValue, localForceValue } from './forces.js';
import { isArmedMove } from './moves.js';
import { nationOf } from './seats.js';

export interface CrisisAnswers {
  /** Each invoked guarantee's answer. */
  guarantors: Readonly<Record<string, GuarantorResponse>>;
  /** Each responding ally's answer, by nation id. */
  allies: Readonly<Record<string, AllyResponse>>;
  /** Nuclear steps guarantors took with their answers, by guarantee. */
  nuclear?: Readonly<Record<string, NuclearStep>>;
}

/** The answers `state` holds (a seat's view: its own), by guarantee and by ally nation, with the nuclear steps. */
export const collectAnswers = (state: VisibleState): Required<CrisisAnswers> => {
  const guarantors: Record<string, GuarantorResponse> = {};
  for (const answers of Object.values(state.guarantorAnswers)) Object.assign(guarantors, answers);
  const nuclear: Record<string, NuclearStep> = {};
  for (const steps of Object.values(state.nuclearSteps)) Object.assign(nuclear, steps);
  const allies: Record<string, AllyResponse> = {};
  for (const [seatId, choice] of Object.entries(state.allyAnswers)) {
    const nation = nationOf(state, seatId);
    if (nation) allies[nation] = choice;
  }
  return { guarantors, allies, nuclear };
};

export interface CrisisOdds {
  attack: Explained;
  defense: Explained;
  /** Chance the challenger's action succeeds. */
  success: number;
}

/**
 * The shadow of an alliance over a threat short of war that no guarantee's scope covers: a target
 * that believes its guarantors would fight the attack that could follow stands firm. Each of its
 * guarantees that covers an armed attack but is not invoked adds its guarantor's full force, times
 * the guarantee's credibility to the ally, times `allianceShadow`.
 */
export const allianceShadow = (world: World, target: string, invoked: readonly string[]): number => {
  const p = world.params;
  const region = world.nations[target]?.region ?? '';
  let shadow = 0;
  for (const g of Object.values(world.guarantees)) {
    if (g.ally !== target || invoked.includes(g.id) || !g.scope.includes('armed_attack')) continue;
    const guarantor = world.nations[g.guarantor];
    if (!guarantor || g.type === 'economic') continue;
    const belief = credibility(world, g.id, 'ally').value / 100;
    shadow = Math.max(shadow, p.allianceShadow * belief * fullForceValue(guarantor, region, p));
  }
  return shadow;
};

/**
 * The forces and odds of a crisis. The challenger strikes with all it has at hand; a nuclear
 * threat adds leverage that an honoring guarantor's umbrella takes away, and nuclear use adds
 * force. The target fights with its local force (half if it accommodates); against anything
 * short of an armed attack, its resilience is the share of pressure it refuses to yield to. Against an armed attack each honoring
 * guarantor adds the force it has in the region now (forward posture and reinforcement arrived);
 * against a threat short of war, all the force it would bring. A partial answer adds a share (arms);
 * an economic guarantee never sends forces: it works through sanctions and aid. A guarantor's
 * nuclear signal or use raises the defense. Contributing allies add a share of theirs. An
 * accommodating target concedes a probe or coercion.
 */
export const crisisOdds = (world: World, crisis: Crisis, answers: CrisisAnswers): CrisisOdds => {
  const p = world.params;
  const region = crisis.region ?? '';
  const rival = world.nations[crisis.challenger];
  const target = crisis.move.target ? world.nations[crisis.move.target] : undefined;
  const type = crisis.move.type;
  const own = rival ? fullForceValue(rival, region, p) : 0;
  let cover = 0;
  for (const gid of crisis.invoked) {
    const g = world.guarantees[gid];
    if (g && answers.guarantors[gid] === 'honor') cover = Math.max(cover, umbrellaCover(world, g));
  }
  const threatens = type === 'escalate' || type === 'nuclear_signal';
  const attack = explainSum(
    rival
      ? [
          { label: `${rival.name} forces`, value: own },
          {
            label: 'nuclear leverage (less the umbrella)',
            value: threatens ? own * p.nuclearLeverage * (1 - cover) : 0,
          },
          { label: 'limited nuclear use', value: type === 'nuclear_use' ? own * p.nuclearUseForce : 0 },
        ].filter((t, i) => i === 0 || t.value !== 0)
      : [],
    0,
    Number.POSITIVE_INFINITY,
  );
  if (!target) return { attack, defense: { value: 0, terms: [] }, success: 0 };
  const targetAnswer = answers.allies[target.id];
  const accommodating = targetAnswer === 'accommodate';
  const armed = isArmedMove(type);
  const resilience = armed ? 0 : target.resilience;
  const terms = [
    {
      label: `${target.name} forces${accommodating ? ' (accommodating: half)' : ''}`,
      value: localForceValue(target, region, p) * (accommodating ? 0.5 : 1),
    },
  ];
  if (!armed && !accommodating) {
    const shadow = allianceShadow(world, target.id, crisis.invoked);
    if (shadow > 0) terms.push({ label: 'the shadow of its alliances (the war that could follow)', value: shadow });
  }
  const counted = new Set<string>();
  let signal = 0;
  let use = false;
  for (const gid of crisis.invoked) {
    const g = world.guarantees[gid];
    const guarantor = g && world.nations[g.guarantor];
    const choice = answers.guarantors[gid];
    if (!g || !guarantor || counted.has(guarantor.id) || choice === undefined || choice === 'abandon') continue;
    counted.add(guarantor.id);
    const step = choice === 'honor' ? answers.nuclear?.[gid] : undefined;
    if (step === 'signal') signal = Math.max(signal, umbrellaCover(world, g));
    if (step === 'use') use = true;
    if (g.type === 'economic') {
      terms.push({ label: `${guarantor.name} (${choice}: sanctions and aid, no forces)`, value: 0 });
      continue;
    }
    const share = choice === 'honor' ? 1 : p.partialShare;
    // A threat short of war is judged on the war it threatens: all the help that would come counts.
    const force = armed ? localForceValue(guarantor, region, p) : fullForceValue(guarantor, region, p);
    terms.push({ label: `${guarantor.name} (${choice})`, value: share * force });
  }
  for (const [allyId, choice] of Object.entries(answers.allies)) {
    const ally = world.nations[allyId];
    if (!ally || allyId === target.id || choice !== 'contribute') continue;
    terms.push({ label: `${ally.name} contributes`, value: p.contributionShare * localForceValue(ally, region, p) });
  }
  const conventional = terms.reduce((s, t) => s + t.value, 0);
  if (signal > 0) terms.push({ label: 'nuclear signal', value: conventional * p.signalDeterrence * signal });
  if (use) terms.push({ label: 'limited nuclear use', value: conventional * p.nuclearUseForce });
  const defense = explainSum(terms, 0, Number.POSITIVE_INFINITY);
  const concedes = accommodating && (type === 'probe' || type === 'coerce');
  // A resilient society refuses to yield to pressure whatever the balance: coercion fails that often.
  const yields = 1 - resilience;
  return {
    attack,
    defense,
    success: concedes ? 1 : contest(attack.value, defense.value, p.contestExponent) * yields,
  };
};
