// The journal in SQLite (better-sqlite3, synchronous): an append is committed before the room
// acknowledges the command. WAL with synchronous=NORMAL survives a killed process (each commit is
// in the log before the call returns); only a power cut can lose the last commits.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { STATE_FORMAT } from '../../shared/index.js';
import type {
  JournalEntry,
  MatchJournal,
  JournaledMatch,
  MatchStatus,
  NewMatch,
  RoomRecord,
  JournalSnapshot,
} from './MatchJournal.js';
import { MIGRATIONS } from './migrations.js';

export const DEFAULT_DATABASE_PATH = './data/guarantor.db';

interface MatchRow {
  id: string;
  code: string;
  setup: string;
  room: string;
  status: MatchStatus;
  created_at: number;
  alive_at: number;
  public_aar: number;
  format: number;
}

interface EntryRow {
  seq: number;
  at: number;
  kind: JournalEntry['kind'];
  seat: string | null;
  payload: string;
  hash: string;
}

/** Opens (creating when missing) the database at `path` and brings its schema up to date. */
export const openDatabase = (path: string): Database.Database => {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  const version = db.pragma('user_version', { simple: true }) as number;
  for (let v = version; v < MIGRATIONS.length; v++) {
    db.transaction(() => {
      db.exec(MIGRATIONS[v] ?? '');
      db.pragma(`user_version = ${v + 1}`);
    })();
  }
  return db;
};

export class SqliteJournal implements MatchJournal {
  private readonly statements;
  private readonly appendTx;

