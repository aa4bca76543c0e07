// The report on the wire, as a table: each change names its subject and metric by their place in
// two short lists (a report repeats a handful of each, as many as 80 times), leaves out its `after`
// where the view already shows that value (a nation's, theater's or guarantee's current figure) and
// its `why` where that says only `after` (the terms are fetched on demand). Exact: every number that
// travels is the engine's own float64, and readView puts back exactly the report viewFor made.
import { z } from 'zod';
import { ExplainedSchema, ReportSchema, type Report } from '../model/state.js';
import type { GameView } from '../view/viewFor.js';

const num = z.number();

export const WireReportSchema = ReportSchema.omit({ changes: true }).extend({
  changes: z.object({
    /** Subjects and metrics, each once; rows name them by index. */
    subjects: z.array(z.string()),
    metrics: z.array(z.string()),
    rows: z.array(
      z.object({
        s: z.int(),
        m: z.int(),
        before: num,
        /** Absent: the view's current value of the subject's metric. */
        after: num.optional(),
        /** Absent: `{ value: after, terms: [] }`. */
        why: ExplainedSchema.optional(),
      }),
    ),
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
  const subjects: string[] = [];
  const metrics: string[] = [];
  const indexIn = (list: string[], x: string) => {
    const at = list.indexOf(x);
    return at >= 0 ? at : list.push(x) - 1;
  };
  const rows = report.changes.map((c) => ({
    s: indexIn(subjects, c.subject),
    m: indexIn(metrics, c.metric),
    before: c.before,
    ...(Object.is(currentValue(view, c.subject, c.metric), c.after) ? {} : { after: c.after }),
    ...(c.why.value === c.after && c.why.terms.length === 0 ? {} : { why: c.why }),
  }));
  const { changes: _changes, ...rest } = report;
  const wire = { ...rest, changes: { subjects, metrics, rows } };
  memo.set(report, { holders: { nations: view.nations, regions: view.regions, guarantees: view.guarantees }, wire });
  return wire;
};

/** The report back from its table, with the view's current figures for the `after`s left out. */
export const fromWireReport = (wire: WireReport, view: Holders): Report => {
  const { changes, ...rest } = wire;
  return {
    ...rest,
    changes: changes.rows.map((r) => {
      const subject = changes.subjects[r.s] ?? '';
      const metric = changes.metrics[r.m] ?? '';
      const after = r.after ?? currentValue(view, subject, metric);
      if (after === undefined) throw new Error(`the server sent an invalid view: report change ${subject} ${metric}`);
      return { subject, metric, before: r.before, after, why: r.why ?? { value: after, terms: [] } };
    }),
  };
};
