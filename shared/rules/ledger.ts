// Adjudication works on fresh copies and records every change as a named delta, so each number
// in the turn report carries its "why" and the input state is never touched.
import {
  type Change,
  type GameState,
  type GuaranteeState,
  type NationState,
  type RegionState,
} from '../model/state.js';
import { clamp } from '../model/explain.js';

type NumericKeys<T> = { [K in keyof T]: T[K] extends number ? K : never }[keyof T];
export type NationMetric = NumericKeys<NationState>;
export type GuaranteeMetric = NumericKeys<GuaranteeState>;

const NATION_BOUNDS: Partial<Record<NationMetric, readonly [number, number]>> = {
  consensus: [0, 100],
  readiness: [0, 1],
  integrity: [0, 100],
  gains: [0, 100],
  hedging: [0, 100],
  umbrella: [0, 1],
  resilience: [0, 1],
  revenueLost: [0, 1],
  industrialBase: [0, 100],
  growth: [-20, 20],
  trendGrowth: [-20, 20],
};
const GUARANTEE_BOUNDS: Partial<Record<GuaranteeMetric, readonly [number, number]>> = {
  ties: [0, 1],
  commitment: [0, 1],
  clarity: [0, 1],
};

const UNBOUNDED: readonly [number, number] = [0, Number.POSITIVE_INFINITY];

interface Entry {
  subject: string;
  metric: string;
  before: number;
  after: number;
  terms: { label: string; value: number }[];
}

export class Ledger {
  readonly nations: Record<string, NationState>;
  readonly guarantees: Record<string, GuaranteeState>;
  readonly regions: Record<string, RegionState>;
  private readonly entries = new Map<string, Entry>();

  constructor(state: Pick<GameState, 'nations' | 'guarantees' | 'regions'>) {
    this.nations = {};
    for (const [id, n] of Object.entries(state.nations))
      this.nations[id] = {
        ...n,
        posture: { ...n.posture },
        postureOrdered: { ...n.postureOrdered },
        reach: { ...n.reach },
        arrived: { ...n.arrived },
      };
    this.guarantees = {};
    for (const [id, g] of Object.entries(state.guarantees)) this.guarantees[id] = { ...g };
    this.regions = {};
    for (const [id, r] of Object.entries(state.regions)) this.regions[id] = { ...r };
  }

  /** Adds `delta` to a nation's meter, clamped to its bounds; a clamp is recorded as its own term. */
  nation(id: string, metric: NationMetric, label: string, delta: number): void {
    const n = this.nations[id];
    if (!n || delta === 0) return;
    const [lo, hi] = NATION_BOUNDS[metric] ?? UNBOUNDED;
    n[metric] = this.record(id, metric, n[metric], label, delta, lo, hi) as never;
  }

  /** Sets a nation's meter outright (e.g. growth recomputed), explained by the terms given. */
  setNation(id: string, metric: NationMetric, terms: { label: string; value: number }[]): void {
    const n = this.nations[id];
    if (!n) return;
    const target = terms.reduce((s, t) => s + t.value, 0);
    this.nation(id, metric, terms.map((t) => t.label).join(' + '), target - n[metric]);
  }

  guarantee(id: string, metric: GuaranteeMetric, label: string, delta: number): void {
    const g = this.guarantees[id];
    if (!g || delta === 0) return;
    const [lo, hi] = GUARANTEE_BOUNDS[metric] ?? UNBOUNDED;
    g[metric] = this.record(id, metric, g[metric], label, delta, lo, hi) as never;
  }

  posture(id: string, region: string, label: string, delta: number): void {
    const n = this.nations[id];
    if (!n || delta === 0) return;
    n.posture[region] = this.record(id, `posture:${region}`, n.posture[region] ?? 0, label, delta, 0, Infinity);
  }

  /** Forward posture ordered this turn, in place next turn: shown in the log with the posture it becomes. */
  setOrdered(id: string, ordered: Record<string, number>): void {
    const n = this.nations[id];
    if (n) n.postureOrdered = ordered;
  }

  /** Moves the share of a nation's reinforcement that has arrived in a region (0..1). */
  arrived(id: string, region: string, label: string, delta: number): void {
    const n = this.nations[id];
    if (!n || delta === 0) return;
    n.arrived[region] = this.record(id, `arrived:${region}`, n.arrived[region] ?? 0, label, delta, 0, 1);
  }

  rung(id: string, label: string, delta: number): void {
    const r = this.regions[id];
    if (!r || delta === 0) return;
    r.rung = this.record(id, 'rung', r.rung, label, delta, 0, 8);
  }

  /** Marks each theater's peak from where it ends; passing steps (later overridden) do not count. */
  settlePeaks(): void {
    for (const r of Object.values(this.regions)) r.peak = Math.max(r.peak, r.rung);
  }

  /** Every recorded change with its breakdown: start value plus the named deltas. */
  changes(): Change[] {
    const out: Change[] = [];
    for (const e of this.entries.values()) {
      const after = e.after;
      if (after === e.before) continue;
      out.push({
        subject: e.subject,
        metric: e.metric,
        before: e.before,
        after,
        why: { value: after, terms: [{ label: 'before', value: e.before }, ...e.terms] },
      });
    }
    return out;
  }

  private record(
    subject: string,
    metric: string,
    current: number,
    label: string,
    delta: number,
    lo: number,
    hi: number,
  ): number {
    const key = `${subject}\u0000${metric}`;
    let entry = this.entries.get(key);
    if (!entry) {
      entry = { subject, metric, before: current, after: current, terms: [] };
      this.entries.set(key, entry);
    }
    const next = clamp(current + delta, lo, hi);
    entry.terms.push({ label, value: delta });
    if (next !== current + delta)
      entry.terms.push({ label: next > current + delta ? 'floor' : 'ceiling', value: next - current - delta });
    entry.after = next;
    return next;
  }
}
