// Reinforcement over time: a nation engaged in a theater sends its reach there a step a turn
// (1 / its reinforcement turns); once disengaged, it goes home at the same pace.
import type { World } from '../model/state.js';
import { reinforcementTurnsTo } from './forces.js';
import type { Ledger } from './ledger.js';

/** Moves each nation's reinforcement toward the theaters it is engaged in, and home from the others. */
export const moveReinforcements = (ledger: Ledger, world: World, engaged: ReadonlyMap<string, Set<string>>): void => {
  const p = world.params;
  for (const n of Object.values(ledger.nations)) {
    const regions = new Set([...Object.keys(n.arrived), ...(engaged.get(n.id) ?? [])]);
    for (const region of regions) {
      if (region === n.region) continue;
      const turns = reinforcementTurnsTo(n, region, p);
      if (turns === 0) continue;
      const going = engaged.get(n.id)?.has(region) === true;
      ledger.arrived(
        n.id,
        region,
        going ? 'reinforcement moving in' : 'reinforcement going home',
        (going ? 1 : -1) / turns,
      );
    }
  }
};
