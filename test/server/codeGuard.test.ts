// Guessing join codes: after five wrong codes in a minute from one address, even the right code is
// refused until the minute passes. (Its own file: the count would block the other tests.)
import { expect, it } from 'vitest';
import { MAX_WRONG_CODES_PER_MINUTE } from '../../server/access/codeGuard.js';
import { nextMessage, HOST_TOKEN, useTestServer } from './helpers.js';

const server = useTestServer({});

it('refuses an address that keeps guessing codes', async () => {
  const host = await server().sdk.create('crisis', { scenario: 'classroom', name: 'Teacher', hostToken: HOST_TOKEN });
  const { code } = await nextMessage<{ code: string }>(host, 'welcome');
  // Guesses through the matchmaker (join) and straight at a known room (joinById) count alike.
  for (let i = 0; i < MAX_WRONG_CODES_PER_MINUTE - 2; i++)
    await expect(server().sdk.join('crisis', { code: `WRONG${i}XY`, name: 'Eve' })).rejects.toThrow(
      /no match has that code/,
    );
  // A joinById is refused when its socket connects (close 4216), not in the HTTP answer.
  for (let i = 0; i < 2; i++) {
    const refused = new Promise<string>((resolve) => {
      server()
        .sdk.joinById(host.roomId, { code: `GUESS${i}ZZ`, name: 'Eve' })
        .then((room) => room.onLeave((code) => resolve(`closed ${code}`)))
        .catch((e: unknown) => resolve(String(e)));
    });
    expect(await refused).toMatch(/4216|no match has that code/);
  }
  await expect(server().sdk.join('crisis', { code, name: 'Eve' })).rejects.toThrow(/too many wrong codes/);
});
