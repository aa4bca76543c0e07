// Credibility and forces: DESIGN.md directions 1 and 10, over random states.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AUDIENCES, credibility, type GameState, type GuaranteeState, tripwire } from '../../../shared/index.js';
import { arbWorldAndGuarantee, budgeted, newMatch } from './arbitraries.js';
import { withNation } from './drive.js';

const RUNS = 150;
const EPS = 1e-9;

const allyRegion = (world: GameState, g: GuaranteeState): string => world.nations[g.ally]?.region ?? '';

/** The guarantor's forward posture in the ally's region set to `x` FP, all else equal. */
const withForward = (world: GameState, g: GuaranteeState, x: number): GameState => {
  const guarantor = world.nations[g.guarantor];
  if (!guarantor) throw new Error(`no guarantor ${g.guarantor}`);
  return withNation(world, g.guarantor, { posture: { ...guarantor.posture, [allyRegion(world, g)]: x } });
};

const CHANNELS = ['forward posture', 'guarantor capability', 'ally capability', 'readiness', 'umbrella'] as const;
type Channel = (typeof CHANNELS)[number];

/** The same world with more of one kind of force behind guarantee `g`. */
const strengthen = (world: GameState, g: GuaranteeState, channel: Channel, amount: number): GameState => {
  const guarantor = world.nations[g.guarantor];
  const ally = world.nations[g.ally];
  if (!guarantor || !ally) throw new Error(`guarantee ${g.id} has no nations`);
  switch (channel) {
    case 'forward posture':
      return withForward(world, g, (guarantor.posture[allyRegion(world, g)] ?? 0) + amount);
    case 'guarantor capability':
      return withNation(world, g.guarantor, { capability: guarantor.capability + amount });
    case 'ally capability':
      return withNation(world, g.ally, { capability: ally.capability + amount });
    case 'readiness': {
      const up = withNation(world, g.guarantor, { readiness: Math.min(1, guarantor.readiness + amount / 100) });
      return withNation(up, g.ally, { readiness: Math.min(1, ally.readiness + amount / 100) });
    }
    case 'umbrella':
      return withNation(world, g.guarantor, { umbrella: Math.min(1, guarantor.umbrella + amount / 100) });
  }
};

describe('credibility (DESIGN.md directions 1 and 10)', () => {
  // Direction 1: more forward posture or capability behind a guarantee never lowers its credibility, to any audience.
  it('more forces behind a guarantee never lower its credibility', () => {
    fc.assert(
      fc.property(
        arbWorldAndGuarantee,
        fc.constantFrom(...CHANNELS),
        fc.double({ min: 0.01, max: 100, noNaN: true }),
        ({ world, g }, channel, amount) => {
          const stronger = strengthen(world, g, channel, amount);
          for (const audience of AUDIENCES) {
            const before = credibility(world, g.id, audience).value;
            expect(credibility(stronger, g.id, audience).value).toBeGreaterThanOrEqual(before - EPS);
          }
        },
      ),
      budgeted(RUNS),
    );
  });

  // Direction 1, strict case: away from the ceiling, forward forces and capability do raise credibility.
  it('raises credibility strictly in an unsaturated case (classroom, Bosk)', () => {
    const world = newMatch('classroom', 1);
    const g = world.guarantees['aurelia-bosk'];
    if (!g) throw new Error('classroom has no aurelia-bosk');
    for (const channel of ['forward posture', 'guarantor capability', 'ally capability'] as const)
      for (const audience of AUDIENCES)
        expect(credibility(strengthen(world, g, channel, 20), g.id, audience).value).toBeGreaterThan(
          credibility(world, g.id, audience).value,
        );
  });

  // Direction 10: each added FP of tripwire forces adds to the tripwire score, less than the FP before it.
  it('tripwire forces add with diminishing returns', () => {
    fc.assert(
      fc.property(
        arbWorldAndGuarantee,
        fc.double({ min: 0, max: 60, noNaN: true }),
        fc.double({ min: 0.1, max: 20, noNaN: true }),
        fc.double({ min: 0.1, max: 40, noNaN: true }),
        ({ world, g }, x, step, further) => {
          const at = (fp: number) => tripwire(withForward(world, g, fp), g);
          const gainHere = at(x + step) - at(x);
          const gainLater = at(x + further + step) - at(x + further);
          expect(gainHere).toBeGreaterThan(0);
          expect(gainLater).toBeLessThan(gainHere);
        },
      ),
      budgeted(RUNS),
    );
  });

  // Direction 10: forward forces add credibility, and each increment adds no more than the one before it.
  it('forward forces add credibility with diminishing returns', () => {
    fc.assert(
      fc.property(
        arbWorldAndGuarantee,
        fc.constantFrom(...AUDIENCES),
        fc.double({ min: 0, max: 60, noNaN: true }),
        fc.double({ min: 0.1, max: 20, noNaN: true }),
        fc.double({ min: 0.1, max: 40, noNaN: true }),
        ({ world, g }, audience, x, step, further) => {
          const at = (fp: number) => credibility(withForward(world, g, fp), g.id, audience).value;
          const gainHere = at(x + step) - at(x);
          const gainLater = at(x + further + step) - at(x + further);
          expect(gainHere).toBeGreaterThanOrEqual(-EPS);
          expect(gainLater).toBeLessThanOrEqual(gainHere + EPS);
        },
      ),
      budgeted(RUNS),
    );
  });

  // Direction 10, strict case: in an unsaturated theater the second tranche adds less than the first, but still adds.
  it('the second tranche of forward forces adds less than the first, but more than nothing (classroom, Bosk)', () => {
    const world = newMatch('classroom', 2);
    const g = world.guarantees['aurelia-bosk'];
    if (!g) throw new Error('classroom has no aurelia-bosk');
    const at = (fp: number) => credibility(withForward(world, g, fp), g.id, 'challenger').value;
    const first = at(5) - at(0);
    const second = at(10) - at(5);
    expect(second).toBeGreaterThan(0);
    expect(second).toBeLessThan(first);
  });
});
