// The debrief, derived from the final view: how the match ended, each role's score with the named
// terms that make it up, and the decisions that mattered (who honored, who abandoned, what the
// challenger tried, how high each theater climbed). Pure, tested headless against real matches.
import type { GameEvent } from '../../shared/model/events.js';
import type { Metric } from '../../shared/model/scenario.js';
import type { Crisis } from '../../shared/model/state.js';
import { credibility } from '../../shared/rules/credibility.js';
import type { GameView } from '../../shared/view/viewFor.js';
import { decisionSentence, guaranteeName, moveSentence, nationName, rungName, sentenceCase } from './matchText.js';

/** What each scored metric means, in a sentence a student can read. */
export const METRICS: Record<Metric, { label: string; hint: string }> = {
  integrity: { label: 'Integrity', hint: 'territory and sovereignty kept intact' },
  alliesIntact: { label: 'Allies intact', hint: 'the integrity of the allies it guarantees' },
  deterrence: { label: 'Deterrence', hint: 'turns without a successful challenge against it or its allies' },
  security: { label: 'Security', hint: 'how credible its guarantees are' },
  fiscal: { label: 'Fiscal health', hint: 'GDP against its trend, less the strain of over-spending' },
  consensus: { label: 'Consensus', hint: 'domestic support for its foreign policy' },
  peace: { label: 'Peace', hint: 'how low the highest escalation stayed' },
  gains: { label: 'Gains', hint: 'what it took or extracted from others' },
  forcesPreserved: { label: 'Forces preserved', hint: 'military capability kept, against the start' },
  reliability: { label: 'Reliability', hint: 'reputation for keeping its word, across its guarantees' },
};

export interface Ending {
  headline: string;
  detail: string;
}

export const endingOf = (view: GameView): Ending => {
  const ended = view.ended;
  if (!ended) return { headline: 'The match is still running', detail: `Turn ${view.turn} of ${view.config.turns}.` };
  if (ended.reason === 'general_nuclear_war')
    return {
      headline: `General nuclear war in turn ${ended.turn}`,
      detail: 'Escalation reached the top of the ladder: the match ended at once, and every side scores 0.',
    };
  return {
    headline: `All ${ended.turn} turns played`,
    detail: `The match ran its full length. The highest rung reached anywhere was ${rungName(view.precedent)} (${view.precedent} of 8).`,
  };
};

export interface ScoreTerm {
  label: string;
  hint: string;
  /** Points this term adds to the score. */
  points: number;
  /** The metric's own value, 0..100, and its share of the role's weights (null for clamps and notes). */
  metric: number | null;
  weight: number | null;
}

export interface ScoreRow {
  seat: string;
  name: string;
  role: string;
  score: number;
  terms: ScoreTerm[];
  /** The breakdown was withheld (show-the-math is off and this is another seat's score). */
  hidden: boolean;
}

const ROLE_ORDER = ['guarantor', 'ally', 'challenger'] as const;
type ScoredRole = (typeof ROLE_ORDER)[number];

const isScoredRole = (role: string): role is ScoredRole => (ROLE_ORDER as readonly string[]).includes(role);
/** A score term named after one of the role's objectives (others are the engine's clamps and notes). */
const isMetric = (label: string): label is Metric => Object.hasOwn(METRICS, label);

/** Every scored seat's final score with its named terms, by role then best first. */
export const finalScores = (view: GameView): ScoreRow[] =>
  view.seats
    .flatMap((s) => (s.nation !== null && isScoredRole(s.role) ? [{ ...s, role: s.role }] : []))
    .map((s) => {
      const score = view.scores[s.id] ?? { value: 0, terms: [] };
      const weights: Partial<Record<Metric, number>> = view.config.objectives[s.role];
      const total = Object.values(weights).reduce((a, b) => a + (b ?? 0), 0);
      const terms = score.terms.map((t): ScoreTerm => {
        const known = isMetric(t.label) ? METRICS[t.label] : undefined;
        const w = isMetric(t.label) ? (weights[t.label] ?? 0) : 0;
        const share = total > 0 ? w / total : 0;
        return {
          label: known?.label ?? sentenceCase(t.label),
          hint: known?.hint ?? '',
          points: t.value,
          metric: known && share > 0 ? t.value / share : null,
          weight: known && share > 0 ? share * 100 : null,
        };
      });
      return {
        seat: s.id,
        name: nationName(view, s.nation ?? ''),
        role: s.role,
        score: score.value,
        terms,
        hidden: score.terms.length === 0 && !view.settings.showMath && s.id !== view.viewer,
      };
    })
    .sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role) || b.score - a.score);

export interface GuaranteeRecord {
  id: string;
  name: string;
  honored: number;
  partial: number;
  abandoned: number;
  /** Credibility to the challenger at the end, 0..100. */
  credibility: number;
}

