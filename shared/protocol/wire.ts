// How a seat's view travels: the public view as typed Schema fields (maps and lists of typed
// objects, so a change resends only the values that changed), plus the seat's secrets (the
// SECRET_KEYS parts of its own view that differ) in an entry only its client holds. Two things
// are left out of the patches: the parameters travel as their difference from DEFAULT_PARAMS, set
// once; the report's and the scores' breakdowns (terms) are fetched on demand (breakdown.ts).
// The server writes with server/rooms/sync.ts; clients and network bots rebuild with readView.
import { z } from 'zod';
import { DEFAULT_PARAMS, type Params } from '../model/params.js';
import type { Explained } from '../model/explain.js';
import type { Report } from '../model/state.js';
import { GameStateSchema } from '../model/state.js';
import { type GameView, SECRET_KEYS } from '../view/viewFor.js';
import { describeIssues } from './commands.js';
import { type WireNode, readWire, wireShape } from './wireShape.js';
import { type WireReport, WireReportSchema, fromWireReport, toWireReport } from './wireReport.js';

/** What a client may trust about a view it rebuilt: the state's schema, without the generator. */
export const GameViewSchema = GameStateSchema.omit({ rng: true }).extend({ viewer: z.string() });

/** The wire's view: the GameView without `viewer` (each client knows its seat), its report a table. */
const WireViewSchema = GameStateSchema.omit({ rng: true }).extend({ report: WireReportSchema.nullable() });

const PARAMS_JSON: WireNode = { kind: 'leaf', leaf: 'json', nullable: false, optional: false };

/** The public view's wire shape: every key of GameView but `viewer`. */
export const VIEW_WIRE = wireShape(WireViewSchema, 'View', (path) => (path === '.params' ? PARAMS_JSON : undefined));

type ObjectNode = Extract<WireNode, { kind: 'object' }>;
const viewFields = (VIEW_WIRE as ObjectNode).fields;

const present = (node: WireNode): WireNode => ({ ...node, nullable: false, optional: true });

/**
 * A seat's secret entry: each SECRET_KEYS field present only where the seat's view differs from the
 * public one (a secret is never null where the public value is not), plus the team's draft and,
 * for the White Cell, every team's draft (JSON text: drafts are not part of the view).
 */
export const SECRETS_WIRE: WireNode = {
  kind: 'object',
  name: 'Secrets',
  fields: {
    ...Object.fromEntries(SECRET_KEYS.map((k) => [k, present(viewFields[k]!)])),
    draft: { kind: 'leaf', leaf: 'json', nullable: false, optional: true },
    drafts: { kind: 'leaf', leaf: 'json', nullable: false, optional: true },
  },
  nullable: false,
  optional: false,
};

const diffs = new WeakMap<Params, Partial<Params>>();

/** The parameters that differ from DEFAULT_PARAMS (most scenarios change a few, or none); memoized. */
export const paramsDiff = (params: Params): Partial<Params> => {
  let out = diffs.get(params);
  if (!out) {
    const differs = Object.entries(params).filter(
      ([k, v]) => JSON.stringify(v) !== JSON.stringify(DEFAULT_PARAMS[k as keyof Params]),
    );
    out = Object.fromEntries(differs) as Partial<Params>;
    diffs.set(params, out);
  }
  return out;
};

const noTerms = (e: Explained): Explained => (e.terms.length === 0 ? e : { value: e.value, terms: [] });
const notesWithout = (notes: Report['notes']): Report['notes'] =>
  notes.map((n) => (n.why && n.why.terms.length > 0 ? { ...n, why: noTerms(n.why) } : n));

const leanReports = new WeakMap<Report, Report>();
const leanScoreSets = new WeakMap<GameView['scores'], GameView['scores']>();

/** The report without its breakdowns; the same object for the same report (so sync can skip it). */
export const leanReport = (report: Report): Report => {
  let lean = leanReports.get(report);
  if (!lean) {
    lean = {
      ...report,
      changes: report.changes.map((c) => (c.why.terms.length > 0 ? { ...c, why: noTerms(c.why) } : c)),
      notes: notesWithout(report.notes),
      override: report.override && {
        ...report.override,
        engine: { ...report.override.engine, notes: notesWithout(report.override.engine.notes) },
      },
    };
    leanReports.set(report, lean);
  }
  return lean;
};

/** The scores without their breakdowns, memoized like leanReport. */
export const leanScores = (scores: GameView['scores']): GameView['scores'] => {
  let lean = leanScoreSets.get(scores);
  if (!lean) {
    lean = Object.fromEntries(Object.entries(scores).map(([id, s]) => [id, noTerms(s)]));
    leanScoreSets.set(scores, lean);
  }
  return lean;
};

/** A view as it goes on the wire: breakdowns left out, parameters as their difference. */
export const wireView = (
  view: GameView,
): Omit<GameView, 'viewer' | 'params' | 'report'> & { params: Partial<Params>; report: WireReport | null } => {
  const { viewer: _viewer, ...rest } = view;
  return {
    ...rest,
    params: paramsDiff(view.params),
    report: view.report && toWireReport(leanReport(view.report), view),
    scores: leanScores(view.scores),
  };
};

/** The decoded room state the view is read from: `view`, and the seat's own `secrets` entry. */
export interface DecodedView {
  view?: unknown;
  secrets?: { get(seat: string): unknown };
}

/**
 * Rebuilds a seat's view from the decoded state: the public view, with the seat's secret values in
 * place of the public ones. Breakdowns are empty until fetched (withBreakdowns). Throws, naming the
 * field, on a state that is not a view; with `check`, the whole view is also checked against
 * GameViewSchema (a client does it for the first state of a connection).
 */
export const readView = (decoded: DecodedView, viewer: string, check = false): GameView => {
  const pub = readWire(VIEW_WIRE, decoded.view) as Record<string, unknown>;
  const secret = decoded.secrets?.get(viewer);
  const mine = secret === undefined ? {} : (readWire(SECRETS_WIRE, secret, 'secrets') as Record<string, unknown>);
  const { draft: _draft, drafts: _drafts, ...parts } = mine;
  const figures = pub as unknown as Pick<GameView, 'nations' | 'regions' | 'guarantees'>;
  for (const part of [pub, parts])
    if (part['report']) part['report'] = fromWireReport(part['report'] as WireReport, figures);
  const view = {
    ...pub,
    params: { ...DEFAULT_PARAMS, ...(pub['params'] as Partial<Params>) },
    ...parts,
    viewer,
  } as GameView;
  if (view.format !== GameStateSchema.shape.format.value)
    throw new Error(`the server sent an invalid view: format ${String(view.format)} is not this client's`);
  if (check) {
    const parsed = GameViewSchema.safeParse(view);
    if (!parsed.success) throw new Error(`the server sent an invalid view: ${describeIssues(parsed.error)}`);
  }
  return view;
};

/** The team's draft (or, for the White Cell, every team's drafts) in the seat's secret entry. */
export const readDrafts = (decoded: DecodedView, viewer: string): { draft: unknown; drafts: unknown } => {
  const secret = decoded.secrets?.get(viewer) as { draft?: string; drafts?: string } | undefined;
  return {
    draft: secret?.draft ? (JSON.parse(secret.draft) as unknown) : null,
    drafts: secret?.drafts ? (JSON.parse(secret.drafts) as unknown) : null,
  };
};
