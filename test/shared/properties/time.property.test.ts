// Time and forces in place (issue 11): forward posture is there when the challenger strikes, while
// reinforcement arrives over turns and deters at distantWeight until it has. So the same force
// points moved forward raise credibility, and lower an attack's chance of success, more than the
// same points of distant reach.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AUDIENCES, challengerCalculus, credibility, crisisOdds, type Crisis } from '../../../shared/index.js';
import { arrivedShare, effectiveForce } from '../../../shared/rules/forces.js';
import { arbWorldAndGuarantee, budgeted } from './arbitraries.js';
import { challengerSeat, withNation } from './drive.js';

const RUNS = 80;
const EPS = 1e-9;

describe('time (issue 11)', () => {
  it('forward posture raises credibility and lowers attack success more than the same FP of distant reach', () => {
    fc.assert(
      fc.property(
        arbWorldAndGuarantee.filter(({ world, g }) => {
          const guarantor = world.nations[g.guarantor];
          const ally = world.nations[g.ally];
          return (
            !!guarantor && !!ally && guarantor.region !== ally.region && effectiveForce(guarantor, world.params) > 1
          );
        }),
        fc.double({ min: 0.5, max: 30, noNaN: true }),
        ({ world, g }, fp) => {
          const guarantor = world.nations[g.guarantor]!;
          const region = world.nations[g.ally]!.region;
          const p = world.params;
          const forward = withNation(world, g.guarantor, {
            posture: { ...guarantor.posture, [region]: (guarantor.posture[region] ?? 0) + fp },
          });
          // The same FP as reach: reach × effective force is the reinforcement it sends.
          const distant = withNation(world, g.guarantor, {
            reach: {
              ...guarantor.reach,
              [region]: (guarantor.reach[region] ?? p.defaultReach) + fp / effectiveForce(guarantor, p),
            },
          });
          for (const audience of AUDIENCES) {
            const [base, f, d] = [world, forward, distant].map((w) => credibility(w, g.id, audience).value);
            expect(f, audience).toBeGreaterThan(base ?? NaN);
            expect(f, audience).toBeGreaterThan(d ?? NaN);
          }
          if (g.type === 'economic') return;
          const challenger = challengerSeat(world).nation;
          const crisis: Crisis = {
            challengerSeat: challengerSeat(world).seat,
            challenger,
            move: { type: 'limited_attack', target: g.ally },
            region,
            invoked: [g.id],
            immediate: {},
          };
          const success = (w: typeof world) =>
            crisisOdds(w, crisis, { guarantors: { [g.id]: 'honor' }, allies: {} }).success;
          expect(success(forward)).toBeLessThanOrEqual(success(distant) + EPS);
          // What is still on its way does not meet a fait accompli: strictly less while some has not arrived.
          if (arrivedShare(guarantor, region, p) < 1 && success(world) > 0)
            expect(success(forward)).toBeLessThan(success(distant));
          const ev = (w: typeof world) => challengerCalculus(w, challenger, 'limited_attack', g.ally).value;
          expect(ev(forward)).toBeLessThanOrEqual(ev(distant) + EPS);
        },
      ),
      budgeted(RUNS),
    );
  });
});
