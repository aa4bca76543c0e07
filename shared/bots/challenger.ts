// The challenger bot: attack only when the expected gain beats the expected cost, on the rules'
// own estimates (challengerCalculus), blurred by a little noise for what it cannot know.
import type { Command } from '../protocol/commands.js';
import { challengerCalculus, type ForcefulMove, FORCEFUL_MOVES } from '../rules/deterrence.js';
import type { RngCursor } from '../rng.js';
import type { GameView } from '../view/viewFor.js';
import type { Disposition } from './policies.js';

/** Spread of the noise on each estimate, in calculus points: uncertainty and appetite for risk. */
export const ESTIMATE_NOISE = 8;
/** Below this consensus a challenger at war looks for a way down. */
const WEARY_AT = 45;

/** The value the challenger puts on a move: the calculus, scaled by what is left to take. */
const valueOf = (view: GameView, challenger: string, move: ForcefulMove, target: string): number => {
  const left = (view.nations[target]?.integrity ?? 0) / 100;
  const ev = challengerCalculus(view, challenger, move, target).value;
  return ev > 0 ? ev * left : ev;
};

export const chooseMove = (
  view: GameView,
  seat: string,
  legal: Command[],
  d: Disposition,
  rng: RngCursor,
): Command | null => {
  const challenger = view.seats.find((s) => s.id === seat)?.nation ?? '';
  let best: Command | null = null;
  let bestValue = d.actAbove;
  for (const c of legal) {
    if (c.type !== 'move' || c.move.target === null) continue;
    const move = c.move.type;
    if (!(FORCEFUL_MOVES as readonly string[]).includes(move)) continue;
    // One draw per candidate, always, so the bot's randomness does not depend on the estimates.
    const value =
      valueOf(view, challenger, move as ForcefulMove, c.move.target) + (rng.float() - 0.5) * 2 * ESTIMATE_NOISE;
    if (value > bestValue) {
      best = c;
      bestValue = value;
    }
  }
  if (best) return best;
  const weary = (view.nations[challenger]?.consensus ?? 100) < WEARY_AT;
  const cool = legal.find(
    (c) =>
      c.type === 'move' &&
      c.move.type === 'de_escalate' &&
      (weary || (view.regions[view.nations[c.move.target ?? '']?.region ?? '']?.rung ?? 0) >= d.exitRampAt),
  );
  return cool ?? legal.find((c) => c.type === 'move' && c.move.type === 'hold') ?? null;
};
