// A turn's adjudication in people's words, and what a White Cell override changed in it. The report
// keeps the engine's notes and, under `override.engine`, the engine's decisions; the outcomes that
// stand are the White Cell's. The record's override event gives them outright; a player's view reads
// them back from the turn's changes (a successful challenge is the only thing that raises `gains`;
// a theater's rung change ends where the White Cell put it). Pure: tested headless.
import type { Decisions, Report } from '../../shared/model/state.js';
import { TOP_RUNG } from '../../shared/model/vocabulary.js';
import type { GameView } from '../../shared/view/viewFor.js';
import { namesIn, nationName, possessive, regionName, rungName, seatName, sentenceCase } from './matchText.js';

type Note = Report['notes'][number];

/** The outcomes that stood; a null or missing entry is one this view cannot tell. */
export interface Settled {
  success: Record<string, boolean>;
  rungs: Record<string, number>;
  provocations: string[] | null;
}

/** What the override event carries (the record's; players never receive it). */
export type GivenOutcomes = Partial<Pick<Decisions, 'success' | 'rungs' | 'provocations'>>;

export interface CrisisNote {
  /** "limited attack", "probe". */
  move: string;
  target: string;
  chance: number;
  roll: number;
  succeeds: boolean;
}

const CRISIS_NOTE = /^(.+?) on (\S+): chance of success (\d+)%, draw (\d+) → (succeeds|fails)$/;

/** The engine's crisis note ("limited attack on bosk: chance of success 25%, draw 14 → succeeds") read back. */
export const crisisNote = (text: string): CrisisNote | null => {
  const m = CRISIS_NOTE.exec(text);
  if (!m) return null;
  return {
    move: m[1] ?? '',
    target: m[2] ?? '',
    chance: Number(m[3]),
    roll: Number(m[4]),
    succeeds: m[5] === 'succeeds',
  };
};

/** The engine's move words as a noun phrase naming its target: "coerce" → "coercion of". */
const MOVE_NOUNS: Readonly<Record<string, string>> = {
  probe: 'probe of',
  coerce: 'coercion of',
  'limited attack': 'limited attack on',
  'major attack': 'major attack on',
  escalate: 'nuclear threats against',
};

/** "limited attack on Bosk", "coercion of Dunmere". */
const challengeOf = (view: GameView, c: CrisisNote): string =>
  `${MOVE_NOUNS[c.move] ?? `${c.move} on`} ${nationName(view, c.target)}`;

/** An engine note in plain words: "Limited attack on Bosk: 25% chance of success; rolled 14 (under 25 succeeds) → succeeds". */
export const noteText = (view: GameView, text: string): string => {
  const c = crisisNote(text);
  if (!c) return sentenceCase(namesIn(view, text));
  return `${sentenceCase(challengeOf(view, c))}: ${c.chance}% chance of success; rolled ${c.roll} (under ${c.chance} succeeds) → ${c.succeeds ? 'succeeds' : 'fails'}`;
};

const won = (view: GameView, report: Report, seat: string): boolean => {
  const nation = view.seats.find((s) => s.id === seat)?.nation;
  return report.changes.some((c) => c.subject === nation && c.metric === 'gains' && c.after > c.before);
};

/**
 * Where a theater ended the turn. Its rung change says so; without one it ended where it began,
 * which the view still shows in the results phase, or next turn less that turn's events.
 */
const endRung = (view: GameView, report: Report, region: string): number | null => {
  const change = report.changes.find((c) => c.subject === region && c.metric === 'rung');
  if (change) return change.after;
  const now = view.regions[region]?.rung;
  if (now === undefined || view.turn > report.turn + 1) return null;
  if (view.turn === report.turn) return now;
  const events = view.cards
    .flatMap((card) => card.effects)
    .reduce((sum, e) => sum + (e.kind === 'escalation' && e.region === region ? e.delta : 0), 0);
  const start = now - events;
  return start >= 0 && start <= TOP_RUNG ? start : null;
};

