// The decision timeline as data: the record's items in people's words, grouped by turn, each with
// its explanation (what the choice does, the numbers behind an outcome, the adjudication's report)
// and the White Cell's overrides flagged with their reasons. Pure: tested headless.
import type { ChallengerMove } from '../../shared/model/commands.js';
import type { Change, Crisis, Decisions } from '../../shared/model/state.js';
import type { AllyResponse, GuarantorResponse, NuclearStep, StatementKind } from '../../shared/model/vocabulary.js';
import type { TurnPoint } from '../../shared/record/series.js';
import type { TimelineItem } from '../../shared/record/timeline.js';
import type { GameView } from '../../shared/view/viewFor.js';
import { ANSWER_HELP } from '../view/crisisCards.js';
import {
  guaranteeName,
  moveSentence,
  nationName,
  regionName,
  rungName,
  seatName,
  sentence,
  sentenceCase,
} from '../view/matchText.js';
import { fmt } from '../view/panels.js';
import { STATEMENT_HELP } from '../view/statements.js';
import { answerText, overrideSets, overrideText } from '../view/outcomes.js';
import {
  type LogGroup,
  OVERRIDE_GROUP,
  changeText,
  eventText,
  namesIn,
  subjectName,
  turnRecord,
} from '../view/turnRecord.js';

export const CATEGORIES = {
  decision: 'Decision',
  statement: 'Statement',
  crisis: 'Crisis',
  event: 'Event',
  adjudication: 'Adjudication',
  override: 'White Cell override',
  white_cell: 'White Cell',
  intelligence: 'Intelligence',
  end: 'End',
} as const;
export type Category = keyof typeof CATEGORIES;

export interface TimelineRow {
  key: string;
  seq: number;
  turn: number;
  category: Category;
  /** Who acted ("Aurelia", "White Cell"), or '' for the rules themselves. */
  who: string;
  text: string;
  /** One sentence on what this kind of choice does. */
  note: string | null;
  /** The numbers behind it, grouped like the game's turn log. */
  why: LogGroup[];
  /** The White Cell's reason, on overrides and on the adjudications they changed. */
  override: string | null;
}

export interface TimelineTurn {
  turn: number;
  rows: TimelineRow[];
}

export interface TimelineSources {
  /** Names for every id (the record's starting state, or the replay's final view). */
  names: GameView;
  series: readonly TurnPoint[];
  /** Views whose `report` is each turn's adjudication (the replay's steps), if the replay loaded. */
  reports?: readonly GameView[];
}

const terms = (why: { terms: { label: string; value: number }[] } | null) =>
  why && why.terms.length > 0
    ? { terms: why.terms.map((t) => ({ label: t.label, value: fmt(t.value) })), hidden: false }
    : null;

const changesGroup = (names: GameView, changes: readonly Change[], key: string): LogGroup => ({
  title: 'Effects',
  entries: changes.map((c, i) => ({
    key: `${key}-${i}`,
    text: `${subjectName(names, c.subject)}: ${changeText(names, c)}`,
    why: terms(c.why),
  })),
});

/** The credibility of a guarantee before and after the turn it was answered in. */
const credibilityMove = (series: readonly TurnPoint[], guarantee: string, turn: number): string | null => {
  const before = series.find((p) => p.turn === turn - 1)?.guarantees[guarantee]?.credibility;
  const after = series.find((p) => p.turn === turn)?.guarantees[guarantee]?.credibility;
  if (before === undefined || after === undefined) return null;
  return `Credibility to the challenger: ${fmt(before)} before the turn, ${fmt(after)} after it.`;
};

/** What an override event sets (its data are the White Cell's settings). */
type GivenOutcomes = Partial<Pick<Decisions, 'success' | 'rungs' | 'provocations'>>;

/**
 * The outcomes an override event set, each against what the rules gave when the replay has that
 * turn's report (its engine decisions and crises); without it, the rungs it set, as set.
 */
