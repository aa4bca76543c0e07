// One CSV row per match, for analysis outside the game (R, pandas, a spreadsheet).
import { writeFileSync } from 'node:fs';
import { MOVE_TYPES } from '../../shared/index.js';
import type { MatchStats } from '../../shared/sim/stats.js';

/** Quotes a field only when it needs it (RFC 4180). */
const field = (value: string | number): string => {
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

/**
 * Header and rows. Score and win columns (1 when the seat won) follow the scenario's seat order;
 * move columns list the forceful move types that occur in any match, in the vocabulary's order, so
 * a column is never all zeros. The armed_ and strict_ columns are the calibration's cases.
 */
export const toCsv = (records: readonly MatchStats[], seats: readonly string[]): string => {
  const moves = MOVE_TYPES.filter((m) => records.some((r) => (r.moves[m] ?? 0) > 0));
  const header = [
    'match',
    'seed',
    'turns',
    'outcome',
    'peak_rung',
    'honored',
    'partial',
    'abandoned',
    'challenges',
    'deterred',
    'armed_decisions',
    'armed_honored',
    'strict_challenges',
    'strict_deterred',
    ...moves.map((m) => `moves_${m}`),
    ...seats.map((s) => `score_${s}`),
    ...seats.map((s) => `win_${s}`),
  ];
  const rows = records.map((r, i) => [
    i,
    r.seed,
    r.turns,
    r.outcome,
    r.peakRung,
    r.honored,
    r.partial,
    r.abandoned,
    r.challenges,
    r.deterred,
    r.armedDecisions,
    r.armedHonored,
    r.strictChallenges,
    r.strictDeterred,
    ...moves.map((m) => r.moves[m] ?? 0),
    ...seats.map((s) => r.scores[s] ?? ''),
    ...seats.map((s) => (r.winners.includes(s) ? 1 : 0)),
  ]);
  return [header, ...rows].map((row) => row.map(field).join(',')).join('\n') + '\n';
};

/** Writes the CSV file; returns an error line instead of throwing. */
export const writeCsv = (path: string, records: readonly MatchStats[], seats: readonly string[]): string | null => {
  try {
    writeFileSync(path, toCsv(records, seats));
    return null;
  } catch (e) {
    return `cannot write --csv ${path}: ${e instanceof Error ? e.message : String(e)}`;
  }
};
