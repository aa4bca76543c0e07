// Random playouts: 1,000 full matches of each shipped scenario with uniformly random legal commands
// never throw, keep every invariant after allocation and adjudication, and end properly.
import { describe, expect, it } from 'vitest';
import { type GameState, SCENARIOS, advance, applyParsed, owedBy, startMatch } from '../../shared/index.js';
import { randomCommand } from '../../shared/bots/random.js';
import { RngCursor, deriveSeed } from '../../shared/rng.js';
import { brokenInvariants } from './invariants.js';

const MATCHES = 1000;

/** Plays one match, checking invariants whenever a phase closes. Returns the final state. */
const playChecked = (scenarioId: string, seed: number): GameState => {
  const scenario = SCENARIOS[scenarioId];
  if (!scenario) throw new Error(`no scenario ${scenarioId}`);
  const created = startMatch(scenario, seed);
  if (!created.ok) throw new Error(created.error.message);
  let state = created.value.state;
  const rng = new RngCursor(deriveSeed(seed, 1));
  while (!state.ended) {
    for (let guard = 0; guard < 100; guard++) {
      const owed = owedBy(state);
      const seat = owed[rng.int(owed.length)];
      // Sometimes a seat lets its deadline pass, so defaults and civil disorder are exercised too.
      if (seat === undefined || rng.chance(0.1)) break;
      const command = randomCommand(state, seat, rng);
      if (!command) break;
      const result = applyParsed(state, seat, command);
      if (!result.ok) throw new Error(`legal ${command.type} refused for ${seat}: ${result.error.message}`);
      state = result.value.state;
    }
    const next = advance(state, { timedOut: true });
    if (!next.ok) throw new Error(next.error.message);
    state = next.value.state;
    // Check where the rules just wrote: allocations closed, or a turn adjudicated.
    const wrote = state.phase === 'challenger_move' || state.phase === 'results';
    const broken = wrote ? brokenInvariants(state) : [];
    if (broken.length > 0) throw new Error(`seed ${seed}, turn ${state.turn} ${state.phase}: ${broken.join('; ')}`);
  }
  return state;
};

/**
 * The matches are played in slices, one test each, so no single test runs long on a busy machine
 * (a slice takes a couple of seconds on a quiet 2-core machine, far below the test timeout); the
 * last test checks the endings of all of them together.
 */
const SLICE = 250;

describe.each(Object.keys(SCENARIOS))('random playouts of %s', (scenarioId) => {
  const endings: Record<string, number> = {};
  for (let from = 0; from < MATCHES; from += SLICE) {
    const to = Math.min(MATCHES, from + SLICE);
    it(`matches ${from}–${to - 1} end without errors and keep every invariant`, () => {
      for (let i = from; i < to; i++) {
        const final = playChecked(scenarioId, i);
        const reason = final.ended?.reason ?? 'unfinished';
        endings[reason] = (endings[reason] ?? 0) + 1;
        if (reason === 'turns_complete') expect(final.turn).toBe(SCENARIOS[scenarioId]?.turns);
      }
    });
  }

  it(`all ${MATCHES} matches end properly, some of them after every turn`, () => {
    expect((endings['turns_complete'] ?? 0) + (endings['general_nuclear_war'] ?? 0)).toBe(MATCHES);
    // Random play must reach both endings somewhere in 1,000 matches, or the ladder is broken.
    expect(endings['turns_complete']).toBeGreaterThan(0);
  });
});
