// `submitters` (who has a submission in a phase at all, which the game screen's "done" list reads)
// and `owedBy` (who still owes it) must describe the same seats: at a phase's start nobody has
// submitted, so the two are the same set, and later owedBy only shrinks within it.
import { describe, expect, it } from 'vitest';
import type { GameState } from '../../../shared/model/state.js';
import { owedBy, submitters } from '../../../shared/rules/flow.js';
import { SCENARIOS } from '../../../shared/scenarios/index.js';
import { playBotMatch } from '../../../shared/sim/botMatch.js';

describe.each(['classroom', 'baltic'])('submitters in %s', (scenarioId) => {
  const scenario = SCENARIOS[scenarioId];
  if (!scenario) throw new Error(`no scenario ${scenarioId}`);
  const starts: GameState[] = [];
  for (const seed of [1, 2, 3]) playBotMatch(scenario, seed, {}, (state) => starts.push(state));

  it('are exactly the seats that owe when a phase starts, in every phase', () => {
    const phases = new Set<string>();
    for (const state of starts) {
      if (state.ended) continue;
      phases.add(state.phase);
      expect(new Set(owedBy(state)), `${state.turn} ${state.phase}`).toEqual(new Set(submitters(state)));
    }
    expect([...phases]).toEqual(expect.arrayContaining(['allocation', 'challenger_move', 'results']));
  });
});
