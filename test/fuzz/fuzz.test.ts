// The fuzz: a real server process holding several rooms takes at least 100,000 seeded hostile
// messages (test/fuzz/attacks.ts, httpAttacks.ts). The process never exits, an honest room's state
// is unchanged, an attacked room's match is untouched, no honest client is disconnected, and new
// rooms can still be created. It prints the messages and the rate. FUZZ_MESSAGES and FUZZ_SEED
// change the count and the seed.
import { Client, type Room } from 'colyseus.js';
import { expect, it } from 'vitest';
import { NO_TIMERS, deriveSeed } from '../../shared/index.js';
import { type ServerProcess, freePort, startServer } from '../bench/serverProcess.js';
import { AttackGenerator } from './attacks.js';
import { HttpAttackGenerator } from './httpAttacks.js';

const MESSAGES = Number(process.env.FUZZ_MESSAGES ?? 100_000);
const SEED = Number(process.env.FUZZ_SEED ?? 1);
/** Frames sent before each marker: how far an attacker runs ahead of the server's answers. */
const BATCH = 100;
/** A share of the messages goes to the matchmaker and to raw upgrades instead of room frames. */
const HTTP_SHARE = 0.02;
const UPGRADE_SHARE = 0.003;
/** Matchmaking requests in flight at once (some wait on the join-code throttle). */
const HTTP_WORKERS = 8;
const ATTACKED_ROOMS = 3;
const OBSERVERS_PER_ROOM = 3;
/** What the server may print a minute under attack: 30 errors of at most 1,500 characters, and a margin. */
const LOG_BYTES_PER_MINUTE = 30 * 1500 * 2;
/** A wait far above its need: an answer that takes this long means something is wrong. */
const ANSWER_MS = 60_000;

interface Match {
  host: Room;
  code: string;
  /** Honest clients of the room: none of them may be disconnected. */
  honest: Room[];
}

const dropped: string[] = [];

const watch = (room: Room, who: string): Room => {
  room.onLeave((code) => dropped.push(`${who} (close ${code})`));
  room.onMessage('*', () => undefined);
  return room;
};

const until = async (check: () => boolean, what: string): Promise<void> => {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > ANSWER_MS) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
};

type Decoded = { code: string; status: string; phase: string; toJSON(): Record<string, unknown> };
const decoded = (room: Room) => room.state as Decoded;

/**
 * The match as its White Cell sees it, JSON chunks opened, without who is connected: attackers
 * come and go among the observers, and that is all they may change.
 */
const matchState = (room: Room): unknown => {
  const { members: _members, ...rest } = decoded(room).toJSON();
  const open = (v: unknown): unknown =>
    typeof v === 'string' && v.startsWith('{')
      ? open(JSON.parse(v))
      : v && typeof v === 'object'
        ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, open(x)]))
        : v;
  const state = open(rest) as { seats?: Record<string, { humans?: number }> };
  delete state.seats?.observer?.humans;
  return state;
};

/** Where two states differ, as paths (the first few): a failure that can be read. */
const differences = (a: unknown, b: unknown, path = '', out: string[] = []): string[] => {
  if (out.length >= 10) return out;
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    for (const key of new Set([...Object.keys(a), ...Object.keys(b)]))
      differences((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key], `${path}.${key}`, out);
  } else if (JSON.stringify(a) !== JSON.stringify(b)) out.push(`${path}: ${JSON.stringify(a)} → ${JSON.stringify(b)}`);
  return out;
};

const seatIn = async (room: Room, seat: string) => {
  const seated = new Promise((resolve) => room.onMessage('seated', resolve));
  room.send('take_seat', { seat });
  await seated;
};

