// What the simulator measures. One MatchStats per match (a CSV row); a Summary over many.
// Crises and what came of them are read from each adjudicated turn's report.outcomes, never re-derived.
// Definitions (also in docs/RULES.md, "Calibration"):
// - honor rate: honored ÷ all decisions on invoked guarantees (partial and abandon likewise).
// - a challenge: a run of forceful challenger moves (probe, coerce, escalate, limited or major
//   attack) against the same protected ally in consecutive turns (one quiet turn allowed inside).
//   Immediate extended deterrence succeeds when the challenge ends without an armed attack.
// - calibration: the same rates coded as the published studies did (shared/sim/calibration.ts).
// - winners: who met two thirds of their objectives' weight (shared/rules/victory.ts).
// - bot behaviour (botBehaviour): what a class would notice of the bots' play as states (issue 11 G).
import type { GameState } from '../model/state.js';
import { NATION_ROLES, type NationRole, RUNGS, STATEMENT_KINDS } from '../model/vocabulary.js';
import { victoryOf } from '../rules/victory.js';
import { scenarioById } from '../scenarios/index.js';
import {
  type CalibrationReport,
  type CalibrationSetting,
  type TurnOutcomes,
  calibrationReport,
  calibrationTarget,
  challengeRuns,
  codeCalibration,
} from './calibration.js';

export interface MatchStats {
  seed: number;
  turns: number;
  outcome: NonNullable<GameState['ended']>['reason'];
  peakRung: number;
  honored: number;
  partial: number;
  abandoned: number;
  challenges: number;
  deterred: number;
  /** Calibration cases (calibration.ts): decisions on invoked guarantees against armed attacks… */
  armedDecisions: number;
  /** …and how many of them were honored. */
  armedHonored: number;
  /** Challenged cases as the calibration codes them, and those strictly deterred. */
  strictChallenges: number;
  strictDeterred: number;
  /** Forceful moves by type, for the summary's behaviour table. */
  moves: Record<string, number>;
  /** Final score per seat id. */
  scores: Record<string, number>;
  /** Seats that won (met two thirds of their objectives' weight), in seat order. */
  winners: string[];
  /** Armed attacks (limited or major) on a nuclear-armed guarantor's own nation. */
  homelandAttacks: number;
  /** Final ÷ starting defense share of each nation that neither made nor suffered an armed attack. */
  defenseRatios: number[];
  /** Final ÷ starting umbrella of each guarantor that started with one. */
  umbrellaRatios: number[];
  /** Public statements made, by kind. */
  statements: Record<string, number>;
}

// The legacy rates' moves, kept as they were (without the nuclear moves) so their figures stay
// comparable; the calibration counts every move that poses a threat.
const FORCEFUL = new Set(['probe', 'coerce', 'escalate', 'limited_attack', 'major_attack']);
const ATTACKS = new Set(['limited_attack', 'major_attack']);

/** Collects each adjudicated turn's outcomes as the match advances, then summarises the finished match. */
export class MatchObserver {
  private readonly turns: TurnOutcomes[] = [];
  private first: GameState | null = null;
  private readonly statements: Record<string, number> = {};

  /** Pass to playMatch's onAdvance: at each results phase, records that turn's report once. */
  readonly onAdvance = (state: GameState): void => {
    this.first ??= state;
    if (state.phase !== 'results' || state.report?.turn !== state.turn || this.turns.at(-1)?.turn === state.turn)
      return;
    this.turns.push({ turn: state.turn, crises: state.report.outcomes.crises });
    // Statements are made in diplomacy and kept for the turn: counted once, when the turn's results show.
    for (const st of state.statements) this.statements[st.kind] = (this.statements[st.kind] ?? 0) + 1;
  };

  record(final: GameState): MatchStats {
    const protectedAllies = new Set(Object.values(final.guarantees).map((g) => g.ally));
    const moves: Record<string, number> = {};
    for (const { crises } of this.turns)
      for (const c of crises) if (FORCEFUL.has(c.move) && c.target !== null) moves[c.move] = (moves[c.move] ?? 0) + 1;
    const runs = challengeRuns(this.turns, protectedAllies, (c) => FORCEFUL.has(c.move));
    const calibration = codeCalibration(this.turns, protectedAllies);
    const count = (choice: string) => final.history.filter((h) => h.choice === choice).length;
    const won = victoryOf(final);
    return {
      seed: final.seed,
      turns: final.turn,
      outcome: final.ended?.reason ?? 'turns_complete',
      peakRung: Math.max(0, ...Object.values(final.regions).map((r) => r.peak)),
      honored: count('honor'),
      partial: count('partial'),
      abandoned: count('abandon'),
      challenges: runs.length,
      deterred: runs.filter((r) => !r.crises.some((c) => ATTACKS.has(c.move))).length,
      armedDecisions: calibration.honorCases,
      armedHonored: calibration.honored,
      strictChallenges: calibration.challenges,
      strictDeterred: calibration.deterred,
      moves,
      scores: Object.fromEntries(Object.entries(final.scores).map(([seat, s]) => [seat, s.value])),
      winners: final.seats.filter((s) => won[s.id] === true).map((s) => s.id),
      ...this.behaviour(final),
    };
  }

  private behaviour(
    final: GameState,
  ): Pick<MatchStats, 'homelandAttacks' | 'defenseRatios' | 'umbrellaRatios' | 'statements'> {
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
        if (!ATTACKS.has(c.move) || c.target === null) continue;
        atWar.add(c.challenger).add(c.target);
        if (nuclearGuarantors.has(c.target)) homelandAttacks++;
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
  /** The rates coded as the published studies did, against the era's bands (names fixed). */
  calibration: CalibrationReport;
  /** Share of each role's seats that won, over all matches (names fixed). */
  winRate: Record<NationRole, number>;
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

/** What a run was: the scenario, seed, policies and each seat's role. */
export interface SummaryMeta {
  scenario: string;
  seed: number;
  bots: Record<string, string>;
  roleOf: Record<string, NationRole>;
  /** The scenario's era and calibration; may be left out for a shipped scenario (looked up by id). */
  setting?: CalibrationSetting;
}

/** The calibration setting of the run: given, or the shipped scenario's. */
const settingOf = (meta: SummaryMeta): CalibrationSetting => {
  const setting = meta.setting ?? scenarioById(meta.scenario);
  if (!setting) throw new Error(`summarise: scenario "${meta.scenario}" is not shipped, so meta.setting is needed`);
  return setting;
};

/** Summarises records given in match-index order (so the result never depends on worker count). */
export const summarise = (records: readonly MatchStats[], meta: SummaryMeta): Summary => {
  const sum = (f: (r: MatchStats) => number) => records.reduce((s, r) => s + f(r), 0);
  const seatsOf = (role: NationRole) => Object.keys(meta.roleOf).filter((seat) => meta.roleOf[seat] === role);
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
    calibration: calibrationReport(
      {
        honorCases: sum((r) => r.armedDecisions),
        honored: sum((r) => r.armedHonored),
        challenges: sum((r) => r.strictChallenges),
        deterred: sum((r) => r.strictDeterred),
      },
      calibrationTarget(settingOf(meta)),
    ),
    winRate: Object.fromEntries(
      NATION_ROLES.map((role) => {
        const seats = new Set(seatsOf(role));
        return [
          role,
          ratio(
            sum((r) => r.winners.filter((w) => seats.has(w)).length),
            seats.size * records.length,
          ),
        ];
      }),
    ) as Record<NationRole, number>,
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
