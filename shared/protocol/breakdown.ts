// Breakdowns on demand: the terms behind the latest report's changes and notes and behind the
// scores, as one seat's view may see them. They stay off the patches (the results patch carries
// values only) and a client asks for them with the `breakdown` message when it shows them.
import { z } from 'zod';
import type { Explained, Term } from '../model/explain.js';
import type { Report } from '../model/state.js';
import type { GameView } from '../view/viewFor.js';

const TermsSchema = z.array(z.object({ label: z.string(), value: z.number() }));

/** The `breakdown` reply: per report change and note, its terms (null where a note has no why). */
export const BreakdownsSchema = z.strictObject({
  /** The report's turn. */
  turn: z.int(),
  /** Whose view the terms were read from. */
  seat: z.string(),
  changes: z.array(TermsSchema),
  notes: z.array(TermsSchema.nullable()),
  /** The engine's notes a White Cell override set aside, when there was one. */
  overrideNotes: z.array(TermsSchema.nullable()).nullable(),
  /** Each score's value (to match it with the view's) and its terms. */
  scores: z.record(z.string(), z.object({ value: z.number(), terms: TermsSchema })),
});
export type Breakdowns = z.infer<typeof BreakdownsSchema>;

const termsOfNotes = (notes: Report['notes']) => notes.map((n) => (n.why ? n.why.terms : null));

/** The breakdowns a view holds (the server reads them from `viewFor(state, seat)`); null without a report. */
export const breakdownsOf = (view: GameView): Breakdowns | null =>
  view.report && {
    turn: view.report.turn,
    seat: view.viewer,
    changes: view.report.changes.map((c) => c.why.terms),
    notes: termsOfNotes(view.report.notes),
    overrideNotes: view.report.override ? termsOfNotes(view.report.override.engine.notes) : null,
    scores: Object.fromEntries(Object.entries(view.scores).map(([id, s]) => [id, { value: s.value, terms: s.terms }])),
  };

const withTerms = (e: Explained, terms: readonly Term[] | null | undefined): Explained =>
  terms && terms.length > 0 && e.terms.length === 0 ? { value: e.value, terms: [...terms] } : e;

const notesWith = (notes: Report['notes'], terms: readonly (readonly Term[] | null)[] | null): Report['notes'] =>
  notes.map((n, i) => (n.why ? { ...n, why: withTerms(n.why, terms?.[i]) } : n));

/**
 * The view with fetched breakdowns filled in: the report's only when they are of its turn, a score's
 * only when its value is the one the terms explain (an event card may have moved it since).
 */
export const withBreakdowns = (view: GameView, b: Breakdowns | null): GameView => {
  if (!b) return view;
  const report =
    view.report && view.report.turn === b.turn && view.report.changes.length === b.changes.length
      ? {
          ...view.report,
          changes: view.report.changes.map((c, i) => ({ ...c, why: withTerms(c.why, b.changes[i]) })),
          notes: notesWith(view.report.notes, b.notes),
          override: view.report.override && {
            ...view.report.override,
            engine: {
              ...view.report.override.engine,
              notes: notesWith(view.report.override.engine.notes, b.overrideNotes),
            },
          },
        }
      : view.report;
  const scores: GameView['scores'] = {};
  for (const [id, s] of Object.entries(view.scores)) {
    const fetched = b.scores[id];
    scores[id] = fetched && fetched.value === s.value ? withTerms(s, fetched.terms) : s;
  }
  return { ...view, report, scores };
};

/** A view as the wire carries it: every report and score breakdown empty (what withBreakdowns fills). */
export const withoutBreakdowns = (view: GameView): GameView => {
  const bare = (e: Explained): Explained => ({ value: e.value, terms: [] });
  const notes = (list: Report['notes']) => list.map((n) => ({ ...n, why: n.why && bare(n.why) }));
  return {
    ...view,
    report: view.report && {
      ...view.report,
      changes: view.report.changes.map((c) => ({ ...c, why: bare(c.why) })),
      notes: notes(view.report.notes),
      override: view.report.override && {
        ...view.report.override,
        engine: { ...view.report.override.engine, notes: notes(view.report.override.engine.notes) },
      },
    },
    scores: Object.fromEntries(Object.entries(view.scores).map(([id, s]) => [id, bare(s)])),
  };
};

/** Whether a view has breakdowns worth asking for: a report, and the math shown (or a score of its own). */
export const hasBreakdowns = (view: GameView): boolean =>
  view.report !== null && (view.settings.showMath || view.viewer in view.scores || view.viewer === 'facilitator');