  constructor(readonly db: Database.Database) {
    this.statements = {
      begin: db.prepare(
        `INSERT INTO matches (id, code, scenario, setup, room, status, created_at, alive_at, format)
         VALUES (@id, @code, @scenario, @setup, @room, 'open', @createdAt, @createdAt, @format)`,
      ),
      append: db.prepare(
        'INSERT INTO entries (match_id, seq, at, kind, seat, payload, hash) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ),
      lastSeq: db.prepare('SELECT COALESCE(MAX(seq), 0) AS seq FROM entries WHERE match_id = ?').pluck(),
      alive: db.prepare('UPDATE matches SET alive_at = ? WHERE id = ?'),
      snapshot: db.prepare('INSERT INTO snapshots (match_id, seq, turn, body) VALUES (?, ?, ?, ?)'),
      latestSnapshot: db.prepare('SELECT seq, body FROM snapshots WHERE match_id = ? ORDER BY seq DESC LIMIT 1'),
      firstSnapshot: db.prepare('SELECT seq, body FROM snapshots WHERE match_id = ? ORDER BY seq LIMIT 1'),
      turnSnapshot: db.prepare('SELECT seq, body FROM snapshots WHERE match_id = ? AND turn = ? ORDER BY seq LIMIT 1'),
      snapshots: db.prepare('SELECT seq, body FROM snapshots WHERE match_id = ? ORDER BY seq'),
      setPublic: db.prepare('UPDATE matches SET public_aar = ? WHERE id = ?'),
      entries: db.prepare(
        'SELECT seq, at, kind, seat, payload, hash FROM entries WHERE match_id = ? AND seq > ? ORDER BY seq',
      ),
      match: db.prepare('SELECT * FROM matches WHERE id = ?'),
      withRoomUp: db.prepare('SELECT * FROM matches WHERE room_open = 1 ORDER BY created_at'),
      saveRoom: db.prepare('UPDATE matches SET room = ? WHERE id = ?'),
      setStatus: db.prepare('UPDATE matches SET status = ? WHERE id = ?'),
      setFormat: db.prepare('UPDATE matches SET format = ? WHERE id = ?'),
      close: db.prepare(
        "UPDATE matches SET room_open = 0, status = CASE status WHEN 'open' THEN 'closed' ELSE status END WHERE id = ?",
      ),
    };
    // Sequence numbers are kept here per match, so an append is one insert and one update.
    const next = new Map<string, number>();
    this.appendTx = db.transaction(
      (matchId: string, entry: Omit<JournalEntry, 'seq'>, snapshot?: Omit<JournalSnapshot, 'seq'>): JournalEntry => {
        const seq = (next.get(matchId) ?? (this.statements.lastSeq.get(matchId) as number)) + 1;
        this.statements.append.run(
          matchId,
          seq,
          entry.at,
          entry.kind,
          entry.seat,
          JSON.stringify(entry.payload ?? null),
          entry.hash,
        );
        this.statements.alive.run(entry.at, matchId);
        if (snapshot) this.statements.snapshot.run(matchId, seq, snapshot.turn, JSON.stringify(snapshot));
        next.set(matchId, seq);
        return { ...entry, seq };
      },
    );
  }

  begin(match: NewMatch): void {
    this.statements.begin.run({
      id: match.id,
      code: match.code,
      scenario: match.setup.scenarioId,
      setup: JSON.stringify(match.setup),
      room: JSON.stringify(match.room),
      createdAt: match.createdAt,
      format: STATE_FORMAT,
    });
  }

  append(matchId: string, entry: Omit<JournalEntry, 'seq'>, snapshot?: Omit<JournalSnapshot, 'seq'>): JournalEntry {
    return this.appendTx(matchId, entry, snapshot);
  }

  lastSeq(matchId: string): number {
    return Number(this.statements.lastSeq.get(matchId));
  }

  /** Entries in order; throws an Error naming the entry whose payload cannot be read. */
  entries(matchId: string, afterSeq = 0): JournalEntry[] {
    return (this.statements.entries.all(matchId, afterSeq) as EntryRow[]).map((row) => ({
      ...row,
      payload: parseJson(row.payload, `match ${matchId}: entry ${row.seq}`),
    }));
  }

  latestSnapshot(matchId: string): JournalSnapshot | null {
    return this.readSnapshot(matchId, this.statements.latestSnapshot.get(matchId));
  }

  firstSnapshot(matchId: string): JournalSnapshot | null {
    return this.readSnapshot(matchId, this.statements.firstSnapshot.get(matchId));
  }

  turnSnapshot(matchId: string, turn: number): JournalSnapshot | null {
    return this.readSnapshot(matchId, this.statements.turnSnapshot.get(matchId, turn));
  }

  snapshots(matchId: string): JournalSnapshot[] {
    return this.statements.snapshots
      .all(matchId)
      .map((row) => this.readSnapshot(matchId, row))
      .filter((s): s is JournalSnapshot => s !== null);
  }

  private readSnapshot(matchId: string, row: unknown): JournalSnapshot | null {
    const found = row as { seq: number; body: string } | undefined;
    if (!found) return null;
    const body = parseJson(found.body, `match ${matchId}: the snapshot after entry ${found.seq}`) as Omit<
      JournalSnapshot,
      'seq'
    >;
    return { ...body, seq: found.seq };
  }

  match(matchId: string): JournaledMatch | null {
    const row = this.statements.match.get(matchId) as MatchRow | undefined;
    return row ? toRecord(row) : null;
  }

  withRoomUp(): JournaledMatch[] {
    return (this.statements.withRoomUp.all() as MatchRow[]).map(toRecord);
  }

  saveRoom(matchId: string, room: RoomRecord): void {
    this.statements.saveRoom.run(JSON.stringify(room), matchId);
  }

  alive(matchId: string, now: number): void {
    this.statements.alive.run(now, matchId);
  }

  setStatus(matchId: string, status: MatchStatus): void {
    this.statements.setStatus.run(status, matchId);
  }

  setPublic(matchId: string, open: boolean): void {
    this.statements.setPublic.run(open ? 1 : 0, matchId);
  }

  setFormat(matchId: string, format: number): void {
    this.statements.setFormat.run(format, matchId);
  }

  close(matchId: string): void {
    this.statements.close.run(matchId);
  }
}

const parseJson = (text: string, what: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    throw new Error(`${what} is not readable JSON`);
  }
};

const toRecord = (row: MatchRow): JournaledMatch => ({
  id: row.id,
  code: row.code,
  setup: parseJson(row.setup, `match ${row.id}: its setup`) as JournaledMatch['setup'],
  room: parseJson(row.room, `match ${row.id}: its room`) as RoomRecord,
  status: row.status,
  createdAt: row.created_at,
  aliveAt: row.alive_at,
  publicAar: row.public_aar === 1,
  format: row.format,
});
