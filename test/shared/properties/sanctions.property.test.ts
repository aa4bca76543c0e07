// Sanctions weigh on the challenger's calculus (issue 11): what it takes is worth less under
// pressure, so a challenger sanctioned by every guarantor values its next forceful move less.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { challengerCalculus, type GameState } from '../../../shared/index.js';
import { imposeSanctions, sanctionPressure } from '../../../shared/rules/sanctions.js';
import { arbWorld, budgeted } from './arbitraries.js';
import { challengerSeat } from './drive.js';

const RUNS = 100;
const EPS = 1e-9;
const FORCEFUL = ['probe', 'coerce', 'limited_attack', 'major_attack'] as const;
/** The calculus's terms that scale with the gain (the rest are costs). */
const GAIN_TERMS = ['gain if the guarantor stays out', 'gain if the guarantor fights', 'seized ground retaken later'];

const nationsOf = (w: GameState, role: 'guarantor' | 'ally'): string[] =>
  w.seats.filter((s) => s.role === role && s.nation).map((s) => s.nation ?? '');

describe('sanctions (issue 11)', () => {
  it('a challenger under sanctions from every guarantor values its next attack less than without', () => {
    fc.assert(
      fc.property(arbWorld, fc.constantFrom(...FORCEFUL), (world, move) => {
        const challenger = challengerSeat(world).nation;
        const free: GameState = { ...world, sanctions: world.sanctions.filter((s) => s.target !== challenger) };
        const sanctioned: GameState = {
          ...free,
          sanctions: nationsOf(world, 'guarantor').reduce(
            (list, g) => imposeSanctions(list, g, challenger, world.turn),
            free.sanctions,
          ),
        };
        const pressure = sanctionPressure(sanctioned, challenger).value;
        expect(pressure).toBeGreaterThan(0);
        for (const target of nationsOf(world, 'ally')) {
          const before = challengerCalculus(free, challenger, move, target);
          const after = challengerCalculus(sanctioned, challenger, move, target);
          const gain = before.terms.filter((t) => GAIN_TERMS.includes(t.label)).reduce((s, t) => s + t.value, 0);
          // Only the gain is discounted: by sanctionGainDiscount × pressure.
          expect(after.value, target).toBeCloseTo(
            before.value - world.params.sanctionGainDiscount * pressure * gain,
            9,
          );
          if (gain > EPS) expect(after.value, target).toBeLessThan(before.value);
          else expect(after.value, target).toBeLessThanOrEqual(before.value + EPS);
        }
      }),
      budgeted(RUNS),
    );
  });
});
