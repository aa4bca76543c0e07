// What the White Cell's console shows and sends, derived from its view (the whole truth): who still
// owes a submission, the phase clock, the adjudication under review, injects and the seats.
// Pure: every command the console sends is built and checked here, tested headless.
import type { Effect } from '../../shared/model/scenario.js';
import { PHASES, POLICY_NAMES, POLICY_ROLE, type Phase, type PolicyName } from '../../shared/model/vocabulary.js';
import { type Command, CommandSchema, describeIssues } from '../../shared/protocol/commands.js';
import {
  EFFECT_RANGES,
  type EffectKind,
  type EffectRange,
  type EffectTarget,
  FORM_LIMITS,
} from '../../shared/protocol/limits.js';
import { asForceful } from '../../shared/rules/moves.js';
import { owedBy } from '../../shared/rules/flow.js';
import type { GameView } from '../../shared/view/viewFor.js';
import type { StoreSnapshot } from '../net/store.js';
import {
  clockText,
  guaranteeName,
  listText,
  moveSentence,
  nationName,
  regionName,
  rungName,
  seatName,
  sentenceCase,
  signed,
} from './matchText.js';
import { moveNoun } from './outcomes.js';

/** What a seat that owes gets if the White Cell pushes the phase on (docs/RULES.md, deadlines). */
const DEFAULTS: Record<Phase, string> = {
  briefing: 'they are marked ready',
  diplomacy: 'they are marked ready without making statements',
  allocation: "they keep last turn's allocation (or the status quo)",
  challenger_move: 'the challenger holds',
  responses: 'guarantors answer "partial" and allies "hedge"',
  adjudication: 'the adjudication is published',
  results: 'they are marked ready',
};

export interface PhaseStatus {
  label: string;
  /** The names of the nation seats that still owe a submission. */
  owed: string[];
  /** The White Cell itself owes the review of the adjudication. */
  reviewOwed: boolean;
  /** The advance button's words. */
  advanceLabel: string;
  /** Set when advancing would impose defaults: what the confirmation says. */
  advanceWarning: string | null;
  /** The confirmation's question, in the words of the phase (a ready, or a submission, still owed). */
  advanceTitle: string;
  /** Why "Pause the clock" cannot be used now (no timer runs in this phase), or null. */
  pauseUnavailable: string | null;
  paused: boolean;
  /** The phase has a timer (so "add time" means something). */
  timed: boolean;
  showMath: boolean;
}

const nextPhase = (view: GameView): string => {
  if (view.phase === 'results') return view.turn >= view.config.turns ? 'End the match' : `Start turn ${view.turn + 1}`;
  if (view.phase === 'adjudication' && view.pending) return 'Publish and show the results';
  const next = PHASES[PHASES.indexOf(view.phase) + 1] ?? 'results';
  return `Advance to ${sentenceCase(next).toLowerCase()}`;
};

/** Phases whose only submission is "ready": nothing is imposed on a seat that has not said it. */
const READY_PHASES: readonly Phase[] = ['briefing', 'diplomacy', 'results'];

export const phaseStatus = (view: GameView): PhaseStatus => {
  const owing = owedBy(view);
  const owed = owing.filter((id) => id !== 'facilitator').map((id) => seatName(view, id));
  const readyOnly = READY_PHASES.includes(view.phase);
  const has = owed.length === 1 ? 'has' : 'have';
  const timed = view.settings.timers[view.phase] !== null;
  return {
    label: view.ended
      ? `Match over after turn ${view.ended.turn}`
      : `Turn ${view.turn} of ${view.config.turns} — ${sentenceCase(view.phase)}`,
    owed,
    reviewOwed: owing.includes('facilitator'),
    advanceLabel: nextPhase(view),
    advanceWarning:
      owed.length === 0
        ? null
        : `${listText(owed)} ${has} not ${readyOnly ? 'said they are ready' : 'submitted'} yet. If you advance now, ${DEFAULTS[view.phase]}.`,
    advanceTitle: readyOnly ? 'Advance before everyone is ready?' : 'Advance while seats still owe a submission?',
    pauseUnavailable: timed || view.settings.paused ? null : 'No timer runs in this phase: there is no clock to pause.',
    paused: view.settings.paused,
    timed,
    showMath: view.settings.showMath,
  };
};

/** The countdown's words: "1:05 left", "Paused", "No timer", "Time is up". */
export const clockLabel = (view: GameView, deadline: number | null, now: number): string => {
  if (view.ended) return 'Match over';
  if (view.settings.paused) return 'Paused';
  if (deadline === null) return view.settings.timers[view.phase] === null ? 'No timer' : 'Waiting';
  const left = Math.max(0, Math.ceil((deadline - now) / 1000));
  return left === 0 ? 'Time is up' : `${clockText(left)} left`;
};

