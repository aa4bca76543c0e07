// The challenger bot: test a protected ally with pressure first (probe or coercion); once a crisis
// is on, attack only when the expected gain beats the expected cost on the rules' own estimates
// (challengerCalculus), blurred by noise for what it cannot know. Otherwise hold or step down.
import type { Command } from '../protocol/commands.js';
import { challengerCalculus, type ForcefulMove } from '../rules/deterrence.js';
import type { RngCursor } from '../rng.js';
import type { GameView } from '../view/viewFor.js';
import type { Disposition } from './policies.js';
import { nationOf } from '../rules/seats.js';

/** Noise on each estimate, as a share of what the move could gain: uncertainty and appetite for risk. */
export const ESTIMATE_NOISE = 0.6;
/** Rung at which a theater is in crisis: the challenge is on and force is the next question. */
const CRISIS_AT = 2;
/** How far below break-even an attack may look for the challenger still to open a challenge, as a share of stakes. */
const OPEN_MARGIN = -0.2;
/** Below this consensus a challenger looks for a way down. */
const WEARY_AT = 40;

/** Expected value of a move, scaled by what is left to take, plus noise proportional to the stakes. */
const estimate = (view: GameView, challenger: string, move: ForcefulMove, target: string, draw: number): number => {
  const victim = view.nations[target];
  if (!victim) return Number.NEGATIVE_INFINITY;
  const left = victim.integrity / 100;
  const ev = challengerCalculus(view, challenger, move, target).value;
  const stakes = view.params.moveGain[move] * victim.stakes * left;
  return (ev > 0 ? ev * left : ev) + (draw - 0.5) * 2 * ESTIMATE_NOISE * stakes;
};

const move = (type: Command & { type: 'move' }): Command => type;

export const chooseMove = (
  view: GameView,
  seat: string,
  legal: Command[],
  d: Disposition,
  rng: RngCursor,
): Command | null => {
  const challenger = nationOf(view, seat);
  const targets = [...new Set(legal.flatMap((c) => (c.type === 'move' && c.move.target ? [c.move.target] : [])))];
  const isLegal = (type: string, target: string | null) =>
    legal.some((c) => c.type === 'move' && c.move.type === type && c.move.target === target);
  // Draws in a fixed order (two per target), so the bot's dice never depend on its estimates.
  const draws = new Map(targets.map((t) => [t, [rng.float(), rng.float()] as const]));
  let best: { target: string; value: number; attack: boolean } | null = null;
  for (const target of targets) {
    const [attackDraw, pressDraw] = draws.get(target) ?? [0.5, 0.5];
    const rung = view.regions[view.nations[target]?.region ?? '']?.rung ?? 0;
    const attack = Math.max(
      estimate(view, challenger, 'limited_attack', target, attackDraw),
      estimate(view, challenger, 'major_attack', target, attackDraw),
    );
    // In a crisis the question is force; before one, whether force is close enough to test the
    // ally with pressure first (a fresh draw, so some challenges end without an attack).
    const stakes = view.params.moveGain.limited_attack * (view.nations[target]?.stakes ?? 0);
    const opening = estimate(view, challenger, 'limited_attack', target, pressDraw) + OPEN_MARGIN * stakes;
    const value = rung >= CRISIS_AT ? attack : opening;
    if (value > d.actAbove && (!best || value > best.value)) best = { target, value, attack: rung >= CRISIS_AT };
  }
  if (best) {
    const { target } = best;
    if (best.attack) {
      const major = estimate(view, challenger, 'major_attack', target, draws.get(target)?.[0] ?? 0.5);
      const limited = estimate(view, challenger, 'limited_attack', target, draws.get(target)?.[0] ?? 0.5);
      const type = major > limited ? 'major_attack' : 'limited_attack';
      if (isLegal(type, target)) return move({ type: 'move', move: { type, target } });
    }
    const press = d.actAbove < 0 && isLegal('escalate', target) ? 'escalate' : 'coerce';
    if (isLegal(press, target)) return move({ type: 'move', move: { type: press, target } });
  }
  const weary = (view.nations[challenger]?.consensus ?? 100) < WEARY_AT;
  const hottest = targets
    .filter((t) => isLegal('de_escalate', t))
    .sort(
      (a, b) =>
        (view.regions[view.nations[b]?.region ?? '']?.rung ?? 0) -
        (view.regions[view.nations[a]?.region ?? '']?.rung ?? 0),
    )[0];
  const hot = (view.regions[view.nations[hottest ?? '']?.region ?? '']?.rung ?? 0) >= d.exitRampAt;
  if (hottest && (weary || hot)) return move({ type: 'move', move: { type: 'de_escalate', target: hottest } });
  return move({ type: 'move', move: { type: 'hold', target: null } });
};
