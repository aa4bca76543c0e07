// A room holds 80 clients, dropped ones waiting to reconnect included. One address may keep only a
// few dropped places (so a client cannot fill a room by dropping connections), and the right code of
// a full room says it is full instead of counting as a wrong code. (Its own file: many clients.)
import type { Room } from 'colyseus.js';
import { expect, it } from 'vitest';
import { MATCH_FULL } from '../../server/access/codeGuard.js';
import { MAX_HELD_PER_ADDRESS } from '../../server/rooms/Members.js';
import { matchHelpers, stateOf, until, useTestServer } from './helpers.js';

const server = useTestServer({ cleanEach: true });
const { createMatch } = matchHelpers(server);

const members = (room: Room) => [...stateOf(room).members.values()];

it('keeps the places of at most ten dropped members from one address', async () => {
  const { host, welcome } = await createMatch();
  const dropping = await Promise.all(
    Array.from({ length: MAX_HELD_PER_ADDRESS + 5 }, (_, i) =>
      server().sdk.join('crisis', { code: welcome.code, name: `Eve ${i}` }),
    ),
  );
  await until(() => members(host).length === dropping.length + 1, 'everyone to join');
  // A dropped connection (no consented leave), as a crash or a cut cable gives.
  for (const room of dropping) room.connection.close();
  await until(() => members(host).length === MAX_HELD_PER_ADDRESS + 1, 'the extra places to go');
  expect(members(host).filter((m) => !m.connected)).toHaveLength(MAX_HELD_PER_ADDRESS);
});

it('answers the right code of a full match with "full", at once and uncounted', async () => {
  const { host, welcome } = await createMatch();
  const guests: Room[] = [];
  while (guests.length < 79)
    guests.push(await server().sdk.join('crisis', { code: welcome.code, name: `Guest ${guests.length}` }));
  await until(() => members(host).length === 80, 'a full room');
  // More refusals than the throttle's free wrong codes: none of them is counted as a guess.
  for (let i = 0; i < 8; i++)
    await expect(server().sdk.join('crisis', { code: welcome.code, name: 'Late' })).rejects.toThrow(MATCH_FULL);
  guests.pop()?.leave();
  await until(() => members(host).length === 79, 'a place to free up');
  const late = await server().sdk.join('crisis', { code: welcome.code, name: 'Late' });
  expect(late.connection.isOpen).toBe(true);
});
