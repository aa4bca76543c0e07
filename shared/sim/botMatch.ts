// A whole match played by bots: each seat gets its policy (the scenario's default unless
// overridden) and its own generator derived from the match seed, so the match replays exactly.
import { botCommand } from '../bots/decide.js';
import type { PolicyName } from '../bots/policies.js';
import type { Scenario } from '../model/scenario.js';
import { RngCursor, deriveSeed } from '../rng.js';
import { viewFor } from '../view/viewFor.js';
import type { GameState } from '../model/state.js';
import { type Playout, playMatch } from './playout.js';
import { MatchObserver, type MatchStats } from './stats.js';

/** Policies per seat: the scenario's defaults with `overrides` on top. */
export const seatPolicies = (
  scenario: Scenario,
  overrides: Readonly<Record<string, PolicyName>> = {},
): Record<string, PolicyName> => Object.fromEntries(scenario.seats.map((s) => [s.id, overrides[s.id] ?? s.bot]));

export const playBotMatch = (
  scenario: Scenario,
  seed: number,
  overrides: Readonly<Record<string, PolicyName>> = {},
  onAdvance?: (state: GameState) => void,
): Playout => {
  const policies = seatPolicies(scenario, overrides);
  const cursors = new Map(scenario.seats.map((s, i) => [s.id, new RngCursor(deriveSeed(seed, 1000 + i))]));
  return playMatch(
    scenario,
    seed,
    (seat) => {
      const policy = policies[seat];
      const rng = cursors.get(seat);
      return (state) => (policy && rng ? botCommand(policy, viewFor(state, seat), seat, rng) : null);
    },
    {},
    onAdvance,
  );
};

/** Plays one bot match and returns its statistics: what each simulator worker computes. */
export const simulateMatch = (
  scenario: Scenario,
  seed: number,
  overrides: Readonly<Record<string, PolicyName>> = {},
): MatchStats => {
  const observer = new MatchObserver();
  const { state } = playBotMatch(scenario, seed, overrides, observer.onAdvance);
  return observer.record(state);
};
