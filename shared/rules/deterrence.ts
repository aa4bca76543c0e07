// General deterrence (the standing commitment) versus immediate deterrence (this crisis), and the
// challenger's expected-value calculus: attack only when the expected gain beats the expected cost,
// a cost that grows with credibility — the threat that leaves something to chance.
import { type Explained, explainSum } from '../model/explain.js';
import type { ChallengerMove } from '../model/commands.js';
import type { Crisis, GuaranteeState, Seat, World } from '../model/state.js';
import { MOVE_THREAT, type MoveType } from '../model/vocabulary.js';
import { credibility } from './credibility.js';
import { contest, localForceValue, fullForceValue } from './forces.js';
import { allianceShadow } from './combat.js';
import { isArmedMove } from './moves.js';
import { eventualRetakeChance } from './occupation.js';
import { sanctionPressure } from './sanctions.js';

/** The moves whose value the calculus weighs (the others change only the ladder). */
export const FORCEFUL_MOVES = ['probe', 'coerce', 'limited_attack', 'major_attack'] as const;
export type ForcefulMove = (typeof FORCEFUL_MOVES)[number];

/** Guarantees a move against `target` would invoke: the target is their ally and their scope covers the threat. */
export const coveringGuarantees = (world: World, target: string, move: MoveType): GuaranteeState[] => {
  const threat = MOVE_THREAT[move];
  if (threat === null) return [];
  return Object.values(world.guarantees).filter((g) => g.ally === target && g.scope.includes(threat));
};

/** General deterrence: the standing commitment's credibility to the challenger. */
export const generalDeterrence = (world: World, id: string, challenger?: string): Explained =>
  credibility(world, id, 'challenger', challenger);

/**
 * Immediate deterrence in a crisis: general deterrence plus this crisis's public commitment, minus
 * a red line that the challenger's intelligence exposed as a bluff.
 */
export const immediateDeterrence = (world: World, id: string, challenger?: string): Explained => {
  const g = world.guarantees[id];
  const general = generalDeterrence(world, id, challenger);
  if (!g) return general;
  const p = world.params;
  const challengerSeats = world.seats
    .filter((s) => s.role === 'challenger' && (challenger === undefined || s.nation === challenger))
    .map((s) => s.id);
  const exposed = world.reveals.some((r) => challengerSeats.includes(r.to) && r.exposed.includes(id));
  return explainSum(
    [
      { label: 'general deterrence', value: general.value },
      { label: 'public commitment in this crisis', value: p.redLineBonus * g.commitment },
      { label: 'red line exposed as a bluff', value: exposed ? -p.bluffPenalty : 0 },
    ],
    0,
    100,
  );
};

/**
 * The challenger's expected value of `move` against `target`, in points (hold = 0).
 * EV = gain' · ((1−p)·P(win alone) + p·P(win vs both)·(1 − P(retaken))) − p·war cost − cost of
 * acting − retaliation, where p is the highest immediate deterrence / 100 among covering
 * guarantees; the guarantor force is the strongest covering guarantor's force in place now against
 * an attack (a fait accompli beats help still on its way) and all it would bring against a threat, and P(retaken) is the chance the defenders, with all
 * their reinforcement arrived, take seized ground back. gain' is the gain less what sanctions in
 * force take from it. An armed attack on a nuclear power's own homeland risks retaliation.
 * Because winning against both is never likelier than against the ally alone, EV never rises with p.
 */
export const challengerCalculus = (world: World, challenger: string, move: ForcefulMove, target: string): Explained => {
  const rival = world.nations[challenger];
  const victim = world.nations[target];
  if (!rival || !victim) return { value: 0, terms: [] };
  const p = world.params;
  const region = victim.region;
  const covering = coveringGuarantees(world, target, move);
  const armed = isArmedMove(move);
  // The likeliest guarantor to fight, and the strongest one that could: each is a separate
  // maximum, so raising any one guarantee's credibility or forces can only lower the EV.
  let pHonor = 0;
  let guarantorForce = 0;
  let liberator: { id: string; force: number } | null = null;
  for (const g of covering) {
    const guarantor = world.nations[g.guarantor];
    if (!guarantor) continue;
    pHonor = Math.max(pHonor, immediateDeterrence(world, g.id, challenger).value / 100);
    if (g.type === 'economic') continue;
    const now = armed ? localForceValue(guarantor, region, p) : fullForceValue(guarantor, region, p);
    guarantorForce = Math.max(guarantorForce, now);
    const later = fullForceValue(guarantor, region, p);
    if (!liberator || later > liberator.force) liberator = { id: guarantor.id, force: later };
  }
  const attack = fullForceValue(rival, region, p);
  const defense =
    localForceValue(victim, region, p) +
    (armed
      ? 0
      : allianceShadow(
          world,
          target,
          covering.map((g) => g.id),
        ));
  const yields = armed ? 1 : 1 - victim.resilience;
  const pressure = sanctionPressure(world, challenger).value;
  const gain = p.moveGain[move] * victim.stakes * (1 - p.sanctionGainDiscount * pressure);
  const winAlone = contest(attack, defense, p.contestExponent) * yields;
  const winVsBoth = contest(attack, defense + guarantorForce, p.contestExponent) * yields;
  // Seized ground is held against a counteroffensive by everything the defenders can bring later.
  const retaken = armed ? eventualRetakeChance(world, target, challenger, liberator ? [liberator.id] : []) : 0;
  return explainSum(
    [
      { label: 'gain if the guarantor stays out', value: (1 - pHonor) * gain * winAlone },
      { label: 'gain if the guarantor fights', value: pHonor * gain * winVsBoth },
      { label: 'seized ground retaken later', value: -pHonor * gain * winVsBoth * retaken },
      { label: 'expected cost of fighting the guarantor', value: -pHonor * p.warCost[move] },
      { label: 'cost of acting', value: -p.actionCost[move] },
      { label: 'nuclear retaliation on its homeland', value: armed && victim.nuclear ? -p.homelandRetaliation : 0 },
    ],
    Number.NEGATIVE_INFINITY,
    Number.POSITIVE_INFINITY,
  );
};

/**
 * The crisis a challenger seat's move sets off: the guarantees it invokes and the immediate
 * deterrence each faces. The challenger's move preview builds the same crisis before choosing.
 */
export const crisisOf = (world: World, seat: Pick<Seat, 'id' | 'nation'>, move: ChallengerMove): Crisis => {
  const challenger = seat.nation ?? '';
  const target = move.target ? world.nations[move.target] : undefined;
  const invoked = target ? coveringGuarantees(world, target.id, move.type).map((g) => g.id) : [];
  const immediate = Object.fromEntries(invoked.map((gid) => [gid, immediateDeterrence(world, gid, challenger)]));
  return { challengerSeat: seat.id, challenger, move, region: target?.region ?? null, invoked, immediate };
};
