// The after-action review's charts: the record the server sends (docs/PROTOCOL.md §7), the six
// charts over turns as plain specs, and their geometry in SVG user units (axes, ticks, paths,
// markers). Pure: no DOM, tested headless against a real recorded match.
import type { GameState } from '../../shared/model/state.js';
import type { TurnPoint } from '../../shared/record/series.js';
import type { RecordStatus, TimelineItem } from '../../shared/record/timeline.js';
import type { GameView } from '../../shared/view/viewFor.js';
import { guaranteeName, nationName, regionName, rungName, seatName } from './matchText.js';

/** `GET /api/matches/:id/record.json`, the parts the review reads. */
export interface MatchRecordJson {
  format: 'guarantor-match-record';
  version: 1;
  match: { id: string; code: string; status: RecordStatus; createdAt: number; publicAar: boolean };
  setup: { scenarioId: string; showMath: boolean; facilitatorReview: boolean };
  initial: { turn: number; state: GameState };
  series: TurnPoint[];
  timeline: TimelineItem[];
}

/** `GET /api/matches/:id/replay.json`: the White Cell's view at the start of each turn, and now. */
export interface ReplayJson {
  id: string;
  code: string;
  scenarioId: string;
  status: RecordStatus;
  turns: { turn: number; seq: number; view: GameView }[];
  final: GameView;
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;

/** Checks the few fields the page relies on; anything else is not a record this client can show. */
export const readRecord = (json: unknown): MatchRecordJson => {
  if (!isObject(json) || json['format'] !== 'guarantor-match-record' || json['version'] !== 1)
    throw new Error('The server sent something that is not a match record.');
  if (!Array.isArray(json['series']) || !Array.isArray(json['timeline']) || !isObject(json['initial']))
    throw new Error('The match record is incomplete: its series or timeline is missing.');
  return json as unknown as MatchRecordJson;
};

export const readReplay = (json: unknown): ReplayJson => {
  if (!isObject(json) || !Array.isArray(json['turns']) || !isObject(json['final']))
    throw new Error('The server sent something that is not a replay.');
  return json as unknown as ReplayJson;
};

/** The record's starting state as a White Cell view: it names every nation, theater and guarantee. */
export const namesOf = (record: MatchRecordJson): GameView => ({ ...record.initial.state, viewer: 'facilitator' });

// ---------------------------------------------------------------------------------------------
// Chart specs

export type ChartId = 'credibility' | 'commitment' | 'escalation' | 'defense' | 'consensus' | 'scores';

export interface ChartSeries {
  id: string;
  label: string;
  /** One value per turn of the chart (null where the series has no point). */
  values: (number | null)[];
}

export interface ChartSpec {
  id: ChartId;
  title: string;
  /** What the chart shows, for the figure's caption and the screen reader. */
  description: string;
  /** The y axis' title. */
  unit: string;
  turns: number[];
  /** The x axis runs to this turn: the scenario's last while the match is still being played. */
  lastTurn: number;
  series: ChartSeries[];
  domain: [number, number];
  ticks: number[];
  /** Tick labels when they are words (the rungs' names); numbers otherwise. */
  tickLabels?: string[];
  /** Whole-number levels (rungs): drawn as steps, equal lines set slightly apart. */
  steps: boolean;
  /** Decimals shown in tables and tooltips. */
  digits: number;
}

/** 1, 2, 2.5 or 5 times a power of ten: the step of round ticks over `span`. */
const niceStep = (span: number, count: number): number => {
  const raw = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const unit = raw / power;
  return (unit <= 1 ? 1 : unit <= 2 ? 2 : unit <= 2.5 ? 2.5 : unit <= 5 ? 5 : 10) * power;
};

/** Round ticks from 0 to just above `max` (at least `count` intervals' worth of room). */
export const niceTicks = (max: number, count = 5): number[] => {
  const step = niceStep(max > 0 ? max : 1, count);
  const top = Math.max(step, Math.ceil((max > 0 ? max : 1) / step - 1e-9) * step);
  const ticks: number[] = [];
  for (let v = 0; v <= top + step / 2; v += step) ticks.push(Number(v.toPrecision(12)));
  return ticks;
};

const PERCENT_TICKS = [0, 25, 50, 75, 100];

const seriesOf = <T>(points: readonly TurnPoint[], pick: (p: TurnPoint) => Record<string, T>): string[] => {
  const ids = new Set<string>();
  for (const p of points) for (const id of Object.keys(pick(p))) ids.add(id);
  return [...ids];
};

const valuesOf = (
  points: readonly TurnPoint[],
  id: string,
  read: (p: TurnPoint, id: string) => number | undefined,
): (number | null)[] => points.map((p) => read(p, id) ?? null);

/**
 * The six charts of the review, named from the match's own nations, theaters and guarantees. The x
 * axis runs to `lastTurn` (the scenario's length for a match still running), else to the last point.
 */
export const chartSpecs = (points: readonly TurnPoint[], names: GameView, lastTurn = 0): ChartSpec[] => {
  const turns = points.map((p) => p.turn);
  const axisEnd = Math.max(lastTurn, turns.at(-1) ?? 0);
  const guarantees = seriesOf(points, (p) => p.guarantees);
  const theaters = seriesOf(points, (p) => p.theaters);
  const nations = seriesOf(points, (p) => p.nations);
  const scored = seriesOf(points, (p) => p.scores);
  const defense = points.flatMap((p) => Object.values(p.nations).map((n) => n.defenseShare));
  // The ladder up to one rung above the highest reached (at least to mobilization), so a quiet
  // match's small steps stay readable; the rungs are named on the axis.
  const topRung = Math.min(8, Math.max(3, ...points.map((p) => p.overall + 1)));
  const rungTicks = [...Array(topRung + 1).keys()];
  const role = (seat: string) => names.seats.find((s) => s.id === seat)?.role;
  return [
    {
      id: 'credibility',
      title: 'Credibility of each guarantee',
      description: 'How credible the challenger finds each guarantee, 0 to 100, at the start and after each turn.',
      unit: 'Credibility to the challenger (0–100)',
      turns,
      lastTurn: axisEnd,
      series: guarantees.map((id) => ({
        id,
        label: guaranteeName(names, id),
        values: valuesOf(points, id, (p, g) => p.guarantees[g]?.credibility),
      })),
      domain: [0, 100],
      ticks: PERCENT_TICKS,
      steps: false,
      digits: 0,
    },
    {
      id: 'commitment',
      title: 'Public commitment',
      description: 'How far each guarantor has tied its hands in public (red lines, clarifications), 0 to 1.',
      unit: 'Public commitment (0–1)',
      turns,
      lastTurn: axisEnd,
      series: guarantees.map((id) => ({
        id,
        label: guaranteeName(names, id),
        values: valuesOf(points, id, (p, g) => p.guarantees[g]?.commitment),
      })),
      domain: [0, 1],
      ticks: [0, 0.25, 0.5, 0.75, 1],
      steps: false,
      digits: 2,
    },
    {
      id: 'escalation',
      title: 'Escalation in each theater',
      description: 'The rung of the escalation ladder in each theater, from 0 (peace) to 8 (general nuclear war).',
      unit: 'Escalation rung',
      turns,
      lastTurn: axisEnd,
      series: theaters.map((id) => ({
        id,
        label: regionName(names, id),
        values: valuesOf(points, id, (p, r) => p.theaters[r]),
      })),
      domain: [0, topRung],
      ticks: rungTicks,
      tickLabels: rungTicks.map((r) => `${r} ${rungName(r)}`),
      steps: true,
      digits: 0,
    },
    {
      id: 'defense',
      title: 'Defense spending',
      description: "Each nation's defense spending as a share of its GDP.",
      unit: 'Defense spending (% of GDP)',
      turns,
      lastTurn: axisEnd,
      series: nations.map((id) => ({
        id,
        label: nationName(names, id),
        values: valuesOf(points, id, (p, n) => p.nations[n]?.defenseShare),
      })),
      domain: [0, niceTicks(Math.max(0, ...defense)).at(-1) ?? 1],
      ticks: niceTicks(Math.max(0, ...defense)),
      steps: false,
      digits: 1,
    },
    {
      id: 'consensus',
      title: 'Domestic consensus',
      description: "Each nation's domestic support for its foreign policy, 0 to 100.",
      unit: 'Consensus (0–100)',
      turns,
      lastTurn: axisEnd,
      series: nations.map((id) => ({
        id,
        label: nationName(names, id),
        values: valuesOf(points, id, (p, n) => p.nations[n]?.consensus),
      })),
      domain: [0, 100],
      ticks: PERCENT_TICKS,
      steps: false,
      digits: 0,
    },
    {
      id: 'scores',
      title: 'Scores',
      description: "Each seat's score on its own role's objectives, 0 to 100.",
      unit: 'Score (0–100)',
      turns,
      lastTurn: axisEnd,
      series: scored.map((id) => ({
        id,
        label: role(id) ? `${seatName(names, id)} (${role(id)})` : seatName(names, id),
        values: valuesOf(points, id, (p, s) => p.scores[s]),
      })),
      domain: [0, 100],
      ticks: PERCENT_TICKS,
      steps: false,
      digits: 0,
    },
  ];
};

/** A value as the tables and tooltips show it; rungs with their names. */
export const formatValue = (spec: Pick<ChartSpec, 'id' | 'digits'>, v: number | null): string =>
  v === null ? '—' : spec.id === 'escalation' ? `${v} (${rungName(v)})` : v.toFixed(spec.digits);

/** "Turn 3", and the starting point as "Start". */
export const turnLabel = (turn: number): string => (turn === 0 ? 'Start' : `Turn ${turn}`);

// ---------------------------------------------------------------------------------------------
// Styles: colour, dash and marker together, so no series depends on colour alone.

/** Okabe–Ito without its yellow (too pale on white), then a grey. */
export const SERIES_COLORS = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9', '#000000', '#6e6e6e'];
export const SERIES_DASHES = ['', '8 4', '2 3', '10 3 2 3', '5 5', '14 4', '2 6', '8 3 2 3 2 3'];
export const MARKERS = ['circle', 'square', 'triangle', 'diamond', 'triangle-down', 'cross', 'plus', 'bar'] as const;
export type Marker = (typeof MARKERS)[number];

export interface SeriesStyle {
  color: string;
  dash: string;
  marker: Marker;
}

export const seriesStyle = (index: number): SeriesStyle => ({
  color: SERIES_COLORS[index % SERIES_COLORS.length] ?? '#000000',
  dash: SERIES_DASHES[index % SERIES_DASHES.length] ?? '',
  // Markers cycle on a different beat from colours, so the ninth series differs from the first.
  marker: MARKERS[(index + Math.floor(index / SERIES_COLORS.length)) % MARKERS.length] ?? 'circle',
});

const n = (x: number): string => String(Math.round(x * 100) / 100);

/** A marker centred on (x, y), `r` its half-size, as one path. */
export const markerPath = (marker: Marker, x: number, y: number, r: number): string => {
  switch (marker) {
    case 'circle':
      return `M${n(x - r)} ${n(y)}a${n(r)} ${n(r)} 0 1 0 ${n(2 * r)} 0a${n(r)} ${n(r)} 0 1 0 ${n(-2 * r)} 0Z`;
    case 'square':
      return `M${n(x - r)} ${n(y - r)}h${n(2 * r)}v${n(2 * r)}h${n(-2 * r)}Z`;
    case 'triangle':
      return `M${n(x)} ${n(y - r * 1.15)}L${n(x + r * 1.1)} ${n(y + r * 0.85)}L${n(x - r * 1.1)} ${n(y + r * 0.85)}Z`;
    case 'triangle-down':
      return `M${n(x)} ${n(y + r * 1.15)}L${n(x + r * 1.1)} ${n(y - r * 0.85)}L${n(x - r * 1.1)} ${n(y - r * 0.85)}Z`;
    case 'diamond':
      return `M${n(x)} ${n(y - r * 1.3)}L${n(x + r * 1.1)} ${n(y)}L${n(x)} ${n(y + r * 1.3)}L${n(x - r * 1.1)} ${n(y)}Z`;
    case 'cross':
      return `M${n(x - r)} ${n(y - r)}L${n(x + r)} ${n(y + r)}M${n(x + r)} ${n(y - r)}L${n(x - r)} ${n(y + r)}`;
    case 'plus':
      return `M${n(x - r * 1.2)} ${n(y)}H${n(x + r * 1.2)}M${n(x)} ${n(y - r * 1.2)}V${n(y + r * 1.2)}`;
    case 'bar':
      return `M${n(x - r * 1.3)} ${n(y - r * 0.5)}h${n(2.6 * r)}v${n(r)}h${n(-2.6 * r)}Z`;
  }
};

/** Cross and plus are strokes; the other markers are filled shapes. */
export const markerIsStroke = (marker: Marker): boolean => marker === 'cross' || marker === 'plus';

// ---------------------------------------------------------------------------------------------
// Geometry

export interface Frame {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** The drawing box in SVG user units; the SVG scales to its column. */
export const FRAME: Frame = { width: 560, height: 300, left: 50, right: 14, top: 14, bottom: 44 };

export interface Tick {
  value: number;
  /** Position along its axis in user units. */
  at: number;
  label: string;
}

export interface LinePoint {
  turn: number;
  value: number;
  x: number;
  y: number;
}

export interface ChartLine {
  id: string;
  label: string;
  style: SeriesStyle;
  /** The path's `d`; empty when the series has fewer than two points. */
  d: string;
  points: LinePoint[];
}

export interface ChartGeometry {
  frame: Frame;
  plot: { x0: number; x1: number; y0: number; y1: number };
  xTicks: Tick[];
  yTicks: Tick[];
  lines: ChartLine[];
}

/** At most about sixteen turn labels; the start and the last turn always shown. */
const xTickTurns = (first: number, last: number): number[] => {
  const turns = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  const step = Math.max(1, Math.ceil(turns.length / 16));
  return turns.filter((_, i) => i % step === 0 || i === turns.length - 1);
};

export const chartGeometry = (spec: ChartSpec, base: Frame = FRAME): ChartGeometry => {
  const yLabels = spec.ticks.map((v, i) => spec.tickLabels?.[i] ?? String(v));
  // Room for the longest y label (about 6.6 units a character at 12px) and the axis title.
  const longest = Math.max(0, ...yLabels.map((l) => l.length));
  const frame = { ...base, left: Math.max(base.left, Math.round(30 + 6.6 * longest)) };
  const plot = { x0: frame.left, x1: frame.width - frame.right, y0: frame.height - frame.bottom, y1: frame.top };
  const first = spec.turns[0] ?? 0;
  const last = Math.max(spec.lastTurn, spec.turns.at(-1) ?? first);
  const x = (turn: number) =>
    last === first ? (plot.x0 + plot.x1) / 2 : plot.x0 + ((turn - first) / (last - first)) * (plot.x1 - plot.x0);
  const [lo, hi] = spec.domain;
  const y = (v: number) => plot.y0 - ((Math.min(hi, Math.max(lo, v)) - lo) / (hi - lo || 1)) * (plot.y0 - plot.y1);
  // Lines at the same level (two theaters both at peace, two red lines both at 0.5) are drawn a
  // little apart so none hides another; the tables keep the exact numbers.
  const count = Math.max(1, spec.series.length);
  const spread = spec.steps ? Math.min(3, 14 / count) : Math.min(1.5, 8 / count);
  const lines = spec.series.map((s, i): ChartLine => {
    const offset = (i - (spec.series.length - 1) / 2) * spread;
    const points: LinePoint[] = [];
    s.values.forEach((value, k) => {
      const turn = spec.turns[k];
      if (value === null || turn === undefined) return;
      points.push({ turn, value, x: x(turn), y: y(value) + offset });
    });
    return { id: s.id, label: s.label, style: seriesStyle(i), d: linePath(points, spec.steps), points };
  });
  return {
    frame,
    plot,
    xTicks: xTickTurns(first, last).map((t) => ({ value: t, at: x(t), label: t === 0 ? 'Start' : String(t) })),
    yTicks: spec.ticks.map((v, i) => ({ value: v, at: y(v), label: yLabels[i] ?? String(v) })),
    lines,
  };
};

/** Straight segments between points, or steps (level until the next turn, then up or down). */
export const linePath = (points: readonly { x: number; y: number }[], steps: boolean): string => {
  if (points.length < 2) return '';
  return points
    .map((p, i) => {
      if (i === 0) return `M${n(p.x)} ${n(p.y)}`;
      return steps ? `H${n(p.x)}V${n(p.y)}` : `L${n(p.x)} ${n(p.y)}`;
    })
    .join('');
};

// ---------------------------------------------------------------------------------------------
// Replay

export interface ReplayStep {
  /** "Start of turn 3", or the end (or "now" for a match still running). */
  label: string;
  turn: number;
  view: GameView;
  final: boolean;
}

/** The start of every recorded turn, then the match as it ended (or stands now). */
export const replaySteps = (replay: ReplayJson): ReplayStep[] => [
  ...replay.turns.map((t) => ({ label: `Start of turn ${t.turn}`, turn: t.turn, view: t.view, final: false })),
  {
    label: replay.final.ended
      ? `End of the match (after turn ${replay.final.ended.turn})`
      : `Now: turn ${replay.final.turn}, ${replay.final.phase.replaceAll('_', ' ')}`,
    turn: replay.final.turn,
    view: replay.final,
    final: true,
  },
];

/** The turns a what-if may start from: those the record holds a snapshot of. */
export const branchTurns = (replay: ReplayJson): number[] => [...new Set(replay.turns.map((t) => t.turn))];
