// A hostile client against the real room: no message, frame or option stops the server or disturbs
// another room; every refusal is an answer naming what was wrong, and the sender stays connected
// unless its frame is beyond the transport's limit.
import type { Room } from 'colyseus.js';
import { describe, expect, it, vi } from 'vitest';
import { MAX_CLOSE_REASON_BYTES, MAX_FRAME_BYTES, MAX_REQUEST_BYTES } from '../../server/access/limits.js';
import { closeReason } from '../../server/access/transport.js';
import { HOST_TOKEN, matchHelpers, nextMessage, stateOf, testPort, until, useTestServer } from './helpers.js';
import { bytesFrame, commandWithKey, messageFrame, rawMessageFrame } from './rawFrames.js';

const server = useTestServer({ cleanEach: true });
const { createMatch, joinAs } = matchHelpers(server);

type Reply = { code: string; message: string };

/** Sends a frame and returns the `error` it brings back. */
const refusal = async (room: Room, frame: Uint8Array): Promise<Reply> => {
  const reply = nextMessage<Reply>(room, 'error');
  room.connection.send(frame);
  return reply;
};

/** The room still answers this client: a valid message gets its ordinary reply. */
const stillAnswered = async (room: Room): Promise<void> => {
  const reply = nextMessage<Reply>(room, 'error');
  room.send('command', { type: 'ready' });
  expect((await reply).code).toMatch(/ERR_NOT_YOUR_PHASE|ERR_NOT_YOUR_ROLE/);
  expect(room.connection.isOpen).toBe(true);
};

const health = async () => (await fetch(`http://127.0.0.1:${testPort()}/health`)).json() as Promise<{ ok: boolean }>;

const matchmake = async (method: string, body: string) => {
  const res = await fetch(`http://127.0.0.1:${testPort()}/matchmake/${method}/crisis`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body,
  });
  return { status: res.status, body: (await res.json()) as { error?: string; room?: unknown } };
};

describe('message types', () => {
  it.each([1, 100, 123, 124, 130, 1000, 10_000])(
    'an unknown type of %i characters is answered ERR_MALFORMED',
    async (length) => {
      const { host } = await createMatch();
      const other = await createMatch();
      const reply = await refusal(host, messageFrame('y'.repeat(length), {}));
      expect(reply.code).toBe('ERR_MALFORMED');
      expect(reply.message).toMatch(/^unknown message type "y+(…)?"/);
      expect(reply.message).toContain('known: command');
      expect(reply.message.length).toBeLessThan(200);
      await stillAnswered(host);
      await stillAnswered(other.host);
      expect((await health()).ok).toBe(true);
    },
  );

  it.each(['*', '__proto__', 'constructor', 'toString', '__no_message_handler', 'hasOwnProperty', ''])(
    'the type %j is not a registered type',
    async (type) => {
      const { host } = await createMatch();
      expect((await refusal(host, messageFrame(type, {}))).code).toBe('ERR_MALFORMED');
      await stillAnswered(host);
    },
  );

  it('numeric types, binary payloads and frames that are not messages are refused', async () => {
    const { host } = await createMatch();
    expect((await refusal(host, messageFrame(7, {}))).message).toMatch(/unknown message type 7/);
    expect((await refusal(host, bytesFrame('command', new Uint8Array([1, 2, 3])))).message).toMatch(
      /binary payloads are not accepted/,
    );
    expect((await refusal(host, bytesFrame('y'.repeat(500), new Uint8Array(10)))).code).toBe('ERR_MALFORMED');
    for (const garbage of [[], [99, 1, 2], [13], [13, 0xdb, 0xff, 0xff, 0xff, 0xff], [17]])
      expect((await refusal(host, Uint8Array.from(garbage))).code).toBe('ERR_MALFORMED');
    await stillAnswered(host);
  });
});

