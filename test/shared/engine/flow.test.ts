// The turn as declared data: the order of phases, the documented defaults at a deadline, and the
// missed-deadline counter behind civil disorder.
import { describe, expect, test } from 'vitest';
import {
  advance,
  allocationTotal,
  applyCommand,
  budget,
  type ChallengerMove,
  type GameState,
  inCivilDisorder,
  statusQuoAllocation,
} from '../../../shared/index.js';
import {
  afterMove,
  allocateAll,
  next,
  nextTurn,
  playOut,
  readyAll,
  send,
  start,
  toAllocation,
  toMove,
} from './drive.js';

const HOLD: ChallengerMove = { type: 'hold', target: null };
const ATTACK_BOSK: ChallengerMove = { type: 'limited_attack', target: 'bosk' };

/** Plays one turn with every seat submitting, answering any crisis with honor/contribute; returns the phases seen. */
const phasesOfTurn = (review: boolean, move: ChallengerMove): string[] => {
  let s = start('classroom', 1, { facilitatorReview: review });
  const seen = [s.phase];
  const step = (after: GameState) => {
    s = after;
    seen.push(s.phase);
  };
  step(next(readyAll(s)));
  step(next(readyAll(s)));
  step(next(allocateAll(s)));
  step(next(send(s, 'varkal', { type: 'move', move })));
  if (s.phase === 'responses') {
    s = send(s, 'aurelia', { type: 'answer_guarantee', guarantee: s.crises[0]!.invoked[0], choice: 'honor' });
    for (const ally of ['bosk', 'corvin', 'dunmere']) s = send(s, ally, { type: 'answer_ally', choice: 'contribute' });
    step(next(s));
  }
  if (s.phase === 'adjudication') step(send(s, 'facilitator', { type: 'publish' }));
  step(next(readyAll(s)));
  expect(s.turn).toBe(2);
  return seen;
};

describe('phase flow', () => {
  test.each<[string, boolean, ChallengerMove, string[]]>([
    [
      'a hold skips the responses',
      false,
      HOLD,
      ['briefing', 'diplomacy', 'allocation', 'challenger_move', 'results', 'briefing'],
    ],
    [
      'a probe that invokes nothing skips them too',
      false,
      { type: 'probe', target: 'dunmere' },
      ['briefing', 'diplomacy', 'allocation', 'challenger_move', 'results', 'briefing'],
    ],
    [
      'an attack on Bosk invokes its guarantee',
      false,
      ATTACK_BOSK,
      ['briefing', 'diplomacy', 'allocation', 'challenger_move', 'responses', 'results', 'briefing'],
    ],
    [
      'under review, adjudication waits',
      true,
      HOLD,
      ['briefing', 'diplomacy', 'allocation', 'challenger_move', 'adjudication', 'results', 'briefing'],
    ],
    [
      'under review, with a crisis',
      true,
      ATTACK_BOSK,
      ['briefing', 'diplomacy', 'allocation', 'challenger_move', 'responses', 'adjudication', 'results', 'briefing'],
    ],
  ])('%s', (_why, review, move, phases) => {
    expect(phasesOfTurn(review, move)).toEqual(phases);
  });

  test('the match ends after the last turn’s results, for the reason turns_complete', () => {
    const end = playOut(start());
    expect([end.turn, end.phase, end.ended]).toEqual([10, 'results', { reason: 'turns_complete', turn: 10 }]);
  });
});

