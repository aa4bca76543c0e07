// Crash recovery, for real: the server runs as a child process journaling to SQLite, a player's
// commands are acknowledged, the process is killed with SIGKILL, and a new process restores the
// match (same code, seats, phase and state, deadline extended by the downtime) with every
// acknowledged command in it. A corrupt entry stops only its own match's restore.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { Client, type Room } from 'colyseus.js';
import { afterEach, expect, it } from 'vitest';
import { type Command, PHASES, readView, botCommand, owedBy } from '../../shared/index.js';
import { RngCursor } from '../../shared/rng.js';
import { type ServerProcess, freePort, startServer } from '../bench/serverProcess.js';
import { HOST_TOKEN, nextMessage, stateOf, until } from './helpers.js';

const running: ServerProcess[] = [];
afterEach(async () => {
  for (const s of running.splice(0)) await s.stop();
});

const boot = async (port: number, database: string) => {
  const server = await startServer(port, [], { DATABASE_PATH: database, NODE_ENV: 'test' });
  running.push(server);
  return server;
};

const viewOf = (room: Room, seat: string) => readView(stateOf(room), seat, true);

/** The facilitator sees the whole match: its view is the state (without breakdowns), as text. */
const fullPicture = (room: Room) => JSON.stringify(viewOf(room, 'facilitator'));

const DOWNTIME_MS = 3000;
const TIMERS = Object.fromEntries(PHASES.map((p) => [p, 600]));

const createMatch = async (client: Client) => {
  const host = await client.create('crisis', {
    scenario: 'classroom',
    name: 'T',
    hostToken: HOST_TOKEN,
    seed: 5,
    timers: TIMERS,
  });
  const welcome = await nextMessage<{ code: string; facilitatorKey: string }>(host, 'welcome');
  return { host, ...welcome };
};

it('restores a match killed mid-turn with every acknowledged command and the deadline moved on', async () => {
  const database = join(mkdtempSync(join(tmpdir(), 'guarantor-recovery-')), 'journal.db');
  const port = await freePort();
  const first = await boot(port, database);
  const client = new Client(first.url);
  const { host, code, facilitatorKey } = await createMatch(client);
  const ann = await client.join('crisis', { code, name: 'Ann' });
  const seated = nextMessage<{ reclaimKey: string }>(ann, 'seated');
  ann.send('take_seat', { seat: 'aurelia' });
  const { reclaimKey } = await seated;
  host.send('start');
  await until(() => stateOf(host).status === 'playing', 'the start');

  // Ann plays five moves; each counts as acknowledged once the state she sees has changed.
  const acknowledged: Command[] = [];
  const rng = new RngCursor(11);
  for (let i = 0; i < 5; i++) {
    await until(() => owedBy(viewOf(ann, 'aurelia')).includes('aurelia'), 'Ann to owe a move');
    const command = botCommand('calculating', viewOf(ann, 'aurelia'), 'aurelia', rng);
    if (!command) throw new Error('the bot had nothing to play');
    const before = JSON.stringify(viewOf(ann, 'aurelia'));
    ann.send('command', command);
    await until(() => JSON.stringify(viewOf(ann, 'aurelia')) !== before, 'the acknowledgement');
    acknowledged.push(command);
  }
  // The White Cell's patches may trail Ann's on a busy machine: read its picture once it has caught up.
  await until(
    () =>
      JSON.stringify(viewOf(host, 'observer')) === JSON.stringify(viewOf(ann, 'observer')) &&
      stateOf(host).phase === stateOf(ann).phase,
    'the White Cell to see what Ann sees',
  );
  const picture = fullPicture(host);
  const deadline = stateOf(host).deadline;
  const phase = stateOf(host).phase;
  expect(deadline).toBeGreaterThan(0);

  const killedAt = Date.now();
  await first.crash();
  // Stay down long enough that a deadline left where it was would show.
  await new Promise((r) => setTimeout(r, DOWNTIME_MS));
  const second = await boot(port, database);
  const restartedAt = Date.now();

  const again = new Client(second.url);
  const white = await again.join('crisis', { code, name: 'T', facilitatorKey });
  expect((await nextMessage<{ seat: string }>(white, 'welcome')).seat).toBe('facilitator');
  await until(() => stateOf(white).code === code && stateOf(white).status === 'playing', 'the restored state');
  expect(stateOf(white).phase).toBe(phase);
  expect(fullPicture(white)).toBe(picture);
  // The phase lost no time to the crash: its deadline moved on by the downtime, plus at most the time
  // since the last 2 s heartbeat (later on a busy machine, whose timers fire late: a wide margin).
  const moved = stateOf(white).deadline - deadline;
  expect(moved).toBeGreaterThanOrEqual(DOWNTIME_MS - 50);
  expect(moved).toBeLessThanOrEqual(restartedAt - killedAt + 15_000);

  // Every acknowledged command is in the journal, in order, and Ann's key brings her back to her seat.
  const db = new Database(database, { readonly: true });
  const journaled = db
    .prepare("SELECT payload FROM entries WHERE kind = 'command' AND seat = 'aurelia' ORDER BY seq")
    .pluck()
    .all() as string[];
  db.close();
  expect(journaled.map((p) => JSON.parse(p))).toEqual(acknowledged);
  const annAgain = await again.join('crisis', { code, name: 'Ann', reclaimKey });
  expect((await nextMessage<{ seat: string }>(annAgain, 'welcome')).seat).toBe('aurelia');

  // The match goes on where it stopped.
  await until(() => owedBy(viewOf(annAgain, 'aurelia')).includes('aurelia'), 'Ann to owe a move');
  const next = botCommand('calculating', viewOf(annAgain, 'aurelia'), 'aurelia', rng);
  const before = JSON.stringify(viewOf(annAgain, 'aurelia'));
  annAgain.send('command', next);
  await until(() => JSON.stringify(viewOf(annAgain, 'aurelia')) !== before, 'a command after the restore');
}, 60_000);

it('a corrupt journal entry stops only its own match; the others come back', async () => {
  const database = join(mkdtempSync(join(tmpdir(), 'guarantor-corrupt-')), 'journal.db');
  const port = await freePort();
  const first = await boot(port, database);
  const client = new Client(first.url);
  const good = await createMatch(client);
  const bad = await createMatch(client);
  for (const m of [good, bad]) {
    m.host.send('start');
    await until(() => stateOf(m.host).status === 'playing', 'the start');
  }
  await first.crash();

  const db = new Database(database);
  const badId = bad.host.roomId;
  const seq = db.prepare("SELECT MAX(seq) FROM entries WHERE match_id = ? AND kind = 'start'").pluck().get(badId);
  db.prepare('UPDATE entries SET payload = ? WHERE match_id = ? AND seq = ?').run('{"bots": ', badId, seq);
  db.close();

  const second = await boot(port, database);
  await until(() => second.log().includes(`match ${badId}`), 'the log line');
  expect(second.log()).toMatch(new RegExp(`match ${badId} \\(code ${bad.code}\\) was not restored: .*entry ${seq}`));
  const again = new Client(second.url);
  const white = await again.join('crisis', { code: good.code, name: 'T', facilitatorKey: good.facilitatorKey });
  await until(() => stateOf(white).status === 'playing', 'the good match');
  await expect(again.join('crisis', { code: bad.code, name: 'T', facilitatorKey: bad.facilitatorKey })).rejects.toThrow(
    /no match has that code/,
  );
}, 60_000);
