// Secrets over a whole match: every client's decoded state, at every patch, holds its own seat's
// secrets and nobody else's; a White Cell override is journaled with its reason; binary payloads
// are refused like any malformed one.
import type { Room } from 'colyseus.js';
import { expect, it } from 'vitest';
import { reproduces } from '../../server/journal/MatchJournal.js';
import type { GameState } from '../../shared/index.js';
import { journal } from '../../server/journal/journalStore.js';
import { runWireBot } from '../../scripts/bot/wireBot.js';
import { matchHelpers, nextMessage, secretOf, stateOf, until, useTestServer, viewOf } from './helpers.js';

const server = useTestServer({});
const { createMatch, joinAs } = matchHelpers(server);

it("no client ever decodes another seat's secrets, from lobby to final scores", async () => {
  const { host, welcome } = await createMatch();
  const seats = ['aurelia', 'bosk', 'varkal'] as const;
  const players = await Promise.all(
    seats.map(async (seat) => ({ seat, room: await joinAs(welcome.code, seat, seat) })),
  );
  const eve = await joinAs(welcome.code, 'Eve');
  const problems: string[] = [];
  let checks = 0;
  let events = 0;
  let replies = 0;
  const watch = (room: Room, seat: string | null) => {
    // The turn log too: every event a client receives is public or addressed to its own seat.
    room.onMessage('events', (list: { kind: string; visibleTo: 'all' | string[] }[]) => {
      events += list.length;
      for (const e of list)
        if (e.visibleTo !== 'all' && !(seat && e.visibleTo.includes(seat)))
          problems.push(`${seat ?? 'observer'} received ${e.kind} for ${e.visibleTo.join(',')}`);
    });
    // Breakdowns on demand too: each client asks once per report, and only ever gets its own seat's.
    let asked = 0;
    room.onMessage('breakdown', (b: { seat: string }) => {
      replies++;
      if (b.seat !== (seat ?? 'observer')) problems.push(`${seat ?? 'observer'} received ${b.seat}'s breakdowns`);
    });
    room.onStateChange(() => {
      const turn = stateOf(room).phase === 'results' ? stateOf(room).turn : 0;
      if (turn > asked) {
        asked = turn;
        room.send('breakdown', { turn });
      }
      checks++;
      const keys = [...(stateOf(room).secrets?.keys() ?? [])];
      if (JSON.stringify(keys) !== JSON.stringify(seat ? [seat] : []))
        problems.push(`${seat ?? 'observer'} sees ${keys.join(',')}`);
      const own = seat ? secretOf(room, seat) : undefined;
      if (own && 'seed' in own) problems.push(`${seat} sees the seed`);
    });
  };
  for (const { seat, room } of players) watch(room, seat);
  watch(eve, null);
  const bots = players.map(({ seat, room }, i) => runWireBot(room, seat, 'calculating', i));
  host.send('start');
  await until(() => stateOf(host).status === 'ended', 'the end of the match', 25_000);
  bots.forEach((b) => b.stop());
  expect(problems).toEqual([]);
  expect(checks).toBeGreaterThan(200);
  expect(events).toBeGreaterThan(100);
  expect(replies).toBeGreaterThan(10);
}, 30_000);

it('a White Cell override is journaled with its reason and the engine version', async () => {
  const { host, welcome } = await createMatch({ facilitatorReview: true });
  const varkal = await joinAs(welcome.code, 'Bob', 'varkal');
  const bot = runWireBot(varkal, 'varkal', 'hawk', 1);
  host.send('start');
  await until(() => stateOf(host).phase === 'adjudication', 'the review', 10_000);
  bot.stop();
  const bobEvents: string[] = [];
  varkal.onMessage('events', (list: { kind: string }[]) => bobEvents.push(...list.map((e) => e.kind)));
  host.send('command', { type: 'override', reason: 'the exercise needs a quiet first turn', rungs: { northmarch: 0 } });
  host.send('command', { type: 'publish' });
  await until(() => stateOf(host).phase === 'results', 'the results', 5000);
  // Players learn of the override when the results publish, not while it is under review.
  expect(bobEvents).not.toContain('override');
  expect(bobEvents).toContain('adjudicated');
  const entries = journal().entries(host.roomId);
  const override = entries.find((e) => e.kind === 'command' && (e.payload as { type?: string }).type === 'override');
  expect(override?.seat).toBe('facilitator');
  expect(override?.payload).toMatchObject({ reason: 'the exercise needs a quiet first turn' });
  const results = viewOf(host, 'facilitator');
  expect(results.report?.override?.reason).toBe('the exercise needs a quiet first turn');
  expect(results.report?.override?.engine).toBeTruthy();
  // Every entry carries the hash (once a turn) or the cheap check of the state it produced, in order;
  // the last is the state's now.
  expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => i + 1));
  expect(entries.every((e) => /^(c:)?[0-9a-f]{8}$/.test(e.hash))).toBe(true);
  const room = server().getRoomById(host.roomId) as unknown as { session: { state: GameState } };
  expect(reproduces(entries.at(-1)!.hash, room.session.state)).toBe(true);
});

it('binary and non-object payloads are refused with ERR_MALFORMED and the client stays', async () => {
  const { welcome } = await createMatch();
  const ann = await joinAs(welcome.code, 'Ann', 'aurelia');
  for (const send of [
    () => ann.sendBytes('command', new Uint8Array([1, 2, 3])),
    () => ann.send('command', 'ready'),
    () => ann.send('command', [1, 2]),
    () => ann.send('take_seat', 42),
  ]) {
    const reply = nextMessage<{ code: string }>(ann, 'error');
    send();
    expect((await reply).code).toBe('ERR_MALFORMED');
  }
  expect(ann.connection.isOpen).toBe(true);
});
