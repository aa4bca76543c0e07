// What the simulator measures. One MatchRecord per match (a CSV row); a Summary over many.
// Definitions (also in docs/RULES.md, "Calibration"):
// - honor rate: honored ÷ all decisions on invoked guarantees (partial and abandon likewise).
// - a challenge: a run of forceful challenger moves (probe, coerce, escalate, limited or major
//   attack) against the same protected ally in consecutive turns (one quiet turn allowed inside).
//   Immediate extended deterrence succeeds when the challenge ends without an armed attack.
import type { Crisis, GameState } from '../model/state.js';
import { type NationRole, RUNGS } from '../model/vocabulary.js';

export interface MatchRecord {
  seed: number;
  turns: number;
  outcome: NonNullable<GameState['ended']>['reason'];
  peakRung: number;
  honored: number;
  partial: number;
  abandoned: number;
  challenges: number;
  deterred: number;
  /** Forceful moves by type, for the summary's behaviour table. */
  moves: Record<string, number>;
  /** Final score per seat id. */
  scores: Record<string, number>;
}

const FORCEFUL = new Set(['probe', 'coerce', 'escalate', 'limited_attack', 'major_attack']);
const ATTACKS = new Set(['limited_attack', 'major_attack']);

/** Collects each turn's crises as the match advances, then summarises the finished match. */
export class MatchObserver {
  private readonly turns: { turn: number; crises: Crisis[] }[] = [];

  /** Pass to playMatch's onAdvance: records crises once per turn, when they are first public. */
  readonly onAdvance = (state: GameState): void => {
    if ((state.phase === 'responses' || state.phase === 'results') && this.turns.at(-1)?.turn !== state.turn)
      this.turns.push({ turn: state.turn, crises: state.crises });
  };

  record(final: GameState): MatchRecord {
    const protectedAllies = new Set(Object.values(final.guarantees).map((g) => g.ally));
    const moves: Record<string, number> = {};
    // Open challenges by target: the last turn it was pressed and whether force was used.
    const open = new Map<string, { last: number; attacked: boolean }>();
    let challenges = 0;
    let deterred = 0;
    const close = (target: string) => {
      const c = open.get(target);
      if (!c) return;
      challenges++;
      if (!c.attacked) deterred++;
      open.delete(target);
    };
    for (const { turn, crises } of this.turns) {
      for (const [target, c] of open) if (turn - c.last > 2) close(target);
      for (const crisis of crises) {
        const { type, target } = crisis.move;
        if (!FORCEFUL.has(type) || target === null) continue;
        moves[type] = (moves[type] ?? 0) + 1;
        if (!protectedAllies.has(target)) continue;
        const c = open.get(target) ?? { last: turn, attacked: false };
        open.set(target, { last: turn, attacked: c.attacked || ATTACKS.has(type) });
      }
    }
    for (const target of [...open.keys()]) close(target);
    const count = (choice: string) => final.history.filter((h) => h.choice === choice).length;
    return {
      seed: final.seed,
      turns: final.turn,
      outcome: final.ended?.reason ?? 'turns_complete',
      peakRung: Math.max(0, ...Object.values(final.regions).map((r) => r.peak)),
      honored: count('honor'),
      partial: count('partial'),
      abandoned: count('abandon'),
      challenges,
      deterred,
      moves,
      scores: Object.fromEntries(Object.entries(final.scores).map(([seat, s]) => [seat, s.value])),
    };
  }
}

export interface Quantiles {
  mean: number;
  p10: number;
  p50: number;
  p90: number;
}

export interface Summary {
  scenario: string;
  games: number;
  seed: number;
  bots: Record<string, string>;
  meanTurns: number;
  honorRate: number;
  partialRate: number;
  abandonRate: number;
  /** Decisions on invoked guarantees, the denominator of the three rates above. */
  decisions: number;
  deterrenceSuccessRate: number;
  challenges: number;
  nuclearWarRate: number;
  /** Matches by the highest rung any theater reached (index = rung). */
  escalationPeak: number[];
  /** Forceful challenger moves per match, by type. */
  movesPerMatch: Record<string, number>;
  scores: Partial<Record<NationRole, Quantiles>>;
}

const quantiles = (values: number[]): Quantiles => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  const mean = sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length);
  return { mean, p10: at(0.1), p50: at(0.5), p90: at(0.9) };
};

const ratio = (a: number, b: number): number => (b === 0 ? 0 : a / b);

/** Summarises records given in match-index order (so the result never depends on worker count). */
export const summarise = (
  records: readonly MatchRecord[],
  meta: { scenario: string; seed: number; bots: Record<string, string>; roleOf: Record<string, NationRole> },
): Summary => {
  const sum = (f: (r: MatchRecord) => number) => records.reduce((s, r) => s + f(r), 0);
  const decisions = sum((r) => r.honored + r.partial + r.abandoned);
  const challenges = sum((r) => r.challenges);
  const escalationPeak = RUNGS.map(() => 0);
  for (const r of records) escalationPeak[r.peakRung] = (escalationPeak[r.peakRung] ?? 0) + 1;
  const movesPerMatch: Record<string, number> = {};
  for (const r of records)
    for (const [m, n] of Object.entries(r.moves)) movesPerMatch[m] = (movesPerMatch[m] ?? 0) + n / records.length;
  const byRole: Partial<Record<NationRole, number[]>> = {};
  for (const r of records)
    for (const [seat, score] of Object.entries(r.scores)) {
      const role = meta.roleOf[seat];
      if (role) (byRole[role] ??= []).push(score);
    }
  return {
    scenario: meta.scenario,
    games: records.length,
    seed: meta.seed,
    bots: meta.bots,
    meanTurns: ratio(
      sum((r) => r.turns),
      records.length,
    ),
    honorRate: ratio(
      sum((r) => r.honored),
      decisions,
    ),
    partialRate: ratio(
      sum((r) => r.partial),
      decisions,
    ),
    abandonRate: ratio(
      sum((r) => r.abandoned),
      decisions,
    ),
    decisions,
    deterrenceSuccessRate: ratio(
      sum((r) => r.deterred),
      challenges,
    ),
    challenges,
    nuclearWarRate: ratio(records.filter((r) => r.outcome === 'general_nuclear_war').length, records.length),
    escalationPeak,
    movesPerMatch,
    scores: Object.fromEntries(Object.entries(byRole).map(([role, values]) => [role, quantiles(values)])),
  };
};
