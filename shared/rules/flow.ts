// The turn as declared data: which phase follows which, who owes what in each, and the
// documented default a seat gets when its time runs out (docs/RULES.md, "Deadlines").
import type { GameEvent } from '../model/events.js';
import type { Crisis, GameState, VisibleState } from '../model/state.js';
import { type Phase } from '../model/vocabulary.js';
import { fail, ok, type Result } from '../result.js';
import { RngCursor } from '../rng.js';
import { adjudicate } from './adjudication.js';
import { applyCard, cardsForTurn } from './cards.js';
import { crisisOf } from './deterrence.js';
import { budget, fitToBudget, statusQuoAllocation, turnYears } from './economy.js';
import { drawReveals } from './intel.js';
import { FACILITATOR_SEAT, nationSeats, respondents, seatById } from './seats.js';

export interface Outcome {
  state: GameState;
  events: GameEvent[];
}

/**
 * Seats that have a submission to make in the current phase at all, done or not: every nation seat
 * in the ready and allocation phases, the challengers for the move, the respondents to a crisis,
 * and the White Cell for a review. `owedBy` is the part of them still to submit.
 */
export const submitters = (state: VisibleState): string[] => {
  switch (state.phase) {
    case 'briefing':
    case 'diplomacy':
    case 'results':
    case 'allocation':
      return nationSeats(state).map((s) => s.id);
    case 'challenger_move':
      return state.seats.filter((s) => s.role === 'challenger').map((s) => s.id);
    case 'responses': {
      const owed = respondents(state);
      return [...new Set([...owed.guarantees.keys(), ...owed.allies])];
    }
    case 'adjudication':
      return state.pending ? [FACILITATOR_SEAT] : [];
  }
};

/** Seats that still owe a submission before the current phase can close early. */
export const owedBy = (state: VisibleState): string[] => {
  switch (state.phase) {
    case 'briefing':
    case 'diplomacy':
    case 'results':
      return nationSeats(state)
        .map((s) => s.id)
        .filter((id) => !state.ready.includes(id));
    case 'allocation':
      return nationSeats(state)
        .map((s) => s.id)
        .filter((id) => state.allocations[id] === undefined);
    case 'challenger_move':
      return state.seats.filter((s) => s.role === 'challenger' && state.moves[s.id] === undefined).map((s) => s.id);
    case 'responses': {
      const owed = respondents(state);
      const guarantors = [...owed.guarantees]
        .filter(([seat, gids]) => gids.some((g) => state.guarantorAnswers[seat]?.[g] === undefined))
        .map(([seat]) => seat);
      return [...guarantors, ...owed.allies.filter((seat) => state.allyAnswers[seat] === undefined)];
    }
    case 'adjudication':
      return state.pending ? [FACILITATOR_SEAT] : [];
  }
};

/** Phases whose missed deadline counts toward civil disorder: the ones with real decisions. */
const DECISION_PHASES: readonly Phase[] = ['allocation', 'challenger_move', 'responses'];

/**
 * Fills every owed submission with its default: allocation = last turn's (or the status quo) fitted
 * to the budget; challenger move = hold; guarantor answer = partial; ally answer = hedge;
 * ready = ready; a pending adjudication is published (with the override, if one was made).
 */
const applyDefaults = (state: GameState, owed: string[], countMissed: boolean): Outcome => {
  const years = turnYears(state);
  let next = state;
  const events: GameEvent[] = [];
  const missed = { ...state.missed };
  for (const seatId of owed) {
    const seat = seatById(state, seatId);
    const nation = seat?.nation ? state.nations[seat.nation] : undefined;
    let what = '';
    switch (state.phase) {
      case 'briefing':
      case 'diplomacy':
      case 'results':
        next = { ...next, ready: [...next.ready, seatId] };
        continue;
      case 'allocation': {
        if (!nation) continue;
        const last = state.lastAllocations[seatId];
        const allocation = fitToBudget(last ?? statusQuoAllocation(nation, years), budget(nation, years).value);
        next = { ...next, allocations: { ...next.allocations, [seatId]: allocation } };
        what = last ? "last turn's allocation" : 'the status-quo allocation';
        break;
      }
      case 'challenger_move':
        next = { ...next, moves: { ...next.moves, [seatId]: { type: 'hold', target: null } } };
        what = 'hold';
        break;
      case 'responses': {
        const gids = respondents(next).guarantees.get(seatId) ?? [];
        const answers = { ...next.guarantorAnswers[seatId] };
        for (const g of gids) answers[g] ??= 'partial';
        next = { ...next, guarantorAnswers: { ...next.guarantorAnswers, [seatId]: answers } };
        if (respondents(next).allies.includes(seatId) && next.allyAnswers[seatId] === undefined)
          next = { ...next, allyAnswers: { ...next.allyAnswers, [seatId]: 'hedge' } };
        what = 'partial for guarantees, hedge for allies';
        break;
      }
      case 'adjudication':
        continue;
    }
    if (countMissed && DECISION_PHASES.includes(state.phase)) missed[seatId] = (missed[seatId] ?? 0) + 1;
    events.push({
      kind: 'default_applied',
      turn: state.turn,
      visibleTo: [seatId],
      text: `${seatId} did not submit in time: default ${what}`,
    });
  }
  return { state: { ...next, missed }, events };
};

