// One address may create only so many matches a minute (each is journaled): past the limit the
// creation is refused with a clear message, counted in presence. (Its own file: a fresh count.)
import { expect, it, onTestFinished } from 'vitest';
import { TOO_MANY_CREATES } from '../../server/access/matchmakeGuard.js';
import { HOST_TOKEN, useTestServer } from './helpers.js';

const server = useTestServer({});

it('refuses the eleventh new match a minute from one address', async () => {
  const raised = process.env.CREATES_PER_MINUTE;
  delete process.env.CREATES_PER_MINUTE; // the default, 10 (the test helpers raise it)
  onTestFinished(() => {
    process.env.CREATES_PER_MINUTE = raised;
  });
  const create = () => server().sdk.create('crisis', { scenario: 'classroom', name: 'T', hostToken: HOST_TOKEN });
  for (let i = 0; i < 10; i++) await create();
  await expect(create()).rejects.toThrow(TOO_MANY_CREATES);
});
