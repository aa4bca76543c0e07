// A turn's outcomes in people's words, read from the fields of the engine's report
// (`report.outcomes`): each crisis with its odds, roll and the result that stood, who honored each
// invoked guarantee and with what nuclear step, ground seized and retaken, exit ramps taken, the
// theaters' rungs, sanctions in force, and what the White Cell set against what the rules gave.
// Nothing here reads the engine's sentences back. Pure: tested headless.
import type { Decisions, OverrideSet, Report } from '../../shared/model/state.js';
import type { GuarantorResponse, MoveType, NuclearStep } from '../../shared/model/vocabulary.js';
import type { GameView } from '../../shared/view/viewFor.js';
import {
  listText,
  moveSentence,
  nationName,
  percent,
  possessive,
  regionName,
  rungName,
  seatName,
} from './matchText.js';
import { fmt } from './panels.js';

type Outcomes = Report['outcomes'];
type CrisisOutcome = Outcomes['crises'][number];

/** One line of the results; `subject` names what the engine's note on it (and its breakdown) is about. */
export interface OutcomeLine {
  key: string;
  text: string;
  subject: string | null;
}

export interface OutcomeGroup {
  title: string;
  lines: OutcomeLine[];
}

/** A move as a noun phrase naming its target: "limited attack on", "coercion of". */
const MOVE_NOUNS: Readonly<Record<MoveType, string>> = {
  hold: 'hold against',
  probe: 'probe of',
  coerce: 'coercion of',
  limited_attack: 'limited attack on',
  major_attack: 'major attack on',
  escalate: 'nuclear threats against',
  nuclear_signal: 'nuclear signal against',
  nuclear_use: 'limited nuclear use against',
  de_escalate: 'de-escalation toward',
};

/** "limited attack on Bosk", "coercion of Dunmere". */
export const moveNoun = (view: GameView, move: MoveType, target: string | null): string =>
  `${MOVE_NOUNS[move]} ${target ? nationName(view, target) : ''}`.trim();

/** "Varkal’s limited attack on Bosk". */
export const challengeName = (view: GameView, c: Pick<CrisisOutcome, 'challenger' | 'move' | 'target'>): string =>
  `${possessive(nationName(view, c.challenger))} ${moveNoun(view, c.move, c.target)}`;

const result = (succeeds: boolean): string => (succeeds ? 'succeeds' : 'fails');

/** A 0–1 draw as the roll people read against a percentage: 0.149 → 14 (a roll of 14 is under 15). */
const roll = (draw: number): number => Math.min(99, Math.floor(draw * 100));

/**
 * "Varkal’s limited attack on Bosk: 25% chance of success; rolled 14 (under 25 succeeds) → succeeds",
 * ending "→ fails — overruled by the White Cell (the rules gave: succeeds)" when the White Cell set it.
 */
export const crisisText = (view: GameView, c: CrisisOutcome): string => {
  if (c.chance === null || c.draw === null || c.target === null)
    return `${moveSentence(view, c.challenger, { type: c.move, target: c.target })}.`;
  const chance = Math.round(c.chance * 100);
  const odds = `${chance}% chance of success; rolled ${roll(c.draw)} (under ${chance} succeeds)`;
  const overruled = c.success !== c.drawn ? ` — overruled by the White Cell (the rules gave: ${result(c.drawn)})` : '';
  return `${challengeName(view, c)}: ${odds} → ${result(c.success)}${overruled}`;
};

/** An answer as reported (past) and as it is given (present, the record's decision rows). */
const ANSWER_VERBS: Readonly<Record<'past' | 'present', Readonly<Record<GuarantorResponse, string>>>> = {
  past: { honor: 'honored', partial: 'partly honored', abandon: 'abandoned' },
  present: { honor: 'honors', partial: 'partly honors', abandon: 'abandons' },
};

const STEP_WORDS: Readonly<Record<NuclearStep, string>> = {
  signal: ', with a nuclear signal',
  use: ', with limited nuclear use',
};

/** "Aurelia honored its guarantee to Bosk, with a nuclear signal" ("honors" in the present). */
export const answerText = (
  view: GameView,
  guarantee: string,
  choice: GuarantorResponse,
  step: NuclearStep | undefined,
  tense: 'past' | 'present' = 'past',
): string => {
  const g = view.guarantees[guarantee];
  const who = g ? nationName(view, g.guarantor) : guarantee;
  const ally = g ? nationName(view, g.ally) : guarantee;
  return `${who} ${ANSWER_VERBS[tense][choice]} its guarantee to ${ally}${step ? STEP_WORDS[step] : ''}`;
};

