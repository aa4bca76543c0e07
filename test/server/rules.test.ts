// Room rules over the network: chat channels and limits, White Cell seat management, flood
// cut-off, and one room's exception leaving another room playing.
import type { Room } from 'colyseus.js';
import { describe, expect, it } from 'vitest';
import { matchHelpers, nextMessage, secretOf, stateOf, until, useTestServer } from './helpers.js';

const server = useTestServer({ cleanEach: true });
const { createMatch, joinAs } = matchHelpers(server);

type Line = { from: string; channel: string; text: string };

/** Collects every chat line a client receives. */
const listen = (room: Room): Line[] => {
  const lines: Line[] = [];
  room.onMessage('chat', (line: Line) => lines.push(line));
  return lines;
};

const settle = () => new Promise((r) => setTimeout(r, 150));

describe('chat', () => {
  it('public reaches everyone; team stays in the seat; private reaches two seats; the White Cell reads all', async () => {
    const { host, welcome } = await createMatch();
    const ann = await joinAs(welcome.code, 'Ann', 'aurelia');
    const amy = await joinAs(welcome.code, 'Amy', 'aurelia');
    const bob = await joinAs(welcome.code, 'Bob', 'varkal');
    const cat = await joinAs(welcome.code, 'Cat', 'bosk');
    const eve = await joinAs(welcome.code, 'Eve');
    const [h, a, m, b, c, e] = [host, ann, amy, bob, cat, eve].map(listen);
    ann.send('chat', { channel: 'public', text: 'hello all' });
    ann.send('chat', { channel: 'team', text: 'our plan' });
    ann.send('chat', { channel: 'private', to: 'varkal', text: 'a word in private' });
    // A last public line reaches everyone after the others (one socket keeps its order).
    host.send('chat', { channel: 'public', text: 'end' });
    const texts = (lines: Line[] | undefined) => (lines ?? []).map((l) => l.text).filter((t) => t !== 'end');
    await until(() => [h, a, m, b, c, e].every((lines) => lines?.some((l) => l.text === 'end')), 'the last line');
    expect(texts(h)).toEqual(['hello all', 'our plan', 'a word in private']);
    expect(texts(a)).toEqual(['hello all', 'our plan', 'a word in private']);
    expect(texts(m)).toEqual(['hello all', 'our plan', 'a word in private']);
    expect(texts(b)).toEqual(['hello all', 'a word in private']);
    expect(texts(c)).toEqual(['hello all']);
    expect(texts(e)).toEqual(['hello all']);
  });

  it('refuses observers, broadcasts by players, long messages and flooding, and sends text as text', async () => {
    const { host, welcome } = await createMatch();
    const ann = await joinAs(welcome.code, 'Ann', 'aurelia');
    const eve = await joinAs(welcome.code, 'Eve');
    const refusal = async (room: Room, payload: unknown) => {
      const next = nextMessage<{ code: string; message: string }>(room, 'error');
      room.send('chat', payload);
      return next;
    };
    expect((await refusal(eve, { channel: 'public', text: 'hi' })).message).toMatch(/observers/);
    expect((await refusal(ann, { channel: 'broadcast', text: 'hear ye' })).message).toMatch(/only the White Cell/);
    expect((await refusal(ann, { channel: 'public', text: 'x'.repeat(501) })).message).toMatch(/500/);
    expect((await refusal(ann, { channel: 'private', to: 'nowhere', text: 'hi' })).message).toMatch(/not another seat/);
    const bob = await joinAs(welcome.code, 'Bob', 'varkal');
    const lines = listen(host);
    const markup = '<img src=x onerror=alert(1)>';
    const refused: string[] = [];
    bob.onMessage('error', (e: { code: string }) => refused.push(e.code));
    for (let i = 0; i < 7; i++) bob.send('chat', { channel: 'public', text: i === 0 ? markup : `line ${i}` });
    // Five in a burst, then one a second: the rest are refused.
    await until(() => refused.length === 2 && lines.length >= 5, 'the burst to be answered');
    host.send('chat', { channel: 'public', text: 'end' });
    await until(() => lines.some((l) => l.text === 'end'), 'the last line');
    expect(refused).toEqual(['ERR_RATE_LIMITED', 'ERR_RATE_LIMITED']);
    expect(lines.length).toBe(6);
    expect(lines[0]?.text).toBe(markup);
  });
});

