// Joining by code over the network, everyone from one address (the in-process server sees every
// client as 127.0.0.1, like a class behind one NAT): guessing is slowed to about a code a second,
// an address with three wrong answers waiting is told to slow down, and a class still gets in at
// once after typos. Timing is asserted as lower bounds only: a busy machine may answer later.
// (Its own file: the counts would slow the other tests.)
import { matchMaker } from '@colyseus/core';
import { expect, it } from 'vitest';
import { JOIN_BY_CODE, JOIN_LIMITS } from '../../server/access/codeGuard.js';
import { pendingWrongAnswers } from '../../server/access/joinThrottle.js';
import { HOST_TOKEN, nextMessage, testPort, useTestServer } from './helpers.js';

const server = useTestServer({});

/** The addresses the server may see for every client of this test (the socket's, no proxy). */
const LOOPBACK = ['::ffff:127.0.0.1', '127.0.0.1'];

const createMatch = async () => {
  const host = await server().sdk.create('crisis', { scenario: 'classroom', name: 'Teacher', hostToken: HOST_TOKEN });
  const { code } = await nextMessage<{ code: string }>(host, 'welcome');
  return { host, code };
};

/** A join by code that settles with how it was answered, never rejecting. */
const tryJoin = (options: Record<string, unknown>): Promise<string> =>
  server()
    .sdk.join('crisis', options)
    .then(
      (room) => {
        room.onMessage('welcome', () => {});
        return `joined ${room.sessionId}`;
      },
      (e: unknown) => String(e),
    );

const WRONG = /no match has that code/;

it('slows an address that keeps guessing to a wrong answer a second, and tells a fourth waiting guess to slow down', async () => {
  const { code } = await createMatch();
  // Five free wrong codes, one of them without a code at all.
  for (let i = 0; i < JOIN_LIMITS.freeWrongCodes - 1; i++)
    expect(await tryJoin({ code: `WRONG${i}XY`, name: 'Eve' })).toMatch(WRONG);
  expect(await tryJoin({ name: 'Eve' })).toMatch(WRONG); // a missing code matches no room, and counts
  let previous = Date.now();

  // From the sixth on, each wrong answer comes a second or more after the one before.
  const guesses = [
    () => tryJoin({ code: 'GUESS1ZZ', name: 'Eve' }),
    () => tryJoin({ code: 'GUESS2ZZ', name: 'Eve' }),
    () => tryJoin({ code: 'GUESS3ZZ', name: 'Eve' }),
  ];
  for (const guess of guesses) {
    expect(await guess()).toMatch(WRONG);
    const now = Date.now();
    expect(now - previous).toBeGreaterThanOrEqual(1000);
    console.log(`wrong answer ${now - previous} ms after the previous one`);
    previous = now;
  }

  // Three wrong guesses at once all wait for their second; a fourth is refused unevaluated.
  const waiting = [0, 1, 2].map((i) => tryJoin({ code: `BURST${i}ZZ`, name: 'Eve' }));
  await waitForPending(3);
  expect(await tryJoin({ code, name: 'Ann' })).toMatch(/slow down/);
  for (const answer of await Promise.all(waiting)) expect(answer).toMatch(WRONG);

  // Guessing is slowed, not locked out: the right code gets in at once.
  expect(await tryJoin({ code: code.toLowerCase(), name: 'Ann' })).toMatch(/^joined /);
}, 60_000);

it('lets ten students behind one address in together after six typos', async () => {
  const { code } = await createMatch();
  for (let i = 0; i < 6; i++) expect(await tryJoin({ code: `TYPO${i}XYZ`, name: 'Kid' })).toMatch(WRONG);
  const started = Date.now();
  const students = await Promise.all(Array.from({ length: 10 }, (_, i) => tryJoin({ code, name: `Student ${i}` })));
  console.log(`ten students joined together in ${Date.now() - started} ms`);
  for (const s of students) expect(s).toMatch(/^joined /);
}, 60_000);

/** Polls presence until the address has `n` wrong answers waiting for their second. */
const waitForPending = async (n: number): Promise<void> => {
  const started = Date.now();
  const pending = async () =>
    Math.max(...(await Promise.all(LOOPBACK.map((ip) => pendingWrongAnswers(matchMaker.presence, ip)))));
  while ((await pending()) < n) {
    if (Date.now() - started > 30_000) throw new Error(`never saw ${n} wrong answers waiting`);
    await new Promise((r) => setTimeout(r, 5));
  }
};

it("refuses joinById, which would skip the code, and says so without the room's listing", async () => {
  const { host } = await createMatch();
  const res = await fetch(`http://127.0.0.1:${testPort()}/matchmake/joinById/${host.roomId}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ code: 'WRONGXYZ', name: 'Eve' }),
  });
  const body = await res.text();
  expect(body).toContain(JOIN_BY_CODE);
  expect(body).not.toContain(host.roomId);
  expect(body).not.toMatch(/"code":"[2-9A-Z]{8}"/);
});
