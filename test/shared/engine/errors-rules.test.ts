// Refusals by a command's own rules (budget, targets, one submission each, something to answer,
// pause, a reason for an override) and by advance(). Each returns its fixed code and changes nothing.
import { describe, expect, test } from 'vitest';
import { advance, type AdvanceOptions, type GameState } from '../../../shared/index.js';
import { allocateAll, next, send, start, statusQuo, toAllocation } from './drive.js';
import { C, deepFreeze, expectRefused, S, table } from './refusals.js';

describe('ERR_OVER_BUDGET (Aurelia 1600 bn, Bosk 60 bn)', () => {
  test.each(
    table([
      ['one line over the budget', 'allocation', 'aurelia', C.spend({ domestic: 1600.01 })],
      ['lines that add up over it', 'allocation', 'aurelia', C.spend({ readiness: 900, domestic: 701 })],
      [
        'forward posture split over it',
        'allocation',
        'aurelia',
        C.spend({ domestic: 0, forwardPosture: { northmarch: 800, southcoast: 801 } }),
      ],
      ['aid over it', 'allocation', 'aurelia', C.spend({ domestic: 1500, foreignAid: { bosk: 101 } })],
      ['Bosk spending more than its own budget', 'allocation', 'bosk', C.spend({ domestic: 61 })],
    ]),
  )('$why', ({ key, seat, payload }) => expectRefused(key, seat, payload, 'ERR_OVER_BUDGET'));

  test('exactly the budget is accepted', () => {
    expect(send(S.allocation, 'aurelia', C.spend({ domestic: 1600 })).allocations.aurelia?.domestic).toBe(1600);
  });
});

const inject = (effects: object[]) => ({ type: 'inject_custom', title: 'Coup', text: 'A coup.', effects });

describe('ERR_UNKNOWN_TARGET', () => {
  test.each(
    table([
      ['forward posture in an unknown region', 'allocation', 'aurelia', C.spend({ forwardPosture: { atlantis: 1 } })],
      ['forward posture in "constructor"', 'allocation', 'aurelia', C.spend({ forwardPosture: { constructor: 1 } })],
      ['aid to an unknown nation', 'allocation', 'aurelia', C.spend({ foreignAid: { atlantis: 1 } })],
      ['aid to itself', 'allocation', 'aurelia', C.spend({ foreignAid: { aurelia: 1 } })],
      ['aid to "toString"', 'allocation', 'aurelia', C.spend({ foreignAid: { toString: 1 } })],
      [
        'an umbrella bought by a non-nuclear ally',
        'allocation',
        'bosk',
        C.spend({ domestic: 0, extendedDeterrence: 1 }),
      ],
      ['a move against an unknown nation', 'move', 'varkal', C.move('probe', 'atlantis')],
      ['a move against itself', 'move', 'varkal', C.move('coerce', 'varkal')],
      ['a probe with no target', 'move', 'varkal', C.move('probe')],
      ['a hold with a target', 'move', 'varkal', C.move('hold', 'bosk')],
      ['a red line on an unknown guarantee', 'diplomacy', 'aurelia', C.say('red_line', 'aurelia-atlantis')],
      ["an ally's red line on its guarantor's guarantee", 'diplomacy', 'bosk', C.say('red_line', 'aurelia-bosk')],
      ['an exit ramp for an unknown region', 'diplomacy', 'varkal', C.say('exit_ramp', 'atlantis')],
      ['an exit ramp for "constructor"', 'diplomacy', 'varkal', C.say('exit_ramp', 'constructor')],
      ['an answer for a guarantee not invoked', 'responses', 'aurelia', C.answer('aurelia-corvin')],
      ['an unknown inject card', 'briefing', 'facilitator', { type: 'inject', card: 'meteor' }],
      [
        'a custom inject naming an unknown nation',
        'briefing',
        'facilitator',
        inject([{ kind: 'consensus', nation: 'atlantis', delta: -5 }]),
      ],
      [
        'a custom inject naming an unknown guarantee',
        'briefing',
        'facilitator',
        inject([{ kind: 'ties', guarantee: 'x', delta: 0.1 }]),
      ],
      [
        'an override for a seat that did not move',
        'review',
        'facilitator',
        C.override('test', { success: { bosk: true } }),
      ],
      ['an override of an unknown region', 'review', 'facilitator', C.override('test', { rungs: { atlantis: 2 } })],
      [
        'an override of region "hasOwnProperty"',
        'review',
        'facilitator',
        C.override('test', { rungs: { hasOwnProperty: 2 } }),
      ],
      [
        'an override provoking from a non-ally',
        'review',
        'facilitator',
        C.override('test', { provocations: ['varkal'] }),
      ],
    ]),
  )('$why', ({ key, seat, payload }) => expectRefused(key, seat, payload, 'ERR_UNKNOWN_TARGET'));
});

