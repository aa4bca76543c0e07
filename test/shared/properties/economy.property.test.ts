// Guns versus butter and the budget: DESIGN.md directions 6 (through the engine), 7 and 9 (allocations).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Allocation,
  allocationTotal,
  applyParsed,
  budget,
  burden,
  type GameState,
  generalDeterrence,
  statusQuoAllocation,
} from '../../../shared/index.js';
import { arbWorld, budgeted, newMatch } from './arbitraries.js';
import { applyOrThrow, toPhase, turnWith, withNation, withParams } from './drive.js';

const RUNS = 40;
const EPS = 1e-9;

const years = (s: GameState): number => s.config.monthsPerTurn / 12;
const nationOf = (s: GameState, id: string) => {
  const n = s.nations[id];
  if (!n) throw new Error(`no nation ${id}`);
  return n;
};
/** Random choices stay off the paths under test: no provocations, no random event cards. */
const quiet = (s: GameState): GameState => withParams(s, { provocationBase: 0, randomEventChance: 0 });

/** The status quo, with `shift` of the domestic money moved into readiness. */
const readinessShift =
  (id: string, shift: number) =>
  (s: GameState): Allocation => {
    const base = statusQuoAllocation(nationOf(s, id), years(s));
    return { ...base, readiness: base.readiness + shift * base.domestic, domestic: (1 - shift) * base.domestic };
  };

/** Defense at `share`% of GDP, half readiness, half modernization; the rest of the budget domestic. */
const spendShare =
  (id: string, share: number) =>
  (s: GameState): Allocation => {
    const n = nationOf(s, id);
    const total = budget(n, years(s)).value;
    const defense = Math.min(total, (share / 100) * n.gdp * years(s));
    const none = { forwardPosture: {}, extendedDeterrence: 0, foreignAid: {} };
    return { ...none, readiness: defense / 2, modernization: defense / 2, domestic: total - defense };
  };

const arbWorldAnd = <T>(pick: (w: GameState) => T[]) =>
  arbWorld.chain((world) => fc.constantFrom(...pick(world)).map((x) => ({ world, x })));
const allies = (w: GameState) => w.seats.filter((s) => s.role === 'ally' && s.nation).map((s) => s.nation ?? '');
const nationSeatsOf = (w: GameState) => w.seats.filter((s) => s.nation !== null).map((s) => s.id);

const arbNation = arbWorldAnd((w) => Object.keys(w.nations));
const arbExtra = fc.double({ min: 0.5, max: 3, noNaN: true });
const arbTurns = fc.integer({ min: 2, max: 4 });

/** `turns` turns of `id` spending `extra` points above its sustainable share, against the same turns at that share. */
const overAndAt = (world: GameState, id: string, extra: number, turns: number) => {
  const start = withNation(world, id, { obligations: 0 });
  const n = nationOf(start, id);
  const over = Math.min(n.sustainableShare + extra, 95 * n.budgetShare);
  let heavy = start;
  let steady = start;
  const gaps: number[] = [];
  // No crises and silenced dice: both runs end together if a theater reaches general nuclear war.
  for (let t = 0; t < turns && !heavy.ended && !steady.ended; t++) {
    heavy = turnWith(heavy, id, spendShare(id, over));
    steady = turnWith(steady, id, spendShare(id, n.sustainableShare));
    gaps.push(nationOf(steady, id).growth - nationOf(heavy, id).growth);
  }
  return { heavy: nationOf(heavy, id), steady: nationOf(steady, id), gaps };
};

