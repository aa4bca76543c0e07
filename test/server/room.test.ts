// The crisis room over the network: create and join by code, seats, start, commands, refusals
// and secrecy, with real colyseus.js clients.
import { describe, expect, it } from 'vitest';
import { SCENARIOS, statusQuoAllocation } from '../../shared/index.js';
import { runWireBot } from '../../scripts/bot/wireBot.js';
import {
  matchHelpers,
  nextMessage,
  secretOf,
  stateOf,
  testPort,
  until,
  viewOf,
  HOST_TOKEN,
  useTestServer,
} from './helpers.js';

const server = useTestServer({ cleanEach: true });

const { createMatch, joinAs } = matchHelpers(server);

describe('creating and joining', () => {
  it('the creator is the White Cell and gets a readable code and a facilitator key', async () => {
    const { welcome } = await createMatch();
    expect(welcome.seat).toBe('facilitator');
    expect(welcome.code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
    expect(welcome.facilitatorKey?.length).toBeGreaterThan(20);
  });

  it('players join by code as observers, and a wrong code is refused with a clear message', async () => {
    const { welcome } = await createMatch();
    // Codes are typed in any case.
    const ann = await server().sdk.join('crisis', { code: welcome.code.toLowerCase(), name: 'Ann' });
    expect((await nextMessage<{ seat: string }>(ann, 'welcome')).seat).toBe('observer');
    // The host token works once: replayed after the creator joined, it seats nobody as the White Cell.
    const replay = await server().sdk.join('crisis', { code: welcome.code, name: 'Mallory', hostToken: HOST_TOKEN });
    expect((await nextMessage<{ seat: string }>(replay, 'welcome')).seat).toBe('observer');
    await expect(server().sdk.join('crisis', { code: 'ZZZZZZZZ', name: 'Eve' })).rejects.toThrow(
      /no match has that code/,
    );
    await expect(server().sdk.join('crisis', { name: 'Eve' })).rejects.toThrow(/no match has that code/);
  });

  it('without MONITOR_PASSWORD there is no monitor at all', async () => {
    expect((await fetch(`http://localhost:${testPort()}/monitor/`)).status).toBe(404);
  });

  it('joinOrCreate is refused: it would answer code guesses without counting them', async () => {
    const { welcome } = await createMatch();
    await expect(server().sdk.joinOrCreate('crisis', { code: welcome.code, name: 'Eve' })).rejects.toThrow(
      /use create to start a match and join with its code/,
    );
  });

  it('an unknown scenario is refused at creation', async () => {
    await expect(
      server().sdk.create('crisis', { scenario: 'atlantis', name: 'T', hostToken: HOST_TOKEN }),
    ).rejects.toThrow(/unknown scenario "atlantis"/);
  });

  it('the facilitator key reclaims the White Cell from another device', async () => {
    const { welcome } = await createMatch();
    const other = await server().sdk.join('crisis', {
      code: welcome.code,
      name: 'Teacher (tablet)',
      facilitatorKey: welcome.facilitatorKey,
    });
    expect((await nextMessage<{ seat: string }>(other, 'welcome')).seat).toBe('facilitator');
  });
});

describe('playing', () => {
  it('a seated player plays its turn while bots play the empty seats', async () => {
    const { host, welcome } = await createMatch();
    const ann = await joinAs(welcome.code, 'Ann', 'aurelia');
    host.send('start');
    await until(() => stateOf(ann).status === 'playing', 'the start');
    // Bots (Bosk, Corvin, Dunmere, Varkal) are ready at once; Aurelia owes its ready.
    expect(stateOf(ann).seats.get('varkal')?.bot).toBe('calculating');
    expect(stateOf(ann).seats.get('aurelia')?.owes).toBe(true);
    ann.send('command', { type: 'ready' });
    await until(() => stateOf(ann).phase === 'diplomacy', 'diplomacy');
    ann.send('command', { type: 'ready' });
    await until(() => stateOf(ann).phase === 'allocation', 'allocation');
    const aurelia = SCENARIOS['classroom']?.nations.find((n) => n.id === 'aurelia');
    if (!aurelia) throw new Error('no aurelia');
    const allocation = statusQuoAllocation(viewOf(ann, 'aurelia').nations['aurelia']!, 1);
    ann.send('command', { type: 'allocate', allocation });
    await until(() => stateOf(ann).phase !== 'allocation', 'the allocation to close');
    // The allocation was Aurelia's last word this turn: its secrets now hold it.
    expect(secretOf(ann, 'aurelia')?.['allocations']).toEqual({ aurelia: allocation });
  });

  it('a sanction declared in diplomacy reaches every client in the public view', async () => {
    const { host, welcome } = await createMatch();
    const ann = await joinAs(welcome.code, 'Ann', 'aurelia');
    host.send('start');
    await until(() => stateOf(ann).status === 'playing', 'the start');
    ann.send('command', { type: 'ready' });
    await until(() => stateOf(ann).phase === 'diplomacy', 'diplomacy');
    const sanctionsSeen = (room: typeof host) => viewOf(room, 'observer').sanctions;
    expect(sanctionsSeen(host)).toEqual([]);
    ann.send('command', { type: 'statement', kind: 'sanction', subject: 'varkal', text: '' });
    // Nothing else in the world changes with a statement: the sync must write the sanction alone.
    await until(() => sanctionsSeen(host).length === 1, 'the sanction to reach the White Cell');
    expect(sanctionsSeen(host)).toEqual([{ sender: 'aurelia', target: 'varkal', since: 1 }]);
  });

  it('a bad payload gets an error naming the field, changes nothing, and the client stays connected', async () => {
    const { host, welcome } = await createMatch();
    const ann = await joinAs(welcome.code, 'Ann', 'aurelia');
    host.send('start');
    await until(() => stateOf(ann).status === 'playing', 'the start');
    const before = viewOf(ann, 'aurelia');
    const refused = nextMessage<{ code: string; message: string }>(ann, 'error');
    ann.send('command', { type: 'allocate', allocation: { readiness: -5 } });
    const error = await refused;
    expect(error.code).toBe('ERR_MALFORMED');
    expect(error.message).toMatch(/allocation/);
    const wrongPhase = nextMessage<{ code: string }>(ann, 'error');
    ann.send('command', { type: 'move', move: { type: 'hold', target: null } });
    expect((await wrongPhase).code).toBe('ERR_NOT_YOUR_ROLE');
    expect(viewOf(ann, 'aurelia')).toEqual(before);
    expect(ann.connection.isOpen).toBe(true);
  });
});

describe('secrecy on the wire', () => {
  it("a seat receives its own secrets and never another seat's", async () => {
    const { host, welcome } = await createMatch();
    const ann = await joinAs(welcome.code, 'Ann', 'aurelia');
    const bob = await joinAs(welcome.code, 'Bob', 'varkal');
    const eve = await joinAs(welcome.code, 'Eve');
    host.send('start');
    for (const room of [ann, bob]) {
      await until(() => stateOf(room).status === 'playing', 'the start');
      room.send('command', { type: 'ready' });
    }
    await until(() => stateOf(ann).phase === 'diplomacy', 'diplomacy');
    for (const room of [ann, bob]) room.send('command', { type: 'ready' });
    await until(() => stateOf(ann).phase === 'allocation', 'allocation');
    ann.send('command', {
      type: 'allocate',
      allocation: statusQuoAllocation(viewOf(ann, 'aurelia').nations['aurelia']!, 1),
    });
    await until(() => Boolean(secretOf(ann, 'aurelia')?.['allocations']), "Aurelia's own allocation");
    // Bob (Varkal) and Eve (observer) decode no secret of Aurelia's: not the chunk, not the seed.
    expect(secretOf(bob, 'aurelia')).toBeUndefined();
    expect(secretOf(eve, 'aurelia')).toBeUndefined();
    expect([...stateOf(bob).secrets.keys()]).toEqual(['varkal']);
    expect([...(stateOf(eve).secrets?.keys() ?? [])]).toEqual([]);
    // Nor does the public picture carry it: the observers' allocations are empty.
    expect(viewOf(eve, 'observer')).toMatchObject({ allocations: {}, lastAllocations: {} });
    expect(viewOf(bob, 'varkal').allocations).toEqual({});
    // The White Cell sees everything, including the seed.
    await until(() => Boolean(secretOf(host, 'facilitator')), 'the White Cell secrets');
    expect(secretOf(host, 'facilitator')?.['seed']).toBe(7);
  });
});

describe('reconnection', () => {
  it('a dropped player reconnects inside the window to the same seat and secrets', async () => {
    const { welcome } = await createMatch();
    const ann = await joinAs(welcome.code, 'Ann', 'aurelia');
    await until(() => secretOf(ann, 'aurelia') !== undefined, 'the seat secrets');
    const token = ann.reconnectionToken;
    await ann.leave(false);
    const again = await server().sdk.reconnect(token);
    await until(() => stateOf(again).seats?.get('aurelia')?.humans === 1, 'the seat to be held again');
    await until(() => secretOf(again, 'aurelia') !== undefined, 'the secrets again');
    expect([...stateOf(again).secrets.keys()]).toEqual(['aurelia']);
  });

  it('after the window, the reclaim key brings the player back to its seat', async () => {
    const { welcome } = await createMatch({ reconnectSeconds: 1 });
    const ann = await server().sdk.join('crisis', { code: welcome.code, name: 'Ann' });
    await until(() => stateOf(ann).code === welcome.code, 'the first patch');
    const seated = nextMessage<{ seat: string; reclaimKey: string }>(ann, 'seated');
    ann.send('take_seat', { seat: 'aurelia' });
    const { reclaimKey } = await seated;
    await ann.leave(false);
    await new Promise((r) => setTimeout(r, 1300));
    const back = await server().sdk.join('crisis', { code: welcome.code, name: 'Ann', reclaimKey });
    expect((await nextMessage<{ seat: string }>(back, 'welcome')).seat).toBe('aurelia');
    const stranger = await server().sdk.join('crisis', { code: welcome.code, name: 'Eve', reclaimKey: 'forged-key' });
    expect((await nextMessage<{ seat: string }>(stranger, 'welcome')).seat).toBe('observer');
  });

  it('a page that rejoins with its key while its dropped session still waits holds one place, connected', async () => {
    const { host, welcome } = await createMatch();
    const ann = await server().sdk.join('crisis', { code: welcome.code, name: 'Ann' });
    await until(() => stateOf(ann).code === welcome.code, 'the first patch');
    const seated = nextMessage<{ seat: string; reclaimKey: string }>(ann, 'seated');
    ann.send('take_seat', { seat: 'aurelia' });
    const { reclaimKey } = await seated;
    await ann.leave(false); // dropped: its place waits 120 s for a reconnect that never comes
    const anns = () => [...stateOf(host).members.values()].filter((m) => m.name === 'Ann');
    await until(() => anns()[0]?.connected === false, 'the drop to show');
    const back = await server().sdk.join('crisis', { code: welcome.code, name: 'Ann', reclaimKey });
    expect((await nextMessage<{ seat: string }>(back, 'welcome')).seat).toBe('aurelia');
    await until(() => anns().length === 1 && anns()[0]?.connected === true, 'one Ann, connected');
    expect(stateOf(host).seats.get('aurelia')?.humans).toBe(1);
  });
});

describe('a whole match over the network', () => {
  it('three network clients (wire bots) and room bots play the classroom scenario to final scores', async () => {
    const { host, welcome } = await createMatch();
    const players = await Promise.all(
      (['aurelia', 'dunmere', 'varkal'] as const).map(async (seat) => ({
        seat,
        room: await joinAs(welcome.code, seat, seat),
      })),
    );
    const bots = players.map(({ seat, room }, i) => runWireBot(room, seat, 'calculating', i));
    host.send('start');
    await until(() => stateOf(host).status === 'ended', 'the end of the match', 20_000);
    bots.forEach((b) => b.stop());
    const results = viewOf(host, 'facilitator');
    expect(Object.keys(results.scores).sort()).toEqual(['aurelia', 'bosk', 'corvin', 'dunmere', 'varkal']);
    for (const s of Object.values(results.scores)) expect(s.value).toBeGreaterThanOrEqual(0);
    expect(stateOf(host).turn).toBe(10);
    // The network players really played: each sent commands of its own.
    for (const b of bots) expect(b.sent).toBeGreaterThan(20);
  }, 30_000);
});
