// Secrecy as a pure function: a seat sees its own allocation, move, answers, reveals and last
// allocation, never another's; the observer sees none; the facilitator sees all; nobody sees the
// generator; "show the math" off strips the breakdowns of others.
import { describe, expect, test } from 'vitest';
import { advance, eventsFor, type GameState, type GameView, viewFor } from '../../../shared/index.js';
import { allocateAll, next, readyAll, send, start } from './drive.js';

const NATION_SEATS = ['aurelia', 'bosk', 'corvin', 'dunmere', 'varkal'];

/**
 * Classroom. Turn 1: Aurelia draws a red line over Bosk, everyone keeps the status quo (nothing
 * forward: a bluff), Varkal holds. Turn 2: the same allocations, then intelligence draws its reveals.
 */
const turn2Move = (seed: number, options = {}): GameState => {
  let s = next(readyAll(start('classroom', seed, options)));
  s = send(s, 'aurelia', { type: 'statement', kind: 'red_line', subject: 'aurelia-bosk' });
  s = next(allocateAll(next(readyAll(s))));
  s = next(send(s, 'varkal', { type: 'move', move: { type: 'hold', target: null } }));
  if (s.phase === 'adjudication') s = send(s, 'facilitator', { type: 'publish' }); // under review
  s = next(readyAll(s));
  return next(allocateAll(next(readyAll(next(readyAll(s))))));
};
const ATTACK = { type: 'move', move: { type: 'limited_attack', target: 'bosk' } };

/** The first seed whose turn-2 reveals reach three seats or more, Varkal seeing Aurelia's bluff among them. */
const SEED = Array.from({ length: 100 }, (_, seed) => seed).find((seed) => {
  const reveals = turn2Move(seed).reveals;
  const seen = reveals.some((r) => r.to === 'varkal' && r.about === 'aurelia' && r.exposed.includes('aurelia-bosk'));
  return seen && new Set(reveals.map((r) => r.to)).size >= 3;
})!;

const moved = send(turn2Move(SEED), 'varkal', ATTACK);
const answered = send(
  send(next(moved), 'aurelia', { type: 'answer_guarantee', guarantee: 'aurelia-bosk', choice: 'honor' }),
  'bosk',
  { type: 'answer_ally', choice: 'contribute' },
);
const STATES = { moved, answered };

test('the fixtures hold secrets of every kind', () => {
  expect(Object.keys(moved.allocations)).toHaveLength(5);
  expect(Object.keys(moved.moves)).toEqual(['varkal']);
  expect(new Set(moved.reveals.map((r) => r.to)).size).toBeGreaterThan(2);
  expect(moved.reveals).toContainEqual(
    expect.objectContaining({ to: 'varkal', about: 'aurelia', exposed: ['aurelia-bosk'] }),
  );
  expect(Object.keys(moved.lastAllocations)).toHaveLength(5);
  expect([answered.phase, answered.guarantorAnswers, answered.allyAnswers]).toEqual([
    'responses',
    { aurelia: { 'aurelia-bosk': 'honor' } },
    { bosk: 'contribute' },
  ]);
});

const rows = (['moved', 'answered'] as const).flatMap((key) => NATION_SEATS.map((seat) => [key, seat] as const));

describe('a nation seat sees its own secrets only', () => {
  test.each(rows)('%s, seen by %s', (key, seat) => {
    const state = STATES[key];
    const v = viewFor(state, seat);
    const own = <T>(r: Record<string, T>) => (r[seat] === undefined ? {} : { [seat]: r[seat] });
    expect(v.allocations).toEqual(own(state.allocations));
    expect(v.moves).toEqual(own(state.moves));
    expect(v.guarantorAnswers).toEqual(own(state.guarantorAnswers));
    expect(v.allyAnswers).toEqual(own(state.allyAnswers));
    expect(v.reveals).toEqual(state.reveals.filter((r) => r.to === seat));
    expect(v.lastAllocations).toEqual(own(state.lastAllocations));
    expect(v.nations).toEqual(state.nations); // stocks are public once adjudicated
    for (const c of v.crises) expect(c.immediate).toEqual(c.challengerSeat === seat ? expect.anything() : {});
    expect(v.pending).toBeNull();
    expect(v.config.deck).toEqual([]); // the White Cell's cards
    expect('rng' in v).toBe(false);
    expect(v.viewer).toBe(seat);
  });
});

