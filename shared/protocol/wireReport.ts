// The report on the wire, as a table of columns: each change names its subject and metric by their
// place in two short lists (a report repeats a handful of each, as many as 80 times), leaves out its
// `after` where the view already shows that value (a nation's, theater's or guarantee's current
// figure) and its `why` where that says only `after` (the terms are fetched on demand). Exact: every number that
// travels is the engine's own float64, and readView puts back exactly the report viewFor made.
import { z } from 'zod';
import { ExplainedSchema, ReportSchema, type Report } from '../model/state.js';
import type { GameView } from '../view/viewFor.js';

const num = z.number();

export const WireReportSchema = ReportSchema.omit({ changes: true }).extend({
  /** Column by column, one entry per change: a list of numbers patches cheaper than a list of objects. */
  changes: z.object({
    /** Subjects and metrics, each once; `s` and `m` name them by index. */
    subjects: z.array(z.string()),
    metrics: z.array(z.string()),
    s: z.array(z.int()),
    m: z.array(z.int()),
    before: z.array(num),
    /** By change index, the `after`s the view does not show as a current figure. */
    after: z.record(z.string(), num),
    /** By change index, the `why`s that say more than `{ value: after, terms: [] }`. */
    why: z.record(z.string(), ExplainedSchema),
  }),
});
export type WireReport = z.infer<typeof WireReportSchema>;

/** Where the view shows a change's metric today: a nation's field (or `field:key`), a theater's, a guarantee's. */
type Holders = Pick<GameView, 'nations' | 'regions' | 'guarantees'>;
const currentValue = (view: Holders, subject: string, metric: string): number | undefined => {
  const holder: unknown = view.nations[subject] ?? view.regions[subject] ?? view.guarantees[subject];
  if (typeof holder !== 'object' || holder === null) return undefined;
  const [field = '', key] = metric.split(':');
  const value: unknown = (holder as Record<string, unknown>)[field];
  const found: unknown =
    key === undefined
      ? value
      : typeof value === 'object' && value
        ? (value as Record<string, unknown>)[key]
        : undefined;
  return typeof found === 'number' ? found : undefined;
};

const memo = new WeakMap<Report, { holders: Holders; wire: WireReport }>();

/** The report (breakdowns already left out) as a table; the same object while the report and the figures are. */
export const toWireReport = (report: Report, view: Holders): WireReport => {
  const kept = memo.get(report);
  if (
    kept &&
    kept.holders.nations === view.nations &&
    kept.holders.regions === view.regions &&
    kept.holders.guarantees === view.guarantees
  )
    return kept.wire;
  // In the order the engine lists them: turn after turn mostly the same, so the lists rarely patch.
  const subjects = [...new Set(report.changes.map((c) => c.subject))];
  const metrics = [...new Set(report.changes.map((c) => c.metric))];
  const subjectAt = new Map(subjects.map((x, i) => [x, i]));
  const metricAt = new Map(metrics.map((x, i) => [x, i]));
  const table: WireReport['changes'] = { subjects, metrics, s: [], m: [], before: [], after: {}, why: {} };
  report.changes.forEach((c, i) => {
    table.s.push(subjectAt.get(c.subject) ?? 0);
    table.m.push(metricAt.get(c.metric) ?? 0);
    table.before.push(c.before);
    if (!Object.is(currentValue(view, c.subject, c.metric), c.after)) table.after[i] = c.after;
    if (c.why.value !== c.after || c.why.terms.length > 0) table.why[i] = c.why;
  });
  const { changes: _changes, ...rest } = report;
  const wire = { ...rest, changes: table };
  memo.set(report, { holders: { nations: view.nations, regions: view.regions, guarantees: view.guarantees }, wire });
  return wire;
};

/** The report back from its table, with the view's current figures for the `after`s left out. */
export const fromWireReport = (wire: WireReport, view: Holders): Report => {
  const { changes, ...rest } = wire;
  return {
    ...rest,
    changes: changes.before.map((before, i) => {
      const subject = changes.subjects[changes.s[i] ?? -1] ?? '';
      const metric = changes.metrics[changes.m[i] ?? -1] ?? '';
      const after = changes.after[i] ?? currentValue(view, subject, metric);
      if (after === undefined) throw new Error(`the server sent an invalid view: report change ${subject} ${metric}`);
      return { subject, metric, before, after, why: changes.why[i] ?? { value: after, terms: [] } };
    }),
  };
};