/** An ally's answer as reported: helping another, or as the target itself (the words of its card). */
const ALLY_PAST = {
  helper: { contribute: 'contributed forces', hedge: 'hedged', accommodate: 'accommodated the challenger' },
  target: {
    contribute: 'stood and fought beside its guarantor',
    hedge: 'defended itself alone',
    accommodate: 'gave way',
  },
} as const;

const rungText = (r: number): string => `rung ${r}, ${rungName(r)}`;
const incident = (provokes: boolean): string => (provokes ? 'provokes an incident' : 'no incident');

/** "Varkal’s limited attack on Bosk — the White Cell set: fails (the rules gave: succeeds)". */
export const overrideText = (view: GameView, o: OverrideSet, crises: readonly CrisisOutcome[]): string => {
  const set = (subject: string, stood: string, was: string) =>
    `${subject} — the White Cell set: ${stood} (the rules gave: ${was})`;
  switch (o.kind) {
    case 'success': {
      const c = crises.find((x) => x.challengerSeat === o.subject);
      const subject = c ? challengeName(view, c) : `${possessive(seatName(view, o.subject))} challenge`;
      return set(subject, result(o.stood), result(o.engine));
    }
    case 'rung':
      return set(regionName(view, o.subject), rungText(o.stood), rungText(o.engine));
    case 'provocation':
      return set(nationName(view, o.subject), incident(o.stood), incident(o.engine));
  }
};

/**
 * What one override sets against the engine's decisions, as the report's `overridden` list says it:
 * for the record's override event, whose data are the White Cell's settings (a later override in
 * the same turn may replace it; the report gives the one that stood).
 */
export const overrideSets = (
  engine: Decisions,
  given: Partial<Pick<Decisions, 'success' | 'rungs' | 'provocations'>>,
): OverrideSet[] => {
  const out: OverrideSet[] = [];
  for (const [seat, stood] of Object.entries(given.success ?? {})) {
    const was = engine.success[seat];
    if (was !== undefined && was !== stood) out.push({ kind: 'success', subject: seat, engine: was, stood });
  }
  for (const [region, stood] of Object.entries(given.rungs ?? {})) {
    const was = engine.rungs[region];
    if (was !== undefined && was !== stood) out.push({ kind: 'rung', subject: region, engine: was, stood });
  }
  const provoked = given.provocations;
  if (provoked)
    for (const ally of new Set([...engine.provocations, ...provoked])) {
      const was = engine.provocations.includes(ally);
      if (was !== provoked.includes(ally)) out.push({ kind: 'provocation', subject: ally, engine: was, stood: !was });
    }
  return out;
};

/** Each crisis: the move and its roll as it stood, each invoked guarantee's answer, ground seized. */
const crisisLines = (view: GameView, o: Outcomes, turn: number): OutcomeLine[] =>
  o.crises.flatMap((c, i) => [
    { key: `r${turn}-crisis-${i}`, text: crisisText(view, c), subject: c.challengerSeat },
    ...Object.entries(c.answers).map(([gid, choice]) => ({
      key: `r${turn}-answer-${gid}`,
      text: answerText(view, gid, choice, c.nuclear[gid]),
      subject: null,
    })),
    ...(c.seized && c.target
      ? [
          {
            key: `r${turn}-seized-${i}`,
            text: `${nationName(view, c.challenger)} seized ground in ${nationName(view, c.target)}: it holds it until it is retaken or handed back`,
            subject: null,
          },
        ]
      : []),
  ]);

/** Allies' answers, provocations (with any the White Cell set or struck), counteroffensives, exit ramps. */
const otherLines = (view: GameView, o: Outcomes, turn: number): OutcomeLine[] => {
  const targets = new Set(o.crises.map((c) => c.target));
  const out: OutcomeLine[] = Object.entries(o.allies).map(([ally, choice]) => ({
    key: `r${turn}-ally-${ally}`,
    text: `${nationName(view, ally)} ${ALLY_PAST[targets.has(ally) ? 'target' : 'helper'][choice]}`,
    subject: null,
  }));
  const struck = o.overridden.filter((x) => x.kind === 'provocation' && !x.stood).map((x) => x.subject);
  for (const ally of [...o.provocations, ...struck]) {
    const set = o.overridden.find((x) => x.kind === 'provocation' && x.subject === ally);
    const text = !set
      ? `${nationName(view, ally)} provoked an incident, counting on its guarantor`
      : set.stood
        ? `${nationName(view, ally)} provoked an incident — set by the White Cell (the rules gave: no incident)`
        : `${nationName(view, ally)} provoked no incident — overruled by the White Cell (the rules gave: an incident)`;
    out.push({ key: `r${turn}-provocation-${ally}`, text, subject: ally });
  }
  o.retakes.forEach((r, i) => {
    if (r.chance <= 0) return;
    const chance = Math.round(r.chance * 100);
    const outcome = r.success
      ? `succeeds: ${nationName(view, r.target)} retakes its ground`
      : `fails: ${nationName(view, r.by)} still holds the ground`;
    out.push({
      key: `r${turn}-retake-${i}`,
      text: `${possessive(nationName(view, r.target))} counteroffensive against ${nationName(view, r.by)}: ${chance}% chance of success; rolled ${roll(r.draw)} (under ${chance} succeeds) → ${outcome}`,
      subject: null,
    });
  });
  for (const e of o.exitRamps) {
    const kept =
      e.kept > 0 ? `keeps ${fmt(e.kept)} integrity points of the ground it held` : 'held no ground there to keep';
    out.push({
      key: `r${turn}-ramp-${e.region}-${e.challenger}`,
      text: `${nationName(view, e.challenger)} took the exit ramp ${listText(e.offeredBy.map((n) => nationName(view, n)))} offered in ${regionName(view, e.region)}: it ${kept}, and saves ${fmt(e.saved)} consensus`,
      subject: null,
    });
  }
  return out;
};