describe('the observer and the facilitator', () => {
  test.each(['moved', 'answered'] as const)('%s: the observer sees no secret at all', (key) => {
    const v = viewFor(STATES[key], 'observer');
    expect([v.allocations, v.moves, v.guarantorAnswers, v.allyAnswers, v.reveals, v.pending]).toEqual([
      {},
      {},
      {},
      {},
      [],
      null,
    ]);
    expect(v.lastAllocations).toEqual({});
    expect(v.crises.map((c) => c.immediate)).toEqual(v.crises.map(() => ({})));
    expect(v.config.deck).toEqual([]);
    expect('rng' in v).toBe(false);
  });

  test.each(['moved', 'answered'] as const)('%s: the facilitator sees everything but the dice', (key) => {
    const state = STATES[key];
    const { rng: _rng, ...rest } = state;
    expect(viewFor(state, 'facilitator')).toEqual({ ...rest, viewer: 'facilitator' });
    expect('rng' in viewFor(state, 'facilitator')).toBe(false);
  });

  test('an unknown viewer is treated like the observer', () => {
    expect(viewFor(moved, 'nobody').allocations).toEqual({});
  });
});

/** Paths of every breakdown (an object with a non-empty `terms` array) in a view. */
const breakdowns = (x: unknown, path = ''): string[] => {
  if (x === null || typeof x !== 'object') return [];
  const here =
    Array.isArray((x as { terms?: unknown }).terms) && (x as { terms: unknown[] }).terms.length > 0 ? [path] : [];
  return [...here, ...Object.entries(x).flatMap(([k, v]) => breakdowns(v, `${path}.${k}`))];
};
/** Breakdowns a seat may keep with the math off: its own score and, for the challenger, its own crisis estimate. */
const othersBreakdowns = (v: GameView, seat: string) =>
  breakdowns(v).filter((p) => p !== `.scores.${seat}` && !(seat === 'varkal' && p.startsWith('.crises.')));

describe('"show the math" off', () => {
  const results = (options: object) => next(answeredOf(options), { timedOut: true });
  const answeredOf = (options: object) => next(send(turn2Move(SEED, options), 'varkal', ATTACK));

  test.each(NATION_SEATS)('%s sees no breakdown but its own', (seat) => {
    const s = results({ showMath: false });
    expect(s.report?.changes.length).toBeGreaterThan(0);
    expect(othersBreakdowns(viewFor(s, seat), seat)).toEqual([]);
    expect(breakdowns(viewFor(s, seat))).toContain(`.scores.${seat}`);
  });

  test('with the math on, the same view is full of breakdowns (so the check above can fail)', () => {
    expect(othersBreakdowns(viewFor(results({ showMath: true }), 'bosk'), 'bosk').length).toBeGreaterThan(10);
  });

  test('the facilitator keeps every breakdown', () => {
    const s = results({ showMath: false });
    expect(breakdowns(viewFor(s, 'facilitator'))).toEqual(breakdowns(s));
  });

  test('after a White Cell override, the engine version in the report carries no breakdown either', () => {
    let s = next(answeredOf({ showMath: false, facilitatorReview: true }), { timedOut: true });
    s = send(s, 'facilitator', { type: 'override', reason: 'a ceasefire', rungs: { northmarch: 2 } });
    s = send(s, 'facilitator', { type: 'publish' });
    expect(s.report?.override).not.toBeNull();
    expect(othersBreakdowns(viewFor(s, 'bosk'), 'bosk')).toEqual([]);
  });
});

describe('the journal tells a seat no more than its view', () => {
  test("the public crisis event does not carry Varkal's estimate (which shows what its intelligence saw)", () => {
    const r = advance(moved);
    if (!r.ok) throw new Error(r.error.code);
    const crisis = r.value.state.crises[0]!;
    // The leak this guards against: Aurelia learns Varkal saw its unbacked red line.
    expect(crisis.immediate['aurelia-bosk']?.terms).toContainEqual({
      label: 'red line exposed as a bluff',
      value: -10,
    });
    for (const seat of ['aurelia', 'bosk', 'observer']) {
      const seen = eventsFor(r.value.events, seat, false).filter((e) => e.kind === 'crisis');
      expect(seen.map((e) => (e.data?.crisis as { immediate: unknown }).immediate)).toEqual(
        viewFor(r.value.state, seat).crises.map((c) => c.immediate),
      );
    }
  });
});
