// The after-action series: what a match looked like at its start and after each adjudicated turn,
// as plain numbers for charts and CSV. Pure: derived from states with the engine's own rules.
import type { GameState } from '../model/state.js';
import { credibility } from '../rules/credibility.js';

export interface TurnPoint {
  /** 0 is the start; n is after turn n's adjudication. */
  turn: number;
  nations: Record<string, { defenseShare: number; consensus: number; capability: number; gdp: number }>;
  /** Credibility to the challenger, 0..100, and public commitment, 0..1. */
  guarantees: Record<string, { credibility: number; commitment: number }>;
  /** Escalation rung per theater, 0..8, and the match's highest. */
  theaters: Record<string, number>;
  overall: number;
  scores: Record<string, number>;
}

const pick = <T, U>(record: Record<string, T>, f: (value: T) => U): Record<string, U> =>
  Object.fromEntries(Object.entries(record).map(([k, v]) => [k, f(v)]));

export const turnPoint = (state: GameState, turn: number): TurnPoint => ({
  turn,
  nations: pick(state.nations, (n) => ({
    defenseShare: n.defenseShare,
    consensus: n.consensus,
    capability: n.capability,
    gdp: n.gdp,
  })),
  guarantees: pick(state.guarantees, (g) => ({
    credibility: credibility(state, g.id, 'challenger').value,
    commitment: g.commitment,
  })),
  theaters: pick(state.regions, (r) => r.rung),
  overall: Math.max(0, ...Object.values(state.regions).map((r) => r.rung)),
  scores: pick(state.scores, (s) => s.value),
});

/** Collects one point at the start and one after each adjudication, from a stream of states. */
export class SeriesCollector {
  readonly points: TurnPoint[] = [];

  see(state: GameState): void {
    if (this.points.length === 0) this.points.push(turnPoint(state, state.adjudicated));
    else if (state.adjudicated > (this.points.at(-1)?.turn ?? 0)) this.points.push(turnPoint(state, state.adjudicated));
  }
}

/** The CSV: one row per turn per nation, per guarantee and per theater (its escalation rung). */
export const seriesCsv = (points: readonly TurnPoint[]): string => {
  const header = [
    'turn',
    'subject_kind',
    'subject',
    'defense_share_pct',
    'consensus',
    'capability',
    'gdp',
    'score',
    'credibility',
    'commitment',
    'rung',
  ];
  const rows: (string | number)[][] = [];
  for (const p of points) {
    for (const [id, n] of Object.entries(p.nations))
      rows.push([
        p.turn,
        'nation',
        id,
        n.defenseShare,
        n.consensus,
        n.capability,
        n.gdp,
        p.scores[id] ?? '',
        '',
        '',
        '',
      ]);
    for (const [id, g] of Object.entries(p.guarantees))
      rows.push([p.turn, 'guarantee', id, '', '', '', '', '', g.credibility, g.commitment, '']);
    for (const [id, rung] of Object.entries(p.theaters))
      rows.push([p.turn, 'theater', id, '', '', '', '', '', '', '', rung]);
  }
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\n') + '\n';
};

const csvCell = (v: string | number): string => {
  const text = typeof v === 'number' ? String(Math.round(v * 1000) / 1000) : v;
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};