describe('the White Cell manages seats', () => {
  it('moves a client to a seat and removes another', async () => {
    const { host, welcome } = await createMatch();
    const ann = await joinAs(welcome.code, 'Ann');
    const eve = await joinAs(welcome.code, 'Eve');
    await until(() => stateOf(host).members?.size === 3, 'three members');
    const annId = [...stateOf(host).members.values()].find((m) => m.name === 'Ann')?.id;
    const eveId = [...stateOf(host).members.values()].find((m) => m.name === 'Eve')?.id;
    const seated = nextMessage<{ seat: string }>(ann, 'seated');
    host.send('move_client', { client: annId, seat: 'dunmere' });
    expect((await seated).seat).toBe('dunmere');
    const left = new Promise<number>((r) => eve.onLeave((code) => r(code)));
    host.send('kick', { client: eveId });
    expect(await left).toBe(4000);
    const refused = nextMessage<{ code: string }>(ann, 'error');
    ann.send('kick', { client: 'anyone' });
    expect((await refused).code).toBe('ERR_NOT_YOUR_ROLE');
  });
});

describe('teams', () => {
  it('share a draft within the seat; any member submits; a new phase clears it', async () => {
    const { host, welcome } = await createMatch();
    const ann = await joinAs(welcome.code, 'Ann', 'aurelia');
    const amy = await joinAs(welcome.code, 'Amy', 'aurelia');
    const bob = await joinAs(welcome.code, 'Bob', 'varkal');
    host.send('start');
    await until(() => stateOf(amy).status === 'playing', 'the start');
    const statement = { type: 'statement', kind: 'red_line', subject: 'aurelia-bosk', text: 'Bosk is not alone' };
    ann.send('draft', statement);
    await until(() => secretOf(amy, 'aurelia')?.['draft'] !== undefined, "Amy to see Ann's draft");
    expect(secretOf(amy, 'aurelia')?.['draft']).toEqual({ command: statement, by: 'Ann' });
    expect(JSON.stringify(stateOf(bob))).not.toContain('Bosk is not alone');
    const refused = nextMessage<{ code: string }>(ann, 'error');
    ann.send('draft', { type: 'allocate', allocation: { readiness: -1 } });
    expect((await refused).code).toBe('ERR_MALFORMED');
    // Briefing → diplomacy: the draft was for another phase and goes.
    amy.send('command', { type: 'ready' });
    bob.send('command', { type: 'ready' });
    await until(() => stateOf(amy).phase === 'diplomacy', 'diplomacy');
    await until(() => secretOf(amy, 'aurelia')?.['draft'] === undefined, 'the draft to clear');
  });
});

describe('events', () => {
  it("each client receives the events it may see: its own and the public ones, never another seat's", async () => {
    const { host, welcome } = await createMatch();
    const ann = await joinAs(welcome.code, 'Ann', 'aurelia');
    const bob = await joinAs(welcome.code, 'Bob', 'varkal');
    type Event = { kind: string; text: string; visibleTo: 'all' | string[] };
    const seen = (room: typeof ann) => {
      const list: Event[] = [];
      room.onMessage('events', (events: Event[]) => list.push(...events));
      return list;
    };
    const [forHost, forAnn, forBob] = [host, ann, bob].map(seen);
    host.send('start');
    await until(() => stateOf(ann).status === 'playing', 'the start');
    ann.send('command', { type: 'ready' });
    await until(() => (forAnn ?? []).some((e) => e.kind === 'command_accepted'), "Ann's own acceptance");
    await new Promise((r) => setTimeout(r, 100));
    expect(
      forAnn
        ?.filter((e) => e.kind === 'command_accepted')
        .every((e) => e.visibleTo !== 'all' && e.visibleTo.includes('aurelia')),
    ).toBe(true);
    expect(forBob?.some((e) => e.kind === 'command_accepted' && e.text.startsWith('aurelia'))).toBe(false);
    expect(forHost?.some((e) => e.kind === 'command_accepted' && e.text.startsWith('aurelia'))).toBe(true);
    bob.send('command', { type: 'ready' });
    await until(() => (forBob ?? []).some((e) => e.kind === 'phase_changed'), 'the public phase change');
  });
});

