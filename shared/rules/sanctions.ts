// Sanctions: a lever that works through the target's economy. Each sender's bite grows over its
// first turns and scales with the sender's economic weight against the target; several senders
// combine with diminishing returns (1 − Π(1 − bite)). The target loses revenue, growth and
// consensus; each sender pays in lost trade. Drezner (1999); Hufbauer et al. (2007).
import { type Explained, explainSum } from '../model/explain.js';
import type { Sanction, World } from '../model/state.js';

/** One sender's bite on its target this turn, 0..1. */
export const sanctionBite = (world: Pick<World, 'nations' | 'params' | 'turn'>, s: Sanction): number => {
  const sender = world.nations[s.sender];
  const target = world.nations[s.target];
  if (!sender || !target) return 0;
  const p = world.params;
  const weight = sender.gdp / (sender.gdp + target.gdp);
  const ramp = Math.min(1, (world.turn - s.since + 1) / p.sanctionRampTurns);
  return p.sanctionStrength * weight * Math.max(0, ramp);
};

/** Combined pressure of every sanction in force on `target`, 0..1, one term per sender. */
export const sanctionPressure = (
  world: Pick<World, 'nations' | 'params' | 'turn' | 'sanctions'>,
  target: string,
): Explained => {
  let unbitten = 1;
  const terms = [];
  for (const s of world.sanctions) {
    if (s.target !== target) continue;
    const bite = sanctionBite(world, s);
    // Each sender adds its bite on what the others left: diminishing returns.
    terms.push({ label: `sanctions by ${world.nations[s.sender]?.name ?? s.sender}`, value: unbitten * bite });
    unbitten *= 1 - bite;
  }
  return explainSum(terms, 0, 1);
};

/** Whether `sender` has sanctions on `target` in force. */
export const sanctioning = (world: Pick<World, 'sanctions'>, sender: string, target: string): boolean =>
  world.sanctions.some((s) => s.sender === sender && s.target === target);

/** Sanctions with `sender`'s on `target` added (once). */
export const imposeSanctions = (list: readonly Sanction[], sender: string, target: string, turn: number): Sanction[] =>
  list.some((s) => s.sender === sender && s.target === target) ? [...list] : [...list, { sender, target, since: turn }];

/** Sanctions with `sender`'s on `target` lifted. */
export const liftSanctions = (list: readonly Sanction[], sender: string, target: string): Sanction[] =>
  list.filter((s) => !(s.sender === sender && s.target === target));
