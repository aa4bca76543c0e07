// The public record of the match, for the projector and the debrief: what the whole room may know,
// in people's words. Built from the public events this client received and, for what it missed
// (it joined late or reloaded), from the view itself: the decisions in `history` and this turn's
// cards, statements and crises.
import type { GameEvent } from '../../shared/model/events.js';
import type { Crisis } from '../../shared/model/state.js';
import type { GameView } from '../../shared/view/viewFor.js';
import {
  decisionSentence,
  guaranteeName,
  moveSentence,
  nationName,
  regionName,
  rungName,
  seatName,
  sentenceCase,
} from './matchText.js';

// The White Cell's pacing (pause, extra time) is left out: the header shows the clock's state.
export type TimelineKind = 'card' | 'statement' | 'crisis' | 'decision' | 'adjudicated' | 'ended';

export interface TimelineEntry {
  key: string;
  turn: number;
  kind: TimelineKind;
  text: string;
}

const STATEMENT_WORDS: Record<string, string> = {
  red_line: 'draws a red line over',
  clarify: 'clarifies its guarantee to',
  narrow: 'narrows its guarantee to',
  exit_ramp: 'offers an exit ramp in',
  sanction: 'imposes sanctions on',
  lift_sanctions: 'lifts its sanctions on',
};

interface SaidStatement {
  kind: string;
  subject: string;
  text: string;
  seat: string;
}

const statementText = (view: GameView, s: SaidStatement): string => {
  const who = seatName(view, s.seat);
  const ally = view.guarantees[s.subject]?.ally;
  const about =
    s.kind === 'exit_ramp'
      ? regionName(view, s.subject)
      : s.kind === 'sanction' || s.kind === 'lift_sanctions'
        ? nationName(view, s.subject)
        : s.kind === 'red_line'
          ? guaranteeName(view, s.subject)
          : ally
            ? (view.nations[ally]?.name ?? ally)
            : s.subject;
  return `${who} ${STATEMENT_WORDS[s.kind] ?? sentenceCase(s.kind)} ${about}${s.text ? `: “${s.text}”` : ''}`;
};

const crisisText = (view: GameView, c: Pick<Crisis, 'challenger' | 'move' | 'invoked'>): string => {
  const invoked = c.invoked.map((g) => guaranteeName(view, g));
  return `${moveSentence(view, c.challenger, c.move)}${invoked.length > 0 ? ` — invokes ${invoked.join(', ')}` : ''}`;
};

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null;

/** One public event in people's words, or null for the ones the room need not see (phase ticks, private lines). */
const fromEvent = (view: GameView, e: GameEvent, index: number): TimelineEntry | null => {
  if (e.visibleTo !== 'all') return null;
  const key = `e${index}`;
  switch (e.kind) {
    case 'card_fired':
      return { key, turn: e.turn, kind: 'card', text: e.text };
    case 'statement': {
      const said = e.data?.['statement'];
      const text = isRecord(said) ? statementText(view, said as unknown as SaidStatement) : e.text;
      return { key, turn: e.turn, kind: 'statement', text };
    }
    case 'crisis': {
      const c = e.data?.['crisis'];
      const text = isRecord(c) ? crisisText(view, c as unknown as Crisis) : e.text;
      return { key, turn: e.turn, kind: 'crisis', text };
    }
    case 'adjudicated': {
      const override = e.data?.['override'] === true ? ', with a White Cell override' : '';
      return { key, turn: e.turn, kind: 'adjudicated', text: `Results of turn ${e.turn} published${override}` };
    }
    case 'match_ended':
      return { key, turn: e.turn, kind: 'ended', text: e.text };
    default:
      return null;
  }
};

/** This turn's cards, statements and crises from the view, for a client that missed their events. */
const fromView = (view: GameView, missing: ReadonlySet<TimelineKind>): TimelineEntry[] => {
  const turn = view.turn;
  const out: TimelineEntry[] = [];
  if (missing.has('card'))
    view.cards.forEach((c, i) => out.push({ key: `c${turn}-${i}`, turn, kind: 'card', text: `${c.title}: ${c.text}` }));
  if (missing.has('statement'))
    view.statements.forEach((s, i) =>
      out.push({ key: `s${turn}-${i}`, turn, kind: 'statement', text: statementText(view, s) }),
    );
  if (missing.has('crisis'))
    view.crises.forEach((c, i) => out.push({ key: `x${turn}-${i}`, turn, kind: 'crisis', text: crisisText(view, c) }));
  return out;
};

/**
 * The public timeline, oldest first. Guarantors' decisions come from `history` (players learn
 * them when the turn is adjudicated), placed just before that turn's "adjudicated" line.
 */
export const publicTimeline = (view: GameView, log: readonly GameEvent[]): TimelineEntry[] => {
  const fromLog = log.map((e, i) => fromEvent(view, e, i)).filter((x): x is TimelineEntry => x !== null);
  const seenNow = new Set(fromLog.filter((x) => x.turn === view.turn).map((x) => x.kind));
  const missing = new Set<TimelineKind>((['card', 'statement', 'crisis'] as const).filter((k) => !seenNow.has(k)));
  // What the view fills in happened before this client's first line of the turn.
  const filled = fromView(view, view.ended ? new Set() : missing);
  const at = fromLog.findIndex((x) => x.turn >= view.turn);
  const entries = at < 0 ? [...fromLog, ...filled] : [...fromLog.slice(0, at), ...filled, ...fromLog.slice(at)];
  const decisions = new Map<number, TimelineEntry[]>();
  view.history.forEach((d, i) => {
    const entry = { key: `d${i}`, turn: d.turn, kind: 'decision' as const, text: decisionSentence(view, d) };
    decisions.set(d.turn, [...(decisions.get(d.turn) ?? []), entry]);
  });
  const out: TimelineEntry[] = [];
  const flush = (before: number) => {
    for (const turn of [...decisions.keys()].sort((a, b) => a - b).filter((t) => t < before)) {
      out.push(...(decisions.get(turn) ?? []));
      decisions.delete(turn);
    }
  };
  for (const x of entries) {
    flush(x.turn);
    if (x.kind === 'adjudicated') flush(x.turn + 1);
    out.push(x);
  }
  flush(Infinity);
  return out;
};

/** The theaters as ladders for the big screen: hottest first, with the peak each reached. */
export interface LadderRow {
  id: string;
  name: string;
  rung: number;
  peak: number;
  rungName: string;
}

export const ladders = (view: GameView): LadderRow[] =>
  Object.values(view.regions)
    .map((r) => ({ id: r.id, name: r.name, rung: r.rung, peak: r.peak, rungName: sentenceCase(rungName(r.rung)) }))
    .sort((a, b) => b.rung - a.rung || b.peak - a.peak || a.name.localeCompare(b.name));
