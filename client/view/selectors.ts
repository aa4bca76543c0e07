// Pure selectors: what the map and the panels show, derived from a seat's view with the shared
// rules (so a preview is the engine's own arithmetic). No Phaser, no DOM: tested headless.
// Specific shared files, not shared/index.js: that one pulls the scenarios and bots into the bundle.
import type { Allocation } from '../../shared/model/commands.js';
import { credibility } from '../../shared/rules/credibility.js';
import { allocationTotal, budget, defenseSharePct } from '../../shared/rules/economy.js';
import { nationOf } from '../../shared/rules/seats.js';
import type { GameView } from '../../shared/view/viewFor.js';
import { rungName, sentenceCase } from './matchText.js';

/** Nine rungs from calm to catastrophe on a colour-blind-safe sequential scale (cividis). */
export const RUNG_COLORS = [
  '#00204d',
  '#123570',
  '#3b496c',
  '#575d6d',
  '#707173',
  '#8a8779',
  '#a69d75',
  '#c4b56c',
  '#e4cf5b',
] as const;

/** "Turn 3 of 10 — Allocation", or the ending. */
export const phaseLabel = (view: GameView): string =>
  view.ended
    ? `Match over after turn ${view.ended.turn}: ${view.ended.reason.replaceAll('_', ' ')}`
    : `Turn ${view.turn} of ${view.config.turns} — ${sentenceCase(view.phase)}`;

/** Whole seconds left before the deadline (0 when passed), or null without a deadline. */
export const secondsLeft = (deadline: number | null, now: number): number | null =>
  deadline === null ? null : Math.max(0, Math.ceil((deadline - now) / 1000));

export interface TheaterRow {
  id: string;
  name: string;
  rung: number;
  rungName: string;
}

/** Each theater's rung and its name, hottest first (client/ui/rungChip.ts colours a rung). */
export const theaters = (view: GameView): TheaterRow[] =>
  Object.values(view.regions)
    .map((r) => ({
      id: r.id,
      name: r.name,
      rung: r.rung,
      rungName: rungName(r.rung),
    }))
    .sort((a, b) => b.rung - a.rung || a.name.localeCompare(b.name));

export interface GuaranteeLink {
  id: string;
  from: string;
  to: string;
  /** Credibility to the challenger, 0..100. */
  credibility: number;
  /** Line width in pixels, 1..8, growing with credibility. */
  width: number;
  /** A public commitment (red line) is drawn solid; without one, dashed. */
  committed: boolean;
}

/** The arcs the map draws: one per guarantee, sized by its credibility. */
export const guaranteeLinks = (view: GameView): GuaranteeLink[] =>
  Object.values(view.guarantees).map((g) => {
    const c = credibility(view, g.id, 'challenger').value;
    return {
      id: g.id,
      from: g.guarantor,
      to: g.ally,
      credibility: c,
      width: 1 + Math.round((7 * c) / 100),
      committed: g.commitment > 0,
    };
  });

export interface AllocationPreview {
  budget: number;
  spent: number;
  left: number;
  overBudget: boolean;
  /** Defense as % of GDP over the turn, and what the economy bears without strain. */
  defenseShare: number;
  sustainableShare: number;
}

/** What an allocation would do to the seat's budget and defense share, before it is sent. */
export const allocationPreview = (view: GameView, seat: string, a: Allocation): AllocationPreview | null => {
  const nation = view.nations[nationOf(view, seat)];
  if (!nation) return null;
  const years = view.config.monthsPerTurn / 12;
  const total = budget(nation, years).value;
  const spent = allocationTotal(a);
  return {
    budget: total,
    spent,
    left: total - spent,
    overBudget: spent > total * (1 + 1e-9) + 1e-9,
    defenseShare: defenseSharePct(nation, a, years),
    sustainableShare: nation.sustainableShare,
  };
};
