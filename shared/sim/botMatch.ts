// A whole match played by bots through the one match loop: each seat gets its policy (the
// scenario's default unless overridden) and the one bot decider, whose dice derive from the match
// seed, so the match is the one a server room with the same seed and bots would play.
import type { PolicyName } from '../bots/policies.js';
import type { Scenario } from '../model/scenario.js';
import type { GameState } from '../model/state.js';
import type { MatchOptions } from '../rules/createMatch.js';
import { playUnattended } from '../match/play.js';
import { type Playout, onPhaseChange, startedMatch } from './playout.js';
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
  options: MatchOptions = {},
): Playout => {
  const bots = seatPolicies(scenario, overrides);
  const played = playUnattended(
    startedMatch(scenario, seed, options, bots),
    { strict: true },
    onPhaseChange(onAdvance),
  );
  return { state: played.match.state, log: [{ kind: 'start', bots }, ...played.inputs] };
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