/** Each theater that moved or stands above peace: from, to, and what the rules gave if the White Cell set it. */
const rungLines = (view: GameView, o: Outcomes, turn: number): OutcomeLine[] =>
  Object.entries(o.rungs).flatMap(([region, r]) => {
    if (r.from === r.stood && r.stood === r.drawn && r.stood === 0) return [];
    const name = regionName(view, region);
    const moved = r.from === r.stood ? `stays at ${rungText(r.stood)}` : `${rungText(r.from)} → ${rungText(r.stood)}`;
    const set = r.drawn !== r.stood ? ` — set by the White Cell (the rules gave: ${rungText(r.drawn)})` : '';
    return [{ key: `r${turn}-rung-${region}`, text: `${name}: ${moved}${set}`, subject: null }];
  });

/** "Varkal under sanctions from Aurelia and Bosk (pressure 56%)", one line per target. */
export const sanctionLines = (
  view: GameView,
  sanctions: readonly { sender: string; target: string; pressure: number }[],
  key: string,
): OutcomeLine[] =>
  [...new Set(sanctions.map((s) => s.target))].map((target) => {
    const on = sanctions.filter((s) => s.target === target);
    const senders = listText(on.map((s) => nationName(view, s.sender)));
    return {
      key: `${key}-${target}`,
      text: `${nationName(view, target)} under sanctions from ${senders} (pressure ${percent(on[0]?.pressure ?? 0)})`,
      subject: null,
    };
  });

/** "Varkal holds ground in Bosk (Northern March) since turn 3; Aurelia fights to retake it". */
export const occupationLines = (view: GameView, key: string): OutcomeLine[] =>
  view.occupations.map((o, i) => ({
    key: `${key}-${i}`,
    text: `${nationName(view, o.by)} holds ground in ${nationName(view, o.target)} (${regionName(view, o.region)}) since turn ${o.since}${o.liberators.length > 0 ? `; ${listText(o.liberators.map((n) => nationName(view, n)))} ${o.liberators.length > 1 ? 'fight' : 'fights'} to retake it` : ''}`,
    subject: null,
  }));

/** The titles of the outcome groups, in order (the rest of a report's groups are its changes). */
export const OUTCOME_GROUPS = ['What happened', 'Theaters', 'Sanctions in force', 'Ground held'] as const;

/** The report's outcomes as the players read them, in groups; empty groups left out. */
export const outcomeGroups = (view: GameView, report: Report): OutcomeGroup[] => {
  const o = report.outcomes;
  const t = report.turn;
  const [happened, theaters, sanctions, held] = OUTCOME_GROUPS;
  const groups: OutcomeGroup[] = [
    { title: happened, lines: [...crisisLines(view, o, t), ...otherLines(view, o, t)] },
    { title: theaters, lines: rungLines(view, o, t) },
    { title: sanctions, lines: sanctionLines(view, o.sanctions, `r${t}-sanctions`) },
    // Occupations are state, not outcomes: they change only when a turn is adjudicated, so the view's
    // are those its report left.
    { title: held, lines: occupationLines(view, `r${t}-held`) },
  ];
  return groups.filter((g) => g.lines.length > 0);
};

/** The White Cell's settings in the report, each against what the rules gave (empty without an override). */
export const overrideLines = (view: GameView, report: Report): OutcomeLine[] =>
  report.outcomes.overridden.map((o) => ({
    key: `r${report.turn}-${o.kind}-${o.subject}`,
    text: overrideText(view, o, report.outcomes.crises),
    subject: null,
  }));