describe('defaults at a deadline', () => {
  test('allocation, first turn: the status quo, seen only by its seat', () => {
    const s = toAllocation(start());
    const r = advance(s, { timedOut: true });
    if (!r.ok) throw new Error(r.error.code);
    for (const seat of ['aurelia', 'bosk', 'corvin', 'dunmere', 'varkal'])
      expect(r.value.state.allocations[seat]).toEqual(statusQuoAllocation(s.nations[seat]!, 1));
    const defaults = r.value.events.filter((e) => e.kind === 'default_applied');
    expect(defaults.map((e) => e.visibleTo)).toEqual([['aurelia'], ['bosk'], ['corvin'], ['dunmere'], ['varkal']]);
  });

  test("allocation, later turns: last turn's allocation", () => {
    const mine = {
      readiness: 300,
      forwardPosture: { northmarch: 100 },
      modernization: 200,
      extendedDeterrence: 30,
      foreignAid: { bosk: 5 },
      domestic: 400,
    };
    const t1 = send(toAllocation(start()), 'aurelia', { type: 'allocate', allocation: mine });
    const t2 = toAllocation(nextTurn(next(next(t1, { timedOut: true }), { timedOut: true })));
    expect(t2.turn).toBe(2);
    const s = next(t2, { timedOut: true });
    expect(s.allocations.aurelia).toEqual(mine);
    // Bosk defaulted on turn 1 too: its turn-1 status quo carries over as its last allocation.
    expect(s.allocations.bosk).toEqual(statusQuoAllocation(t1.nations.bosk!, 1));
  });

  test("last turn's allocation is scaled down to a budget shrunk by the cost of honoring", () => {
    let s = afterMove(start(), ATTACK_BOSK);
    s = send(s, 'aurelia', { type: 'answer_guarantee', guarantee: 'aurelia-bosk', choice: 'honor' });
    s = toAllocation(nextTurn(next(s, { timedOut: true })));
    const last = s.lastAllocations.aurelia!;
    const limit = budget(s.nations.aurelia!, 1).value;
    expect(s.nations.aurelia!.obligations).toBeGreaterThan(0);
    expect(allocationTotal(last)).toBeGreaterThan(limit);
    const fitted = next(s, { timedOut: true }).allocations.aurelia!;
    expect(allocationTotal(fitted)).toBeCloseTo(limit, 6);
    expect(fitted.readiness / fitted.domestic).toBeCloseTo(last.readiness / last.domestic, 9);
  });

  test('challenger move: hold', () => {
    const s = next(toMove(start()), { timedOut: true });
    expect(s.crises.map((c) => c.move)).toEqual([HOLD]);
  });

  test('responses: the guarantor half-honors (partial), every ally hedges', () => {
    const s = next(afterMove(start(), ATTACK_BOSK), { timedOut: true });
    expect(s.history.map((h) => [h.guarantee, h.choice])).toEqual([['aurelia-bosk', 'partial']]);
    expect(s.allyAnswers).toEqual({ bosk: 'hedge', corvin: 'hedge', dunmere: 'hedge' });
  });

  test('an answer already given is kept; only the missing ones default', () => {
    let s = afterMove(start(), ATTACK_BOSK);
    s = send(s, 'aurelia', { type: 'answer_guarantee', guarantee: 'aurelia-bosk', choice: 'abandon' });
    s = send(s, 'bosk', { type: 'answer_ally', choice: 'accommodate' });
    s = next(s, { timedOut: true });
    expect(s.history.map((h) => h.choice)).toEqual(['abandon']);
    expect(s.allyAnswers).toEqual({ bosk: 'accommodate', corvin: 'hedge', dunmere: 'hedge' });
  });
});

describe('missed deadlines and civil disorder (classroom: after 2 in a row)', () => {
  test('misses count in decision phases only, and a submission resets them', () => {
    let s = next(readyAll(start()), { timedOut: true }); // briefing → diplomacy: everyone was ready, no miss
    s = next(s, { timedOut: true }); // diplomacy timed out: not a decision phase
    expect(s.missed).toEqual({});
    s = next(s, { timedOut: true }); // allocation: every nation seat misses once
    expect(s.missed).toEqual({ aurelia: 1, bosk: 1, corvin: 1, dunmere: 1, varkal: 1 });
    expect(inCivilDisorder(s, 'varkal')).toBe(false);
    s = next(s, { timedOut: true }); // the move: Varkal misses again
    expect(s.missed.varkal).toBe(2);
    expect(inCivilDisorder(s, 'varkal')).toBe(true);
    s = toAllocation(nextTurn(s));
    s = send(s, 'varkal', { type: 'allocate', allocation: statusQuoAllocation(s.nations.varkal!, 1) });
    expect(s.missed.varkal).toBe(0);
    expect(inCivilDisorder(s, 'varkal')).toBe(false);
    s = next(s, { timedOut: true });
    expect(s.missed).toEqual({ aurelia: 2, bosk: 2, corvin: 2, dunmere: 2, varkal: 0 });
    expect(['aurelia', 'bosk', 'varkal'].map((seat) => inCivilDisorder(s, seat))).toEqual([true, true, false]);
  });

  test('a timer extension lasts for its phase only', () => {
    const s = send(send(start(), 'facilitator', { type: 'extend_timer', seconds: 30 }), 'facilitator', {
      type: 'extend_timer',
      seconds: 15,
    });
    expect(s.settings.extensionSeconds).toBe(45);
    expect(next(s, { timedOut: true }).settings.extensionSeconds).toBe(0);
  });

  test('a White Cell forced advance is not a missed deadline', () => {
    const s = send(toAllocation(start()), 'facilitator', { type: 'advance_phase' });
    expect(s.phase).toBe('challenger_move');
    expect(s.missed).toEqual({});
  });
});

/** Every number anywhere in the state. */
const numbers = (x: unknown, path = ''): [string, number][] =>
  typeof x === 'number'
    ? [[path, x]]
    : x !== null && typeof x === 'object'
      ? Object.entries(x).flatMap(([k, v]) => numbers(v, `${path}.${k}`))
      : [];

test('an accepted allocation never leads to a non-finite number in the state', () => {
  // "constructor" is no region, but `state.regions["constructor"]` is Object's constructor, so it passes.
  const payload = {
    type: 'allocate',
    allocation: {
      readiness: 0,
      forwardPosture: { constructor: 1 },
      modernization: 0,
      extendedDeterrence: 0,
      foreignAid: {},
      domestic: 0,
    },
  };
  const r = applyCommand(toAllocation(start()), 'aurelia', payload);
  const s = r.ok ? nextTurn(next(next(r.value.state, { timedOut: true }), { timedOut: true })) : toAllocation(start());
  expect(numbers(s).filter(([, v]) => !Number.isFinite(v))).toEqual([]);
});
