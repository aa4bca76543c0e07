// Bot policies: named dispositions over one shared decision procedure. `calculating` weighs the
// rules' own estimates; hawk and dove lean one way; the fixed policies exist for experiments.
import { POLICY_NAMES, POLICY_ROLE, type PolicyName, type Role } from '../model/vocabulary.js';

export { POLICY_NAMES, type PolicyName };

/** Why a policy cannot play a seat of this role, or null when it can. */
export const policyProblem = (name: string, role: Role): string | null => {
  if (!(POLICY_NAMES as readonly string[]).includes(name))
    return `unknown policy "${name}" (known: ${POLICY_NAMES.join(', ')})`;
  const only = POLICY_ROLE[name as PolicyName];
  if (role === 'facilitator' || role === 'observer') return `a ${role} seat is never played by a bot`;
  return only && only !== role ? `policy "${name}" plays only ${only} seats, not a ${role}` : null;
};

/** How a disposition leans; `calculating` is neutral. Points are in the calculus's own units. */
export interface Disposition {
  /** A challenger acts when its best expected value beats this (negative = accepts worse odds). */
  actAbove: number;
  /** Added to a guarantor's value of honoring. */
  honorBias: number;
  /** A guarantor declares a red line for an ally whose theater is at this rung or higher. */
  redLineAt: number;
  /** Anyone offers an exit ramp for a theater at this rung or higher. */
  exitRampAt: number;
  /** A guarantor sanctions the challenger once one of its allies' theaters is at this rung. */
  sanctionAt: number;
  /** Added to an ally's value of contributing. */
  contributeBias: number;
  /** Allocation plan when no threat pushes it elsewhere. */
  peacetimePlan: 'status quo' | 'butter' | 'guns';
}

export const DISPOSITIONS: Readonly<Record<'calculating' | 'hawk' | 'dove', Disposition>> = {
  calculating: {
    actAbove: 0,
    honorBias: 0,
    redLineAt: 2,
    exitRampAt: 3,
    sanctionAt: 2,
    contributeBias: 0,
    peacetimePlan: 'status quo',
  },
  hawk: {
    actAbove: -12,
    honorBias: 25,
    redLineAt: 1,
    exitRampAt: 9,
    sanctionAt: 1,
    contributeBias: 15,
    peacetimePlan: 'guns',
  },
  dove: {
    actAbove: 12,
    honorBias: -25,
    redLineAt: 9,
    exitRampAt: 2,
    sanctionAt: 4,
    contributeBias: -15,
    peacetimePlan: 'butter',
  },
};

/** The disposition a policy plays with outside its fixed decision. */
export const dispositionOf = (name: PolicyName): Disposition =>
  name === 'hawk' || name === 'dove' ? DISPOSITIONS[name] : DISPOSITIONS.calculating;
