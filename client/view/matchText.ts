// How the match is put into words for people: nation, seat, theater and guarantee names instead of
// ids, and the moves and decisions as short sentences. Pure: the console, projector and debrief share it.
import type { ChallengerMove } from '../../shared/model/commands.js';
import type { DecisionRecord } from '../../shared/model/state.js';
import { RUNGS } from '../../shared/model/vocabulary.js';
import type { GameView } from '../../shared/view/viewFor.js';

type Names = Pick<GameView, 'nations' | 'regions' | 'guarantees' | 'seats'>;

/** "challenger_move" → "Challenger move". */
export const sentenceCase = (s: string): string => s.replaceAll('_', ' ').replace(/^./, (c) => c.toUpperCase());

export const nationName = (view: Names, id: string): string => view.nations[id]?.name ?? id;

export const regionName = (view: Names, id: string): string => view.regions[id]?.name ?? id;

/** The nation a seat plays, or the White Cell and the observers by their names. */
export const seatName = (view: Names, seatId: string): string => {
  if (seatId === 'facilitator') return 'White Cell';
  if (seatId === 'observer') return 'Observers';
  const nation = view.seats.find((s) => s.id === seatId)?.nation;
  return nation ? nationName(view, nation) : seatId;
};

/** "Aurelia → Bosk". */
export const guaranteeName = (view: Names, id: string): string => {
  const g = view.guarantees[id];
  return g ? `${nationName(view, g.guarantor)} → ${nationName(view, g.ally)}` : id;
};

/** A rung of the escalation ladder by name: 4 → "limited war". */
export const rungName = (rung: number): string => (RUNGS[rung] ?? RUNGS[0]).replaceAll('_', ' ');

/** "Varkal launches a limited attack on Bosk". */
export const moveSentence = (view: Names, challenger: string, move: ChallengerMove): string => {
  const who = nationName(view, challenger);
  const target = move.target ? nationName(view, move.target) : '';
  switch (move.type) {
    case 'hold':
      return `${who} holds`;
    case 'probe':
      return `${who} probes ${target}`;
    case 'coerce':
      return `${who} coerces ${target}`;
    case 'limited_attack':
      return `${who} launches a limited attack on ${target}`;
    case 'major_attack':
      return `${who} launches a major attack on ${target}`;
    case 'escalate':
      return `${who} makes nuclear threats against ${target}`;
    case 'nuclear_signal':
      return `${who} signals nuclear readiness against ${target}`;
    case 'nuclear_use':
      return `${who} uses nuclear weapons against ${target}`;
    case 'de_escalate':
      return `${who} de-escalates toward ${target}`;
  }
};

type Statement = Pick<GameView['statements'][number], 'seat' | 'kind' | 'subject' | 'text'>;

/** What a statement is about, by name: a theater (exit ramps), a nation (sanctions) or a guarantee. */
export const statementSubject = (view: Names, s: Pick<Statement, 'kind' | 'subject'>): string =>
  s.kind === 'exit_ramp'
    ? regionName(view, s.subject)
    : s.kind === 'sanction' || s.kind === 'lift_sanctions'
      ? nationName(view, s.subject)
      : guaranteeName(view, s.subject);

const STATEMENT_KIND_WORDS: Readonly<Record<Statement['kind'], string>> = {
  red_line: 'red line on',
  clarify: 'clarify on',
  narrow: 'narrow on',
  exit_ramp: 'exit ramp on',
  sanction: 'sanctions on',
  lift_sanctions: 'lifts sanctions on',
};

/** A public statement as the turn log and the diplomacy panel list it: "Aurelia: red line on Aurelia → Bosk — “…”". */
export const statementLine = (view: Names, s: Statement): string =>
  `${seatName(view, s.seat)}: ${STATEMENT_KIND_WORDS[s.kind]} ${statementSubject(view, s)}${s.text ? ` — “${s.text}”` : ''}`;

const CHOICE_PAST = { honor: 'honored', partial: 'partly honored', abandon: 'abandoned' } as const;

/** "Turn 4: Aurelia honored its guarantee to Bosk against Varkal (Northern March)". */
export const decisionSentence = (view: Names, d: DecisionRecord): string => {
  const ally = view.guarantees[d.guarantee]?.ally;
  const where = d.region ? ` (${regionName(view, d.region)})` : '';
  return `${nationName(view, d.guarantor)} ${CHOICE_PAST[d.choice]} its guarantee to ${ally ? nationName(view, ally) : d.guarantee} against ${nationName(view, d.challenger)}${where}`;
};

/** "A", "A and B", "A, B and C". */
export const listText = (items: readonly string[]): string =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1) ?? ''}`;

/** Seconds as a clock: 125 → "2:05". */
export const clockText = (seconds: number): string =>
  `${Math.floor(seconds / 60)}:${String(Math.floor(seconds % 60)).padStart(2, '0')}`;

/** A signed number for deltas: +3, −8 (a real minus sign, which screen readers say as "minus"). */
export const signed = (x: number, digits = 0): string => {
  const text = Math.abs(x).toFixed(digits);
  if (Number(text) === 0) return text;
  return `${x > 0 ? '+' : '−'}${text}`;
};

// Names that are plural in form or a description take the article: "the United States’ budget".
const TAKES_THE = /^(united\b|white cell$)|\b(states|islands|republic|kingdom|emirates|netherlands|philippines)$/i;

/** "Varkal’s", "the United States’", "the White Cell’s": one rule for every possessive in the client. */
export const possessive = (name: string): string => {
  const owner = TAKES_THE.test(name) ? `the ${name}` : name;
  return /s$/i.test(name) ? `${owner}’` : `${owner}’s`;
};

/**
 * Someone's words in quotation marks, as they wrote them. Put it where no full stop has to follow
 * (its own line, or before a colon): "…border.”." is the mistake this avoids.
 */
export const quoted = (text: string): string => `“${text.trim()}”`;

/** Ends a sentence with a full stop unless it already ends with one (or with a quote that does). */
export const sentence = (text: string): string =>
  /[.!?…][”’"')]?$/.test(text.trim()) ? text.trim() : `${text.trim()}.`;

/** Forces in force points, rounded one way everywhere (the map's chips, its tooltips and the tables). */
export const forcePoints = (v: number): string => `${Math.round(v).toLocaleString('en')} FP`;

/** A 0–1 share as a whole percentage: readiness 0.75 → "75%". */
export const percent = (x: number): string => `${Math.round(x * 100)}%`;

const escape = (id: string): string => id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The engine writes some lines with ids ("major attack on bosk"): names them. Guarantee ids first
 * (they contain nation ids), whole words only, so "pol" never touches "policy".
 */
export const namesIn = (view: Names, text: string): string => {
  let out = text;
  for (const id of Object.keys(view.guarantees))
    out = out.replace(new RegExp(`\\b${escape(id)}\\b`, 'g'), guaranteeName(view, id));
  for (const id of Object.keys(view.nations))
    out = out.replace(new RegExp(`\\b${escape(id)}\\b`, 'g'), nationName(view, id));
  return out;
};
