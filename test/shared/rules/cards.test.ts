// Event cards: every effect is clamped to its meter's bounds and explained; scripted cards fire on
// their turn, and a deck card fires with the scenario's chance.
import { describe, expect, test } from 'vitest';
import type { Effect, EventCard } from '../../../shared/model/scenario.js';
import type { GameState } from '../../../shared/model/state.js';
import { RngCursor } from '../../../shared/rng.js';
import { applyCard, cardsForTurn } from '../../../shared/rules/cards.js';
import { createMatch } from '../../../shared/rules/createMatch.js';
import { SCENARIOS } from '../../../shared/scenarios/index.js';
import { termsSum } from './world.js';

/** Classroom at turn 1 with seed 1 (no random card fired at the start). */
const classroom = (): GameState => {
  const created = createMatch(SCENARIOS.classroom, 1);
  if (!created.ok) throw new Error(created.error.message);
  expect(created.value.state.cards).toEqual([]);
  return created.value.state;
};

const card = (...effects: Effect[]): EventCard => ({ id: 'test', title: 'Test', text: 'A test card.', effects });

describe('applyCard', () => {
  test.each<[string, Effect, (s: GameState) => number, number, { label: string; value: unknown }[]]>([
    // [why, effect, read the meter, after, terms after "before"]
    [
      'consensus +50 on Bosk (65): ceiling',
      { kind: 'consensus', nation: 'bosk', delta: 50 },
      (s) => s.nations.bosk!.consensus,
      100,
      [
        { label: 'event: Test', value: 50 },
        { label: 'ceiling', value: -15 },
      ],
    ],
    [
      'consensus −80 on Aurelia (60): floor',
      { kind: 'consensus', nation: 'aurelia', delta: -80 },
      (s) => s.nations.aurelia!.consensus,
      0,
      [
        { label: 'event: Test', value: -80 },
        { label: 'floor', value: 20 },
      ],
    ],
    [
      'capability −0.1 is a share: 1600 → 1440',
      { kind: 'capability', nation: 'aurelia', delta: -0.1 },
      (s) => s.nations.aurelia!.capability,
      1440,
      [{ label: 'event: Test', value: -160 }],
    ],
    [
      'growth −1.5 on Varkal trend (1.5)',
      { kind: 'growth', nation: 'varkal', delta: -1.5 },
      (s) => s.nations.varkal!.trendGrowth,
      0,
      [{ label: 'event: Test', value: -1.5 }],
    ],
    [
      'readiness +0.5 on Varkal (0.7): ceiling',
      { kind: 'readiness', nation: 'varkal', delta: 0.5 },
      (s) => s.nations.varkal!.readiness,
      1,
      [
        { label: 'event: Test', value: 0.5 },
        { label: 'ceiling', value: expect.closeTo(-0.2, 12) },
      ],
    ],
    [
      'escalation +2 in the Northern March',
      { kind: 'escalation', region: 'northmarch', delta: 2 },
      (s) => s.regions.northmarch!.rung,
      2,
      [{ label: 'event: Test', value: 2 }],
    ],
    [
      'ties +0.5 on aurelia-bosk (0.7): ceiling',
      { kind: 'ties', guarantee: 'aurelia-bosk', delta: 0.5 },
      (s) => s.guarantees['aurelia-bosk']!.ties,
      1,
      [
        { label: 'event: Test', value: 0.5 },
        { label: 'ceiling', value: expect.closeTo(-0.2, 12) },
      ],
    ],
  ])('%s', (_why, effect, read, after, terms) => {
    const before = classroom();
    const frozen = JSON.stringify(before);
    const { state, changes } = applyCard(before, card(effect));
    expect(read(state)).toBeCloseTo(after, 12);
    expect(changes).toHaveLength(1);
    expect(changes[0]?.why.terms).toEqual([{ label: 'before', value: read(before) }, ...terms]);
    expect(termsSum(changes[0]!.why)).toBeCloseTo(after, 12);
    expect(state.cards.map((c) => c.id)).toEqual(['test']);
    expect(JSON.stringify(before)).toBe(frozen);
  });

  test('escalation raises the peak and the precedent; a drop below 0 is no change', () => {
    const up = applyCard(classroom(), card({ kind: 'escalation', region: 'northmarch', delta: 3 })).state;
    expect([up.regions.northmarch?.peak, up.precedent]).toEqual([3, 3]);
    const down = applyCard(classroom(), card({ kind: 'escalation', region: 'northmarch', delta: -3 }));
    expect(down.state.regions.northmarch?.rung).toBe(0);
    expect(down.changes).toEqual([]);
  });
});

/** Scripted floats, failing on any draw it was not given. */
class Scripted extends RngCursor {
  constructor(private readonly draws: number[]) {
    super(0);
  }
  override float(): number {
    const v = this.draws.shift();
    if (v === undefined) throw new Error('an unexpected draw');
    return v;
  }
}

describe('cardsForTurn (classroom: border-incident scripted on turn 3; deck of 5; chance 0.3)', () => {
  test.each([
    [1, [0.5], []],
    [1, [0.1, 0.5], ['trade-deal']], // floor(0.5 × 5) = 2
    [1, [0.29, 0.99], ['snap-exercise']],
    [3, [0.9], ['border-incident']],
    [3, [0.1, 0], ['border-incident', 'aurelia-election']],
  ])('turn %i, draws %j → %j', (turn, draws, ids) => {
    expect(cardsForTurn({ ...classroom(), turn }, new Scripted([...draws])).map((c) => c.id)).toEqual(ids);
  });

  test('an empty deck draws nothing', () => {
    const s = classroom();
    expect(cardsForTurn({ ...s, config: { ...s.config, deck: [] } }, new Scripted([]))).toEqual([]);
  });
});
