// `npm run bench` (journal part): what the SQLite journal costs a match. Plays whole Baltic matches
// with bots through the server's MatchSession on a journal in a temporary file, timing every
// append (the write that happens before a command is acknowledged), then times restoring a 12-turn
// match (latest snapshot + replay, every hash checked) and replaying it from the start (export).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PHASES, SCENARIOS } from '../../shared/index.js';
import type { JournalEntry, MatchJournal, JournalSnapshot } from '../../server/journal/MatchJournal.js';
import { SqliteJournal, openDatabase } from '../../server/journal/SqliteJournal.js';
import { MatchSession } from '../../server/match/MatchSession.js';
import { buildRecord } from '../../server/record/matchRecord.js';
import { formatTiming, timeMicros } from './stats.js';

const MATCHES = 5;
const scenario = SCENARIOS['baltic'];
if (!scenario) throw new Error('no baltic scenario');
const path = join(mkdtempSync(join(tmpdir(), 'guarantor-journal-bench-')), 'bench.db');
const sqlite = new SqliteJournal(openDatabase(path));

const plain: number[] = [];
const withSnapshot: number[] = [];
/** The SQLite journal, with each append timed. */
const timed: MatchJournal = Object.assign(Object.create(sqlite) as MatchJournal, {
  append(matchId: string, entry: Omit<JournalEntry, 'seq'>, snapshot?: Omit<JournalSnapshot, 'seq'>) {
    const t0 = process.hrtime.bigint();
    const written = sqlite.append(matchId, entry, snapshot);
    (snapshot ? withSnapshot : plain).push(Number(process.hrtime.bigint() - t0) / 1000);
    return written;
  },
});

const timers = Object.fromEntries(PHASES.map((p) => [p, 60]));
const setupFor = (i: number) => ({
  matchId: `bench-${i}`,
  scenario,
  seed: i + 1,
  showMath: true,
  facilitatorReview: false,
  timers,
  bots: {},
});
for (let i = 0; i < MATCHES; i++) {
  const setup = setupFor(i);
  timed.begin({
    id: setup.matchId,
    code: `BENCH${i}`,
    setup: { ...setup, scenarioId: scenario.id },
    room: { facilitatorKey: 'k', reconnectSeconds: 120, reclaimKeys: {} },
    createdAt: 0,
  });
  const session = MatchSession.create(setup, timed, 0);
  session.start(new Set(), 0);
  let now = 0;
  while (session.status === 'playing') session.tick((now = session.deadline ?? now + 1000));
}

const summary = (name: string, samples: number[]) => {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))] ?? 0;
  return `${name.padEnd(52)} median ${at(0.5).toFixed(1).padStart(8)} µs   p99 ${at(0.99).toFixed(1).padStart(8)} µs   max ${at(1).toFixed(0).padStart(6)} µs   (${samples.length} appends)`;
};

console.log(
  `Guarantor journal benchmark — node ${process.version}, SQLite WAL synchronous=NORMAL, ${MATCHES} Baltic bot matches of ${scenario.turns} turns\n`,
);
console.log(summary('journal append, every step (target p99 ≤ 1 ms)', [...plain, ...withSnapshot]));
console.log(summary('  without a snapshot', plain));
console.log(summary('  with the turn snapshot (once a turn)', withSnapshot));

const last = setupFor(MATCHES - 1);
const entries = sqlite.entries(last.matchId).length;
const replayed = sqlite.entries(last.matchId, sqlite.latestSnapshot(last.matchId)?.seq ?? 0).length;
const restore = timeMicros(() => MatchSession.restore(last, sqlite, 0), 20, 3);
console.log(formatTiming(`restore a ${scenario.turns}-turn match (target ≤ 1 s)`, restore));
const replay = timeMicros(() => buildRecord(sqlite, last.matchId), 5, 1);
console.log(formatTiming('replay it from the start and derive the record', replay));
console.log(
  `(the match journaled ${entries} entries; a restore loads turn ${scenario.turns}'s snapshot and replays ${replayed})`,
);
console.log(
  `\nrestore median ${(restore.median / 1000).toFixed(1)} ms, full replay median ${(replay.median / 1000).toFixed(0)} ms`,
);
sqlite.db.close();