const NEXT: Readonly<Record<Phase, Phase>> = {
  briefing: 'diplomacy',
  diplomacy: 'allocation',
  allocation: 'challenger_move',
  challenger_move: 'responses',
  responses: 'adjudication',
  adjudication: 'results',
  results: 'briefing',
};

const phaseEvent = (state: GameState): GameEvent => ({
  kind: 'phase_changed',
  turn: state.turn,
  visibleTo: 'all',
  text: `Turn ${state.turn}: ${state.phase.replace('_', ' ')}`,
});

/** What a turn starts with: no submissions, statements, crises, reveals or cards yet. */
export const emptyTurn = (): Pick<
  GameState,
  | 'ready'
  | 'allocations'
  | 'moves'
  | 'guarantorAnswers'
  | 'nuclearSteps'
  | 'allyAnswers'
  | 'statements'
  | 'crises'
  | 'reveals'
  | 'cards'
> => ({
  ready: [],
  allocations: {},
  moves: {},
  guarantorAnswers: {},
  nuclearSteps: {},
  allyAnswers: {},
  statements: [],
  crises: [],
  reveals: [],
  cards: [],
});

/** Starts a turn: clears the last turn's submissions and fires its event cards. */
export const beginTurn = (state: GameState, turn: number): Outcome => {
  let next: GameState = { ...state, ...emptyTurn(), turn, phase: 'briefing' };
  const rng = new RngCursor(next.rng);
  const cards = cardsForTurn(next, rng);
  next = { ...next, rng: rng.state };
  const events: GameEvent[] = [phaseEvent(next)];
  for (const card of cards) {
    const applied = applyCard(next, card);
    next = applied.state;
    events.push({
      kind: 'card_fired',
      turn,
      visibleTo: 'all',
      text: `${card.title}: ${card.text}`,
      data: { card: card.id, changes: applied.changes },
    });
  }
  if (next.ended && !state.ended)
    events.push({
      kind: 'match_ended',
      turn,
      visibleTo: 'all',
      text: 'General nuclear war: the match is over and everyone loses',
    });
  return { state: next, events };
};

/** The executed challenger moves, with the guarantees they invoke and the immediate deterrence each faced. */
const buildCrises = (state: GameState): Crisis[] =>
  state.seats
    .filter((s) => s.role === 'challenger' && s.nation)
    .map((s) => crisisOf(state, s, state.moves[s.id] ?? { type: 'hold', target: null }));

