// The one function that lets the seats a decider plays act, and closes every phase in which
// nobody owes anything, until a human owes a move, the clock must decide, or the match is over.
import type { GameEvent } from '../model/events.js';
import type { Command } from '../protocol/commands.js';
import { owedBy } from '../rules/flow.js';
import { FACILITATOR_SEAT } from '../rules/seats.js';
import { botDecision } from './bots.js';
import type { MatchInput } from './input.js';
import { type Match, botPlays, someHumanPlays } from './match.js';
import { stepMatch } from './step.js';

/** One input applied while settling, with the match it produced. */
export interface SettleStep {
  input: MatchInput;
  match: Match;
  events: GameEvent[];
}

export interface SettleOptions {
  /** Who decides for a seat it plays: the bot decider unless a test or the demo scripts its own. */
  decide?: (match: Match, seat: string) => Command | null;
  /** The seats the decider plays: bots' seats (given or in civil disorder) unless told otherwise. */
  plays?: (match: Match, seat: string) => boolean;
  /** What its commands are journaled as: bots' by default; scripted players' are commands. */
  as?: 'bot' | 'command';
  /**
   * With no human at any nation seat and nobody owing: `wait` for the clock or the White Cell
   * (the server: a class can watch), or `advance` at once (the simulator).
   */
  unattended?: 'wait' | 'advance';
  /** A refused decision throws (the simulator and tests: a bot bug is loud); a server skips it. */
  strict?: boolean;
}

export interface Settled {
  match: Match;
  events: GameEvent[];
  steps: SettleStep[];
}

/** Upper bound on steps in one settle, so a bug can never spin a loop forever. */
const MAX_STEPS = 5000;

export const settleMatch = (start: Match, options: SettleOptions = {}): Settled => {
  const decide = options.decide ?? botDecision;
  const plays = options.plays ?? ((m: Match, seat: string) => seat !== FACILITATOR_SEAT && botPlays(m, seat));
  const kind = options.as ?? 'bot';
  let match = start;
  const events: GameEvent[] = [];
  const steps: SettleStep[] = [];
  const take = (input: MatchInput): boolean => {
    const moved = stepMatch(match, input);
    if (!moved.ok) {
      if (options.strict && input.kind !== 'advance')
        throw new Error(`${input.kind} for ${'seat' in input ? input.seat : '?'} refused: ${moved.error.message}`);
      return false;
    }
    match = moved.value.match;
    events.push(...moved.value.events);
    steps.push({ input, match, events: moved.value.events });
    return true;
  };
  for (let n = 0; n < MAX_STEPS && match.status === 'playing'; n++) {
    const owed = owedBy(match.state);
    // The first seat in the engine's order that has something to say acts; then look again.
    const acted = owed.some((seat) => {
      if (!plays(match, seat)) return false;
      const command = decide(match, seat);
      return command !== null && take({ kind, seat, command });
    });
    if (acted) continue;
    if (owed.length > 0) break;
    if (options.unattended !== 'advance' && !someHumanPlays(match)) break;
    if (!take({ kind: 'advance' })) break;
  }
  return { match, events, steps };
};
