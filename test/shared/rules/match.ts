// Whole-match states for the rule tests that need adjudication: a shipped scenario driven through
// the engine's own entry points (test/shared/properties/drive.ts), with the random channels a test
// is not about switched off, and White Cell overrides to fix an outcome the dice would otherwise draw.
import type { Command } from '../../../shared/protocol/commands.js';
import type { GameState } from '../../../shared/model/state.js';
import { FACILITATOR_SEAT } from '../../../shared/rules/seats.js';
import { newMatch } from '../properties/arbitraries.js';
import { advanceOrThrow, applyOrThrow, toPhase, withParams } from '../properties/drive.js';

/** A classroom match at turn 1's briefing with no provocations and no random event cards. */
export const quietClassroom = (seed = 1): GameState =>
  withParams(newMatch('classroom', seed), { provocationBase: 0, randomEventChance: 0 });

type Override = Omit<Extract<Command, { type: 'override' }>, 'type' | 'reason'>;

/**
 * Adjudicates `state` (any phase before adjudication; owed seats default) with the White Cell
 * setting `override` — success per challenger seat, rungs per theater — and publishes: the results.
 */
export const adjudicateWith = (state: GameState, override: Override): GameState => {
  const reviewed = { ...state, settings: { ...state.settings, facilitatorReview: true } };
  let s = reviewed;
  for (let i = 0; s.phase !== 'adjudication' || s.pending === null; i++) {
    if (i > 20) throw new Error(`could not reach a pending adjudication (at ${s.phase})`);
    s = advanceOrThrow(s);
  }
  s = applyOrThrow(s, FACILITATOR_SEAT, { type: 'override', reason: 'rule test', ...override });
  s = applyOrThrow(s, FACILITATOR_SEAT, { type: 'publish' });
  return { ...s, settings: { ...s.settings, facilitatorReview: state.settings.facilitatorReview } };
};

/** Plays on to the results of the current turn, every owed seat defaulting. */
export const results = (state: GameState): GameState => toPhase(state, 'results');

/** The value of the term labelled `label` in the turn report's change of `metric` for `subject`. */
export const changeTerm = (state: GameState, subject: string, metric: string, label: string): number | undefined =>
  state.report?.changes
    .find((c) => c.subject === subject && c.metric === metric)
    ?.why.terms.find((t) => t.label === label)?.value;
