// Which spending lines a seat may fund: the one definition the allocate command checks and the
// allocation form offers, so the form can never offer what the engine refuses, nor hide what it takes.
import type { NationState, Seat, World } from '../model/state.js';
import { lookup } from './seats.js';

/** Only a nuclear guarantor keeps an umbrella over allies (docs/RULES.md 3.2, extended deterrence). */
export const fundsUmbrella = (nation: NationState, seat: Pick<Seat, 'role'>): boolean =>
  nation.nuclear && seat.role === 'guarantor';

/** Aid goes to any other nation of the match, whatever the link between donor and recipient (3.2). */
export const aidRecipients = (world: Pick<World, 'nations'>, donor: string): string[] =>
  Object.keys(world.nations).filter((id) => id !== donor);

/** Whether `recipient` (a client's key) may receive `donor`'s aid. */
export const isAidRecipient = (world: Pick<World, 'nations'>, donor: string, recipient: string): boolean =>
  lookup(world.nations, recipient) !== undefined && recipient !== donor;

/** Whether forward posture may be bought in `region` (a client's key): any region of the match. */
export const isPostureRegion = (world: Pick<World, 'regions'>, region: string): boolean =>
  lookup(world.regions, region) !== undefined;

/**
 * The regions where forward posture does something: every region but home, where the nation's
 * whole force already counts (3.5). Home is accepted but adds nothing, so no form offers it.
 */
export const forwardRegions = (world: Pick<World, 'regions'>, nation: NationState): string[] =>
  Object.keys(world.regions).filter((id) => isPostureRegion(world, id) && id !== nation.region);

/** Whether aid from `donor` to `recipient` also raises the ties of a guarantee between them (3.2). */
export const aidBuildsTies = (world: Pick<World, 'guarantees'>, donor: string, recipient: string): boolean =>
  Object.values(world.guarantees).some(
    (g) => (g.guarantor === donor && g.ally === recipient) || (g.ally === donor && g.guarantor === recipient),
  );