const overrideGroup = (names: GameView, data: GivenOutcomes, report: GameView['report']): LogGroup => {
  const engine = report?.override?.engine;
  const entries = engine
    ? overrideSets(engine, data).map((o) => ({
        key: `${o.kind}-${o.subject}`,
        text: overrideText(names, o, report.outcomes.crises),
      }))
    : Object.entries(data.rungs ?? {}).map(([region, rung]) => ({
        key: `rung-${region}`,
        text: `${regionName(names, region)} — the White Cell set: rung ${rung}, ${rungName(rung)}`,
      }));
  return { title: 'Outcomes the White Cell set', entries: entries.map((e) => ({ ...e, why: null })) };
};

/** The adjudication's own report for `turn`: its outcomes and every change with its breakdown. */
const reportGroups = (
  reports: readonly GameView[] | undefined,
  turn: number,
): { view: GameView; groups: LogGroup[] } | null => {
  const view = reports?.find((v) => v.report?.turn === turn);
  if (!view) return null;
  const section = turnRecord(view).find((s) => s.key === `report-${turn}`);
  // The engine's term labels name some things by id ("cost of honoring aurelia-corvin").
  const groups = (section?.groups ?? []).map((g) => ({
    ...g,
    entries: g.entries.map((e) =>
      e.why ? { ...e, why: { ...e.why, terms: e.why.terms.map((t) => ({ ...t, label: namesIn(view, t.label) })) } } : e,
    ),
  }));
  return { view, groups };
};

interface MoveData {
  move?: ChallengerMove;
  guarantee?: string;
  choice?: GuarantorResponse | AllyResponse;
  nuclear?: NuclearStep;
}