describe('economy (DESIGN.md directions 6, 7 and 9)', () => {
  // Direction 6: an ally that spends more on its own defense raises deterrence and lowers its guarantors' burden.
  it("an ally's own defense spending raises deterrence and lowers the guarantor's burden", () => {
    fc.assert(
      fc.property(
        arbWorldAnd(allies),
        fc.double({ min: 0.05, max: 1, noNaN: true }),
        ({ world: w, x: ally }, shift) => {
          const world = quiet(w);
          const base = turnWith(world, ally, readinessShift(ally, 0));
          const spender = turnWith(world, ally, readinessShift(ally, shift));
          for (const g of Object.values(world.guarantees).filter((h) => h.ally === ally)) {
            expect(generalDeterrence(spender, g.id).value, g.id).toBeGreaterThanOrEqual(
              generalDeterrence(base, g.id).value - EPS,
            );
            expect(burden(spender, g.guarantor).value).toBeLessThanOrEqual(burden(base, g.guarantor).value + EPS);
            expect(nationOf(spender, g.guarantor).consensus).toBeGreaterThanOrEqual(
              nationOf(base, g.guarantor).consensus - EPS,
            );
          }
        },
      ),
      budgeted(RUNS),
    );
  });

  // Direction 6, strict case: Corvin (below the burden target) buys readiness; deterrence rises, Aurelia's burden falls.
  it('an under-spending ally that spends more strictly helps (classroom, Corvin)', () => {
    const world = quiet(newMatch('classroom', 7));
    const base = turnWith(world, 'corvin', readinessShift('corvin', 0));
    const spender = turnWith(world, 'corvin', readinessShift('corvin', 0.5));
    expect(generalDeterrence(spender, 'aurelia-corvin').value).toBeGreaterThan(
      generalDeterrence(base, 'aurelia-corvin').value,
    );
    expect(burden(spender, 'aurelia').value).toBeLessThan(burden(base, 'aurelia').value);
  });

  // Direction 7: several turns above the sustainable share leave growth and GDP below holding at it, the gap widening.
  it('sustained spending beyond the sustainable share lowers growth', () => {
    fc.assert(
      fc.property(arbNation, arbExtra, arbTurns, ({ world, x: id }, extra, turns) => {
        const { heavy, steady, gaps } = overAndAt(quiet(world), id, extra, turns);
        expect(heavy.growth).toBeLessThan(steady.growth);
        expect(heavy.gdp).toBeLessThan(steady.gdp);
        // Sustained: the growth penalty never shrinks while the over-spending goes on.
        gaps.slice(1).forEach((gap, t) => expect(gap).toBeGreaterThanOrEqual((gaps[t] ?? NaN) - EPS));
      }),
      budgeted(RUNS),
    );
  });

  // Direction 7: several turns above the sustainable share leave consensus below holding at it (strictly, off the floor).
  it('sustained spending beyond the sustainable share lowers consensus', () => {
    fc.assert(
      fc.property(arbNation, arbExtra, arbTurns, ({ world, x: id }, extra, turns) => {
        const { heavy, steady } = overAndAt(quiet(world), id, extra, turns);
        expect(heavy.consensus).toBeLessThanOrEqual(steady.consensus);
        if (steady.consensus > 0) expect(heavy.consensus).toBeLessThan(steady.consensus);
      }),
      budgeted(RUNS),
    );
  });

  // Direction 7, a fixed case: after the energy-shock card Germany's trend growth is negative; over-spending still costs growth.
  it('over-spending lowers growth in a recession too (Baltic, Germany after the energy shock)', () => {
    const shocked = applyOrThrow(quiet(newMatch('baltic', 8)), 'facilitator', { type: 'inject', card: 'energy-shock' });
    expect(nationOf(shocked, 'deu').trendGrowth).toBeLessThan(0);
    const { heavy, steady } = overAndAt(shocked, 'deu', 2, 3);
    expect(heavy.growth).toBeLessThan(steady.growth);
  });

  // Direction 9: an allocation over the budget is refused (ERR_OVER_BUDGET), one within it is accepted; a refusal changes nothing.
  it('no allocation over budget is accepted', () => {
    fc.assert(
      fc.property(
        arbWorldAnd(nationSeatsOf),
        fc.oneof(fc.constant(1), fc.double({ min: 0, max: 2, noNaN: true })),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 6, maxLength: 6 }),
        ({ world, x: seat }, factor, weights) => {
          const state = toPhase(world, 'allocation');
          const nation = state.seats.find((s) => s.id === seat)?.nation ?? '';
          const n = nationOf(state, nation);
          const limit = budget(n, years(state)).value;
          const sum = weights.reduce((a, b) => a + b, 0) || 1;
          const [r = 0, f = 0, m = 0, e = 0, a = 0, d = 0] = weights.map((w) => (factor * limit * w) / sum);
          const umbrella = n.nuclear && state.seats.find((s) => s.id === seat)?.role === 'guarantor';
          const front = Object.keys(state.regions).find((id) => id !== n.region) ?? n.region;
          const other = Object.keys(state.nations).find((id) => id !== nation) ?? '';
          const allocation: Allocation = {
            readiness: r,
            forwardPosture: { [front]: f },
            modernization: m + (umbrella ? 0 : e),
            extendedDeterrence: umbrella ? e : 0,
            foreignAid: { [other]: a },
            domestic: d + (weights.every((w) => w === 0) ? factor * limit : 0),
          };
          const snapshot = JSON.stringify(state);
          const result = applyParsed(state, seat, { type: 'allocate', allocation });
          const spent = allocationTotal(allocation);
          if (spent > limit * (1 + 1e-9) + 1e-9) {
            expect(result.ok).toBe(false);
            if (!result.ok) expect(result.error.code).toBe('ERR_OVER_BUDGET');
          }
          if (spent <= limit) expect(result.ok).toBe(true);
          expect(JSON.stringify(state)).toBe(snapshot);
        },
      ),
      budgeted(150),
    );
  });
});
