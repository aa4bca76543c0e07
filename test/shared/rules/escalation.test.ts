// The escalation ladder, one theater and one turn at a time. Each theater takes the same seven draws
// every turn, in a fixed order (so an override never shifts the dice); scripting them makes each path
// exact. Resistance by rung (defaults): [0, .1, .2, .3, .5, .4, .7, .8, .9]; precedent discount 0.4;
// spiral 0.25; cooling 0.5; inadvertent 0.015 per rung.
import { describe, expect, test } from 'vitest';
import { RngCursor } from '../../../shared/rng.js';
import {
  CONVENTIONAL_CAP,
  DRAWS_PER_THEATER,
  escalateTheater,
  inadvertentChance,
  type TheaterInput,
  thresholdResistance,
} from '../../../shared/rules/escalation.js';
import { DEFAULT_PARAMS as P } from '../../../shared/model/params.js';
import { termsSum } from './world.js';

/** The seven draws by purpose. 0.99 (the default) passes any threshold and fires no chance. */
interface Draws {
  escalate: number;
  spiralChance: number;
  spiral: number;
  provocation: number;
  inadvertentChance: number;
  inadvertent: number;
  cooling: number;
}
const ORDER: (keyof Draws)[] = [
  'escalate',
  'spiralChance',
  'spiral',
  'provocation',
  'inadvertentChance',
  'inadvertent',
  'cooling',
];

/** Hands out the scripted draws in the documented order and counts them. */
class Scripted extends RngCursor {
  taken = 0;
  constructor(private readonly draws: Partial<Draws>) {
    super(0);
  }
  override float(): number {
    const purpose = ORDER[this.taken++];
    if (purpose === undefined) throw new Error('more draws than a theater takes');
    return this.draws[purpose] ?? 0.99;
  }
}

const input = (over: Partial<TheaterInput>): TheaterInput => ({
  current: 0,
  precedent: 0,
  move: null,
  honored: false,
  provocation: false,
  exitRamps: 0,
  nuclearPossible: true,
  ...over,
});

