// Real crises to preview: the responses phases of seeded bot matches in which a forceful move
// invokes a guarantee, with the answers and the adjudication that follow, for tests that compare
// a preview with what the engine then charges.
import type { Change, GameState } from '../../../shared/model/state.js';
import type { GuarantorResponse, PolicyName } from '../../../shared/model/vocabulary.js';
import { advance } from '../../../shared/rules/flow.js';
import { applyCommand } from '../../../shared/rules/engine.js';
import { asForceful } from '../../../shared/rules/moves.js';
import { respondents } from '../../../shared/rules/seats.js';
import { SCENARIOS } from '../../../shared/scenarios/index.js';
import { playBotMatch } from '../../../shared/sim/botMatch.js';

/** Responses phases with a forceful crisis that invokes a guarantee, from bot matches with a hawkish challenger. */
export const crisisStates = (scenarioId: string, seeds: readonly number[]): GameState[] => {
  const scenario = SCENARIOS[scenarioId];
  if (!scenario) throw new Error(`no scenario ${scenarioId}`);
  const hawks: Record<string, PolicyName> = Object.fromEntries(
    scenario.seats.filter((s) => s.role === 'challenger').map((s) => [s.id, 'hawk']),
  );
  const found: GameState[] = [];
  for (const seed of seeds)
    playBotMatch(scenario, seed, hawks, (state) => {
      const forceful = state.crises.some((c) => asForceful(c.move.type) && c.move.target && c.invoked.length > 0);
      if (state.phase === 'responses' && forceful) found.push(state);
    });
  return found;
};

/** A state's command applied; a refusal fails the test with the engine's message. */
export const apply = (state: GameState, seat: string, command: Parameters<typeof applyCommand>[2]): GameState => {
  const r = applyCommand(state, seat, command);
  if (!r.ok) throw new Error(r.error.message);
  return r.value.state;
};

/** Each guarantor seat's invoked guarantees, in the order a player answers them. */
export const guarantorTurns = (state: GameState): { seat: string; gid: string }[] =>
  [...respondents(state).guarantees].flatMap(([seat, gids]) => gids.map((gid) => ({ seat, gid })));

/** Varies the answers across guarantees and states, so honor, partial and abandon are all charged. */
export const choiceFor = (index: number): GuarantorResponse =>
  (['honor', 'partial', 'abandon', 'honor'] as const)[index % 4] ?? 'honor';

/** The state advanced through adjudication to its results (remaining seats take their defaults). */
export const adjudicated = (state: GameState): GameState => {
  let next = state;
  for (let guard = 0; guard < 5 && next.phase !== 'results'; guard++) {
    const r = advance(next, { timedOut: true });
    if (!r.ok) throw new Error(r.error.message);
    next = r.value.state;
  }
  if (next.phase !== 'results' || !next.report) throw new Error('the turn did not reach its results');
  return next;
};

/** The terms of one ledger change of the turn's report: what adjudication charged, line by line. */
export const chargedTerms = (state: GameState, subject: string, metric: string): Change['why']['terms'] =>
  state.report?.changes.find((c) => c.subject === subject && c.metric === metric)?.why?.terms ?? [];

/** What adjudication put on the guarantor's obligations for honoring `gid` (0 when it did not). */
export const honorCharged = (state: GameState, guarantor: string, gid: string): number =>
  chargedTerms(state, guarantor, 'obligations')
    .filter((t) => t.label === `cost of honoring ${gid}` || t.label === `cost of honoring ${gid} (sanctions and aid)`)
    .reduce((sum, t) => sum + t.value, 0);
