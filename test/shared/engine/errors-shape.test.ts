// Refusals before a command's own rules: its shape, then the seat, the end of the match, the role
// and the phase, in that order. Each returns its fixed code and changes nothing.
import { describe, expect, test } from 'vitest';
import { C, expectRefused, S, table } from './refusals.js';

const HUGE = 'x'.repeat(1_000_000);

test('the fixtures are in the phases the tables assume', () => {
  expect([S.responses.phase, S.otherCrisis.phase, S.review.phase, S.results.phase]).toEqual([
    'responses',
    'responses',
    'adjudication',
    'results',
  ]);
  expect([S.review.pending === null, S.ended.ended === null]).toEqual([false, false]);
});

describe('ERR_MALFORMED: not a command, or a bad field', () => {
  test.each(
    table([
      ['null', 'briefing', 'aurelia', null],
      ['undefined', 'briefing', 'aurelia', undefined],
      ['a string', 'briefing', 'aurelia', 'ready'],
      ['a number', 'briefing', 'aurelia', 42],
      ['an array', 'briefing', 'aurelia', [C.ready]],
      ['no type', 'briefing', 'aurelia', {}],
      ['an unknown type', 'briefing', 'aurelia', { type: 'nuke' }],
      ['a missing field', 'allocation', 'aurelia', { type: 'allocate' }],
      ['a missing allocation line', 'allocation', 'aurelia', { type: 'allocate', allocation: { readiness: 1 } }],
      ['a move without its target field', 'move', 'varkal', { type: 'move', move: { type: 'probe' } }],
      ['an extra field', 'briefing', 'aurelia', { type: 'ready', please: true }],
      ['an extra allocation line', 'allocation', 'aurelia', C.spend({ bribes: 5 })],
      ['an extra field on a statement', 'diplomacy', 'aurelia', C.say('red_line', 'aurelia-bosk', { loud: 1 })],
      ['an extra field on an answer', 'responses', 'aurelia', { ...C.answer('aurelia-bosk'), why: 'x' }],
      ['a string for money', 'allocation', 'aurelia', C.spend({ readiness: '5' })],
      ['a number for a region map', 'allocation', 'aurelia', C.spend({ forwardPosture: 5 })],
      ['negative money', 'allocation', 'aurelia', C.spend({ readiness: -1 })],
      ['negative forward money', 'allocation', 'aurelia', C.spend({ forwardPosture: { northmarch: -5 } })],
      ['NaN money', 'allocation', 'aurelia', C.spend({ modernization: Number.NaN })],
      ['Infinity money', 'allocation', 'aurelia', C.spend({ domestic: Number.POSITIVE_INFINITY })],
      ['more than a million', 'allocation', 'aurelia', C.spend({ domestic: 1e6 + 1 })],
      ['a huge statement text', 'diplomacy', 'aurelia', C.say('clarify', 'aurelia-bosk', { text: HUGE })],
      ['a huge region key', 'allocation', 'aurelia', C.spend({ forwardPosture: { [HUGE]: 1 } })],
      ['an unknown move type', 'move', 'varkal', C.move('invade', 'bosk')],
      ['a numeric move target', 'move', 'varkal', C.move('probe', 7)],
      ['an unknown answer', 'responses', 'aurelia', C.answer('aurelia-bosk', 'maybe')],
      ['a fractional timer extension', 'briefing', 'facilitator', { type: 'extend_timer', seconds: 1.5 }],
      [
        'an extra field in a custom inject effect',
        'briefing',
        'facilitator',
        {
          type: 'inject_custom',
          title: 'T',
          text: 'x',
          effects: [{ kind: 'consensus', nation: 'bosk', delta: 1, x: 1 }],
        },
      ],
      [
        'a blank custom inject title',
        'briefing',
        'facilitator',
        { type: 'inject_custom', title: ' ', text: 'x', effects: [] },
      ],
      ['the shape is checked before the seat', 'briefing', 'nobody', null],
      ['the shape is checked before the end', 'ended', 'aurelia', 'ready'],
    ]),
  )('$why', ({ key, seat, payload }) => expectRefused(key, seat, payload, 'ERR_MALFORMED'));
});

describe('ERR_UNKNOWN_SEAT', () => {
  test.each(
    table([
      ['an unknown seat', 'briefing', 'nobody', C.ready],
      ['seat ids are case-sensitive', 'briefing', 'Aurelia', C.ready],
      ['an empty seat id', 'briefing', '', C.ready],
      ['a huge seat id', 'briefing', HUGE, C.ready],
      ['a prototype key as a seat id', 'briefing', '__proto__', C.ready],
      ['the seat is checked before the end', 'ended', 'nobody', C.ready],
    ]),
  )('$why', ({ key, seat, payload }) => expectRefused(key, seat, payload, 'ERR_UNKNOWN_SEAT'));
});

describe('ERR_MATCH_OVER: any command after the end', () => {
  test.each(
    table([
      ['ready', 'ended', 'aurelia', C.ready],
      ['an allocation', 'ended', 'aurelia', C.spend()],
      ['a move', 'ended', 'varkal', C.move('hold')],
      ['a White Cell pause', 'ended', 'facilitator', { type: 'pause' }],
      ['a White Cell inject', 'ended', 'facilitator', { type: 'inject', card: 'trade-deal' }],
      ['the end is checked before the role', 'ended', 'observer', C.ready],
    ]),
  )('$why', ({ key, seat, payload }) => expectRefused(key, seat, payload, 'ERR_MATCH_OVER'));
});

describe('ERR_NOT_YOUR_ROLE: checked before the phase', () => {
  test.each(
    table([
      ['an ally cannot move', 'move', 'bosk', C.move('hold')],
      ['a guarantor cannot move, even out of phase', 'briefing', 'aurelia', C.move('hold')],
      ['a challenger cannot answer for a guarantee', 'responses', 'varkal', C.answer('aurelia-bosk')],
      ['a guarantor cannot answer as an ally', 'responses', 'aurelia', C.ally('hedge')],
      ['the observer cannot say ready', 'briefing', 'observer', C.ready],
      ['the observer cannot advance the phase', 'briefing', 'observer', { type: 'advance_phase' }],
      ['the facilitator cannot allocate', 'allocation', 'facilitator', C.spend()],
      ['a nation cannot pause', 'briefing', 'aurelia', { type: 'pause' }],
      ['a nation cannot override', 'review', 'aurelia', C.override('mine')],
    ]),
  )('$why', ({ key, seat, payload }) => expectRefused(key, seat, payload, 'ERR_NOT_YOUR_ROLE'));
});

describe('ERR_NOT_YOUR_PHASE', () => {
  test.each(
    table([
      ['an allocation in the briefing', 'briefing', 'aurelia', C.spend()],
      ['a statement in the allocation', 'allocation', 'aurelia', C.say('red_line', 'aurelia-bosk')],
      ['ready in the allocation', 'allocation', 'aurelia', C.ready],
      ['a move in the allocation', 'allocation', 'varkal', C.move('hold')],
      ['an answer before the move', 'move', 'aurelia', C.answer('aurelia-bosk')],
      ['an ally answer in the results', 'results', 'bosk', C.ally('hedge')],
      ['an override in the briefing', 'briefing', 'facilitator', C.override('why not')],
      ['publish in the results', 'results', 'facilitator', { type: 'publish' }],
      ['resume when not paused', 'briefing', 'facilitator', { type: 'resume' }],
    ]),
  )('$why', ({ key, seat, payload }) => expectRefused(key, seat, payload, 'ERR_NOT_YOUR_PHASE'));
});