describe('seats during a match', () => {
  it("nobody walks into a seat mid-match on their own, and a removed player's key no longer works", async () => {
    const { host, welcome } = await createMatch({ reconnectSeconds: 1 });
    const ann = await joinAs(welcome.code, 'Ann', 'aurelia');
    const eve = await joinAs(welcome.code, 'Eve');
    host.send('start');
    await until(() => stateOf(eve).status === 'playing', 'the start');
    // Neither a held seat nor one a bot plays: mid-match, only the White Cell seats people.
    for (const seat of ['aurelia', 'corvin']) {
      const refused = nextMessage<{ code: string; message: string }>(eve, 'error');
      eve.send('take_seat', { seat });
      expect((await refused).message).toMatch(/ask the White Cell to seat you/);
    }
    await until(() => stateOf(host).members?.size === 3, 'three members');
    const eveId = [...stateOf(host).members.values()].find((m) => m.name === 'Eve')?.id;
    const seated = nextMessage<{ seat: string; reclaimKey: string }>(eve, 'seated');
    host.send('move_client', { client: eveId, seat: 'corvin' });
    const { reclaimKey } = await seated;
    await until(() => stateOf(host).seats.get('corvin')?.bot === '', 'Corvin to leave its bot');
    host.send('kick', { client: eveId });
    await until(() => !stateOf(host).members.has(eveId ?? ''), 'Eve to be removed');
    const back = await server().sdk.join('crisis', { code: welcome.code, name: 'Eve', reclaimKey });
    expect((await nextMessage<{ seat: string }>(back, 'welcome')).seat).toBe('observer');
    expect(ann.connection.isOpen).toBe(true);
  });
});

describe('the lobby', () => {
  it('the White Cell gives seats to bots and starts; players may do neither', async () => {
    const { host, welcome } = await createMatch();
    const ann = await joinAs(welcome.code, 'Ann', 'aurelia');
    host.send('set_bot', { seat: 'dunmere', policy: 'dove' });
    await until(() => stateOf(ann).seats.get('dunmere')?.bot === 'dove', 'the dove in Dunmere');
    for (const [type, payload] of [
      ['set_bot', { seat: 'bosk', policy: 'hawk' }],
      ['start', undefined],
    ] as const) {
      const refused = nextMessage<{ code: string }>(ann, 'error');
      ann.send(type, payload);
      expect((await refused).code).toBe('ERR_NOT_YOUR_ROLE');
    }
    const badPolicy = nextMessage<{ code: string }>(host, 'error');
    host.send('set_bot', { seat: 'bosk', policy: 'kamikaze' });
    expect((await badPolicy).code).toBe('ERR_MALFORMED');
    host.send('start');
    await until(() => stateOf(ann).status === 'playing', 'the start');
    expect(stateOf(ann).seats.get('dunmere')?.bot).toBe('dove');
    expect(stateOf(ann).seats.get('aurelia')?.bot).toBe('');
  });
});

describe('robustness', () => {
  it('disconnects a client that keeps flooding, and the others play on', async () => {
    const { welcome } = await createMatch();
    const ann = await joinAs(welcome.code, 'Ann', 'aurelia');
    const bob = await joinAs(welcome.code, 'Bob', 'bosk');
    const closed = new Promise<number>((r) => ann.onLeave((code) => r(code)));
    for (let i = 0; i < 120; i++) ann.send('command', { type: 'ready' });
    expect(await closed).toBe(4008);
    const reply = nextMessage<{ code: string }>(bob, 'error');
    bob.send('command', { type: 'ready' });
    expect((await reply).code).toBe('ERR_NOT_YOUR_PHASE'); // still answered: the match has not started
  });

  it('an exception in one room is contained, and another room keeps playing', async () => {
    const first = await createMatch();
    const second = await createMatch();
    const broken = server().getRoomById(first.host.roomId) as unknown as { session: { command: () => never } };
    broken.session.command = () => {
      throw new Error('a bug in one room');
    };
    first.host.send('command', { type: 'pause' });
    await settle();
    const ann = await joinAs(second.welcome.code, 'Ann', 'aurelia');
    second.host.send('start');
    await until(() => stateOf(ann).status === 'playing', 'the second room to start');
    expect(first.host.connection.isOpen).toBe(true);
  });
});