describe('size limits', () => {
  const long = 'é'.repeat(5000);
  it.each([
    ['chat', { channel: 'public', text: long }, /text: at most 500 characters/],
    ['command', { type: 'statement', kind: 'clarify', subject: 'x', text: long }, /text: .*<=500 characters/],
    ['draft', { type: 'statement', kind: 'clarify', subject: 'x', text: long }, /text: .*<=500 characters/],
    ['command', { type: 'inject_custom', title: 'Storm', text: long, effects: [] }, /text: .*<=1000 characters/],
    ['command', { type: 'inject_custom', title: long, text: 'x', effects: [] }, /title: .*<=120 characters/],
  ])('a 5,000-character %s field gets ERR_MALFORMED naming the limit', async (type, payload, limit) => {
    const { host, welcome } = await createMatch();
    const ann = await joinAs(welcome.code, 'Ann', 'aurelia');
    const sender = type === 'draft' ? ann : host;
    const reply = await refusal(sender, messageFrame(type, payload));
    expect(reply.code).toBe('ERR_MALFORMED');
    expect(reply.message).toMatch(limit);
    expect(sender.connection.isOpen).toBe(true);
  });

  it('a frame over the transport limit closes its sender with 1009 and nobody else', async () => {
    const { host, welcome } = await createMatch();
    const ann = await joinAs(welcome.code, 'Ann', 'aurelia');
    const closed = new Promise<number>((resolve) => ann.onLeave(resolve));
    ann.connection.send(messageFrame('chat', { channel: 'public', text: 'x'.repeat(MAX_FRAME_BYTES) }));
    expect(await closed).toBe(1009);
    await stillAnswered(host);
  });

  it('a close reason never exceeds what a close frame carries', () => {
    for (const reason of ['y'.repeat(130), 'é'.repeat(100), '😀'.repeat(40), 'short'])
      expect(Buffer.byteLength(closeReason(reason) ?? '')).toBeLessThanOrEqual(MAX_CLOSE_REASON_BYTES);
    expect(closeReason('😀'.repeat(40))).toBe('😀'.repeat(30));
    expect(closeReason('short')).toBe('short');
  });
});

describe('payload shapes', () => {
  it.each([
    ['__proto__', /Unrecognized key|not allowed/],
    ['constructor', /the key "constructor" is not allowed/],
    ['prototype', /the key "prototype" is not allowed/],
  ])('a %s key is refused and pollutes nothing', async (key, why) => {
    const { host } = await createMatch();
    const reply = await refusal(host, rawMessageFrame('command', commandWithKey('ready', key, { polluted: true })));
    expect(reply.code).toBe('ERR_MALFORMED');
    expect(reply.message).toMatch(why);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    await stillAnswered(host);
  });

  it('deep nesting and huge collections are refused before any schema', async () => {
    const { host } = await createMatch();
    let deep: unknown = 1;
    for (let i = 0; i < 40; i++) deep = [deep];
    expect((await refusal(host, messageFrame('command', deep))).message).toMatch(/nested deeper than 8 levels/);
    expect((await refusal(host, messageFrame('command', Array(5000).fill(0)))).message).toMatch(/more than 500 values/);
    // Nesting far beyond any stack, and bytes that are no msgpack: answered, and the client stays.
    const deepest = await refusal(host, rawMessageFrame('command', new Uint8Array(60_000).fill(0x91)));
    expect(deepest.message).toBe('command: the payload is not msgpack this server can decode');
    for (const bytes of [
      [0xc1],
      [0xdd, 0x7f, 0xff, 0xff, 0xff],
      [0xdb, 0xff, 0xff, 0xff, 0x7f, 0x61],
      [0xd4, 0x05, 0x00],
    ])
      expect((await refusal(host, rawMessageFrame('command', bytes))).code).toBe('ERR_MALFORMED');
    await stillAnswered(host);
    expect((await health()).ok).toBe(true);
  });
});

describe('text is well-formed', () => {
  it('a lone surrogate in a name or a chat line reaches everyone as U+FFFD', async () => {
    const { host, welcome } = await createMatch();
    const eve = await server().sdk.join('crisis', { code: welcome.code, name: 'x\uD800y' });
    await until(() => [...stateOf(host).members.values()].some((m) => m.name.startsWith('x')), 'the member');
    expect([...stateOf(host).members.values()].map((m) => m.name)).toContain('x\uFFFDy');
    await joinAs(welcome.code, 'Ann', 'aurelia');
    const ann = await joinAs(welcome.code, 'Bob', 'bosk');
    const line = nextMessage<{ text: string }>(ann, 'chat');
    host.send('chat', { channel: 'public', text: 'a\uDC00b\uD83D' });
    // msgpack carries UTF-8, which has no lone surrogates: each arrives as replacement characters.
    expect((await line).text).toMatch(/^a\uFFFD+b\uFFFD+$/);
    expect(eve.connection.isOpen).toBe(true);
  });
});

