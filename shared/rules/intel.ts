// Signal versus action: statements are public, allocations secret. Intelligence sometimes shows one
// seat another's allocation, and with it any gap between a red line and the forces behind it.
import type { Allocation } from '../model/commands.js';
import type { Reveal, World } from '../model/state.js';
import type { RngCursor } from '../rng.js';

/** Chance that `observer`'s services see another seat's allocation this turn. */
export const revealChance = (intel: number, base: number): number => intel * base;

/**
 * Red lines the allocation does not back: guarantees of this nation with a public commitment whose
 * ally's region gets no forward-posture money this turn.
 */
export const exposedBluffs = (world: World, nation: string, a: Allocation): string[] =>
  Object.values(world.guarantees)
    .filter((g) => g.guarantor === nation && g.commitment > 0)
    .filter((g) => (a.forwardPosture[world.nations[g.ally]?.region ?? ''] ?? 0) <= 0)
    .map((g) => g.id);

/** Draws this turn's reveals in seat order: every nation seat looks at every other nation seat once. */
export const drawReveals = (
  world: World,
  allocations: Readonly<Record<string, Allocation>>,
  rng: RngCursor,
): Reveal[] => {
  const reveals: Reveal[] = [];
  const seats = world.seats.filter((s) => s.nation !== null);
  for (const observer of seats) {
    const intel = world.nations[observer.nation ?? '']?.intel ?? 0;
    for (const subject of seats) {
      if (subject.id === observer.id) continue;
      const allocation = allocations[subject.id];
      const seen = rng.chance(revealChance(intel, world.params.intelBase));
      if (!seen || !allocation) continue;
      const exposed = exposedBluffs(world, subject.nation ?? '', allocation);
      reveals.push({ to: observer.id, about: subject.id, allocation, gap: exposed.length > 0, exposed });
    }
  }
  return reveals;
};
