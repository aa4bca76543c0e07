// Plays a match with nobody at the table: every seat decided, and the clock called whenever the
// deciders have nothing more to say. The simulator, the demo and the test driver play this way.
import type { MatchInput } from './input.js';
import type { Match } from './match.js';
import { type SettleOptions, type SettleStep, settleMatch } from './settle.js';
import { stepMatch } from './step.js';

export interface Played {
  match: Match;
  /** Every input, in order: replayInputs() plays it again to the same state. */
  inputs: MatchInput[];
}

/** Plays a started match to its end; `onStep` sees every step, in order. */
export const playUnattended = (
  start: Match,
  options: SettleOptions = {},
  onStep?: (step: SettleStep) => void,
): Played => {
  let match = start;
  const inputs: MatchInput[] = [];
  const see = (s: SettleStep) => {
    inputs.push(s.input);
    onStep?.(s);
  };
  while (match.status === 'playing') {
    const settled = settleMatch(match, { ...options, unattended: 'advance' });
    settled.steps.forEach(see);
    match = settled.match;
    if (match.status !== 'playing') break;
    const timedOut = stepMatch(match, { kind: 'timeout' });
    if (!timedOut.ok) throw new Error(`the clock could not close ${match.state.phase}: ${timedOut.error.message}`);
    match = timedOut.value.match;
    see({ input: { kind: 'timeout' }, match, events: timedOut.value.events });
  }
  return { match, inputs };
};

/** Plays inputs again from the match they were played from; a refused one throws, naming it. */
export const replayInputs = (start: Match, inputs: readonly MatchInput[]): Match =>
  inputs.reduce((match, input, i) => {
    const moved = stepMatch(match, input);
    if (!moved.ok) throw new Error(`input ${i + 1} (${input.kind}) was refused on replay: ${moved.error.message}`);
    return moved.value.match;
  }, start);
