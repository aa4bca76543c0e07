// The journal's schema, as numbered migrations applied in order on start. Never edit a shipped
// migration: add the next one.
export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE matches (
     id TEXT PRIMARY KEY,
     code TEXT NOT NULL,
     scenario TEXT NOT NULL,
     setup TEXT NOT NULL,
     room TEXT NOT NULL,
     status TEXT NOT NULL CHECK (status IN ('open', 'ended', 'closed')),
     created_at INTEGER NOT NULL,
     alive_at INTEGER NOT NULL,
     public_aar INTEGER NOT NULL DEFAULT 0
   );
   CREATE INDEX matches_status ON matches (status);
   CREATE TABLE entries (
     match_id TEXT NOT NULL REFERENCES matches (id),
     seq INTEGER NOT NULL,
     at INTEGER NOT NULL,
     kind TEXT NOT NULL,
     seat TEXT,
     payload TEXT NOT NULL,
     hash TEXT NOT NULL,
     PRIMARY KEY (match_id, seq)
   ) WITHOUT ROWID;
   CREATE TABLE snapshots (
     match_id TEXT NOT NULL REFERENCES matches (id),
     seq INTEGER NOT NULL,
     turn INTEGER NOT NULL,
     body TEXT NOT NULL,
     PRIMARY KEY (match_id, seq)
   ) WITHOUT ROWID;`,
  // A finished match's room stays up while people read the debrief: it is restored too. The
  // journal now says whether a match's room was up, not only whether the match was over.
  `ALTER TABLE matches ADD COLUMN room_open INTEGER NOT NULL DEFAULT 1;
   UPDATE matches SET room_open = 0 WHERE status <> 'open';`,
  // States have a numbered format (shared/model/state.ts, STATE_FORMAT). Matches journaled before
  // this are format 1; new ones are written with the format of the code that begins them.
  `ALTER TABLE matches ADD COLUMN format INTEGER NOT NULL DEFAULT 1;`,
];
