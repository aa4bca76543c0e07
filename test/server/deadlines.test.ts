// Deadlines over the network with a moved clock: a phase closes when its timer runs out, and a
// seat that misses two decisions falls into civil disorder (a bot plays it) until its human acts.
import { afterAll, expect, it } from 'vitest';
import { matchClock } from '../../server/match/clock.js';
import { nextMessage, stateOf, until, useTestServer, HOST_TOKEN } from './helpers.js';

let offset = 0;
const server = useTestServer({ before: () => (matchClock.now = () => Date.now() + offset) });
afterAll(() => {
  matchClock.now = () => Date.now();
});

/** Moves the match clock past the current deadline; the room's 250 ms tick does the rest. */
const passDeadline = (deadline: number) => {
  offset += Math.max(0, deadline - (Date.now() + offset)) + 1;
};

it('closes phases at their deadlines and hands a silent seat to a bot until its human acts', async () => {
  const host = await server().sdk.create('crisis', {
    scenario: 'classroom',
    name: 'Teacher',
    seed: 3,
    hostToken: HOST_TOKEN,
  });
  const { code } = await nextMessage<{ code: string }>(host, 'welcome');
  const ann = await server().sdk.join('crisis', { code, name: 'Ann' });
  await until(() => stateOf(ann).code === code, 'the first patch');
  const seated = nextMessage(ann, 'seated');
  ann.send('take_seat', { seat: 'aurelia' });
  await seated;
  host.send('start');
  await until(() => stateOf(ann).phase === 'briefing' && stateOf(ann).deadline > 0, 'a briefing deadline');
  const state = () => stateOf(ann);
  // The classroom's 60 s briefing, not a short one (a busy machine may take seconds to patch).
  expect(state().deadline - (Date.now() + offset)).toBeGreaterThan(30_000);
  passDeadline(state().deadline);
  await until(() => state().phase === 'diplomacy', 'the briefing to time out');
  // Keep letting deadlines pass: Aurelia misses its allocation and its answers or next allocation.
  for (let i = 0; i < 20 && !state().seats.get('aurelia')?.civilDisorder; i++) {
    const phase = `${state().turn}:${state().phase}`;
    passDeadline(state().deadline);
    await until(() => `${state().turn}:${state().phase}` !== phase, 'the next phase');
  }
  expect(state().seats.get('aurelia')?.civilDisorder).toBe(true);
  // Aurelia's human takes the seat back with `back`.
  ann.send('command', { type: 'back' });
  await until(() => state().seats.get('aurelia')?.civilDisorder === false, 'civil disorder to end');
}, 20_000);
