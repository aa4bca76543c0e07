// Matches journaled by the format-1 code (test/fixtures/journal-v1, written by commit 433e316) come
// back under today's code: the journal records each match's state format; a restore migrates the
// latest snapshot, applies the acknowledged entries after it under today's rules, journals a
// marker and goes on in format 2, so the next restore is checked in full; an entry today's rules
// refuse is skipped with a log line; the ended match's record still exports and re-imports.
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { Client } from 'colyseus.js';
import { describe, expect, it } from 'vitest';
import { GameStateSchema, STATE_FORMAT, botCommand, scenarioById, viewFor } from '../../shared/index.js';
import { migrateState, stateFormatOf } from '../../shared/record/migrate.js';
import { RngCursor } from '../../shared/rng.js';
import { MemoryJournal, type JournalSnapshot, stateHash } from '../../server/journal/MatchJournal.js';
import { SqliteJournal, openDatabase } from '../../server/journal/SqliteJournal.js';
import { MatchSession } from '../../server/match/MatchSession.js';
import { type ExportedRecord, buildRecord, importRecord } from '../../server/record/matchRecord.js';
import { nextMessage, stateOf, testPort, until, useTestServer } from './helpers.js';

const FIXTURE = fileURLToPath(new URL('../fixtures/journal-v1/journal.db', import.meta.url));
const MID = {
  id: 'v1-midturn',
  code: 'MK7Q2WXP',
  key: 'white-cell-key-v1-midturn',
  reclaim: 'reclaim-key-ann-midturn',
};
const ENDED = { id: 'v1-ended', code: 'RD4HN8TV', key: 'white-cell-key-v1-ended' };
const NOW = Date.UTC(2026, 11, 1);

/** A copy of the fixture to write to: the committed file is never opened. */
const copyOfFixture = (): string => {
  const path = join(mkdtempSync(join(tmpdir(), 'guarantor-v1-')), 'journal.db');
  copyFileSync(FIXTURE, path);
  return path;
};

/** What the format-1 code left in a copy, read with SQL before today's code opens it. */
const asWritten = (path: string, matchId: string) => {
  const db = new Database(path, { readonly: true });
  const body = db
    .prepare('SELECT body FROM snapshots WHERE match_id = ? ORDER BY seq DESC LIMIT 1')
    .pluck()
    .get(matchId) as string;
  const snapshot = JSON.parse(body) as Omit<JournalSnapshot, 'seq'>;
  const seq = db.prepare('SELECT MAX(seq) FROM snapshots WHERE match_id = ?').pluck().get(matchId) as number;
  const rows = db
    .prepare('SELECT seq, kind, seat, payload FROM entries WHERE match_id = ? AND seq > ? ORDER BY seq')
    .all(matchId, seq) as { seq: number; kind: string; seat: string | null; payload: string }[];
  const version = db.pragma('user_version', { simple: true });
  db.close();
  return {
    snapshot,
    seq,
    later: rows.map((r) => ({ ...r, payload: JSON.parse(r.payload) as Record<string, unknown> })),
    version,
  };
};

/** Restores a journaled match as the room does, with the log lines kept. */
const restore = (journal: SqliteJournal, matchId: string, lines: string[] = []) => {
  const record = journal.match(matchId);
  if (!record) throw new Error(`no match ${matchId}`);
  const { scenarioId, ...setup } = record.setup;
  const scenario = scenarioById(scenarioId);
  if (!scenario) throw new Error(`no scenario ${scenarioId}`);
  return MatchSession.restore({ ...setup, matchId, scenario }, journal, 0, { now: NOW, log: (l) => lines.push(l) });
};

const migrateEntries = (journal: SqliteJournal, matchId: string) =>
  journal.entries(matchId).filter((e) => e.kind === 'migrate');

