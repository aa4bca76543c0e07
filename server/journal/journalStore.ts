// The server's journal: SQLite at DATABASE_PATH (default ./data/guarantor.db), opened on first use
// so tests can point DATABASE_PATH elsewhere (":memory:") before anything is written.
import type { MatchJournal } from './MatchJournal.js';
import { DEFAULT_DATABASE_PATH, SqliteJournal, openDatabase } from './SqliteJournal.js';

let opened: SqliteJournal | null = null;

export const journal = (): MatchJournal => {
  opened ??= new SqliteJournal(openDatabase(process.env.DATABASE_PATH || DEFAULT_DATABASE_PATH));
  return opened;
};

/** Closes the database (server shutdown). */
export const closeJournal = (): void => {
  opened?.db.close();
  opened = null;
};
