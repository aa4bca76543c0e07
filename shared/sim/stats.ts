// What the simulator measures. One MatchRecord per match (a CSV row); a Summary over many.
// Definitions (also in docs/RULES.md, "Calibration"):
// - honor rate: honored ÷ all decisions on invoked guarantees (partial and abandon likewise).
// - a challenge: a run of forceful challenger moves (probe, coerce, escalate, limited or major
//   attack) against the same protected ally in consecutive turns (one quiet turn allowed inside).
//   Immediate extended deterrence succeeds when the challenge ends without an armed attack.
// - bot behaviour (botBehaviour): what a class would notice of the bots' play as states (issue 11 G).
import type { Crisis, GameState } from '../model/state.js';
import { type NationRole, RUNGS, STATEMENT_KINDS } from '../model/vocabulary.js';

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
  /** Armed attacks (limited or major) on a nuclear-armed guarantor's own nation. */
  homelandAttacks: number;
  /** Final ÷ starting defense share of each nation that neither made nor suffered an armed attack. */
  defenseRatios: number[];
  /** Final ÷ starting umbrella of each guarantor that started with one. */
  umbrellaRatios: number[];
  /** Public statements made, by kind. */
  statements: Record<string, number>;
}

const FORCEFUL = new Set(['probe', 'coerce', 'escalate', 'limited_attack', 'major_attack']);
const ATTACKS = new Set(['limited_attack', 'major_attack']);

/** Collects each turn's crises as the match advances, then summarises the finished match. */
export class MatchObserver {
  private readonly turns: { turn: number; crises: Crisis[] }[] = [];
  private first: GameState | null = null;
  private readonly statements: Record<string, number> = {};
  private statementsSeen = 0;

  /** Pass to playMatch's onAdvance: records crises once per turn, when they are first public. */
  readonly onAdvance = (state: GameState): void => {
    this.first ??= state;
    if ((state.phase === 'responses' || state.phase === 'results') && this.turns.at(-1)?.turn !== state.turn)
      this.turns.push({ turn: state.turn, crises: state.crises });
    // Statements are made in diplomacy and kept for the turn: counted once, when the turn's results show.
    if (state.phase === 'results' && this.statementsSeen !== state.turn) {
      this.statementsSeen = state.turn;
      for (const st of state.statements) this.statements[st.kind] = (this.statements[st.kind] ?? 0) + 1;
    }
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
    const behaviour = this.behaviour(final);
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
      ...behaviour,
    };
  }

  private behaviour(
    final: GameState,
  ): Pick<MatchRecord, 'homelandAttacks' | 'defenseRatios' | 'umbrellaRatios' | 'statements'> {
    const start = this.first ?? final;
    const nuclearGuarantors = new Set(
      Object.values(final.guarantees)
        .map((g) => g.guarantor)
        .filter((n) => final.nations[n]?.nuclear),
    );
    const atWar = new Set<string>();
    let homelandAttacks = 0;
    for (const { crises } of this.turns)
      for (const c of crises) {
        if (!ATTACKS.has(c.move.type) || c.move.target === null) continue;
        atWar.add(c.challenger).add(c.move.target);
        if (nuclearGuarantors.has(c.move.target)) homelandAttacks++;
      }
    const ratios = (pick: (n: GameState['nations'][string]) => number, include: (id: string) => boolean) =>
      Object.keys(start.nations)
        .filter(include)
        .flatMap((id) => {
          const before = start.nations[id];
          const after = final.nations[id];
          return before && after && pick(before) > 0 ? [pick(after) / pick(before)] : [];
        });
    return {
      homelandAttacks,
      defenseRatios: ratios(
        (n) => n.defenseShare,
        (id) => !atWar.has(id),
      ),
      umbrellaRatios: ratios(
        (n) => n.umbrella,
        (id) => nuclearGuarantors.has(id),
      ),
      statements: { ...this.statements },
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
  /** How the bots play, as a class would judge states (names fixed: outside tools read them). */
  botBehaviour: BotBehaviour;
}

export interface BotBehaviour {
  /** Armed attacks on a nuclear guarantor's own nation ÷ every forceful challenger move. */
  homelandAttackShare: number;
  /** Final ÷ starting defense share of nations never at war (p10–p90 should lie in 0.5–2). */
  defenseShareRatio: Quantiles;
  /** Final ÷ starting umbrella of nuclear guarantors (p10 should stay ≥ 0.5). */
  umbrellaRatio: Quantiles;
  /** partial ÷ every guarantor decision on an invoked guarantee (= partialRate). */
  partialShare: number;
  /** Public statements per match, by kind. */
  statementsPerMatch: Record<string, number>;
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
    botBehaviour: {
      homelandAttackShare: ratio(
        sum((r) => r.homelandAttacks),
        sum((r) => Object.values(r.moves).reduce((a, b) => a + b, 0)),
      ),
      defenseShareRatio: quantiles(records.flatMap((r) => r.defenseRatios)),
      umbrellaRatio: quantiles(records.flatMap((r) => r.umbrellaRatios)),
      partialShare: ratio(
        sum((r) => r.partial),
        decisions,
      ),
      statementsPerMatch: Object.fromEntries(
        STATEMENT_KINDS.map((kind) => [
          kind,
          ratio(
            sum((r) => r.statements[kind] ?? 0),
            records.length,
          ),
        ]),
      ),
    },
  };
};