describe("the journal's state format", () => {
  it('is 1 for the matches journaled before formats were numbered, and today’s for new ones', () => {
    const path = copyOfFixture();
    expect(asWritten(path, MID.id).version).toBe(2);
    const journal = new SqliteJournal(openDatabase(path));
    expect([journal.match(MID.id)?.format, journal.match(ENDED.id)?.format]).toEqual([1, 1]);
    const fresh = {
      id: 'new',
      code: 'NEWMATCH',
      setup: { scenarioId: 'classroom', seed: 1, showMath: true, facilitatorReview: false, timers: {}, bots: {} },
      room: { facilitatorKey: 'k', reconnectSeconds: 120, reclaimKeys: {} },
      createdAt: 1,
    };
    journal.begin(fresh);
    expect(journal.match('new')?.format).toBe(STATE_FORMAT);
    journal.setFormat(MID.id, 2);
    expect(journal.match(MID.id)?.format).toBe(2);
    const memory = new MemoryJournal();
    memory.begin(fresh);
    expect(memory.match('new')?.format).toBe(STATE_FORMAT);
    memory.setFormat('new', 1);
    expect(memory.match('new')?.format).toBe(1);
    journal.db.close();
  });
});

describe('a format-1 match stopped mid-turn', () => {
  it('comes back with the same code, turn, phase, seats and keys, in a valid format-2 state', () => {
    const path = copyOfFixture();
    const old = asWritten(path, MID.id);
    expect(stateFormatOf(old.snapshot.state)).toBe(1);
    const journal = new SqliteJournal(openDatabase(path));
    const before = journal.match(MID.id);
    const lines: string[] = [];
    const session = restore(journal, MID.id, lines);

    expect(session.status).toBe('playing');
    expect([session.state.turn, session.state.phase]).toEqual([3, 'allocation']);
    expect(session.state.turn).toBe(old.snapshot.state.turn);
    expect(session.state.format).toBe(STATE_FORMAT);
    expect(GameStateSchema.safeParse(session.state).success).toBe(true);
    expect(session.state.seats).toEqual(old.snapshot.state.seats);
    expect(session.state.seats.filter((s) => s.nation && !session.botPlays(s.id)).map((s) => s.id)).toEqual([
      'aurelia',
    ]);
    const after = journal.match(MID.id);
    expect(after?.code).toBe(MID.code);
    expect(after?.room).toEqual(before?.room);
    expect(after?.room).toEqual({
      facilitatorKey: MID.key,
      reconnectSeconds: 120,
      reclaimKeys: { [MID.reclaim]: 'aurelia' },
    });
    expect([before?.format, after?.format]).toEqual([1, STATE_FORMAT]);
    expect(lines).toEqual([
      `match ${MID.id}: migrated from state format 1 to 2 (${old.later.length} of ${old.later.length} later entries applied)`,
    ]);
    journal.db.close();
  });

  it('has every acknowledged action after the snapshot applied under today’s rules', () => {
    const path = copyOfFixture();
    const old = asWritten(path, MID.id);
    const journal = new SqliteJournal(openDatabase(path));
    const session = restore(journal, MID.id);
    const allocations = old.later.filter((e) => e.payload.type === 'allocate');
    expect(allocations.map((e) => e.seat)).toEqual(['bosk', 'corvin', 'dunmere', 'varkal']);
    for (const e of allocations) expect(session.state.allocations[e.seat ?? '']).toEqual(e.payload.allocation);
    const said = old.later.find((e) => e.payload.type === 'statement');
    expect(said?.seat).toBe('aurelia');
    const { type: _type, ...statement } = said?.payload ?? {};
    expect(session.state.statements).toEqual([{ ...statement, seat: 'aurelia' }]);
    // The marker: a snapshot in today's format after the last entry, which the next restore starts from.
    const [marker, ...more] = migrateEntries(journal, MID.id);
    expect(more).toEqual([]);
    expect(marker?.payload).toEqual({ from: 1, to: 2, skipped: [] });
    expect(marker?.seq).toBe((old.later.at(-1)?.seq ?? 0) + 1);
    const latest = journal.latestSnapshot(MID.id);
    expect(latest?.seq).toBe(marker?.seq);
    expect(stateFormatOf(latest?.state)).toBe(STATE_FORMAT);
    expect(marker?.hash).toBe(stateHash(session.state));
    journal.db.close();
  });

  it('plays on, and a second restore is checked in full and gives the same state', () => {
    const path = copyOfFixture();
    let journal = new SqliteJournal(openDatabase(path));
    const session = restore(journal, MID.id);
    const rng = new RngCursor(5);
    const allocation = botCommand('calculating', viewFor(session.state, 'aurelia'), 'aurelia', rng);
    const played = session.command('aurelia', allocation, NOW + 1000);
    expect(played.ok).toBe(true);
    // The bots answer at once; then the room clock closes the phases Aurelia lets run out.
    expect(session.state.phase).not.toBe('allocation');
    for (let i = 0; i < 12 && session.state.turn === 3; i++) session.tick(session.deadline ?? NOW);
    expect(session.state.turn).toBe(4);
    const hash = stateHash(session.state);
    const lastSeq = journal.lastSeq(MID.id);
    journal.db.close();

    // A restart: the journal replays from the marker, every entry checked against its hash.
    journal = new SqliteJournal(openDatabase(path));
    const lines: string[] = [];
    const again = restore(journal, MID.id, lines);
    expect(stateHash(again.state)).toBe(hash);
    expect(lines).toEqual([]);
    expect(migrateEntries(journal, MID.id)).toHaveLength(1);
    expect(journal.lastSeq(MID.id)).toBe(lastSeq);
    // Checked indeed: an entry after the latest snapshot that no longer gives its recorded state stops it.
    const latest = journal.latestSnapshot(MID.id)?.seq ?? 0;
    const tampered = journal.entries(MID.id, latest).at(-1);
    expect(tampered?.kind).toBe('bot');
    journal.db
      .prepare('UPDATE entries SET hash = ? WHERE match_id = ? AND seq = ?')
      .run('00000000', MID.id, tampered?.seq);
    expect(() => restore(journal, MID.id)).toThrow(new RegExp(`entry ${tampered?.seq} \\(bot\\) does not reproduce`));
    journal.db.close();
  });

  it('skips an old entry today’s rules refuse, with one log line naming it, and applies the rest', () => {
    const path = copyOfFixture();
    const old = asWritten(path, MID.id);
    const said = old.later.find((e) => e.payload.type === 'statement');
    const db = new Database(path);
    const refused = { ...said?.payload, subject: 'aurelia-nowhere' };
    db.prepare('UPDATE entries SET payload = ? WHERE match_id = ? AND seq = ?').run(
      JSON.stringify(refused),
      MID.id,
      said?.seq,
    );
    db.close();
    const journal = new SqliteJournal(openDatabase(path));
    const lines: string[] = [];
    const session = restore(journal, MID.id, lines);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(
      new RegExp(
        `^match ${MID.id}: entry ${said?.seq} \\(command\\), journaled in state format 1, was refused by today's rules and skipped: was refused on replay \\(ERR_UNKNOWN_TARGET: .*\\)$`,
      ),
    );
    expect(lines[0]?.length).toBeLessThan(400);
    expect(lines[1]).toMatch(/migrated from state format 1 to 2 \(17 of 18 later entries applied\)/);
    expect(session.state.statements).toEqual([]);
    expect([session.state.turn, session.state.phase]).toEqual([3, 'allocation']);
    expect(migrateEntries(journal, MID.id)[0]?.payload).toEqual({ from: 1, to: 2, skipped: [said?.seq] });
    journal.db.close();
  });

  it('exports a record across the migration: old turns from their snapshots, the rest checked', () => {
    const path = copyOfFixture();
    const journal = new SqliteJournal(openDatabase(path));
    const session = restore(journal, MID.id);
    session.command(
      'aurelia',
      botCommand('calculating', viewFor(session.state, 'aurelia'), 'aurelia', new RngCursor(5)),
      NOW,
    );
    const record = buildRecord(journal, MID.id);
    expect(record?.finalHash).toBe(stateHash(session.state));
    // Turns 2 and 3 start from their format-1 snapshots; the marker's snapshot ends the old stretch.
    expect(record?.snapshots?.map((s) => [s.turn, stateFormatOf(s.state)])).toEqual([
      [2, 1],
      [3, 1],
      [3, 2],
    ]);
    const back = importRecord(JSON.parse(JSON.stringify(record)));
    expect(stateHash(back.replayed.final)).toBe(stateHash(session.state));
    journal.db.close();
  });
});