/** The outcomes that stood in the report's turn: given by the record, else read back from the changes. */
export const settledOutcomes = (view: GameView, report: Report, given: GivenOutcomes = {}): Settled => {
  const engine = report.override?.engine;
  const success: Record<string, boolean> = {};
  const rungs: Record<string, number> = {};
  for (const seat of Object.keys(engine?.success ?? {}))
    success[seat] = given.success?.[seat] ?? won(view, report, seat);
  for (const region of Object.keys(engine?.rungs ?? {})) {
    const r = given.rungs?.[region] ?? endRung(view, report, region);
    if (r !== null) rungs[region] = r;
  }
  // Entrapment names the ally that provoked in its guarantor's consensus breakdown: known with the math shown.
  const math = report.changes.some((c) => c.why.terms.length > 0);
  const allies = view.seats.filter((s) => s.role === 'ally' && s.nation).map((s) => s.nation ?? '');
  const provocations =
    given.provocations ??
    (math
      ? allies.filter((a) =>
          report.changes.some((c) => c.why.terms.some((t) => t.label === `entrapment: ${a} provoked`)),
        )
      : null);
  return { success, rungs, provocations };
};

/** "Varkal’s limited attack on Bosk", from the crisis note the engine wrote for that seat. */
const challengeName = (view: GameView, notes: readonly Note[], seat: string): string => {
  const note = notes.find((n) => n.subject === seat);
  const c = note && crisisNote(note.text);
  return c
    ? `${possessive(seatName(view, seat))} ${challengeOf(view, c)}`
    : `${possessive(seatName(view, seat))} challenge`;
};

const outcome = (succeeds: boolean): string => (succeeds ? 'succeeds' : 'fails');
const rungText = (r: number): string => `rung ${r}, ${rungName(r)}`;
const incident = (provokes: boolean): string => (provokes ? 'provokes an incident' : 'no incident');

export interface SetOutcome {
  key: string;
  /** "Varkal’s limited attack on Bosk — the White Cell set: fails (the rules gave: succeeds)". */
  text: string;
}

const set = (key: string, subject: string, stood: string, was: string): SetOutcome => ({
  key,
  text: `${subject} — the White Cell set: ${stood} (the rules gave: ${was})`,
});

/** Each outcome the White Cell changed, with what the rules had given. */
export const setOutcomes = (view: GameView, engine: Decisions, settled: Settled): SetOutcome[] => {
  const out: SetOutcome[] = [];
  for (const [seat, ok] of Object.entries(settled.success)) {
    const was = engine.success[seat];
    if (was === undefined || was === ok) continue;
    out.push(set(`success-${seat}`, challengeName(view, engine.notes, seat), outcome(ok), outcome(was)));
  }
  for (const [region, rung] of Object.entries(settled.rungs)) {
    const was = engine.rungs[region];
    if (was === undefined || was === rung) continue;
    out.push(set(`rung-${region}`, regionName(view, region), rungText(rung), rungText(was)));
  }
  const provoked = settled.provocations;
  if (provoked)
    for (const ally of new Set([...engine.provocations, ...provoked])) {
      const was = engine.provocations.includes(ally);
      if (was === provoked.includes(ally)) continue;
      out.push(set(`provocation-${ally}`, nationName(view, ally), incident(!was), incident(was)));
    }
  return out;
};

/** An engine note as the players read it, marked when the White Cell overruled its outcome. */
export const settledNote = (view: GameView, report: Report, note: Note, settled: Settled | null): string => {
  const text = noteText(view, note.text);
  const engine = report.override?.engine;
  if (!engine || !settled) return text;
  const drawn = engine.success[note.subject];
  if (drawn !== undefined) {
    const stood = settled.success[note.subject];
    return stood === undefined || stood === drawn
      ? text
      : `${text} — overruled: the White Cell set it to ${stood ? 'succeed' : 'fail'}`;
  }
  if (engine.provocations.includes(note.subject)) {
    if (settled.provocations === null) return `${text} (the White Cell’s override may have changed this)`;
    if (!settled.provocations.includes(note.subject)) return `${text} — overruled: the White Cell set no incident`;
  }
  return text;
};
