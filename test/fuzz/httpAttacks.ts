// Seeded hostile matchmaking requests and WebSocket upgrades, from their own loopback address
// (127.0.0.2) so the join-code throttle they trip never slows the attackers' rejoins on 127.0.0.1.
import { request } from 'node:http';
import WebSocket from 'ws';
import { Seeded } from './seeded.js';

export const HOSTILE_ADDRESS = '127.0.0.2';

const METHODS = ['create', 'join', 'joinById', 'reconnect', 'joinOrCreate', 'nope', '__proto__', 'x'.repeat(300)];
const ROOM_NAMES = ['crisis', 'crisis', 'lobby', '__proto__', 'constructor', 'c'.repeat(200)];

export class HttpAttackGenerator extends Seeded {
  private option(): unknown {
    return this.pick<unknown>([
      'classroom',
      'x'.repeat(this.rng.int(5000)),
      '\uD800',
      { $ne: null },
      { $gt: '' },
      ['a'],
      null,
      12345678,
      true,
      JSON.parse('{"__proto__":{"isAdmin":true}}'),
    ]);
  }

  /** One request body: options with hostile values, prototype keys, broken JSON, or too many bytes. */
  private body(): string {
    const roll = this.rng.float();
    if (roll < 0.1) return '{"scenario":"classroom",'; // cut short
    if (roll < 0.15) return `${'['.repeat(5000)}${']'.repeat(5000)}`;
    if (roll < 0.18) return JSON.stringify({ name: 'x'.repeat(20_000) }); // over the body limit
    if (roll < 0.25) return this.pick(['null', '"s"', '[]', '1e999', '{"__proto__":{"code":"AAAA2222"}}']);
    const options: Record<string, unknown> = {};
    const keys = [
      'scenario',
      'hostToken',
      'name',
      'code',
      'reconnectionToken',
      'bots',
      'timers',
      'seed',
      'branch',
      '__restore',
      'constructor',
      'sessionId',
    ];
    for (let i = this.rng.int(6); i >= 0; i--) options[this.pick(keys)] = this.option();
    if (this.rng.chance(0.3)) options.hostToken = 'fuzz-host-token-0123456789';
    if (this.rng.chance(0.2)) options.scenario = 'classroom';
    return JSON.stringify(options).replace('"constructor"', '"__proto__"');
  }

  /** Sends one request to the matchmaker; resolves with its HTTP status (0 when the socket was cut). */
  send(port: number): Promise<number> {
    const path = `/matchmake/${this.pick(METHODS)}/${encodeURIComponent(this.pick(ROOM_NAMES))}`;
    const body = this.body();
    return new Promise((resolve) => {
      const req = request(
        {
          host: '127.0.0.1',
          port,
          path,
          method: 'POST',
          localAddress: HOSTILE_ADDRESS,
          headers: { 'Content-Type': 'application/json' },
        },
        (res) => {
          res.resume();
          res.on('end', () => resolve(res.statusCode ?? 0));
          res.on('error', () => resolve(0));
        },
      );
      req.on('error', () => resolve(0));
      req.end(body);
    });
  }

  /** A WebSocket upgrade to a seat that was never reserved, with hostile ids and tokens. */
  upgrade(port: number, roomId: string): Promise<void> {
    const id = this.pick([roomId, '__proto__', 'x'.repeat(200), '../../etc', '']);
    const session = encodeURIComponent(this.pick(['__proto__', 'constructor', 'x'.repeat(500), '\uFFFD', '']));
    const token = encodeURIComponent(this.pick(['__proto__', 'toString', 'y'.repeat(1000)]));
    const url = `ws://127.0.0.1:${port}/proc/${id}?sessionId=${session}&reconnectionToken=${token}`;
    return new Promise((resolve) => {
      const socket = new WebSocket(url, { localAddress: HOSTILE_ADDRESS });
      const done = () => {
        socket.terminate();
        resolve();
      };
      socket.on('error', done);
      socket.on('close', done);
      socket.on('open', () => socket.send(Uint8Array.from([13, 0xa1, 0x78])));
      setTimeout(done, 5000).unref();
    });
  }
}