/** Seconds to add to the timer, from the form's text; an error names the allowed range. */
export const extendCommand = (text: string): { command: Command } | { error: string } => {
  const seconds = Number(text.trim());
  const { min, max } = FORM_LIMITS.extendSeconds;
  if (text.trim() === '' || !Number.isInteger(seconds) || seconds < min || seconds > max)
    return { error: `Add a whole number of seconds from ${min} to ${max}.` };
  return { command: { type: 'extend_timer', seconds } };
};

// ---- Adjudication review ----

export interface ReviewCrisis {
  seat: string;
  sentence: string;
  /** Only forceful moves can succeed or fail; a hold or a de-escalation has no outcome to flip. */
  decidable: boolean;
  engine: boolean;
  current: boolean;
}

export interface ReviewTheater {
  id: string;
  name: string;
  /** The rung before this turn's adjudication. */
  now: number;
  engine: number;
  current: number;
}

export interface ReviewAlly {
  nation: string;
  name: string;
  engine: boolean;
  current: boolean;
}

export interface Review {
  crises: ReviewCrisis[];
  theaters: ReviewTheater[];
  allies: ReviewAlly[];
  notes: { subject: string; text: string; why: { label: string; value: number }[] }[];
  /** The reason of the override in place, if any (the outcomes above already include it). */
  overrideReason: string | null;
}

/** The adjudication waiting for the White Cell: the engine's proposal and what would be published now. */
export const reviewOf = (view: GameView): Review | null => {
  const pending = view.pending;
  if (!pending) return null;
  const engine = pending.engine;
  const current = pending.override?.decisions ?? engine;
  return {
    crises: view.crises.map((c) => ({
      seat: c.challengerSeat,
      sentence: moveSentence(view, c.challenger, c.move),
      decidable: asForceful(c.move.type) !== null && c.move.target !== null,
      engine: engine.success[c.challengerSeat] === true,
      current: current.success[c.challengerSeat] === true,
    })),
    theaters: Object.values(view.regions).map((r) => ({
      id: r.id,
      name: r.name,
      now: r.rung,
      engine: engine.rungs[r.id] ?? r.rung,
      current: current.rungs[r.id] ?? r.rung,
    })),
    allies: view.seats
      .filter((s) => s.role === 'ally' && s.nation)
      .map((s) => {
        const nation = s.nation ?? '';
        return {
          nation,
          name: nationName(view, nation),
          engine: engine.provocations.includes(nation),
          current: current.provocations.includes(nation),
        };
      }),
    // The engine's notes are told from its decisions and the crises, by subject: the breakdowns are
    // what the White Cell reads here (the defense each crisis met, each provocation's risk).
    notes: engine.notes.map((n) => {
      const crisis = view.crises.find((c) => c.challengerSeat === n.subject);
      const result = engine.success[n.subject] ? 'succeeds' : 'fails';
      return {
        subject: view.nations[n.subject]?.name ?? seatName(view, n.subject),
        text: crisis
          ? `${moveNoun(view, crisis.move.type, crisis.move.target)}, the rules give: ${result}. The defense it met:`
          : engine.provocations.includes(n.subject)
            ? 'provokes an incident, counting on its guarantor (the rules drew it). The risk it ran:'
            : 'the engine’s breakdown:',
        why: n.why?.terms ?? [],
      };
    }),
    overrideReason: pending.override?.reason ?? null,
  };
};

export interface OverrideEdits {
  reason: string;
  /** Challenger seat → succeeds. */
  success: Record<string, boolean>;
  /** Region → rung. */
  rungs: Record<string, number>;
  /** Ally nations that provoke. */
  provocations: string[];
}

/** The override command for the White Cell's edits, or why it cannot be sent. */
export const overrideCommand = (review: Review, edits: OverrideEdits): { command: Command } | { error: string } => {
  const reason = edits.reason.trim();
  if (reason === '') return { error: 'Give a reason for the override: players will read it with the results.' };
  if (reason.length > FORM_LIMITS.overrideReason)
    return { error: `Keep the reason under ${FORM_LIMITS.overrideReason} characters.` };
  const success = Object.fromEntries(
    review.crises.filter((c) => c.decidable).map((c) => [c.seat, edits.success[c.seat] ?? c.current]),
  );
  const rungs = Object.fromEntries(review.theaters.map((t) => [t.id, edits.rungs[t.id] ?? t.current]));
  const provocations = review.allies.filter((a) => edits.provocations.includes(a.nation)).map((a) => a.nation);
  const unchanged =
    review.crises.every((c) => !c.decidable || success[c.seat] === c.current) &&
    review.theaters.every((t) => rungs[t.id] === t.current) &&
    review.allies.every((a) => provocations.includes(a.nation) === a.current);
  if (unchanged) return { error: 'Nothing is changed: flip an outcome, or publish as it is.' };
  const parsed = CommandSchema.safeParse({ type: 'override', reason, success, rungs, provocations });
  return parsed.success ? { command: parsed.data } : { error: describeIssues(parsed.error) };
};

