// The challenger bot: test a protected ally with pressure first (probe or coercion); once a crisis
// is on, attack only when the expected gain beats the expected cost on the rules' own estimates
// (challengerCalculus), blurred by noise for what it cannot know. An exit ramp on offer where it
// is pressing is taken unless pressing on is clearly worth more. A hawk with nuclear weapons
// signals when a war goes badly, and uses them to hold ground about to be retaken. Otherwise hold
// or step down.
import type { Command } from '../protocol/commands.js';
import { challengerCalculus, type ForcefulMove } from '../rules/deterrence.js';
import type { RngCursor } from '../rng.js';
import type { GameView } from '../view/viewFor.js';
import type { Disposition } from './policies.js';
import { nationOf } from '../rules/seats.js';
import { retakeChance } from '../rules/occupation.js';
import { NUCLEAR_USE_FROM } from '../rules/escalation.js';

/** Noise on each estimate, as a share of what the move could gain: uncertainty and appetite for risk. */
export const ESTIMATE_NOISE = 0.6;
/** Rung at which a theater is in crisis: the challenge is on and force is the next question. */
const CRISIS_AT = 2;
/** How far below break-even an attack may look for the challenger still to open a challenge, as a share of stakes. */
const OPEN_MARGIN = 0;
/** Below this consensus a challenger looks for a way down. */
const WEARY_AT = 40;
/** What an exit ramp on offer is worth to the challenger, as a share of a limited attack's stakes. */
const RAMP_PULL = 0.25;
/** Rung of a theater at war: where a hawk's nuclear signal comes in. */
const WAR_AT = 4;
/** Chance of losing held ground at which a hawk reaches for nuclear use. */
const DESPERATE_AT = 0.5;

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
  const regionOf = (t: string) => view.nations[t]?.region ?? '';
  const offered = (t: string) =>
    view.statements.some((s) => s.kind === 'exit_ramp' && s.subject === regionOf(t) && s.seat !== seat);
  const hawk = d.actAbove < 0;
  // A hawk holding ground it is about to lose reaches for nuclear use; one at war and losing signals.
  if (hawk)
    for (const o of view.occupations.filter((x) => x.by === challenger)) {
      if (retakeChance(view, o) > DESPERATE_AT && isLegal('nuclear_use', o.target))
        return move({ type: 'move', move: { type: 'nuclear_use', target: o.target } });
    }
  let best: { target: string; value: number; attack: boolean } | null = null;
  let signal: string | null = null;
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
    // An exit ramp on offer raises the bar: pressing on must beat what taking the ramp saves.
    const bar = d.actAbove + (offered(target) ? RAMP_PULL * stakes : 0);
    const value = rung >= CRISIS_AT ? attack : opening;
    if (value > bar && (!best || value > best.value)) best = { target, value, attack: rung >= CRISIS_AT };
    // Once signaling, a theater needs no second signal: the hawk waits for the other side to blink.
    if (hawk && rung >= WAR_AT && rung < NUCLEAR_USE_FROM && attack < 0 && isLegal('nuclear_signal', target))
      signal ??= target;
  }
  if (!best && signal) return move({ type: 'move', move: { type: 'nuclear_signal', target: signal } });
  if (best) {
    const { target } = best;
    if (best.attack) {
      const major = estimate(view, challenger, 'major_attack', target, draws.get(target)?.[0] ?? 0.5);
      const limited = estimate(view, challenger, 'limited_attack', target, draws.get(target)?.[0] ?? 0.5);
      const type = major > limited ? 'major_attack' : 'limited_attack';
      if (isLegal(type, target)) return move({ type: 'move', move: { type, target } });
    }
    // Salami tactics: a quiet theater is tested in the gray zone first, then coerced.
    const quiet = (view.regions[regionOf(target)]?.rung ?? 0) < 1;
    const press = quiet ? 'probe' : d.actAbove < 0 && isLegal('escalate', target) ? 'escalate' : 'coerce';
    if (isLegal(press, target)) return move({ type: 'move', move: { type: press, target } });
  }
  const weary = (view.nations[challenger]?.consensus ?? 100) < WEARY_AT;
  // Taking an exit ramp: step down where one is offered (no forceful move anywhere this turn).
  const ramp = targets.find((t) => offered(t) && isLegal('de_escalate', t));
  if (ramp) return move({ type: 'move', move: { type: 'de_escalate', target: ramp } });
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