/** A started classroom match with no timers (nothing moves unless a command does), in its briefing. */
const openMatch = async (url: string, index: number): Promise<Match & { challenger: Room }> => {
  const sdk = new Client(url);
  const hostToken = `fuzz-host-token-${index}-0123456789`;
  const host = watch(
    await sdk.create('crisis', {
      scenario: 'classroom',
      name: 'White Cell',
      timers: NO_TIMERS,
      // A dropped attacker's place is kept this long; the room holds 80, and attackers drop often.
      reconnectSeconds: 1,
      seed: index,
      hostToken,
    }),
    `White Cell ${index}`,
  );
  await until(() => decoded(host).code?.length === 8, 'the code');
  const code = decoded(host).code;
  const ann = watch(await sdk.join('crisis', { code, name: 'Ann' }), `Ann ${index}`);
  await seatIn(ann, 'aurelia');
  const challenger = await sdk.join('crisis', { code, name: 'Mallory' });
  challenger.onMessage('*', () => undefined);
  await seatIn(challenger, 'varkal');
  const olive = watch(await sdk.join('crisis', { code, name: 'Olive' }), `Olive ${index}`);
  host.send('start');
  await until(() => decoded(host).status === 'playing' && decoded(host).phase === 'briefing', 'the start');
  return { host, code, honest: [host, ann, olive], challenger };
};

/** How a marker came back: answered, the connection closed, or nothing within ANSWER_MS. */
type Outcome = 'answered' | 'closed' | 'silent';

/** One attacking connection: sends its frames in batches, each closed by a marker it waits for. */
class Attacker {
  private markers = 0;
  private expected = '';
  private waiter: ((outcome: Outcome) => void) | null = null;
  private left = false;
  sent = 0;
  rejoins = 0;

  constructor(
    private room: Room,
    private readonly rejoin: (() => Promise<Room>) | null,
    private readonly name: string,
  ) {
    this.listen();
  }

  private listen(): void {
    this.left = false;
    this.room.onMessage('*', () => undefined);
    this.room.onMessage('error', (reply: { message: string }) => {
      if (this.expected && reply.message.includes(`"${this.expected}"`)) this.waiter?.('answered');
    });
    this.room.onLeave(() => {
      this.left = true;
      this.waiter?.('closed');
    });
  }

  /** Sends a marker (an unknown type only this attacker uses) and waits for its answer or a close. */
  private settle(): Promise<Outcome> {
    if (this.left) return Promise.resolve('closed');
    this.expected = `m-${this.name}-${++this.markers}`;
    const outcome = new Promise<Outcome>((resolve) => {
      const timer = setTimeout(() => resolve('silent'), ANSWER_MS);
      this.waiter = (result) => {
        clearTimeout(timer);
        this.waiter = null;
        resolve(result);
      };
    });
    this.room.connection.send(Uint8Array.from([13, 0xa0 | this.expected.length, ...Buffer.from(this.expected)]));
    return outcome;
  }

  async run(generator: AttackGenerator, budget: { left: number }, seat: 'observer' | 'challenger'): Promise<void> {
    while (budget.left > 0) {
      let risky: Uint8Array | null = null;
      for (let i = 0; i < BATCH && budget.left > 0; i++) {
        const attack = generator.next(seat);
        budget.left--;
        if (attack.mayClose) {
          risky = attack.frame;
          break;
        }
        this.room.connection.send(attack.frame);
        this.sent++;
      }
      const settled = await this.settle();
      if (settled !== 'answered')
        throw new Error(
          `${this.name}: ${settled === 'closed' ? 'closed by a frame that never closes' : 'no answer to its marker'}`,
        );
      if (!risky) continue;
      this.room.connection.send(risky);
      this.sent++;
      const after = await this.settle();
      if (after === 'silent') throw new Error(`${this.name}: no answer to its marker`);
      if (after === 'closed') await this.reconnect();
    }
  }

  private async reconnect(): Promise<void> {
    if (!this.rejoin) throw new Error(`${this.name} may not be closed`);
    this.room = await this.rejoin();
    this.rejoins++;
    this.listen();
  }
}