// ---- Injects ----

export interface EffectSpec extends EffectRange {
  label: string;
  /** The form's unit; `scale` turns the form's number into the effect's delta, `min`/`max` are in the unit. */
  unit: string;
  step: number;
  scale: number;
}

/** How the form shows each effect; its target and range are the schema's (EFFECT_RANGES). */
const EFFECT_WORDS: Readonly<Record<EffectKind, Pick<EffectSpec, 'label' | 'unit' | 'step' | 'scale'>>> = {
  consensus: { label: 'Consensus', unit: 'points', step: 1, scale: 1 },
  growth: { label: 'Trend growth', unit: '% a year', step: 0.1, scale: 1 },
  capability: { label: 'Capability', unit: '%', step: 1, scale: 0.01 },
  readiness: { label: 'Readiness', unit: 'points', step: 1, scale: 0.01 },
  escalation: { label: 'Escalation', unit: 'rungs', step: 1, scale: 1 },
  ties: { label: 'Alliance ties', unit: 'points', step: 1, scale: 0.01 },
};

export const EFFECT_SPECS: readonly EffectSpec[] = EFFECT_RANGES.map((r) => {
  const words = EFFECT_WORDS[r.kind];
  return { ...r, ...words, min: r.min / words.scale, max: r.max / words.scale };
});

export const effectSpec = (kind: string): EffectSpec | undefined => EFFECT_SPECS.find((s) => s.kind === kind);

/** The nations, theaters or guarantees an effect can name, with their display names. */
export const effectTargets = (view: GameView, target: EffectTarget): { id: string; name: string }[] => {
  const ids =
    target === 'nation'
      ? Object.keys(view.nations)
      : target === 'region'
        ? Object.keys(view.regions)
        : Object.keys(view.guarantees);
  return ids.map((id) => ({
    id,
    name:
      target === 'nation' ? nationName(view, id) : target === 'region' ? regionName(view, id) : guaranteeName(view, id),
  }));
};

/** One effect in people's words: "Aurelia: consensus −8 points". */
export const describeEffect = (view: GameView, e: Effect): string => {
  const spec = effectSpec(e.kind);
  const amount = spec ? e.delta / spec.scale : e.delta;
  const digits = Number.isInteger(Math.round(amount * 1000) / 1000) ? 0 : 1;
  const who =
    'nation' in e
      ? nationName(view, e.nation)
      : 'region' in e
        ? regionName(view, e.region)
        : guaranteeName(view, e.guarantee);
  return `${who}: ${(spec?.label ?? e.kind).toLowerCase()} ${signed(amount, digits)} ${spec?.unit ?? ''}`.trim();
};

export interface DeckCard {
  id: string;
  title: string;
  text: string;
  effects: string[];
  /** Already fired this turn (scripted, drawn or injected). */
  firedThisTurn: boolean;
}

/** The scenario's deck, which only the White Cell sees: the cards it can inject. */
export const deckCards = (view: GameView): DeckCard[] =>
  view.config.deck.map((c) => ({
    id: c.id,
    title: c.title,
    text: c.text,
    effects: c.effects.map((e) => describeEffect(view, e)),
    firedThisTurn: view.cards.some((fired) => fired.id === c.id),
  }));

/** The scripted cards still to come, so the White Cell knows what the scenario has planned. */
export const upcomingScripted = (view: GameView): { turn: number; title: string }[] =>
  view.config.scripted.filter((s) => s.turn > view.turn).map((s) => ({ turn: s.turn, title: s.card.title }));

export interface EffectDraft {
  kind: string;
  target: string;
  /** The form's number, in the spec's unit. */
  amount: string;
}

/** What is wrong with one effect row, or null. */
const effectProblem = (d: EffectDraft, n: number): string | null => {
  const spec = effectSpec(d.kind);
  const amount = Number(d.amount.trim());
  if (!spec) return `Effect ${n}: choose what it changes.`;
  if (d.target === '') return `Effect ${n}: choose the ${spec.target} it affects.`;
  if (d.amount.trim() === '' || !Number.isFinite(amount) || amount < spec.min || amount > spec.max)
    return `Effect ${n}: the change must be a number from ${spec.min} to ${spec.max} ${spec.unit}.`;
  if (spec.whole && !Number.isInteger(amount))
    return `Effect ${n}: ${spec.label.toLowerCase()} moves by whole ${spec.unit}.`;
  if (amount === 0) return `Effect ${n}: a change of 0 does nothing.`;
  return null;
};