describe('ERR_ALREADY_SUBMITTED', () => {
  test.each(
    table([
      ['ready twice', 'readied', 'aurelia', C.ready],
      ['the same statement twice', 'said', 'aurelia', C.say('red_line', 'aurelia-bosk')],
      ['a second allocation', 'allocated', 'aurelia', C.spend()],
      ['a second move', 'moved', 'varkal', C.move('probe', 'bosk')],
      ['a second guarantor answer', 'answered', 'aurelia', C.answer('aurelia-bosk', 'abandon')],
      ['a second ally answer', 'answered', 'bosk', C.ally('hedge')],
    ]),
  )('$why', ({ key, seat, payload }) => expectRefused(key, seat, payload, 'ERR_ALREADY_SUBMITTED'));
});

describe('ERR_NOTHING_TO_ANSWER, ERR_PAUSED, ERR_REASON_REQUIRED', () => {
  test.each([
    ...table([
      ['a guarantor whose guarantee is not invoked', 'otherCrisis', 'borea', C.answer('borea-dunmere')],
      ['an ally whose guarantor faces no crisis', 'otherCrisis', 'dunmere', C.ally('contribute')],
    ]).map((r) => ({ ...r, code: 'ERR_NOTHING_TO_ANSWER' })),
    ...table([['pause twice', 'paused', 'facilitator', { type: 'pause' }]]).map((r) => ({ ...r, code: 'ERR_PAUSED' })),
    ...table([
      ['an override with an empty reason', 'review', 'facilitator', C.override('', { success: { varkal: true } })],
      ['an override with a blank reason', 'review', 'facilitator', C.override(' \n\t ', { rungs: { northmarch: 0 } })],
    ]).map((r) => ({ ...r, code: 'ERR_REASON_REQUIRED' })),
  ])('$why → $code', ({ key, seat, payload, code }) => expectRefused(key, seat, payload, code));
});

describe('advance refuses with a fixed code and changes nothing', () => {
  const partly = send(S.allocation, 'varkal', { type: 'allocate', allocation: statusQuo(S.allocation, 'varkal') });
  test.each<[string, GameState, AdvanceOptions, string]>([
    ['the briefing while seats still owe ready', S.briefing, {}, 'ERR_WAITING_FOR_SEATS'],
    ['the allocation with one seat in', partly, {}, 'ERR_WAITING_FOR_SEATS'],
    ['an adjudication waiting for review', S.review, {}, 'ERR_WAITING_FOR_SEATS'],
    ['a timeout while paused', S.paused, { timedOut: true }, 'ERR_PAUSED'],
    ['after the end', S.ended, {}, 'ERR_MATCH_OVER'],
    ['a timeout after the end', S.ended, { timedOut: true }, 'ERR_MATCH_OVER'],
    ['a forced advance after the end', S.ended, { forced: true }, 'ERR_MATCH_OVER'],
  ])('%s → %s', (_why, state, options, code) => {
    const before = JSON.stringify(state);
    const r = advance(deepFreeze(structuredClone(state)), options);
    expect(r.ok ? 'advanced' : r.error.code).toBe(code);
    expect(JSON.stringify(state)).toBe(before);
  });

  test('a forced advance works while paused; a complete phase needs no timeout', () => {
    expect(next(S.paused, { forced: true }).phase).toBe('diplomacy');
    expect(next(allocateAll(toAllocation(start()))).phase).toBe('challenger_move');
  });
});