describe('escalateTheater', () => {
  test.each<[string, Partial<TheaterInput>, Partial<Draws>, number, string]>([
    // [why, input, draws, rung, first crossings as "rung:cause"]
    ['a probe lifts peace to the gray zone', { move: 'probe' }, {}, 1, '1:challenger'],
    ['coercion lifts to crisis', { move: 'coerce' }, {}, 2, '1:challenger 2:challenger'],
    [
      'a limited attack lifts to limited war',
      { move: 'limited_attack' },
      {},
      4,
      '1:challenger 2:challenger 3:challenger 4:challenger',
    ],
    ['a major attack lifts to major war', { move: 'major_attack', precedent: 4 }, {}, 5, '5:challenger'],
    ['a floor never lowers a higher rung', { current: 5, precedent: 5, move: 'limited_attack' }, {}, 5, ''],
    ['crossings below the precedent are not first', { move: 'coerce', precedent: 1 }, {}, 2, '2:challenger'],
    [
      'escalate at 5: 0.8 beats resistance 0.7',
      { current: 5, precedent: 5, move: 'escalate' },
      { escalate: 0.8 },
      6,
      '6:challenger',
    ],
    ['escalate at 5: 0.5 is held by 0.7', { current: 5, precedent: 5, move: 'escalate' }, { escalate: 0.5 }, 5, ''],
    ['precedent broken: 0.5 beats 0.7 × 0.4', { current: 5, precedent: 6, move: 'escalate' }, { escalate: 0.5 }, 6, ''],
    [
      'no nuclear party: capped at major war',
      { current: 5, precedent: 5, move: 'escalate', nuclearPossible: false },
      {},
      5,
      '',
    ],
    [
      'an honored move mobilizes to rung 3',
      { current: 1, precedent: 1, move: 'coerce', honored: true },
      {},
      3,
      '2:challenger 3:guarantor',
    ],
    // Spiral drawn (0.1 < 0.25), then 4 → 5 must beat 0.4: 0.5 does.
    [
      'an honored attack spirals',
      { move: 'limited_attack', precedent: 4, honored: true },
      { spiralChance: 0.1, spiral: 0.5 },
      5,
      '5:both',
    ],
    [
      'a spiral held by the threshold',
      { move: 'limited_attack', precedent: 4, honored: true },
      { spiralChance: 0.1, spiral: 0.3 },
      4,
      '',
    ],
    [
      'no spiral drawn (0.3 ≥ 0.25)',
      { move: 'limited_attack', precedent: 4, honored: true },
      { spiralChance: 0.3, spiral: 0.99 },
      4,
      '',
    ],
    [
      'an ally provocation: 1 → 2 beats 0.2',
      { current: 1, precedent: 1, provocation: true },
      { provocation: 0.5 },
      2,
      '2:ally',
    ],
    ['a provocation held by 0.2', { current: 1, precedent: 1, provocation: true }, { provocation: 0.1 }, 1, ''],
    ['a de-escalation steps down', { current: 3, precedent: 3, move: 'de_escalate' }, {}, 2, ''],
    ['a de-escalation and an exit ramp', { current: 3, precedent: 3, move: 'de_escalate', exitRamps: 1 }, {}, 1, ''],
    ['one rung down however many exit ramps', { current: 3, precedent: 3, exitRamps: 2 }, {}, 2, ''],
    ['an exit ramp is not taken under attack', { current: 3, precedent: 3, move: 'coerce', exitRamps: 2 }, {}, 3, ''],
    ['a quiet theater cools (0.2 < 0.5)', { current: 2, precedent: 2 }, { cooling: 0.2 }, 1, ''],
    ['a held theater may stay (0.5 is not < 0.5)', { current: 2, precedent: 2, move: 'hold' }, { cooling: 0.5 }, 2, ''],
    [
      'a de-escalating theater is not quiet: no cooling',
      { current: 2, precedent: 2, move: 'de_escalate' },
      { cooling: 0 },
      1,
      '',
    ],
    // Inadvertent at rung 2: 0.01 < 0.03, then 2 → 3 must beat 0.3: 0.5 does; the theater then stays.
    [
      'an inadvertent jump',
      { current: 2, precedent: 2 },
      { inadvertentChance: 0.01, inadvertent: 0.5 },
      3,
      '3:accident',
    ],
    ['no inadvertent jump at peace, whatever the draw', { current: 0 }, { inadvertentChance: 0 }, 0, ''],
    ['a de-escalation at peace stays at 0', { current: 0, move: 'de_escalate' }, {}, 0, ''],
  ])('%s', (_why, over, draws, rung, crossings) => {
    const rng = new Scripted(draws);
    const r = escalateTheater(input(over), P, rng);
    expect(r.rung.value).toBe(rung);
    expect(r.firstCrossings.map((c) => `${c.rung}:${c.cause}`).join(' ')).toBe(crossings);
    expect(rng.taken).toBe(DRAWS_PER_THEATER);
    expect(termsSum(r.rung)).toBe(r.rung.value);
  });

  test('a held threshold shows as a zero term', () => {
    const r = escalateTheater(
      input({ current: 5, precedent: 5, move: 'escalate' }),
      P,
      new Scripted({ escalate: 0.5 }),
    );
    expect(r.rung.terms).toContainEqual({ label: 'challenger escalates: threshold held', value: 0 });
  });

  test('without a nuclear party no seed ever climbs past major war', () => {
    const all = input({
      current: 5,
      precedent: 8,
      move: 'escalate',
      honored: true,
      provocation: true,
      nuclearPossible: false,
    });
    for (let seed = 0; seed < 200; seed++)
      expect(escalateTheater(all, P, new RngCursor(seed)).rung.value).toBeLessThanOrEqual(CONVENTIONAL_CAP);
  });

  // Thresholds are sticky the first time: from 5, an escalation succeeds 1 − 0.7 = 30% of the time,
  // and 1 − 0.28 = 72% once rung 6 has been reached somewhere.
  test.each([
    [5, 0.3],
    [6, 0.72],
  ])('escalating from rung 5 with precedent %i succeeds about %f of the time', (precedent, rate) => {
    let up = 0;
    for (let seed = 0; seed < 2000; seed++)
      if (escalateTheater(input({ current: 5, precedent, move: 'escalate' }), P, new RngCursor(seed)).rung.value > 5)
        up++;
    expect(Math.abs(up / 2000 - rate)).toBeLessThan(0.04);
  });
});

describe('thresholdResistance(rung, precedent): resistance to the next rung', () => {
  test.each([
    [0, 0, 0.1],
    [3, 3, 0.5],
    [3, 4, 0.2],
    [5, 5, 0.7],
    [5, 8, 0.28],
    [7, 0, 0.9],
    [8, 0, 1],
  ])('rung %i, precedent %i → %f', (rung, precedent, expected) => {
    expect(thresholdResistance(rung, precedent, P)).toBeCloseTo(expected, 12);
  });
});

describe('inadvertentChance grows with each rung', () => {
  test.each([
    [0, 0],
    [1, 0.015],
    [4, 0.06],
    [7, 0.105],
  ])('rung %i → %f', (rung, expected) => {
    expect(inadvertentChance(rung, P)).toBeCloseTo(expected, 12);
  });

  test('strictly increasing from rung 1 to 8', () => {
    for (let r = 1; r < 8; r++) expect(inadvertentChance(r + 1, P)).toBeGreaterThan(inadvertentChance(r, P));
  });
});
