// Bot runs for the calibration, behaviour and policy tests: the simulator's own code path (the
// match i of a run plays with deriveSeed(seed, i), each match observed by a MatchObserver and the
// records summarised by `summarise`, as `npm run sim -- --json` does), with an optional look at
// every state a phase change produces for what the records do not keep (exit ramps taken, nuclear
// steps).
import {
  type GameState,
  type PolicyName,
  SCENARIOS,
  type Scenario,
  type Summary,
  deriveSeed,
  playBotMatch,
  seatPolicies,
  summarise,
} from '../../../shared/index.js';
import { MatchObserver, type MatchStats } from '../../../shared/sim/stats.js';

/** A run's seed: every figure the tests assert comes from runs with fixed seeds. */
export const SEED = 1;

/** Generous bounds for a test or hook that plays hundreds of matches: they catch a hang, not a slow run. */
export const LONG = 900_000;

export const scenarioOf = (id: string): Scenario => {
  const scenario = SCENARIOS[id];
  if (!scenario) throw new Error(`no scenario ${id}`);
  return scenario;
};

export interface Run {
  scenario: Scenario;
  records: MatchStats[];
  summary: Summary;
}

/**
 * Plays `games` bot matches of a shipped scenario with `overrides` on top of its default policies.
 * `watch` sees each state a phase change produces, with the match's index.
 */
export const runBots = (
  id: string,
  games: number,
  overrides: Readonly<Record<string, PolicyName>> = {},
  watch?: (state: GameState, match: number) => void,
  seed = SEED,
): Run => {
  const scenario = scenarioOf(id);
  const records = Array.from({ length: games }, (_, i) => {
    const observer = new MatchObserver();
    const { state } = playBotMatch(scenario, deriveSeed(seed, i), overrides, (s) => {
      observer.onAdvance(s);
      watch?.(s, i);
    });
    return observer.record(state);
  });
  const summary = summarise(records, {
    scenario: id,
    seed,
    bots: seatPolicies(scenario, overrides),
    roleOf: Object.fromEntries(scenario.seats.map((s) => [s.id, s.role])),
    setting: scenario,
  });
  return { scenario, records, summary };
};

/** Calls `each` once per adjudicated turn (the results phase shows that turn's report). */
export const perTurn = (each: (state: GameState, match: number) => void) => {
  let last = '';
  return (state: GameState, match: number): void => {
    if (state.phase !== 'results' || state.report?.turn !== state.turn) return;
    const key = `${match}:${state.turn}`;
    if (key === last) return;
    last = key;
    each(state, match);
  };
};

/** A rate as a percentage with one decimal, for failure messages. */
export const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;

export const mean = (xs: readonly number[]): number => xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);

/** Standard error of the mean of `xs`. */
export const standardError = (xs: readonly number[]): number => {
  const m = mean(xs);
  const variance = xs.reduce((s, x) => s + (x - m) ** 2, 0) / Math.max(1, xs.length - 1);
  return Math.sqrt(variance / Math.max(1, xs.length));
};
