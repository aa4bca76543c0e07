// The one bot decider: a seat's policy picks from its own view, with dice derived from the match
// seed, the turn, the phase and the seat. Nothing outside the match is needed to decide again, so a
// restored server, the simulator and a bot over the wire decide alike from the same seed.
import { botCommand } from '../bots/decide.js';
import type { PolicyName } from '../model/vocabulary.js';
import { PHASES, type Phase } from '../model/vocabulary.js';
import type { Command } from '../protocol/commands.js';
import { RngCursor, deriveSeed } from '../rng.js';
import type { GameView } from '../view/viewFor.js';
import { viewFor } from '../view/viewFor.js';
import type { Match } from './match.js';

/** A bot's dice for one decision of `seat` (its index among the scenario's seats). */
export const botDice = (seed: number, at: { turn: number; phase: Phase }, seatIndex: number): RngCursor =>
  new RngCursor(deriveSeed(deriveSeed(seed, at.turn * PHASES.length + PHASES.indexOf(at.phase)), 1000 + seatIndex));

/** What a bot with `policy` sends for `seat`, seeing only `view`, or null when it has nothing to say. */
export const decideBot = (policy: PolicyName, view: GameView, seat: string, seed: number): Command | null =>
  botCommand(
    policy,
    view,
    seat,
    botDice(
      seed,
      view,
      view.seats.findIndex((s) => s.id === seat),
    ),
  );

/** The policy playing a seat: its bot, else (civil disorder) the scenario's default for it. */
export const policyOf = (match: Match, seat: string): PolicyName =>
  match.bots[seat] ?? match.scenario.seats.find((s) => s.id === seat)?.bot ?? 'calculating';

/** The bot's command for a seat of a match. */
export const botDecision = (match: Match, seat: string): Command | null =>
  decideBot(policyOf(match, seat), viewFor(match.state, seat), seat, match.seed);