describe('a branch from a format-1 turn', () => {
  it('starts a new match in today’s format from the migrated snapshot', () => {
    const journal = new SqliteJournal(openDatabase(copyOfFixture()));
    const snapshot = journal.turnSnapshot(ENDED.id, 2);
    const record = journal.match(ENDED.id);
    const scenario = scenarioById('classroom');
    if (!snapshot || !record || !scenario) throw new Error('fixture incomplete');
    const { scenarioId: _id, ...setup } = record.setup;
    const memory = new MemoryJournal();
    const branch = MatchSession.branch(
      { ...setup, matchId: 'what-if', scenario },
      memory,
      snapshot,
      { matchId: ENDED.id, turn: 2 },
      NOW,
    );
    expect(branch.state).toEqual(migrateState(snapshot.state));
    expect([branch.status, branch.state.turn, branch.state.format]).toEqual(['lobby', 2, STATE_FORMAT]);
    expect(branch.start(new Set(), NOW).ok).toBe(true);
    expect(stateFormatOf(memory.firstSnapshot('what-if')?.state)).toBe(STATE_FORMAT);
    journal.db.close();
  });
});

describe('served from a journal the format-1 code wrote', () => {
  const served = copyOfFixture();
  useTestServer({ before: () => (process.env.DATABASE_PATH = served) });
  const url = (path: string) => `http://localhost:${testPort()}${path}`;
  const get = (path: string, key: string) => fetch(url(path), { headers: { 'X-Facilitator-Key': key } });

  it('restores the running match at start: its code, and its keys lead back to their seats', async () => {
    const client = new Client(`ws://localhost:${testPort()}`);
    const white = await client.join('crisis', { code: MID.code, name: 'Teacher', facilitatorKey: MID.key });
    expect((await nextMessage<{ seat: string }>(white, 'welcome')).seat).toBe('facilitator');
    await until(() => stateOf(white).code === MID.code && stateOf(white).status === 'playing', 'the restored match');
    expect([stateOf(white).turn, stateOf(white).phase]).toEqual([3, 'allocation']);
    const ann = await client.join('crisis', { code: MID.code, name: 'Ann', reclaimKey: MID.reclaim });
    expect((await nextMessage<{ seat: string }>(ann, 'welcome')).seat).toBe('aurelia');
    await ann.leave();
    await white.leave();
  });

  it("exports the ended match's record, CSV and replay, from its migrated snapshots", async () => {
    const res = await get(`/api/matches/${ENDED.id}/record.json`, ENDED.key);
    expect(res.status).toBe(200);
    const record = (await res.json()) as ExportedRecord;
    expect(record.match).toMatchObject({ id: ENDED.id, code: ENDED.code, status: 'ended' });
    // The record is the journal as written: its states are format 1, read through migrateState.
    expect(stateFormatOf(record.initial.state)).toBe(1);
    expect(record.snapshots?.map((s) => s.turn)).toEqual([2, 3, 4]);
    expect(record.series.map((p) => p.turn)).toEqual([0, 1, 2, 3]);
    expect(record.timeline.find((t) => t.kind === 'override')?.overrideReason).toBe(
      'the class agreed the border incident was contained',
    );
    expect(record.timeline.some((t) => t.kind === 'card_fired' && t.text.startsWith('Launch on warning'))).toBe(true);
    const back = importRecord(JSON.parse(JSON.stringify(record)));
    expect(stateHash(back.replayed.final)).toBe(record.finalHash);
    expect(back.replayed.final.ended?.reason).toBe('general_nuclear_war');
    // Each turn starts as it was played: the migrated snapshot of that turn.
    for (const s of record.snapshots ?? [])
      expect(back.replayed.turns.find((t) => t.turn === s.turn)?.state).toEqual(migrateState(s.state));

    const csv = await get(`/api/matches/${ENDED.id}/record.csv`, ENDED.key);
    expect(csv.status).toBe(200);
    expect((await csv.text()).split('\n')[0]).toMatch(/^turn,subject_kind,subject/);
    const replay = await get(`/api/matches/${ENDED.id}/replay.json`, ENDED.key);
    expect(replay.status).toBe(200);
    const steps = (await replay.json()) as { turns: { turn: number }[]; final: { ended: unknown } };
    expect(steps.turns.map((t) => t.turn)).toEqual([1, 2, 3, 4]);
    expect(steps.final.ended).toEqual({ reason: 'general_nuclear_war', turn: 4 });
  });
});
