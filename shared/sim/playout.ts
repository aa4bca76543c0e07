// Plays a whole match headless: every owing seat asks its policy for a command until the phase
// can close, then the phase advances. Returns the final state and the command log that replays it.
import type { GameState } from '../model/state.js';
import type { Command } from '../protocol/commands.js';
import { applyParsed } from '../rules/engine.js';
import { advance, owedBy } from '../rules/flow.js';
import type { Scenario } from '../model/scenario.js';
import { startMatch, type MatchOptions } from '../rules/createMatch.js';

/** Chooses a command for a seat, or null to let the deadline default it. */
export type Policy = (state: GameState, seat: string) => Command | null;

/** One entry of a match's log: a seat's command, or an advance of the phase. */
export type PlayoutEntry = { seat: string; command: Command } | { advance: { timedOut: boolean } };

export interface Playout {
  state: GameState;
  log: PlayoutEntry[];
}

/** Hard cap on steps per phase, so a policy that never says "ready" cannot loop forever. */
const MAX_COMMANDS_PER_PHASE = 200;

export const playMatch = (
  scenario: Scenario,
  seed: number,
  policyFor: (seat: string) => Policy,
  options: MatchOptions = {},
  /** Called with each state a phase change produces (the simulator's statistics read crises here). */
  onAdvance?: (state: GameState) => void,
): Playout => {
  const created = startMatch(scenario, seed, options);
  if (!created.ok) throw new Error(created.error.message);
  let state = created.value.state;
  const log: PlayoutEntry[] = [];
  while (!state.ended) {
    let steps = 0;
    let progressed = true;
    while (progressed && steps < MAX_COMMANDS_PER_PHASE) {
      progressed = false;
      for (const seat of owedBy(state)) {
        const command = policyFor(seat)(state, seat);
        if (!command) continue;
        const result = applyParsed(state, seat, command);
        if (!result.ok) throw new Error(`policy for ${seat} sent an illegal ${command.type}: ${result.error.message}`);
        state = result.value.state;
        log.push({ seat, command });
        progressed = true;
        steps++;
      }
    }
    const timedOut = owedBy(state).length > 0;
    const next = advance(state, { timedOut });
    if (!next.ok) throw new Error(next.error.message);
    state = next.value.state;
    log.push({ advance: { timedOut } });
    onAdvance?.(state);
  }
  return { state, log };
};

/** Replays a log from the same scenario and seed; the result must equal the original byte for byte. */
export const replay = (
  scenario: Scenario,
  seed: number,
  log: readonly PlayoutEntry[],
  options: MatchOptions = {},
): GameState => {
  const created = startMatch(scenario, seed, options);
  if (!created.ok) throw new Error(created.error.message);
  let state = created.value.state;
  for (const entry of log) {
    const result = 'advance' in entry ? advance(state, entry.advance) : applyParsed(state, entry.seat, entry.command);
    if (!result.ok) throw new Error(result.error.message);
    state = result.value.state;
  }
  return state;
};
