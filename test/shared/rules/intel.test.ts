// Signal versus action: a red line with no forward money behind it is a bluff, and intelligence may
// show one seat another's allocation (and so the bluff).
import { describe, expect, test } from 'vitest';
import type { Allocation } from '../../../shared/model/commands.js';
import { RngCursor } from '../../../shared/rng.js';
import { drawReveals, exposedBluffs, revealChance } from '../../../shared/rules/intel.js';
import { triangle, withGuarantee, withNation } from './world.js';

const alloc = (forwardPosture: Record<string, number> = {}): Allocation => ({
  readiness: 1,
  forwardPosture,
  modernization: 1,
  extendedDeterrence: 0,
  foreignAid: {},
  domestic: 1,
});

// g guarantees a (in "front") and b (in "east").
const world = (commitA: number, commitB: number) =>
  withGuarantee(
    withGuarantee(withNation(triangle(), 'b', { region: 'east' }), 'g-b', { ally: 'b', commitment: commitB }),
    'g-a',
    { commitment: commitA },
  );

describe('exposedBluffs: committed guarantees whose ally region gets no forward money', () => {
  test.each<[string, number, number, Record<string, number>, string[]]>([
    ['no red lines, no bluffs', 0, 0, {}, []],
    ['a red line on g-a, nothing forward', 0.5, 0, {}, ['g-a']],
    ['a red line on g-a, money in "front"', 0.5, 0, { front: 4 }, []],
    ['a red line on g-a, money elsewhere', 0.5, 0, { east: 4 }, ['g-a']],
    ['a zero line does not back it', 0.5, 0, { front: 0 }, ['g-a']],
    ['two red lines, one backed', 1, 0.5, { front: 4 }, ['g-b']],
    ['two red lines, none backed', 1, 0.5, {}, ['g-a', 'g-b']],
  ])('%s', (_why, commitA, commitB, forward, expected) => {
    expect(exposedBluffs(world(commitA, commitB), 'g', alloc(forward))).toEqual(expected);
  });

  test("only the named nation's guarantees are judged", () => {
    expect(exposedBluffs(world(1, 1), 'a', alloc())).toEqual([]);
  });
});

describe('revealChance = intel × base', () => {
  test.each([
    [0.8, 0.35, 0.28],
    [0, 0.35, 0],
    [1, 0.35, 0.35],
  ])('intel %f, base %f → %f', (intel, base, expected) => {
    expect(revealChance(intel, base)).toBeCloseTo(expected, 12);
  });
});

/** A cursor that always returns the same float. */
class Constant extends RngCursor {
  draws = 0;
  constructor(private readonly value: number) {
    super(0);
  }
  override float(): number {
    this.draws++;
    return this.value;
  }
}

describe('drawReveals: every nation seat looks at every other once, in seat order', () => {
  const w = world(1, 0);
  const allocations = { g: alloc(), a: alloc({ front: 2 }), c: alloc() };

  test('all draws succeed: 6 reveals, the bluff shown with a gap', () => {
    const rng = new Constant(0);
    const reveals = drawReveals(w, allocations, rng);
    expect(rng.draws).toBe(6);
    expect(reveals.map((r) => `${r.to}<-${r.about}`)).toEqual(['g<-a', 'g<-c', 'a<-g', 'a<-c', 'c<-g', 'c<-a']);
    expect(reveals.find((r) => r.to === 'c' && r.about === 'g')).toMatchObject({ gap: true, exposed: ['g-a'] });
    expect(reveals.find((r) => r.to === 'g' && r.about === 'a')).toMatchObject({ gap: false, exposed: [] });
  });

  test('no draw succeeds: no reveals, still 6 draws', () => {
    const rng = new Constant(0.99);
    expect(drawReveals(w, allocations, rng)).toEqual([]);
    expect(rng.draws).toBe(6);
  });

  test('a seat with no allocation is not revealed, but its draw is still taken (replays stay aligned)', () => {
    const rng = new Constant(0);
    const reveals = drawReveals(w, { g: alloc() }, rng);
    expect(rng.draws).toBe(6);
    expect(reveals.map((r) => r.about)).toEqual(['g', 'g']);
  });

  test('intel 0.5 × base 0.35 = 0.175: a draw of 0.17 sees, 0.18 does not', () => {
    expect(drawReveals(w, allocations, new Constant(0.17))).toHaveLength(6);
    expect(drawReveals(w, allocations, new Constant(0.18))).toHaveLength(0);
  });
});
