// Bot spending: pick one of the representative plans the rules offer. Threats pull toward
// forward posture (guarantors) or guns (allies, challengers); strain and low consensus toward butter.
import type { Command } from '../protocol/commands.js';
import { allocationPlans } from '../rules/legal.js';
import type { GameView } from '../view/viewFor.js';
import { theatersOf } from './diplomacy.js';
import type { Disposition, PolicyName } from './policies.js';

/** Theater rung at which a nation feels threatened. */
const THREATENED_AT = 2;

export const chooseAllocation = (view: GameView, seat: string, policy: PolicyName, d: Disposition): Command | null => {
  const s = view.seats.find((x) => x.id === seat);
  const n = s?.nation ? view.nations[s.nation] : undefined;
  if (!s || !n) return null;
  const plans = allocationPlans(view, n);
  const pick = (name: string) => plans.find((p) => p.name === name) ?? plans[0];
  const threatened =
    s.role === 'challenger'
      ? Object.values(view.regions).some((r) => r.rung >= THREATENED_AT)
      : [...theatersOf(view, n.id)].some((r) => (view.regions[r]?.rung ?? 0) >= THREATENED_AT);
  const strained = n.strain > 1.5 || n.consensus < 35;
  let name: string = d.peacetimePlan;
  // More guns than its economy bears only strain an ally: a calculating one stops at the line.
  const bearable = s.role !== 'ally' || n.defenseShare0 * 1.5 <= n.sustainableShare || d.peacetimePlan === 'guns';
  if (policy === 'free-rider' || strained) name = 'butter';
  else if (threatened) name = s.role === 'guarantor' ? 'forward' : bearable ? 'guns' : 'status quo';
  const plan = pick(name);
  return plan ? { type: 'allocate', allocation: plan.allocation } : null;
};
