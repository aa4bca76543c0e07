// Ground seized in a fait accompli: held by the challenger until the defenders retake it (once
// their reinforcement has arrived, at a cost to both) or it is handed back on an exit ramp, where
// the challenger keeps part of what it took and saves face.
import type { Occupation, World } from '../model/state.js';
import { contest, fullForceValue, localForceValue } from './forces.js';
import type { Ledger } from './ledger.js';

/** The target's force and its liberators' (each as `force` counts it) against the occupier's: 0 with nothing to fight with. */
const counteroffensive = (
  world: Pick<World, 'nations' | 'params'>,
  o: Pick<Occupation, 'target' | 'by' | 'region' | 'liberators'>,
  force: typeof localForceValue,
): number => {
  const p = world.params;
  const target = world.nations[o.target];
  const occupier = world.nations[o.by];
  if (!target || !occupier) return 0;
  let defense = localForceValue(target, o.region, p);
  for (const id of o.liberators) {
    const n = world.nations[id];
    if (n) defense += force(n, o.region, p);
  }
  return defense > 0 ? contest(defense, fullForceValue(occupier, o.region, p), p.contestExponent) : 0;
};

/**
 * The chance a counteroffensive retakes `o` this turn: the target and its liberators' forces in
 * the region now against the occupier's. Without a liberator the target fights alone.
 */
export const retakeChance = (world: World, o: Occupation): number => counteroffensive(world, o, localForceValue);

/**
 * The chance ground seized from `target` would be retaken in the end, once all of the liberators'
 * reinforcement has arrived: what a challenger and a guarantor weigh before the attack.
 */
export const eventualRetakeChance = (
  world: Pick<World, 'nations' | 'params'>,
  target: string,
  by: string,
  liberators: readonly string[],
): number =>
  counteroffensive(
    world,
    { target, by, region: world.nations[target]?.region ?? '', liberators: [...liberators] },
    fullForceValue,
  );

/** The fighting of a counteroffensive: both sides lose a limited attack's attrition; won, the ground returns. */
export const applyRetake = (ledger: Ledger, world: World, o: Occupation, success: boolean): void => {
  const p = world.params;
  const a = p.attrition.limited_attack;
  const target = ledger.nations[o.target];
  const occupier = ledger.nations[o.by];
  if (!target || !occupier) return;
  const label = `counteroffensive against ${occupier.name}`;
  ledger.nation(o.by, 'capability', `${label}: losses`, -occupier.capability * a * (success ? 1.5 : 1));
  ledger.nation(o.target, 'capability', `${label}: losses`, -target.capability * a);
  for (const id of o.liberators) {
    const n = ledger.nations[id];
    if (n) ledger.posture(id, o.region, `${label}: losses`, -(n.posture[o.region] ?? 0) * a);
  }
  if (!success) return;
  ledger.nation(o.target, 'integrity', `${target.name} retakes its ground`, o.integrity);
  ledger.nation(o.by, 'gains', `seized ground retaken by ${target.name}`, -o.integrity);
  ledger.nation(o.by, 'consensus', 'a seized objective lost', -p.actionCost.limited_attack / 2);
};

/** Hands an occupation back on an exit ramp: the challenger keeps `exitRampKept` of it. Returns the points kept. */
export const handBack = (ledger: Ledger, world: World, o: Occupation): number => {
  const kept = o.integrity * world.params.exitRampKept;
  const returned = o.integrity - kept;
  const name = ledger.nations[o.by]?.name ?? o.by;
  ledger.nation(o.target, 'integrity', `${name} withdraws on an exit ramp`, returned);
  ledger.nation(o.by, 'gains', 'withdrawal on an exit ramp (part kept)', -returned);
  return kept;
};
