// `npm run bot -- --url ws://host:port --code CODE --seat SEAT [--policy calculating] [--name NAME]`
// joins a match and plays one seat with the shared bots over the real protocol.
import { parseArgs } from 'node:util';
import { Client } from 'colyseus.js';
import { POLICY_NAMES, type PolicyName } from '../shared/index.js';
import { runWireBot } from './bot/wireBot.js';

const usage = 'usage: npm run bot -- --url ws://host:port --code CODE --seat SEAT [--policy calculating] [--name NAME]';

const fatal = (message: string): never => {
  console.error(`bot: ${message}`);
  process.exit(2);
};

const parsed = (() => {
  try {
    return parseArgs({
      options: {
        url: { type: 'string', default: 'ws://localhost:2567' },
        code: { type: 'string' },
        seat: { type: 'string' },
        policy: { type: 'string', default: 'calculating' },
        name: { type: 'string' },
      },
    }).values;
  } catch (e) {
    return fatal(`${e instanceof Error ? e.message : String(e)}\n${usage}`);
  }
})();
const { url, code, seat, policy } = parsed;
if (!code) fatal(`--code is required\n${usage}`);
if (!seat) fatal(`--seat is required\n${usage}`);
if (!(POLICY_NAMES as readonly string[]).includes(policy))
  fatal(`unknown policy "${policy}" (known: ${POLICY_NAMES.join(', ')})`);

const client = new Client(url);
const room = await client
  .join('crisis', { code: code?.toUpperCase(), name: parsed.name ?? `${policy} bot` })
  .catch((e: unknown) =>
    fatal(`could not join match ${code} at ${url}: ${e instanceof Error ? e.message : String(e)}`),
  );
// The bot reads the state, not the turn log or the chat.
room.onMessage('welcome', () => undefined);
room.onMessage('events', () => undefined);
room.onMessage('chat', () => undefined);
room.onMessage('error', (e: { code: string; message: string }) =>
  console.error(`bot: refused: ${e.code} ${e.message}`),
);
// Play only once the room has seated the bot: a refused seat must not turn into a stream of refusals.
let bot: ReturnType<typeof runWireBot> | null = null;
room.onMessage('seated', (m: { seat: string }) => {
  if (m.seat !== seat) {
    bot?.stop();
    bot = null;
    fatal(`the room seated the bot in ${m.seat}, not ${seat ?? ''}`);
  }
  if (bot) return;
  console.log(`bot: playing ${m.seat} as ${policy}`);
  bot = runWireBot(room, m.seat, policy as PolicyName, Date.now() >>> 0);
});
room.onMessage('error', (e: { code: string; message: string }) => {
  // Mid-match only the White Cell seats people: wait for its move_client.
  if (!bot) console.error(`bot: not seated yet (${e.message}); waiting for the White Cell to seat it in ${seat ?? ''}`);
});
room.send('take_seat', { seat });
room.onLeave(() => {
  console.log(`bot: left after ${bot?.sent ?? 0} commands`);
  process.exit(0);
});
