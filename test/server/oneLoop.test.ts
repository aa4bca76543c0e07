// One match loop (shared/match): the simulator and a real server room, given the same scenario,
// seed and bots, play the same match. The room's bots answer at once and, with no human seated,
// each phase waits for its deadline (the clock is moved past it); the simulator calls the clock
// whenever its bots fall silent. Both end in byte-identical states.
import { afterAll, expect, it } from 'vitest';
import { matchClock } from '../../server/match/clock.js';
import { type GameState, SCENARIOS, playBotMatch } from '../../shared/index.js';
import { HOST_TOKEN, nextMessage, stateOf, until, useTestServer } from './helpers.js';

let offset = 0;
const server = useTestServer({ before: () => (matchClock.now = () => Date.now() + offset) });
afterAll(() => {
  matchClock.now = () => Date.now();
});

it.each([
  ['classroom', 11],
  ['baltic', 4],
])(
  '%s, seed %i: the simulator plays the match a server room plays',
  async (scenario, seed) => {
    const host = await server().sdk.create('crisis', { scenario, name: 'Teacher', seed, hostToken: HOST_TOKEN });
    await nextMessage(host, 'welcome');
    host.send('start');
    await until(() => stateOf(host).status === 'playing', 'the match to start');
    for (let i = 0; i < 400 && stateOf(host).status === 'playing'; i++) {
      const at = `${stateOf(host).turn}:${stateOf(host).phase}`;
      offset += Math.max(0, stateOf(host).deadline - (Date.now() + offset)) + 1;
      await until(
        () => `${stateOf(host).turn}:${stateOf(host).phase}` !== at || stateOf(host).status !== 'playing',
        'the phase to close',
      );
    }
    expect(stateOf(host).status).toBe('ended');
    const room = server().getRoomById(host.roomId) as unknown as { session: { state: GameState } };
    const simulated = playBotMatch(SCENARIOS[scenario]!, seed).state;
    expect(simulated.ended).not.toBeNull();
    expect(JSON.stringify(room.session.state)).toBe(JSON.stringify(simulated));
  },
  120_000,
);
