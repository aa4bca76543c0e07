// Fixtures for the refusal tables: one state per situation, short command builders, and the check
// every refusal must pass (fixed code, a message, the input untouched even when deep-frozen).
import { expect } from 'vitest';
import { applyCommand, type GameState } from '../../../shared/index.js';
import { afterMove, next, playOut, readyAll, send, start, toAllocation, toMove } from './drive.js';
import { twoGuarantors } from './scenarios.js';

/** Payload builders; untyped on purpose, since the engine must cope with anything. */
export const C = {
  ready: { type: 'ready' },
  // Aurelia's budget in the classroom scenario: 20 000 × 0.08 × 1 year = 1600 bn.
  spend: (over: Record<string, unknown> = {}) => ({
    type: 'allocate',
    allocation: {
      readiness: 0,
      forwardPosture: {},
      modernization: 0,
      extendedDeterrence: 0,
      foreignAid: {},
      domestic: 100,
      ...over,
    },
  }),
  move: (type: string, target: unknown = null) => ({ type: 'move', move: { type, target } }),
  say: (kind: string, subject: string, extra: object = {}) => ({ type: 'statement', kind, subject, ...extra }),
  answer: (guarantee: string, choice = 'honor') => ({ type: 'answer_guarantee', guarantee, choice }),
  ally: (choice: string) => ({ type: 'answer_ally', choice }),
  override: (reason: string, fields: object = {}) => ({ type: 'override', reason, ...fields }),
};

const attackBosk = { type: 'limited_attack', target: 'bosk' } as const;

/** One state per situation a refusal needs. */
export const S = {
  briefing: start(),
  readied: send(start(), 'aurelia', C.ready),
  diplomacy: next(readyAll(start())),
  said: send(next(readyAll(start())), 'aurelia', C.say('red_line', 'aurelia-bosk')),
  allocation: toAllocation(start()),
  allocated: send(toAllocation(start()), 'aurelia', C.spend()),
  move: toMove(start()),
  moved: send(toMove(start()), 'varkal', C.move('hold')),
  responses: afterMove(start(), attackBosk),
  answered: send(
    send(afterMove(start(), attackBosk), 'aurelia', C.answer('aurelia-bosk')),
    'bosk',
    C.ally('contribute'),
  ),
  /** Two guarantors: a coercion of Bosk leaves Borea and its ally Dunmere out of it. */
  otherCrisis: afterMove(start(twoGuarantors), { type: 'coerce', target: 'bosk' }),
  review: next(afterMove(start('classroom', 1, { facilitatorReview: true }), attackBosk), { timedOut: true }),
  results: afterMove(start(), { type: 'hold', target: null }),
  paused: send(start(), 'facilitator', { type: 'pause' }),
  ended: playOut(start()),
};
export type Situation = keyof typeof S;

export const deepFreeze = <T>(x: T): T => {
  if (x !== null && typeof x === 'object' && !Object.isFrozen(x)) {
    Object.freeze(x);
    for (const v of Object.values(x)) deepFreeze(v);
  }
  return x;
};

/** The command is refused with `code`, says why, and leaves its input exactly as it was. */
export const expectRefused = (key: Situation, seat: string, payload: unknown, code: string): void => {
  const state: GameState = S[key];
  const before = JSON.stringify(state);
  const r = applyCommand(state, seat, payload);
  expect(r.ok ? 'accepted' : r.error.code).toBe(code);
  if (!r.ok) expect(r.error.message.length).toBeGreaterThan(0);
  expect(JSON.stringify(state)).toBe(before);
  // On a frozen copy any attempt to write to the input would throw.
  const again = applyCommand(deepFreeze(structuredClone(state)), seat, payload);
  expect(again.ok ? 'accepted' : again.error.code).toBe(code);
};

/** Rows as objects, so test titles name the case without printing huge payloads. */
export const table = (rows: [string, Situation, string, unknown][]) =>
  rows.map(([why, key, seat, payload]) => ({ why, key, seat, payload }));
