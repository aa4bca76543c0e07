// Drives a headless match to a chosen phase through the public API only, failing loudly on any refusal.
import {
  type AdvanceOptions,
  advance,
  applyCommand,
  applyParsed,
  type ChallengerMove,
  type Command,
  createMatch,
  type GameState,
  type MatchOptions,
  owedBy,
  type Outcome,
  type Result,
  SCENARIOS,
  statusQuoAllocation,
} from '../../../shared/index.js';

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

/** Chooses a command for a seat, or null to let the deadline default it. */
export type Policy = (state: GameState, seat: string) => Command | null;

/** A match's log: each accepted command, and each advance with whether it timed out. */
export type PlayoutEntry = { seat: string; command: Command } | { advance: AdvanceOptions };

/**
 * Plays a match through the public API only: every owing seat asks the policy until nobody owes or
 * answers, then the phase advances (timed out if someone still owes).
 */
export const playScripted = (
  scenario: string,
  seed: number,
  policy: Policy,
): { state: GameState; log: PlayoutEntry[] } => {
  let state = start(scenario, seed);
  const log: PlayoutEntry[] = [];
  for (let guard = 0; guard < 10_000 && !state.ended; guard++) {
    const seat = owedBy(state).find((s) => policy(state, s) !== null);
    const command = seat === undefined ? null : policy(state, seat);
    if (seat !== undefined && command !== null) {
      state = must(applyParsed(state, seat, command));
      log.push({ seat, command });
    } else {
      const options = { timedOut: owedBy(state).length > 0 };
      state = next(state, options);
      log.push({ advance: options });
    }
  }
  return { state, log };
};

/** Replays a log from the same scenario and seed. */
export const replayLog = (scenario: string, seed: number, log: readonly PlayoutEntry[]): GameState =>
  log.reduce(
    (s, e) => ('advance' in e ? next(s, e.advance) : must(applyParsed(s, e.seat, e.command))),
    start(scenario, seed),
  );