/** The inject_custom command for the form, or every problem with it in people's words. */
export const customInjectCommand = (
  title: string,
  text: string,
  drafts: readonly EffectDraft[],
): { command: Command } | { errors: string[] } => {
  const errors: string[] = [];
  if (title.trim() === '') errors.push('Give the inject a title.');
  if (title.trim().length > FORM_LIMITS.injectTitle)
    errors.push(`Keep the title under ${FORM_LIMITS.injectTitle} characters.`);
  if (text.trim() === '') errors.push('Write what happens: players read this text.');
  if (text.trim().length > FORM_LIMITS.injectText)
    errors.push(`Keep the text under ${FORM_LIMITS.injectText} characters.`);
  if (drafts.length > FORM_LIMITS.injectEffects)
    errors.push(`An inject has at most ${FORM_LIMITS.injectEffects} effects.`);
  const effects: unknown[] = [];
  drafts.forEach((d, i) => {
    const problem = effectProblem(d, i + 1);
    const spec = effectSpec(d.kind);
    if (problem || !spec) errors.push(problem ?? `Effect ${i + 1}: choose what it changes.`);
    else
      effects.push({
        kind: spec.kind,
        [spec.target]: d.target,
        delta: Math.round(Number(d.amount) * spec.scale * 1e6) / 1e6,
      });
  });
  if (errors.length > 0) return { errors };
  const parsed = CommandSchema.safeParse({ type: 'inject_custom', title: title.trim(), text: text.trim(), effects });
  return parsed.success ? { command: parsed.data } : { errors: [describeIssues(parsed.error)] };
};

// ---- Seats and people ----

export interface SeatLine {
  id: string;
  name: string;
  role: string;
  bot: string;
  /** The policies that fit the seat's role, for the bot picker. */
  policies: PolicyName[];
  people: string[];
  status: string;
}

const ROLE_ORDER = ['guarantor', 'ally', 'challenger'];

/** The nation seats with who plays them and how each stands in this phase. */
export const seatLines = (s: StoreSnapshot): SeatLine[] =>
  s.seats
    .filter((seat) => ROLE_ORDER.includes(seat.role))
    .sort((a, b) => ROLE_ORDER.indexOf(a.role) - ROLE_ORDER.indexOf(b.role))
    .map((seat) => ({
      id: seat.id,
      name: seat.name,
      role: seat.role,
      bot: seat.bot,
      policies: POLICY_NAMES.filter((p) => POLICY_ROLE[p] === undefined || POLICY_ROLE[p] === seat.role),
      people: s.members.filter((m) => m.seat === seat.id).map((m) => m.name + (m.connected ? '' : ' (reconnecting)')),
      status:
        s.status !== 'playing'
          ? ''
          : seat.civilDisorder
            ? 'Civil disorder: a bot plays it'
            : seat.owes
              ? 'Still to submit'
              : 'Done',
    }));

export interface Person {
  id: string;
  name: string;
  seat: string;
  seatName: string;
  connected: boolean;
}

/** Everyone in the room, White Cell first, then by seat. */
export const people = (s: StoreSnapshot): Person[] => {
  const order = (seat: string) =>
    seat === 'facilitator' ? -1 : seat === 'observer' ? 1e3 : s.seats.findIndex((x) => x.id === seat);
  return s.members
    .map((m) => ({
      id: m.id,
      name: m.name,
      seat: m.seat,
      seatName: s.seats.find((x) => x.id === m.seat)?.name ?? (m.seat === 'observer' ? 'Observers' : m.seat),
      connected: m.connected,
    }))
    .sort((a, b) => order(a.seat) - order(b.seat) || a.name.localeCompare(b.name));
};

/** Where the White Cell may move someone: any nation seat, or the observers. */
export const moveTargets = (s: StoreSnapshot): { id: string; name: string }[] => [
  ...s.seats.filter((seat) => ROLE_ORDER.includes(seat.role)).map((seat) => ({ id: seat.id, name: seat.name })),
  { id: 'observer', name: 'Observers (watch only)' },
];

/** The rung picker's choices: "4 — limited war". */
export const rungOptions = (): { value: number; label: string }[] =>
  Array.from({ length: 9 }, (_, i) => ({ value: i, label: `${i} — ${rungName(i)}` }));
