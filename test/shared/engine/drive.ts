// Drives a headless match to a chosen phase through the public API only, failing loudly on any refusal.
import {
  type AdvanceOptions,
  advance,
  applyCommand,
  type ChallengerMove,
  createMatch,
  type GameState,
  type MatchOptions,
  owedBy,
  type Outcome,
  type MatchInput,
  type Result,
  type Scenario,
  SCENARIOS,
  statusQuoAllocation,
} from '../../../shared/index.js';
import { type Playout, type Policy, playMatch, replay } from '../../../shared/sim/playout.js';

export type { Policy };

/** A new match of a shipped scenario, or of raw scenario data. */
export const start = (scenario: string | unknown = 'classroom', seed = 1, options: MatchOptions = {}): GameState => {
  const data = typeof scenario === 'string' ? SCENARIOS[scenario] : scenario;
  const created = createMatch(data, seed, options);
  if (!created.ok) throw new Error(`${created.error.code}: ${created.error.message}`);
  return created.value.state;
};

/** The outcome's state, or a thrown error naming the refusal. */
export const must = (r: Result<Outcome>): GameState => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value.state;
};

export const send = (s: GameState, seat: string, command: unknown): GameState => must(applyCommand(s, seat, command));

export const next = (s: GameState, options: AdvanceOptions = {}): GameState => must(advance(s, options));

/** Every owing seat says ready. */
export const readyAll = (s: GameState): GameState =>
  owedBy(s).reduce((acc, seat) => send(acc, seat, { type: 'ready' }), s);

/** The status-quo allocation of a seat's nation this turn. */
export const statusQuo = (s: GameState, seat: string) => {
  const n = s.nations[s.seats.find((x) => x.id === seat)?.nation ?? ''];
  if (!n) throw new Error(`seat ${seat} plays no nation`);
  return statusQuoAllocation(n, s.config.monthsPerTurn / 12);
};

/** Every owing seat allocates its status quo. */
export const allocateAll = (s: GameState): GameState =>
  owedBy(s).reduce((acc, seat) => send(acc, seat, { type: 'allocate', allocation: statusQuo(acc, seat) }), s);

/** Briefing → allocation with everyone ready. */
export const toAllocation = (s: GameState): GameState => next(readyAll(next(readyAll(s))));

/** Briefing → challenger move with status-quo allocations. */
export const toMove = (s: GameState): GameState => next(allocateAll(toAllocation(s)));

/** Briefing → the phase after the challenger's move (responses, results, or adjudication under review). */
export const afterMove = (s: GameState, move: ChallengerMove, challenger = 'varkal'): GameState =>
  next(send(toMove(s), challenger, { type: 'move', move }));

/** Results → the next turn's briefing. */
export const nextTurn = (s: GameState): GameState => next(readyAll(s));

/** Plays on with timeouts until the match ends. */
export const playOut = (s: GameState): GameState => {
  let state = s;
  for (let i = 0; i < 1000 && !state.ended; i++) state = next(state, { timedOut: true });
  return state;
};

/**
 * Plays a match of a shipped scenario through the one match loop (shared/match): every owing seat
 * asks the policy, the first with something to say acts, and the clock closes the phase when they
 * all fall silent. A refused command throws.
 */
export const playScripted = (scenario: string, seed: number, policy: Policy): Playout =>
  playMatch(scenarioOf(scenario), seed, () => policy);

/** Replays a log from the same scenario and seed. */
export const replayLog = (scenario: string, seed: number, log: readonly MatchInput[]): GameState =>
  replay(scenarioOf(scenario), seed, log);

const scenarioOf = (id: string): Scenario => {
  const scenario = SCENARIOS[id];
  if (!scenario) throw new Error(`no scenario ${id}`);
  return scenario;
};
