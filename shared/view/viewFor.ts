// Fog of war as a pure function: what one seat may know. The server sends only this; hidden data
// never reaches another seat's wire. The facilitator sees everything but the dice.
import type { Explained } from '../model/explain.js';
import type { GameState, Report, VisibleState } from '../model/state.js';
import { seatById } from '../rules/seats.js';

/** A seat's view: the state without the generator and with other seats' secrets removed. */
export type GameView = VisibleState & {
  /** The seat this view was made for. */
  viewer: string;
};

const only = <T>(record: Record<string, T>, key: string): Record<string, T> => {
  const value = record[key];
  return value === undefined ? {} : { [key]: value };
};

/** Keeps the value, drops the breakdown: "show the math" off. */
const valueOnly = (e: Explained): Explained => ({ value: e.value, terms: [] });

/**
 * Secret per seat: this turn's allocations, moves and answers (until adjudication publishes
 * their effects), intelligence reveals made to others, other seats' last allocations, and a
 * pending adjudication. The RNG state is hidden from everyone and the seed from all but the White
 * Cell: either would let a client predict draws.
 */
export const viewFor = (state: GameState, seatId: string): GameView => {
  const seat = seatById(state, seatId);
  if (seat?.role === 'facilitator') return publicPart(state, seatId, state);
  const math = state.settings.showMath;
  const withoutWhy = (notes: Report['notes']) => notes.map((n) => ({ ...n, why: null }));
  const report =
    state.report && !math
      ? {
          ...state.report,
          changes: state.report.changes.map((c) => ({ ...c, why: valueOnly(c.why) })),
          notes: withoutWhy(state.report.notes),
          override: state.report.override && {
            ...state.report.override,
            engine: { ...state.report.override.engine, notes: withoutWhy(state.report.override.engine.notes) },
          },
        }
      : state.report;
  const scores: GameState['scores'] = {};
  for (const [id, s] of Object.entries(state.scores)) scores[id] = math || id === seatId ? s : valueOnly(s);
  return publicPart(state, seatId, {
    // With the seed and the public record a client could replay the dice: the White Cell's only.
    seed: 0,
    // The deck and future scripted cards are the White Cell's: players learn of events when they fire.
    config: { ...state.config, deck: [], scripted: state.config.scripted.filter((s) => s.turn <= state.turn) },
    allocations: only(state.allocations, seatId),
    lastAllocations: only(state.lastAllocations, seatId),
    moves: only(state.moves, seatId),
    guarantorAnswers: only(state.guarantorAnswers, seatId),
    nuclearSteps: only(state.nuclearSteps, seatId),
    allyAnswers: only(state.allyAnswers, seatId),
    reveals: state.reveals.filter((r) => r.to === seatId),
    // Immediate deterrence is the challenger's own estimate (it counts what its intelligence saw).
    crises: state.crises.map((c) => (c.challengerSeat === seatId ? c : { ...c, immediate: {} })),
    pending: null,
    report,
    scores,
  });
};

/** The parts of a view that can differ between seats; everything else is the same for all. */
export const SECRET_KEYS = [
  'seed',
  'config',
  'allocations',
  'lastAllocations',
  'moves',
  'guarantorAnswers',
  'nuclearSteps',
  'allyAnswers',
  'reveals',
  'crises',
  'pending',
  'report',
  'scores',
] as const;
export type SecretParts = Pick<GameState, (typeof SECRET_KEYS)[number]>;

/**
 * Builds a view field by field: a whitelist, so a field added to GameState later is a type error
 * here until someone decides who may see it (and the generator's state is never copied).
 */
const publicPart = (state: GameState, viewer: string, secret: SecretParts): GameView => ({
  format: state.format,
  scenarioId: state.scenarioId,
  seed: secret.seed,
  turn: state.turn,
  adjudicated: state.adjudicated,
  phase: state.phase,
  ended: state.ended,
  config: secret.config,
  settings: state.settings,
  params: state.params,
  seats: state.seats,
  nations: state.nations,
  regions: state.regions,
  guarantees: state.guarantees,
  precedent: state.precedent,
  history: state.history,
  ready: state.ready,
  allocations: secret.allocations,
  lastAllocations: secret.lastAllocations,
  moves: secret.moves,
  guarantorAnswers: secret.guarantorAnswers,
  nuclearSteps: secret.nuclearSteps,
  allyAnswers: secret.allyAnswers,
  statements: state.statements,
  crises: secret.crises,
  sanctions: state.sanctions,
  occupations: state.occupations,
  reveals: secret.reveals,
  cards: state.cards,
  pending: secret.pending,
  report: secret.report,
  scores: secret.scores,
  missed: state.missed,
  viewer,
});
