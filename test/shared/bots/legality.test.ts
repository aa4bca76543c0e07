// Bots are ordinary users of the engine: over 1,000 matches per scenario, with every policy on
// every seat it may play, no bot ever sends a command the engine refuses (playMatch throws if one does).
import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../../../shared/index.js';
import { POLICY_NAMES, type PolicyName, policyProblem } from '../../../shared/bots/policies.js';
import { playBotMatch } from '../../../shared/sim/botMatch.js';
import { deriveSeed } from '../../../shared/rng.js';

const MATCHES = 1000;
const SLICE = 250;

describe.each(Object.keys(SCENARIOS))('bots on %s', (id) => {
  const scenario = SCENARIOS[id];
  if (!scenario) throw new Error(id);
  /** The policies each seat may play, so match i can rotate through all of them. */
  const allowed = scenario.seats.map((s) => POLICY_NAMES.filter((p) => policyProblem(p, s.role) === null));

  // In slices, one test each, so no single test runs long on a busy machine (a slice takes one to
  // two seconds on a quiet 2-core machine, far below the test timeout).
  const used = new Set<PolicyName>();
  for (let from = 0; from < MATCHES; from += SLICE) {
    const to = Math.min(MATCHES, from + SLICE);
    it(`never send an illegal command in matches ${from}–${to - 1}, whatever the policy`, () => {
      for (let i = from; i < to; i++) {
        const overrides: Record<string, PolicyName> = {};
        scenario.seats.forEach((s, k) => {
          const options = allowed[k] ?? [];
          const policy = options[(i + k) % options.length];
          if (policy) {
            overrides[s.id] = policy;
            used.add(policy);
          }
        });
        const { state } = playBotMatch(scenario, deriveSeed(5, i), overrides);
        expect(state.ended).not.toBeNull();
      }
    });
  }

  it(`play every policy somewhere in the ${MATCHES} matches`, () => {
    expect([...used].sort()).toEqual([...POLICY_NAMES].sort());
  });
});