/** Every record item in people's words, in order, grouped by turn (White Cell noise left out). */
export const timelineTurns = (items: readonly TimelineItem[], sources: TimelineSources): TimelineTurn[] => {
  const { names, series, reports } = sources;
  const rows: TimelineRow[] = [];
  const row = (item: TimelineItem, category: Category, text: string, extra: Partial<TimelineRow> = {}): TimelineRow => {
    const made: TimelineRow = {
      key: `${item.seq}-${rows.length}`,
      seq: item.seq,
      turn: item.turn,
      category,
      who: item.seat ? seatName(names, item.seat) : '',
      text,
      note: null,
      why: [],
      override: null,
      ...extra,
    };
    rows.push(made);
    return made;
  };
  const lastOfTurn = (turn: number, test: (r: TimelineRow) => boolean) =>
    [...rows].reverse().find((r) => r.turn === turn && test(r));

  for (const item of items) {
    const data = item.data ?? {};
    const event = { kind: item.kind, turn: item.turn, visibleTo: 'all' as const, text: item.text, data };
    switch (item.kind) {
      case 'command_accepted': {
        const d = data as MoveData;
        const nation = names.seats.find((s) => s.id === item.seat)?.nation ?? item.seat ?? '';
        if (d.move) row(item, 'decision', `${moveSentence(names, nation, d.move)}.`);
        else if (d.guarantee && d.choice) {
          const choice = d.choice as GuarantorResponse;
          row(item, 'decision', `${answerText(names, d.guarantee, choice, d.nuclear, 'present')}.`, {
            note: [ANSWER_HELP[d.choice], credibilityMove(series, d.guarantee, item.turn)].filter(Boolean).join(' '),
          });
        } else if (d.choice) {
          const verb = {
            contribute: 'contributes forces',
            hedge: 'hedges',
            accommodate: 'accommodates the challenger',
          }[d.choice as AllyResponse];
          row(item, 'decision', `${nationName(names, nation)} ${verb ?? d.choice}.`, { note: ANSWER_HELP[d.choice] });
        } else row(item, item.seat === 'facilitator' ? 'white_cell' : 'decision', namesIn(names, item.text));
        break;
      }
      case 'crisis': {
        const crisis = data['crisis'] as Crisis | undefined;
        const immediate = data['immediate'] as Crisis['immediate'] | undefined;
        if (crisis) {
          const invoked = crisis.invoked.map((g) => guaranteeName(names, g));
          const note = invoked.length > 0 ? `Invokes ${invoked.join(' and ')}.` : null;
          // The challenger's move was its decision: the crisis it opened explains it.
          const move = lastOfTurn(item.turn, (r) => r.category === 'decision' && r.seq <= item.seq && !r.note);
          if (move && move.who === seatName(names, crisis.challengerSeat)) move.note = note;
          else if (note || crisis.move.type !== 'hold') row(item, 'crisis', eventText(names, event), { note });
        } else if (immediate && Object.keys(immediate).length > 0) {
          const target = lastOfTurn(item.turn, (r) => r.category === 'decision' || r.category === 'crisis');
          const group: LogGroup = {
            title: 'Immediate deterrence, as the challenger estimated it',
            entries: Object.entries(immediate).map(([g, e]) => ({
              key: `imm-${g}`,
              text: `${guaranteeName(names, g)}: ${fmt(e.value)}`,
              why: terms(e),
            })),
          };
          if (target) target.why.push(group);
          else row(item, 'crisis', 'The challenger weighed immediate deterrence', { why: [group] });
        }
        break;
      }
      case 'statement': {
        const kind = (data['statement'] as { kind?: StatementKind } | undefined)?.kind;
        row(item, 'statement', eventText(names, event), { note: kind ? STATEMENT_HELP[kind] : null });
        break;
      }
      case 'card_fired': {
        const changes = (data['changes'] as Change[] | undefined) ?? [];
        row(item, item.seat === 'facilitator' ? 'white_cell' : 'event', item.text, {
          why: changes.length > 0 ? [changesGroup(names, changes, `card-${item.seq}`)] : [],
        });
        break;
      }
      case 'intel_reveal': {
        const to = (data['reveal'] as { to?: string } | undefined)?.to;
        row(item, 'intelligence', `${to ? `For ${seatName(names, to)}: ` : ''}${eventText(names, event)}`);
        break;
      }
      case 'override': {
        const report = reports?.find((v) => v.report?.turn === item.turn)?.report ?? null;
        const group = overrideGroup(names, data as GivenOutcomes, report);
        row(item, 'override', 'White Cell overrides the adjudication the rules made.', {
          override: item.overrideReason ?? String(data['reason'] ?? ''),
          why: group.entries.length > 0 ? [group] : [],
        });
        break;
      }
      case 'adjudicated': {
        const report = reportGroups(reports, item.turn);
        const reason =
          report?.view.report?.override?.reason ?? lastOfTurn(item.turn, (r) => r.override !== null)?.override;
        const overridden = data['override'] === true;
        // The override is flagged on the row itself and its outcomes listed on the override's row.
        const why = (report?.groups ?? []).filter((g) => g.title !== OVERRIDE_GROUP);
        // What happened, as it stands after any override, said at once; the changes stay behind "why".
        const happened =
          why.find((g) => g.title === 'What happened')?.entries.map((e) => sentence(sentenceCase(e.text))) ?? [];
        const text = `Turn ${item.turn} adjudicated${overridden ? ' with the White Cell’s override' : ''}.`;
        row(item, 'adjudication', text, {
          who: '',
          why,
          override: overridden ? (reason ?? '') : null,
          note: report
            ? happened.join(' ') || null
            : 'Its detailed report comes with the replay, which could not be loaded.',
        });
        break;
      }
      case 'match_ended':
        row(item, 'end', item.text);
        break;
      default:
        row(
          item,
          item.seat === 'facilitator' || item.kind === 'settings_changed' ? 'white_cell' : 'event',
          namesIn(names, item.text),
        );
    }
  }
  const turns = new Map<number, TimelineRow[]>();
  for (const r of rows) turns.set(r.turn, [...(turns.get(r.turn) ?? []), r]);
  // Six red lines in a turn need the rule explained once, not six times.
  for (const list of turns.values()) {
    const said = new Set<string>();
    for (const r of list) {
      if (r.note === null) continue;
      if (said.has(r.note)) r.note = null;
      else said.add(r.note);
    }
  }
  return [...turns].map(([turn, list]) => ({ turn, rows: list }));
};

/** Rows per category, for the filter's labels. */
export const categoryCounts = (turns: readonly TimelineTurn[]): Record<Category, number> => {
  const counts = Object.fromEntries(Object.keys(CATEGORIES).map((c) => [c, 0])) as Record<Category, number>;
  for (const t of turns) for (const r of t.rows) counts[r.category] += 1;
  return counts;
};

/** Categories shown at first: everything but each seat's private intelligence reports. */
export const DEFAULT_HIDDEN: readonly Category[] = ['intelligence'];