/** Each guarantee's record in this match (from the decisions made) and the credibility it ended with. */
export const guaranteeRecords = (view: GameView): GuaranteeRecord[] =>
  Object.values(view.guarantees).map((g) => {
    const mine = view.history.filter((d) => d.guarantee === g.id);
    return {
      id: g.id,
      name: guaranteeName(view, g.id),
      honored: mine.filter((d) => d.choice === 'honor').length,
      partial: mine.filter((d) => d.choice === 'partial').length,
      abandoned: mine.filter((d) => d.choice === 'abandon').length,
      credibility: credibility(view, g.id, 'challenger').value,
    };
  });

export interface Decision {
  turn: number;
  choice: 'honor' | 'partial' | 'abandon';
  text: string;
}

/** The guarantors' answers when their guarantees were invoked, turn by turn. */
export const decisions = (view: GameView): Decision[] =>
  view.history.map((d) => ({ turn: d.turn, choice: d.choice, text: decisionSentence(view, d) }));

export interface Challenge {
  turn: number;
  text: string;
}

const FORCEFUL = new Set(['probe', 'coerce', 'limited_attack', 'major_attack', 'escalate']);

/**
 * The challengers' forceful moves. The public crisis events carry them all; a client that joined
 * late falls back on the decisions they provoked (history), which name the challenger and turn.
 */
export const challenges = (view: GameView, log: readonly GameEvent[]): Challenge[] => {
  const seen = new Set<string>();
  const out: Challenge[] = [];
  for (const e of log) {
    const c = e.kind === 'crisis' && e.visibleTo === 'all' ? (e.data?.['crisis'] as Crisis | undefined) : undefined;
    if (!c?.move || !FORCEFUL.has(c.move.type)) continue;
    const key = `${e.turn}:${c.challenger}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ turn: e.turn, text: moveSentence(view, c.challenger, c.move) });
  }
  for (const d of view.history) {
    const key = `${d.turn}:${d.challenger}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const ally = view.guarantees[d.guarantee]?.ally ?? '';
    out.push({ turn: d.turn, text: `${nationName(view, d.challenger)} challenges ${nationName(view, ally)}` });
  }
  return out.sort((a, b) => a.turn - b.turn);
};

export interface TheaterPeak {
  id: string;
  name: string;
  peak: number;
  peakName: string;
  rung: number;
  rungName: string;
}

/** How high each theater climbed and where it stands at the end, hottest first. */
export const theaterPeaks = (view: GameView): TheaterPeak[] =>
  Object.values(view.regions)
    .map((r) => ({
      id: r.id,
      name: r.name,
      peak: r.peak,
      peakName: rungName(r.peak),
      rung: r.rung,
      rungName: rungName(r.rung),
    }))
    .sort((a, b) => b.peak - a.peak || b.rung - a.rung || a.name.localeCompare(b.name));

export interface NationOutcome {
  id: string;
  name: string;
  role: string;
  integrity: number;
  gains: number;
  consensus: number;
  /** GDP change since the start, %. */
  gdpChange: number;
  /** Capability against the start, %. */
  forces: number;
}

export const nationOutcomes = (view: GameView): NationOutcome[] =>
  view.seats
    .filter((s) => s.nation !== null)
    .flatMap((s) => {
      const n = view.nations[s.nation ?? ''];
      if (!n) return [];
      return [
        {
          id: n.id,
          name: n.name,
          role: s.role,
          integrity: n.integrity,
          gains: n.gains,
          consensus: n.consensus,
          gdpChange: n.gdp0 > 0 ? (100 * (n.gdp - n.gdp0)) / n.gdp0 : 0,
          forces: n.capability0 > 0 ? (100 * n.capability) / n.capability0 : 100,
        },
      ];
    });

/** A few sentences for the top of the debrief: the story of the match at a glance. */
export const highlights = (view: GameView, log: readonly GameEvent[]): string[] => {
  const out: string[] = [];
  const scores = finalScores(view);
  const byRole = (role: string) => scores.filter((s) => s.role === role);
  for (const role of ROLE_ORDER) {
    const best = byRole(role)[0];
    if (best && byRole(role).length > 1) out.push(`Best ${role}: ${best.name} with ${Math.round(best.score)} points.`);
    else if (best) out.push(`${sentenceCase(role)}: ${best.name} scored ${Math.round(best.score)} points.`);
  }
  const made = decisions(view);
  const count = (c: Decision['choice']) => made.filter((d) => d.choice === c).length;
  const tried = challenges(view, log).length;
  if (made.length === 0)
    out.push(
      tried > 0
        ? 'No guarantee was invoked: no challenge fell on a guaranteed ally within its guarantee’s scope.'
        : 'No guarantee was invoked: deterrence held, or was never tested.',
    );
  else
    out.push(
      `Guarantees were invoked ${made.length} ${made.length === 1 ? 'time' : 'times'}: honored ${count('honor')}, partly honored ${count('partial')}, abandoned ${count('abandon')}.`,
    );
  if (tried > 0) out.push(`The challengers made ${tried} forceful ${tried === 1 ? 'move' : 'moves'}.`);
  const hottest = theaterPeaks(view)[0];
  if (hottest && hottest.peak > 0)
    out.push(`The hottest theater was ${hottest.name}, which reached ${hottest.peakName} (rung ${hottest.peak}).`);
  return out;
};