describe('names', () => {
  it.each(['W\u202Ehite Cell', 'Ann\nBob', 'bell\u0007', 'a\u2066b'])(
    'the name %j is refused, naming why',
    async (name) => {
      const { welcome } = await createMatch();
      await expect(server().sdk.join('crisis', { code: welcome.code, name })).rejects.toThrow(
        'name: no control or text-direction characters in a name',
      );
    },
  );
});

describe('hostile matchmaking', () => {
  const create = (extra: Record<string, unknown>) =>
    JSON.stringify({ scenario: 'classroom', name: 'T', hostToken: HOST_TOKEN, ...extra });

  it.each([
    [
      'a __proto__ key',
      '{"scenario":"classroom","hostToken":"0123456789abcdefgh","__proto__":{"showMath":false}}',
      /"__proto__" is not allowed/,
    ],
    ['an array', '[1,2,3]', /expected an object/],
    ['null', 'null', /invalid match options|expected an object/],
    ['a string', '"crisis"', /expected an object/],
    ['a code that is an object', create({ code: { $ne: null } }), /code: expected a string/],
    ['deep nesting', `${'['.repeat(1000)}${']'.repeat(1000)}`, /nested deeper|expected an object/],
    ['a 10,000-character unknown key', create({ ['k'.repeat(10_000)]: 1 }), /Unrecognized key/],
    [
      'a control character in the scenario',
      create({ scenario: 'a\n\u001b[31mb' }),
      /unknown scenario "a\\u000a\\u001b\[31mb"/,
    ],
  ])('create with %s is refused with a message', async (_what, body, why) => {
    const { body: reply } = await matchmake('create', body);
    expect(reply.error).toMatch(why);
    expect((reply.error ?? '').length).toBeLessThan(1000);
    expect((await health()).ok).toBe(true);
  });

  it('join with a code that is not a string never reaches the room listing', async () => {
    const { welcome } = await createMatch();
    for (const code of [{ $ne: null }, ['x'], 12345678])
      expect((await matchmake('join', JSON.stringify({ code, name: 'Eve' }))).body.error).toMatch(
        /code: expected a string/,
      );
    expect((await matchmake('reconnect', JSON.stringify({ reconnectionToken: { a: 1 } }))).body.error).toMatch(
      /reconnectionToken: expected a string/,
    );
    expect((await matchmake('reconnect', JSON.stringify({ reconnectionToken: '__proto__' }))).body.error).toBeTruthy();
    await joinAs(welcome.code, 'Ann');
  });

  it('a request body over the limit is answered 413 and not read', async () => {
    const { status } = await matchmake('create', create({ name: 'x'.repeat(MAX_REQUEST_BYTES) }));
    expect(status).toBe(413);
    expect((await health()).ok).toBe(true);
    await createMatch();
  });

  it('methods the matchmaker does not answer get 405 at once, not a socket held open', async () => {
    for (const method of ['PUT', 'DELETE', 'PATCH'])
      expect((await fetch(`http://127.0.0.1:${testPort()}/matchmake/create/crisis`, { method })).status).toBe(405);
  });
});

describe('hostile HTTP requests', () => {
  it.each([
    ['/api/matches/%E0%A4%A/record.json', 400],
    ['/maps/%E0%A4%A.json', 400],
    ['/assets/nope.js', 404],
  ])('%s is answered %i as JSON, and nothing is logged', async (path, status) => {
    const logged = vi.spyOn(console, 'error');
    const res = await fetch(`http://127.0.0.1:${testPort()}${path}`);
    expect(res.status).toBe(status);
    expect(((await res.json()) as { error: string }).error.length).toBeGreaterThan(0);
    expect(logged).not.toHaveBeenCalled();
    logged.mockRestore();
  });

  it('a body that is not JSON is answered 400, and nothing is logged', async () => {
    const logged = vi.spyOn(console, 'error');
    const res = await fetch(`http://127.0.0.1:${testPort()}/api/matches/mine`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: '{"matches": [',
    });
    expect(res.status).toBe(400);
    expect(logged).not.toHaveBeenCalled();
    logged.mockRestore();
  });
});
