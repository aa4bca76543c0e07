// The readable summary printed after a run (the --json output carries the same numbers).
import { NATION_ROLES, RUNGS } from '../../shared/index.js';
import { inBand } from '../../shared/sim/calibration.js';
import type { Summary } from '../../shared/sim/stats.js';

export interface Timing {
  seconds: number;
  matchesPerSecond: number;
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;
const num = (x: number): string => x.toFixed(1);

/** A band as "25–55%". */
const band = ([lo, hi]: readonly [number, number]): string => `${(lo * 100).toFixed(0)}–${(hi * 100).toFixed(0)}%`;
/** One calibration line: the rate, its band, its cases and whether it lies in the band. */
const rateRow = (label: string, rate: number, cases: number, b: readonly [number, number]): string[] => [
  label,
  pct(rate),
  band(b),
  String(cases),
  cases === 0 ? 'no cases' : inBand(rate, b) ? 'in band' : 'out of band',
];

/** Lines of a right-aligned table; the first column is left-aligned. */
const grid = (rows: string[][]): string[] => {
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length))) ?? [];
  return rows.map((r) =>
    r
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c] ?? 0) : cell.padStart(widths[c] ?? 0)))
      .join('  ')
      .trimEnd(),
  );
};

/** Leaves out the empty top of the ladder, but always shows rung 0 to the highest rung reached. */
const ladder = (s: Summary): string[][] => {
  const top = s.escalationPeak.findLastIndex((n) => n > 0);
  return s.escalationPeak
    .slice(0, Math.max(top, 0) + 1)
    .map((n, rung) => [`${rung} ${RUNGS[rung] ?? ''}`, String(n), pct(n / Math.max(1, s.games))]);
};

export const formatTable = (s: Summary, timing: Timing, workers: number): string => {
  const bots = Object.entries(s.bots).map(([seat, policy]) => `${seat}=${policy}`);
  const moves = Object.entries(s.movesPerMatch).map(([m, n]) => `${m} ${n.toFixed(2)}`);
  const lines = [
    `Guarantor simulation — scenario "${s.scenario}", ${s.games} games, seed ${s.seed}`,
    `bots: ${bots.join(' ')}`,
    '',
    ...grid([
      ['mean turns', num(s.meanTurns)],
      ['guarantee decisions', String(s.decisions)],
      ['  honor', pct(s.honorRate)],
      ['  partial', pct(s.partialRate)],
      ['  abandon', pct(s.abandonRate)],
      ['challenges', String(s.challenges)],
      ['  deterred (no armed attack)', pct(s.deterrenceSuccessRate)],
      ['general nuclear war', pct(s.nuclearWarRate)],
    ]),
    '',
    'peak escalation',
    ...grid([['  rung', 'matches', 'share'], ...ladder(s).map(([a = '', ...rest]) => [`  ${a}`, ...rest])]),
    '',
    ...grid([
      ['score by role', 'mean', 'p10', 'p50', 'p90'],
      ...NATION_ROLES.flatMap((role) => {
        const q = s.scores[role];
        return q ? [[`  ${role}`, num(q.mean), num(q.p10), num(q.p50), num(q.p90)]] : [];
      }),
    ]),
    '',
    ...grid([
      [`calibration (${s.calibration.era.replace('_', ' ')})`, 'rate', 'band', 'cases', ''],
      rateRow('  honored, armed attacks', s.calibration.honorRate, s.calibration.honorCases, s.calibration.honorBand),
      rateRow(
        '  deterred, strict',
        s.calibration.deterrenceStrict,
        s.calibration.challenges,
        s.calibration.deterrenceBand,
      ),
    ]),
    `win rate: ${NATION_ROLES.map((role) => `${role} ${pct(s.winRate[role])}`).join(', ')}`,
    '',
    `forceful moves per match: ${moves.length > 0 ? moves.join(', ') : 'none'}`,
    `${s.games} matches in ${timing.seconds.toFixed(2)} s on ${workers} worker${workers === 1 ? '' : 's'} (${timing.matchesPerSecond.toFixed(1)} matches/s)`,
  ];
  return lines.join('\n');
};
