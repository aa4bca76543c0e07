// One match as every loop plays it: the engine state, whether it is in the lobby, playing or over,
// and which seats bots play. The server's session, the simulator, the demo and the test driver all
// hold one of these and move it only through stepMatch() and settleMatch().
import type { PolicyName } from '../model/vocabulary.js';
import type { Scenario } from '../model/scenario.js';
import type { GameEvent } from '../model/events.js';
import type { GameState } from '../model/state.js';
import { type MatchOptions, startMatch } from '../rules/createMatch.js';
import { inCivilDisorder } from '../rules/seats.js';
import { type Result, ok } from '../result.js';

export type MatchStatus = 'lobby' | 'playing' | 'ended';

/** Bot policy per nation seat; a seat left out is a human's (a bot stands in during civil disorder). */
export type BotTable = Readonly<Partial<Record<string, PolicyName>>>;

export interface Match {
  readonly scenario: Scenario;
  /** The match seed: the engine's dice and every bot's dice derive from it. */
  readonly seed: number;
  readonly state: GameState;
  readonly status: MatchStatus;
  readonly bots: BotTable;
}

/** A match after one input, and what the engine said about it. */
export interface Stepped {
  match: Match;
  events: GameEvent[];
}

/** A new match in the lobby, and turn 1's opening events (its phase and cards). */
export const openMatch = (
  scenario: Scenario,
  seed: number,
  options: MatchOptions = {},
  bots: BotTable = {},
): Result<Stepped> => {
  const created = startMatch(scenario, seed, options);
  if (!created.ok) return created;
  const { state, events } = created.value;
  return ok({ match: { scenario, seed, state, status: 'lobby', bots: { ...bots } }, events });
};

/** Whether a bot plays this seat now: given to one, or fallen into civil disorder. */
export const botPlays = (match: Match, seat: string): boolean =>
  match.bots[seat] !== undefined || inCivilDisorder(match.state, seat);

/** Whether any nation seat is in human hands right now. */
export const someHumanPlays = (match: Match): boolean => match.scenario.seats.some((s) => !botPlays(match, s.id));

/** The bots a match starts with: those chosen, and each seat's default where no human sits. */
export const startingBots = (match: Match, humanSeats: ReadonlySet<string>): Record<string, PolicyName> => {
  const bots: Partial<Record<string, PolicyName>> = { ...match.bots };
  for (const s of match.scenario.seats) if (!humanSeats.has(s.id)) bots[s.id] ??= s.bot;
  return bots as Record<string, PolicyName>;
};