it(
  `survives ${MESSAGES.toLocaleString('en')} hostile messages (seed ${SEED})`,
  async () => {
    const port = await freePort();
    // The limiter would answer most of a flood before it is parsed; the fuzz is after the parser.
    const live: ServerProcess = await startServer(port, [], { MESSAGE_RATE: '1000000' });
    const server = live;
    try {
      const url = live.url;
      const honestRoom = await openMatch(url, 0);
      const attacked = await Promise.all(Array.from({ length: ATTACKED_ROOMS }, (_, i) => openMatch(url, i + 1)));
      const before = [honestRoom, ...attacked].map((m) => matchState(m.host));

      const sdk = new Client(url);
      const attackers: { attacker: Attacker; seat: 'observer' | 'challenger' }[] = [];
      for (const [r, match] of attacked.entries()) {
        attackers.push({ attacker: new Attacker(match.challenger, null, `c${r}`), seat: 'challenger' });
        for (let o = 0; o < OBSERVERS_PER_ROOM; o++) {
          const join = () => sdk.join('crisis', { code: match.code, name: `Eve ${o}` });
          attackers.push({ attacker: new Attacker(await join(), join, `o${r}-${o}`), seat: 'observer' });
        }
      }

      const httpBudget = Math.floor(MESSAGES * HTTP_SHARE);
      const upgradeBudget = Math.floor(MESSAGES * UPGRADE_SHARE);
      const budget = { left: MESSAGES - httpBudget - upgradeBudget };
      const http = new HttpAttackGenerator(deriveSeed(SEED, 1000));
      const statuses = new Map<number, number>();
      const httpWorker = async (share: number) => {
        for (let i = 0; i < share; i++) {
          const status = await http.send(port);
          statuses.set(status, (statuses.get(status) ?? 0) + 1);
        }
      };
      const printedBefore = live.printedBytes();
      const started = performance.now();
      await Promise.all([
        ...attackers.map(({ attacker, seat }, i) =>
          attacker.run(new AttackGenerator(deriveSeed(SEED, i)), budget, seat),
        ),
        ...Array.from({ length: HTTP_WORKERS }, (_, i) =>
          httpWorker(Math.floor(httpBudget / HTTP_WORKERS) + (i < httpBudget % HTTP_WORKERS ? 1 : 0)),
        ),
        (async () => {
          for (let i = 0; i < upgradeBudget; i++) await http.upgrade(port, attacked[0]?.host.roomId ?? '');
        })(),
      ]);
      const seconds = (performance.now() - started) / 1000;
      const printed = live.printedBytes() - printedBefore;
      const frames = attackers.reduce((n, a) => n + a.attacker.sent, 0);
      const total = frames + httpBudget + upgradeBudget;
      const rejoins = attackers.reduce((n, a) => n + a.attacker.rejoins, 0);
      console.log(
        `fuzz: ${total.toLocaleString('en')} messages in ${seconds.toFixed(1)} s = ${Math.round(total / seconds).toLocaleString('en')} a second ` +
          `(${frames.toLocaleString('en')} frames on ${attackers.length} connections, ${rejoins} closed and rejoined; ` +
          `${httpBudget} matchmaking requests, HTTP statuses ${JSON.stringify(Object.fromEntries(statuses))}; ${upgradeBudget} upgrades; the server printed ${Math.round(printed / 1024)} KB)`,
      );

      expect(total).toBeGreaterThanOrEqual(MESSAGES);
      expect(live.exited()).toBe(false);
      expect(await (await fetch(`http://127.0.0.1:${port}/health`)).json()).toMatchObject({ ok: true });
      expect(dropped).toEqual([]);
      // The log is bounded by the minute, whatever the attackers sent (boundedLog.ts).
      expect(printed).toBeLessThanOrEqual(LOG_BYTES_PER_MINUTE * Math.ceil(seconds / 60 + 1));
      // Every match as it was, and every White Cell still answered at once.
      const matches = [honestRoom, ...attacked];
      expect(matches.flatMap((m, i) => differences(before[i], matchState(m.host)))).toEqual([]);
      for (const [i, match] of matches.entries()) {
        match.host.send('command', { type: 'pause' });
        await until(() => differences(before[i], matchState(match.host)).length > 0, 'the pause to show');
      }
      // A new match can still be made, joined and started.
      const fresh = await openMatch(url, 99);
      expect(decoded(fresh.host).status).toBe('playing');
      expect(dropped).toEqual([]);
    } finally {
      await server?.stop();
    }
  },
  10 * 60_000,
);
