// Plays a whole match headless with a policy per seat, through the one match loop
// (shared/match): every seat is decided, the clock is called when the policies fall silent.
// Returns the final state and the inputs that replay it.
import type { GameState } from '../model/state.js';
import type { Command } from '../protocol/commands.js';
import type { Scenario } from '../model/scenario.js';
import type { MatchOptions } from '../rules/createMatch.js';
import type { MatchInput } from '../match/input.js';
import { type BotTable, type Match, openMatch } from '../match/match.js';
import { playUnattended, replayInputs } from '../match/play.js';
import type { SettleOptions, SettleStep } from '../match/settle.js';
import { stepMatch } from '../match/step.js';

/** Chooses a command for a seat, or null to let the deadline default it. */
export type Policy = (state: GameState, seat: string) => Command | null;

export interface Playout {
  state: GameState;
  /** The match's inputs from its start: replay() plays them again to the same state. */
  log: MatchInput[];
}

/** A match of `scenario` started by the White Cell with `bots`: what every headless loop plays. */
export const startedMatch = (
  scenario: Scenario,
  seed: number,
  options: MatchOptions = {},
  bots: BotTable = {},
): Match => {
  const opened = openMatch(scenario, seed, options);
  if (!opened.ok) throw new Error(opened.error.message);
  const started = stepMatch(opened.value.match, { kind: 'start', bots });
  if (!started.ok) throw new Error(started.error.message);
  return started.value.match;
};

/** Calls `onAdvance` with each state a phase change produces. */
export const onPhaseChange =
  (onAdvance?: (state: GameState) => void) =>
  (step: SettleStep): void => {
    if (onAdvance && (step.input.kind === 'advance' || step.input.kind === 'timeout')) onAdvance(step.match.state);
  };

export const playMatch = (
  scenario: Scenario,
  seed: number,
  policyFor: (seat: string) => Policy,
  options: MatchOptions = {},
  /** Called with each state a phase change produces (the simulator's statistics read crises here). */
  onAdvance?: (state: GameState) => void,
): Playout => {
  const scripted: SettleOptions = {
    decide: (match, seat) => policyFor(seat)(match.state, seat),
    plays: () => true,
    as: 'command',
    strict: true,
  };
  const played = playUnattended(startedMatch(scenario, seed, options), scripted, onPhaseChange(onAdvance));
  return { state: played.match.state, log: [{ kind: 'start', bots: {} }, ...played.inputs] };
};

/** Replays a log from the same scenario and seed; the result must equal the original byte for byte. */
export const replay = (
  scenario: Scenario,
  seed: number,
  log: readonly MatchInput[],
  options: MatchOptions = {},
): GameState => {
  const opened = openMatch(scenario, seed, options);
  if (!opened.ok) throw new Error(opened.error.message);
  return replayInputs(opened.value.match, log).state;
};