/** Moves from the closing phase to the next, running what happens in between. */
const transition = (state: GameState): Outcome => {
  const events: GameEvent[] = [];
  let next = state;
  switch (state.phase) {
    case 'briefing':
    case 'diplomacy':
      next = { ...state, phase: NEXT[state.phase], ready: [] };
      break;
    case 'allocation': {
      const rng = new RngCursor(state.rng);
      const reveals = drawReveals(state, state.allocations, rng);
      for (const r of reveals)
        events.push({
          kind: 'intel_reveal',
          turn: state.turn,
          visibleTo: [r.to],
          text: `Intelligence: ${r.about}'s allocation${r.gap ? ' — its red line is not backed by forces' : ''}`,
          data: { reveal: r },
        });
      next = { ...state, rng: rng.state, reveals, phase: 'challenger_move' };
      break;
    }
    case 'challenger_move': {
      const crises = buildCrises(state);
      for (const c of crises) {
        const text = `${c.challenger}: ${c.move.type.replace('_', ' ')}${c.move.target ? ` against ${c.move.target}` : ''}${c.invoked.length > 0 ? ` — invokes ${c.invoked.join(', ')}` : ''}`;
        // The immediate-deterrence estimate counts the challenger's own intelligence: its eyes only.
        events.push({
          kind: 'crisis',
          turn: state.turn,
          visibleTo: 'all',
          text,
          data: { crisis: { ...c, immediate: {} } },
        });
        events.push({
          kind: 'crisis',
          turn: state.turn,
          visibleTo: [c.challengerSeat],
          text: 'Your estimate of immediate deterrence',
          data: { immediate: c.immediate },
        });
      }
      next = { ...state, crises, moves: {} };
      const owe = respondents(next);
      next = { ...next, phase: owe.guarantees.size > 0 ? 'responses' : 'adjudication' };
      if (next.phase === 'adjudication') return enterAdjudication(next, events);
      break;
    }
    case 'responses':
      return enterAdjudication({ ...state, phase: 'adjudication' }, events);
    case 'adjudication':
      return publishAdjudication(state, events);
    case 'results': {
      if (state.turn >= state.config.turns || state.ended) {
        const ended = state.ended ?? { reason: 'turns_complete' as const, turn: state.turn };
        next = { ...state, ended };
        events.push({
          kind: 'match_ended',
          turn: state.turn,
          visibleTo: 'all',
          text: `The match is over: ${ended.reason.replaceAll('_', ' ')}`,
        });
        return { state: next, events };
      }
      const begun = beginTurn(state, state.turn + 1);
      return { state: begun.state, events: [...events, ...begun.events] };
    }
  }
  return { state: next, events: [...events, phaseEvent(next)] };
};

/** Adjudication either waits for the White Cell's review or publishes at once. */
const enterAdjudication = (state: GameState, events: GameEvent[]): Outcome => {
  if (!state.settings.facilitatorReview) return publishAdjudication(state, events);
  const { engine } = adjudicate(state, null);
  const next = { ...state, pending: { engine, override: null } };
  return {
    state: next,
    events: [
      ...events,
      phaseEvent(next),
      {
        kind: 'adjudication_ready',
        turn: state.turn,
        visibleTo: [FACILITATOR_SEAT],
        text: 'Adjudication ready for review',
        data: { engine },
      },
    ],
  };
};

/** Applies the adjudication (the override if the facilitator made one) and shows the results. */
const publishAdjudication = (state: GameState, events: GameEvent[]): Outcome => {
  const { state: adjudicated } = adjudicate(state, state.pending?.override ?? null);
  const next: GameState = { ...adjudicated, phase: 'results', ready: [] };
  const out: GameEvent[] = [
    ...events,
    {
      kind: 'adjudicated',
      turn: state.turn,
      visibleTo: 'all',
      text: `Turn ${state.turn} adjudicated${next.report?.override ? ' (White Cell override)' : ''}`,
      data: { override: next.report?.override !== null },
    },
    phaseEvent(next),
  ];
  if (next.ended?.reason === 'general_nuclear_war')
    out.push({
      kind: 'match_ended',
      turn: state.turn,
      visibleTo: 'all',
      text: 'General nuclear war: the match is over and everyone loses',
    });
  return { state: next, events: out };
};

export interface AdvanceOptions {
  /** The phase timer ran out: owed seats get their defaults and it counts as a missed deadline. */
  timedOut?: boolean;
  /** The facilitator pushed the phase on: owed seats get defaults, not counted as missed. */
  forced?: boolean;
}

/**
 * Closes the current phase and opens the next. Without a timeout or force, every seat must have
 * submitted (else ERR_WAITING_FOR_SEATS, state unchanged).
 */
export const advance = (state: GameState, options: AdvanceOptions = {}): Result<Outcome> => {
  if (state.ended) return fail('ERR_MATCH_OVER', 'the match has ended');
  if (options.timedOut && state.settings.paused) return fail('ERR_PAUSED', 'the match is paused: timers are stopped');
  const owed = owedBy(state);
  if (owed.length > 0 && !options.timedOut && !options.forced)
    return fail(
      'ERR_WAITING_FOR_SEATS',
      `waiting for ${owed.join(', ')} to submit in ${state.phase.replace('_', ' ')}`,
    );
  const filled = applyDefaults(state, owed, options.timedOut === true);
  const moved = transition(filled.state);
  // A timer extension belongs to the phase it was granted in.
  const settings = { ...moved.state.settings, extensionSeconds: 0 };
  return ok({ state: { ...moved.state, settings }, events: [...filled.events, ...moved.events] });
};
