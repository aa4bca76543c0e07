// A drift guard, not the calibration itself (that is docs/BOTS.md, over 10,000 matches): with the
// default bots the honor and deterrence rates stay near the published bands DESIGN.md names.
import { describe, expect, it } from 'vitest';
import { SCENARIOS, seatPolicies, simulateMatch, summarise } from '../../../shared/index.js';
import { deriveSeed } from '../../../shared/rng.js';

const GAMES = 300;

describe.each(Object.keys(SCENARIOS))('calibration of %s', (id) => {
  it(`over ${GAMES} matches, honor and deterrence rates stay near 40–75% and 50–65%`, () => {
    const scenario = SCENARIOS[id];
    if (!scenario) throw new Error(id);
    const records = Array.from({ length: GAMES }, (_, i) => simulateMatch(scenario, deriveSeed(1, i)));
    const summary = summarise(records, {
      scenario: id,
      seed: 1,
      bots: seatPolicies(scenario),
      roleOf: Object.fromEntries(scenario.seats.map((s) => [s.id, s.role])),
    });
    // Bands a little wider than the targets: 300 matches carry a few points of sampling noise.
    expect(summary.decisions).toBeGreaterThan(100);
    expect(summary.honorRate).toBeGreaterThan(0.35);
    expect(summary.honorRate).toBeLessThan(0.8);
    expect(summary.challenges).toBeGreaterThan(100);
    expect(summary.deterrenceSuccessRate).toBeGreaterThan(0.45);
    expect(summary.deterrenceSuccessRate).toBeLessThan(0.7);
  });
});
