// Invariants over random playouts: DESIGN.md directions 8 (replay) and 9 (budgets and bounds), finite
// numbers everywhere, and every Explained breakdown adding up to its value.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  allocationTotal,
  AUDIENCES,
  budget,
  burden,
  challengerCalculus,
  credibility,
  DEFAULT_PARAMS,
  escalateTheater,
  type Explained,
  type GameState,
  immediateDeterrence,
  MOVE_TYPES,
  provocationRisk,
  reputation,
  RngCursor,
  TOP_RUNG,
} from '../../../shared/index.js';
import { randomCommand } from '../../../shared/bots/random.js';
import { playMatch, replay } from '../../../shared/sim/playout.js';
import { arbScenarioId, arbSeed, arbWorld, budgeted, playRandomly, scenarioOf } from './arbitraries.js';

const FORCEFUL = ['probe', 'coerce', 'limited_attack', 'major_attack'] as const;

const isExplained = (x: unknown): x is Explained =>
  typeof x === 'object' &&
  x !== null &&
  typeof (x as Explained).value === 'number' &&
  Array.isArray((x as Explained).terms);

/** Every number anywhere in `x` is finite, and every Explained in it adds up (within 1e-9). */
const checkTree = (x: unknown, path: string): void => {
  if (typeof x === 'number') expect(Number.isFinite(x), `${path} = ${x}`).toBe(true);
  if (typeof x !== 'object' || x === null) return;
  if (isExplained(x)) checkSum(x, path);
  for (const [k, v] of Object.entries(x)) checkTree(v, `${path}.${k}`);
};

const checkSum = (e: Explained, what: string): void => {
  const sum = e.terms.reduce((s, t) => s + t.value, 0);
  expect(Math.abs(sum - e.value), `${what}: terms sum to ${sum}, value ${e.value}`).toBeLessThanOrEqual(1e-9);
};

/** Byte-equal JSON; a mismatch shows where the two first differ rather than two whole states. */
const expectSameJson = (actual: unknown, expected: unknown, what: string): void => {
  const [a, b] = [JSON.stringify(actual), JSON.stringify(expected)];
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  const around = (text: string) => text.slice(Math.max(0, i - 100), i + 100);
  expect(around(a), `${what} differs from the original at character ${i}`).toBe(around(b));
  expect(a.length).toBe(b.length);
};

const within = (x: number, lo: number, hi: number, what: string): void => {
  expect(x, what).toBeGreaterThanOrEqual(lo);
  expect(x, what).toBeLessThanOrEqual(hi);
};

/** Direction 9 and the breakdown invariant, for one state: stored meters and every derived number. */
const checkState = (s: GameState): void => {
  checkTree(s, 'state');
  for (const n of Object.values(s.nations)) {
    for (const m of ['consensus', 'integrity', 'gains', 'hedging', 'industrialBase'] as const)
      within(n[m], 0, 100, `${n.id}.${m}`);
    for (const m of ['readiness', 'umbrella'] as const) within(n[m], 0, 1, `${n.id}.${m}`);
    for (const m of ['capability', 'strain', 'obligations', 'debt'] as const) within(n[m], 0, Infinity, `${n.id}.${m}`);
    for (const [r, fp] of Object.entries(n.posture)) within(fp, 0, Infinity, `${n.id}.posture.${r}`);
    checkSum(budget(n, s.config.monthsPerTurn / 12), `budget ${n.id}`);
    checkSum(burden(s, n.id), `burden ${n.id}`);
    checkSum(provocationRisk(s, n.id), `provocation ${n.id}`);
    within(provocationRisk(s, n.id).value, 0, 1, `provocation ${n.id}`);
    for (const move of FORCEFUL)
      for (const c of s.seats.filter((x) => x.role === 'challenger' && x.nation))
        checkSum(challengerCalculus(s, c.nation ?? '', move, n.id), `EV ${c.nation} ${move} ${n.id}`);
  }
  for (const g of Object.values(s.guarantees)) {
    for (const m of ['ties', 'clarity', 'commitment'] as const) within(g[m], 0, 1, `${g.id}.${m}`);
    for (const audience of AUDIENCES) {
      const c = credibility(s, g.id, audience);
      within(c.value, 0, 100, `credibility ${g.id} ${audience}`);
      checkSum(c, `credibility ${g.id} ${audience}`);
    }
    checkSum(reputation(s, g.id), `reputation ${g.id}`);
    checkSum(immediateDeterrence(s, g.id), `immediate deterrence ${g.id}`);
  }
  for (const r of Object.values(s.regions)) {
    expect(Number.isInteger(r.rung), `${r.id}.rung`).toBe(true);
    within(r.rung, 0, TOP_RUNG, `${r.id}.rung`);
    within(r.peak, r.rung, TOP_RUNG, `${r.id}.peak`);
  }
  for (const [seat, score] of Object.entries(s.scores)) within(score.value, 0, 100, `score ${seat}`);
  // Allocations are judged against the budget of the turn they were made in (nations change at adjudication).
  if (s.phase === 'allocation' || s.phase === 'challenger_move' || s.phase === 'responses')
    for (const [seat, a] of Object.entries(s.allocations)) {
      const nation = s.nations[s.seats.find((x) => x.id === seat)?.nation ?? ''];
      if (!nation) throw new Error(`allocation from ${seat}, which plays no nation`);
      const limit = budget(nation, s.config.monthsPerTurn / 12).value;
      expect(allocationTotal(a), `allocation of ${seat}`).toBeLessThanOrEqual(limit * (1 + 1e-9) + 1e-9);
    }
};

