// Reputation, abandonment and the cost of honoring: DESIGN.md directions 2 and 3, through the engine.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { budget, type Explained, type GameState, reputation } from '../../../shared/index.js';
import { arbCrisis, budgeted, type CrisisCase } from './arbitraries.js';
import { answerAll, guaranteesOf, resolve } from './drive.js';

const RUNS = 60;

/** Reputation before its clamp to 0..1: the sum of the record and the decisions. */
const raw = (e: Explained): number =>
  e.terms.filter((t) => t.label !== 'floor' && t.label !== 'ceiling').reduce((s, t) => s + t.value, 0);

/** The crisis answered with `choice` on every invoked guarantee of `g`'s guarantor; the rest default. */
const answered = ({ responses, g }: CrisisCase, choice: 'honor' | 'partial' | 'abandon'): GameState =>
  resolve(responses, answerAll(responses, g.guarantor, choice));

const regionOf = (world: GameState, nation: string): string => world.nations[nation]?.region ?? '';

describe('reputation (DESIGN.md directions 2 and 3)', () => {
  // Direction 2: abandoning lowers the guarantor's reputation on every one of its guarantees (strictly off the floor).
  it("abandoning an invoked guarantee lowers reputation on all the guarantor's guarantees", () => {
    fc.assert(
      fc.property(arbCrisis(), (crisis) => {
        const before = crisis.responses;
        const after = answered(crisis, 'abandon');
        for (const h of guaranteesOf(before, crisis.g.guarantor)) {
          const was = reputation(before, h.id).value;
          const now = reputation(after, h.id).value;
          expect(now, h.id).toBeLessThanOrEqual(was);
          if (was > 0 && was < 1) expect(now, h.id).toBeLessThan(was);
        }
      }),
      budgeted(RUNS),
    );
  });

  // Direction 2: the loss is largest on the guarantees whose allies share the abandoned ally's region.
  it('abandoning costs most reputation in the same region', () => {
    fc.assert(
      fc.property(arbCrisis(), (crisis) => {
        const before = crisis.responses;
        const after = answered(crisis, 'abandon');
        const loss = (id: string) => raw(reputation(before, id)) - raw(reputation(after, id));
        const region = regionOf(before, crisis.g.ally);
        const mine = guaranteesOf(before, crisis.g.guarantor);
        const near = mine.filter((h) => regionOf(before, h.ally) === region);
        const far = mine.filter((h) => regionOf(before, h.ally) !== region);
        expect(near.length).toBeGreaterThan(0);
        for (const n of near) for (const f of far) expect(loss(n.id), `${n.id} vs ${f.id}`).toBeGreaterThan(loss(f.id));
      }),
      budgeted(RUNS),
    );
  });

  // Direction 2 (alliance dilemma): after an abandonment every ally of that guarantor hedges at least as much as after honoring.
  it('abandoning makes the allies hedge more than honoring', () => {
    fc.assert(
      fc.property(arbCrisis(), (crisis) => {
        const abandoned = answered(crisis, 'abandon');
        const honored = answered(crisis, 'honor');
        for (const h of guaranteesOf(crisis.responses, crisis.g.guarantor)) {
          const a = abandoned.nations[h.ally]?.hedging ?? NaN;
          const b = honored.nations[h.ally]?.hedging ?? NaN;
          expect(a, h.ally).toBeGreaterThanOrEqual(b);
          if (b < 100) expect(a, h.ally).toBeGreaterThan(b);
        }
      }),
      budgeted(RUNS),
    );
  });

  // Direction 3: honoring raises the guarantor's reputation on all its guarantees, above what partial or abandon leave.
  it('honoring raises reputation', () => {
    fc.assert(
      fc.property(arbCrisis(), (crisis) => {
        const before = crisis.responses;
        const honored = answered(crisis, 'honor');
        const partial = answered(crisis, 'partial');
        for (const h of guaranteesOf(before, crisis.g.guarantor)) {
          const was = reputation(before, h.id).value;
          const now = reputation(honored, h.id).value;
          expect(now, h.id).toBeGreaterThanOrEqual(was);
          if (was > 0 && was < 1) expect(now, h.id).toBeGreaterThan(was);
          expect(raw(reputation(honored, h.id)), h.id).toBeGreaterThan(raw(reputation(partial, h.id)));
        }
      }),
      budgeted(RUNS),
    );
  });

  // Direction 3: honoring costs budget: obligations owed, and next turn's budget lower than after abandoning.
  it("honoring costs the guarantor next turn's budget", () => {
    fc.assert(
      fc.property(arbCrisis(), (crisis) => {
        const years = crisis.responses.config.monthsPerTurn / 12;
        const honored = answered(crisis, 'honor').nations[crisis.g.guarantor];
        const abandoned = answered(crisis, 'abandon').nations[crisis.g.guarantor];
        if (!honored || !abandoned) throw new Error(`no guarantor ${crisis.g.guarantor}`);
        expect(honored.obligations).toBeGreaterThan(abandoned.obligations);
        expect(budget(honored, years).value).toBeLessThan(budget(abandoned, years).value);
      }),
      budgeted(RUNS),
    );
  });
});
