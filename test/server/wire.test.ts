// The lean wire as a user meets it: a client that joins or reconnects mid-match rebuilds exactly the
// view the server's viewFor gives its seat; breakdowns come on demand, only as the seat's own view
// shows them, and a request for a turn or seat it may not see is refused, changing nothing.
import type { Room } from 'colyseus.js';
import { expect, it } from 'vitest';
import { type GameState, viewFor } from '../../shared/index.js';
import { type Breakdowns, breakdownsOf, withoutBreakdowns } from '../../shared/protocol/breakdown.js';
import { runWireBot } from '../../scripts/bot/wireBot.js';
import { matchHelpers, nextMessage, stateOf, until, useTestServer, viewOf } from './helpers.js';

const server = useTestServer({});
const { createMatch, joinAs } = matchHelpers(server);

const engineState = (room: Room): GameState =>
  (server().getRoomById(room.roomId) as unknown as { session: { state: GameState } }).session.state;

/** Aurelia and Varkal, each taken by a player of its own. */
const seatPlayers = (code: string) =>
  Promise.all((['aurelia', 'varkal'] as const).map(async (seat) => ({ seat, room: await joinAs(code, seat, seat) })));

/** Plays the seats with wire bots until the White Cell sees turn `turn`'s results, then stops them. */
const playTo = async (host: Room, players: { seat: string; room: Room }[], turn: number) => {
  const bots = players.map(({ seat, room }, i) => runWireBot(room, seat, 'calculating', i));
  host.send('start');
  await until(() => stateOf(host).turn === turn && stateOf(host).phase === 'results', `turn ${turn}'s results`);
  bots.forEach((b) => b.stop());
  // Nothing moves without the seats (no timers): let the last patches land.
  await new Promise((r) => setTimeout(r, 300));
};

it('a client that joins mid-match, and one that reconnects, see exactly what viewFor gives their seat', async () => {
  const { host, welcome } = await createMatch();
  const players = await seatPlayers(welcome.code);
  await playTo(host, players, 3);
  const state = engineState(host);
  expect(state.report?.turn).toBe(3);
  const late = await joinAs(welcome.code, 'Late');
  expect(viewOf(late, 'observer')).toEqual(withoutBreakdowns(viewFor(state, 'observer')));
  const ann = players[0]!.room;
  const before = viewOf(ann, 'aurelia');
  expect(before).toEqual(withoutBreakdowns(viewFor(state, 'aurelia')));
  await ann.leave(false);
  const back = await server().sdk.reconnect(ann.reconnectionToken);
  await until(() => stateOf(back).secrets?.get('aurelia') !== undefined, 'the secrets again');
  expect(viewOf(back, 'aurelia')).toEqual(before);
  expect(viewOf(host, 'facilitator')).toEqual(withoutBreakdowns(viewFor(engineState(host), 'facilitator')));
}, 30_000);

it("breakdowns come on demand, only as the seat's view shows them; other turns and seats are refused", async () => {
  const { host, welcome } = await createMatch({ showMath: false });
  const players = await seatPlayers(welcome.code);
  const eve = await joinAs(welcome.code, 'Eve');
  const ann = players[0]!.room;
  const early = nextMessage<{ code: string; message: string }>(ann, 'error');
  ann.send('breakdown', { turn: 1 });
  expect(await early).toMatchObject({ code: 'ERR_UNKNOWN_TARGET', message: expect.stringMatching(/no turn/) });
  await playTo(host, players, 2);
  const state = engineState(host);
  const turn = state.report?.turn ?? 0;

  const reply = nextMessage<Breakdowns>(ann, 'breakdown');
  ann.send('breakdown', { turn });
  const mine = await reply;
  expect(mine).toEqual(breakdownsOf(viewFor(state, 'aurelia')));
  // With "show the math" off, Aurelia's own score is explained and nothing else is.
  expect(mine.scores['aurelia']?.terms.length).toBeGreaterThan(0);
  expect(Object.entries(mine.scores).filter(([id, s]) => id !== 'aurelia' && s.terms.length > 0)).toEqual([]);
  expect(mine.changes.flat()).toEqual([]);
  expect(JSON.stringify(mine)).not.toContain(JSON.stringify(state.scores['varkal']?.terms));

  // The White Cell's reply holds every term, and it may read a seat's view.
  const full = nextMessage<Breakdowns>(host, 'breakdown');
  host.send('breakdown', { turn });
  expect(await full).toEqual(breakdownsOf(viewFor(state, 'facilitator')));
  const asVarkal = nextMessage<Breakdowns>(host, 'breakdown');
  host.send('breakdown', { turn, seat: 'varkal' });
  expect(await asVarkal).toEqual(breakdownsOf(viewFor(state, 'varkal')));

  // Refusals, each naming what is wrong; none answers with breakdowns or changes the match.
  const replies: unknown[] = [];
  for (const room of [ann, eve]) room.onMessage('breakdown', (b: unknown) => replies.push(b));
  const cases: [Room, unknown, string, RegExp][] = [
    [
      ann,
      { turn: turn - 1 },
      'ERR_UNKNOWN_TARGET',
      new RegExp(`latest report's breakdowns are kept \\(turn ${turn}\\)`),
    ],
    [ann, { turn, seat: 'varkal' }, 'ERR_NOT_YOUR_ROLE', /only the White Cell/],
    [eve, { turn, seat: 'aurelia' }, 'ERR_NOT_YOUR_ROLE', /only the White Cell/],
    [host, { turn, seat: 'atlantis' }, 'ERR_UNKNOWN_SEAT', /atlantis/],
    [ann, { turn: 'two' }, 'ERR_MALFORMED', /^turn: .*expected number/],
    [ann, { turn, extra: true }, 'ERR_MALFORMED', /extra/],
  ];
  for (const [room, payload, code, message] of cases) {
    const refused = nextMessage<{ code: string; message: string }>(room, 'error');
    room.send('breakdown', payload as { turn: number });
    expect(await refused).toMatchObject({ code, message: expect.stringMatching(message) });
  }
  expect(replies).toEqual([]);
  expect(engineState(host)).toBe(state);
  expect(ann.connection.isOpen).toBe(true);
}, 30_000);

it('an observer with the math off gets no term of any seat, in the view or on demand', async () => {
  const { host, welcome } = await createMatch({ showMath: false });
  const players = await seatPlayers(welcome.code);
  const eve = await joinAs(welcome.code, 'Eve');
  await playTo(host, players, 1);
  const state = engineState(host);
  const reply = nextMessage<Breakdowns>(eve, 'breakdown');
  eve.send('breakdown', { turn: state.report?.turn ?? 0 });
  const got = await reply;
  expect(Object.values(got.scores).flatMap((s) => s.terms)).toEqual([]);
  expect([...got.changes, ...got.notes].flatMap((t) => t ?? [])).toEqual([]);
  // Neither the decoded state: no term of the report or the scores reaches any client's patches.
  for (const room of [eve, ...players.map((p) => p.room)]) {
    const seat = room === eve ? 'observer' : (players.find((p) => p.room === room)?.seat ?? '');
    const view = viewOf(room, seat);
    expect(view.report?.changes.flatMap((c) => c.why.terms)).toEqual([]);
    expect(Object.values(view.scores).flatMap((s) => s.terms)).toEqual([]);
  }
}, 30_000);
