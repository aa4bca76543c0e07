// Deterrence and the alliance dilemma: DESIGN.md directions 4, 5 and 6 (state level), over random states.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  burden,
  challengerCalculus,
  credibility,
  type GameState,
  generalDeterrence,
  immediateDeterrence,
  provocationRisk,
} from '../../../shared/index.js';
import { arbWorld, arbWorldAndGuarantee, budgeted, newMatch } from './arbitraries.js';
import { challengerSeat, withGuarantee, withNation } from './drive.js';

const RUNS = 150;
const EPS = 1e-9;
const FORCEFUL = ['probe', 'coerce', 'limited_attack', 'major_attack'] as const;
const arbRaise = fc.double({ min: 0.01, max: 1, noNaN: true });
const CREDIBILITY_FIELDS = ['ties', 'clarity', 'commitment', 'prior'] as const;

/** The challenger's expected value of each forceful move against `target`. */
const evs = (world: GameState, target: string): number[] =>
  FORCEFUL.map((move) => challengerCalculus(world, challengerSeat(world).nation, move, target).value);

describe('deterrence (DESIGN.md directions 4, 5 and 6)', () => {
  // Direction 4: sweeping any guarantee's ties, clarity, red line or record up to 1 never raises the challenger's EV of acting.
  it('higher credibility never makes a calculating challenger likelier to attack', () => {
    fc.assert(
      fc.property(arbWorld, fc.constantFrom(...CREDIBILITY_FIELDS), (world, field) => {
        const challenger = challengerSeat(world).nation;
        for (const g of Object.values(world.guarantees)) {
          const sweep = [0, 1, 2, 3, 4, 5, 6, 7, 8].map((k) =>
            withGuarantee(world, g.id, { [field]: g[field] + ((1 - g[field]) * k) / 8 }),
          );
          sweep.slice(1).forEach((raised, k) => {
            const lower = sweep[k] ?? world;
            const why = `${g.id} ${field} ${lower.guarantees[g.id]?.[field]} -> ${raised.guarantees[g.id]?.[field]}`;
            expect(credibility(raised, g.id, 'challenger', challenger).value, why).toBeGreaterThanOrEqual(
              credibility(lower, g.id, 'challenger', challenger).value,
            );
            const before = evs(lower, g.ally);
            evs(raised, g.ally).forEach((after, i) => {
              expect(after, `${why}: EV of ${FORCEFUL[i]}`).toBeLessThanOrEqual((before[i] ?? NaN) + EPS);
              // A calculating challenger attacks iff EV > 0: a deterred move stays deterred.
              if ((before[i] ?? NaN) <= 0) expect(after, `${why}: ${FORCEFUL[i]} now pays`).toBeLessThanOrEqual(0);
            });
          });
        }
      }),
      budgeted(RUNS),
    );
  });

  // Direction 4, a fixed case with two guarantors of one ally (Baltic): Germany's pledge to Estonia grows more credible.
  it('a more credible second guarantor does not tempt the challenger into attacking (Baltic, Estonia)', () => {
    let world = newMatch('baltic', 5);
    world = withNation(withNation(world, 'usa', { consensus: 0 }), 'deu', { consensus: 60 });
    world = withGuarantee(withNation(world, 'rus', { capability: 500 }), 'deu-est', { clarity: 1, commitment: 1 });
    const ev = (ties: number) =>
      challengerCalculus(withGuarantee(world, 'deu-est', { ties }), 'rus', 'limited_attack', 'est').value;
    expect(credibility(withGuarantee(world, 'deu-est', { ties: 0.2 }), 'deu-est', 'challenger').value).toBeGreaterThan(
      credibility(withGuarantee(world, 'deu-est', { ties: 0.15 }), 'deu-est', 'challenger').value,
    );
    expect(ev(0.15)).toBeLessThanOrEqual(0);
    expect(ev(0.2)).toBeLessThanOrEqual(ev(0.15));
  });

  // Direction 4, strict case: a red line lowers the EV of coercing a treaty ally (classroom, Bosk).
  it('a red line strictly lowers the EV of coercion in an unsaturated case', () => {
    const world = newMatch('classroom', 3);
    const raised = withGuarantee(world, 'aurelia-bosk', { commitment: 1 });
    const challenger = challengerSeat(world).nation;
    expect(challengerCalculus(raised, challenger, 'coerce', 'bosk').value).toBeLessThan(
      challengerCalculus(world, challenger, 'coerce', 'bosk').value,
    );
  });

  // Direction 5: higher clarity never lowers general or immediate deterrence, and never lowers the ally's provocation risk.
  it('higher clarity raises deterrence and the risk of entrapment', () => {
    fc.assert(
      fc.property(arbWorldAndGuarantee, arbRaise, ({ world, g }, raise) => {
        const clearer = withGuarantee(world, g.id, { clarity: Math.min(1, g.clarity + raise) });
        expect(generalDeterrence(clearer, g.id).value).toBeGreaterThanOrEqual(generalDeterrence(world, g.id).value);
        expect(immediateDeterrence(clearer, g.id).value).toBeGreaterThanOrEqual(immediateDeterrence(world, g.id).value);
        expect(provocationRisk(clearer, g.ally).value).toBeGreaterThanOrEqual(provocationRisk(world, g.ally).value);
      }),
      budgeted(RUNS),
    );
  });

  // Direction 5, strict case: clarifying a vague assurance raises deterrence and the ally's provocation risk.
  it('clarifying a vague assurance strictly raises deterrence and provocation risk (classroom, Dunmere)', () => {
    const world = newMatch('classroom', 4);
    const clearer = withGuarantee(world, 'aurelia-dunmere', { clarity: 0.9 });
    expect(generalDeterrence(clearer, 'aurelia-dunmere').value).toBeGreaterThan(
      generalDeterrence(world, 'aurelia-dunmere').value,
    );
    expect(provocationRisk(clearer, 'dunmere').value).toBeGreaterThan(provocationRisk(world, 'dunmere').value);
  });

  // Direction 6: an ally's own forces never lower the deterrence of its guarantees nor raise the challenger's EV against it.
  it("an ally's own capability and readiness raise deterrence", () => {
    fc.assert(
      fc.property(
        arbWorldAndGuarantee,
        fc.double({ min: 0.01, max: 50, noNaN: true }),
        arbRaise,
        ({ world, g }, capability, readiness) => {
          const ally = world.nations[g.ally];
          if (!ally) throw new Error(`no ally ${g.ally}`);
          const armed = withNation(world, g.ally, {
            capability: ally.capability + capability,
            readiness: Math.min(1, ally.readiness + readiness),
          });
          for (const h of Object.values(world.guarantees).filter((x) => x.ally === g.ally)) {
            expect(generalDeterrence(armed, h.id).value).toBeGreaterThanOrEqual(generalDeterrence(world, h.id).value);
            expect(immediateDeterrence(armed, h.id).value).toBeGreaterThanOrEqual(
              immediateDeterrence(world, h.id).value,
            );
          }
          const before = evs(world, g.ally);
          evs(armed, g.ally).forEach((after, i) => expect(after).toBeLessThanOrEqual((before[i] ?? NaN) + EPS));
        },
      ),
      budgeted(RUNS),
    );
  });

  // Direction 6: an ally's higher defense share never raises its guarantors' burden, and lowers it while below target.
  it("an ally's defense share lowers its guarantor's burden", () => {
    fc.assert(
      fc.property(arbWorldAndGuarantee, fc.double({ min: 0.01, max: 5, noNaN: true }), ({ world, g }, more) => {
        const ally = world.nations[g.ally];
        if (!ally) throw new Error(`no ally ${g.ally}`);
        const spender = withNation(world, g.ally, { defenseShare: ally.defenseShare + more });
        const before = burden(world, g.guarantor).value;
        const after = burden(spender, g.guarantor).value;
        expect(after).toBeLessThanOrEqual(before + EPS);
        if (ally.defenseShare < world.params.burdenTarget) expect(after).toBeLessThan(before);
      }),
      budgeted(RUNS),
    );
  });
});