describe('invariants (DESIGN.md directions 8 and 9)', () => {
  // Direction 8: same seed, same scenario, same commands: the same match, byte for byte (and a replay of its log too).
  it('a match replays byte for byte from its seed and command log', () => {
    fc.assert(
      fc.property(arbScenarioId, arbSeed, arbSeed, (scenario, seed, botSeed) => {
        const play = () => {
          const rng = new RngCursor(botSeed);
          return playMatch(scenarioOf(scenario), seed, () => (s, seat) => randomCommand(s, seat, rng));
        };
        const first = play();
        expectSameJson(play().state, first.state, 'a second play');
        expectSameJson(replay(scenarioOf(scenario), seed, first.log), first.state, 'the replay');
      }),
      budgeted(15),
    );
  });

  // Direction 9 and breakdowns: along random playouts from random states, every meter, score and credibility stays
  // in bounds, every number is finite, every Explained adds up and no allocation exceeds its budget.
  it('random playouts keep every meter in bounds, every number finite and every breakdown summed', () => {
    fc.assert(
      fc.property(arbWorld, arbSeed, (world, botSeed) => {
        checkState(world);
        const end = playRandomly(world, botSeed, (s) => {
          checkState(s);
          return false;
        });
        checkState(end);
        expect(end.ended).not.toBeNull();
      }),
      budgeted(20),
    );
  });

  // Direction 9 for the ladder itself: any theater input gives a rung within 0..8 (0..5 without a nuclear power),
  // and its breakdown adds up.
  it('escalation stays on the ladder and explains its rung', () => {
    fc.assert(
      fc.property(
        fc.record({
          current: fc.integer({ min: 0, max: TOP_RUNG - 1 }),
          precedent: fc.integer({ min: 0, max: TOP_RUNG }),
          move: fc.option(fc.constantFrom(...MOVE_TYPES), { nil: null }),
          honored: fc.boolean(),
          provocation: fc.boolean(),
          exitRamps: fc.integer({ min: 0, max: 3 }),
          nuclearPossible: fc.boolean(),
        }),
        arbSeed,
        (input, seed) => {
          const result = escalateTheater(input, DEFAULT_PARAMS, new RngCursor(seed));
          within(result.rung.value, 0, TOP_RUNG, 'rung');
          if (!input.nuclearPossible && input.current <= 5) within(result.rung.value, 0, 5, 'conventional rung');
          expect(Number.isInteger(result.rung.value)).toBe(true);
          checkSum(result.rung, 'rung');
        },
      ),
      { numRuns: 300 },
    );
  });
});
