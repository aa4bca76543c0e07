// The SQLite journal's own contract: sequence numbers, snapshots, which matches a restart brings
// back (a running one, and a finished one whose debrief is still open), and schema migrations.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { SqliteJournal, openDatabase } from '../../server/journal/SqliteJournal.js';
import { MIGRATIONS } from '../../server/journal/migrations.js';

const match = (id: string) => ({
  id,
  code: id.toUpperCase(),
  setup: { scenarioId: 'classroom', seed: 1, showMath: true, facilitatorReview: false, timers: {}, bots: {} },
  room: { facilitatorKey: 'k', reconnectSeconds: 120, reclaimKeys: {} },
  createdAt: 1,
});

describe('SqliteJournal', () => {
  it('numbers entries per match from 1 and keeps them in order', () => {
    const journal = new SqliteJournal(openDatabase(':memory:'));
    journal.begin(match('a'));
    journal.begin(match('b'));
    for (const id of ['a', 'b', 'a'])
      journal.append(id, { at: 5, kind: 'chat', seat: null, payload: { id }, hash: 'h' });
    expect(journal.entries('a').map((e) => e.seq)).toEqual([1, 2]);
    expect(journal.entries('b').map((e) => e.seq)).toEqual([1]);
    expect(journal.entries('a', 1).map((e) => e.payload)).toEqual([{ id: 'a' }]);
    expect(journal.match('a')?.aliveAt).toBe(5);
  });

  it('brings back the rooms that were up, finished or not, and none that closed', () => {
    const journal = new SqliteJournal(openDatabase(':memory:'));
    for (const id of ['running', 'over-debrief-open', 'over-closed', 'abandoned']) journal.begin(match(id));
    journal.setStatus('over-debrief-open', 'ended');
    journal.setStatus('over-closed', 'ended');
    journal.close('over-closed');
    journal.close('abandoned');
    expect(journal.withRoomUp().map((m) => m.id)).toEqual(['running', 'over-debrief-open']);
    expect(journal.match('over-closed')?.status).toBe('ended');
    expect(journal.match('abandoned')?.status).toBe('closed');
  });

  it('migrates a database from the first schema without restoring its old matches', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'guarantor-migrate-')), 'old.db');
    const old = new Database(path);
    old.exec(MIGRATIONS[0] ?? '');
    old.pragma('user_version = 1');
    const insertOld = old.prepare(
      "INSERT INTO matches (id, code, scenario, setup, room, status, created_at, alive_at) VALUES (?, 'C', 'classroom', '{\"scenarioId\":\"classroom\"}', '{}', ?, 0, 0)",
    );
    insertOld.run('was-running', 'open');
    insertOld.run('was-over', 'ended');
    old.close();
    const migrated = openDatabase(path);
    expect(migrated.pragma('user_version', { simple: true })).toBe(MIGRATIONS.length);
    expect(new SqliteJournal(migrated).withRoomUp().map((m) => m.id)).toEqual(['was-running']);
    migrated.close();
  });
});
