// The match record over HTTP: the after-action review's data, JSON and CSV exports, opening the
// review to the public, and the White Cell's list of its past matches. The facilitator key opens a
// match's record (header X-Facilitator-Key, or ?key= for a plain download link); a public record
// needs none.
import express, { type Express, type Request, type Response } from 'express';
import { z } from 'zod';
import { sameSecret } from '../access/sameSecret.js';
import { seriesCsv } from '../../shared/record/series.js';
import { journal } from '../journal/journalStore.js';
import type { JournaledMatch } from '../journal/MatchJournal.js';
import { type ExportedRecord, buildRecord, journaled, replayMatch } from '../record/matchRecord.js';
import { cachedExport } from './recordCache.js';
import { quoted, viewFor } from '../../shared/index.js';

const keyOf = (req: Request): string => {
  const header = req.get('x-facilitator-key');
  const query = typeof req.query['key'] === 'string' ? req.query['key'] : '';
  return header ?? query;
};

/** The match if this request may read it; otherwise answers 404/403 and returns null. */
const readable = (req: Request, res: Response, needKey = false): JournaledMatch | null => {
  const id = String(req.params['id'] ?? '');
  const match = journal().match(id);
  if (!match) {
    res.status(404).json({ error: `no recorded match ${quoted(id)}` });
    return null;
  }
  const holdsKey = sameSecret(keyOf(req), match.room.facilitatorKey);
  if (holdsKey || (!needKey && match.publicAar)) return match;
  res.status(403).json({ error: 'this record needs the facilitator key of its match' });
  return null;
};

/**
 * An export of the match, built once per state of its journal and of the match's own fields
 * (status, public), which the export shows (recordCache.ts); a damaged journal is a 500 that names
 * the bad entry, not a crash.
 */
const exportOr500 = (res: Response, kind: string, match: JournaledMatch, build: () => string): string | null => {
  try {
    const version = `${kind} ${match.status} ${match.publicAar}`;
    return cachedExport(version, match.id, journal().lastSeq(match.id), build);
  } catch (e) {
    res.status(500).json({ error: e instanceof Error ? e.message : String(e) });
    return null;
  }
};

/** The match's exported record (throws when its journal has no starting snapshot). */
const recordOf = (match: JournaledMatch): ExportedRecord => {
  const record = buildRecord(journal(), match.id);
  if (!record) throw new Error(`match ${match.id} has no starting snapshot`);
  return record;
};

/** The White Cell's view at the start of each turn, and now, replayed from the journal. */
const replayOf = (match: JournaledMatch): string => {
  const found = journaled(journal(), match.id);
  if (!found) throw new Error(`match ${match.id} has no starting snapshot`);
  const replayed = replayMatch(match.setup, match.id, found.initial, found.entries, found.snapshots);
  return JSON.stringify({
    id: match.id,
    code: match.code,
    scenarioId: match.setup.scenarioId,
    status: match.status,
    turns: replayed.turns.map((t) => ({ turn: t.turn, seq: t.seq, view: viewFor(t.state, 'facilitator') })),
    final: viewFor(replayed.final, 'facilitator'),
  });
};

const MineSchema = z.strictObject({
  matches: z.array(z.strictObject({ id: z.string().max(64), key: z.string().max(64) })).max(200),
});

export const mountRecords = (app: Express): void => {
  app.get('/api/matches/:id/record.json', (req, res) => {
    const match = readable(req, res);
    const body = match && exportOr500(res, 'record.json', match, () => JSON.stringify(recordOf(match)));
    if (!body) return;
    res
      .set('Content-Disposition', `attachment; filename="guarantor-${match.code}.json"`)
      .set('Cache-Control', 'no-store')
      .type('json')
      .send(body);
  });
  app.get('/api/matches/:id/record.csv', (req, res) => {
    const match = readable(req, res);
    const body = match && exportOr500(res, 'record.csv', match, () => seriesCsv(recordOf(match).series));
    if (!body) return;
    res
      .set('Content-Disposition', `attachment; filename="guarantor-${match.code}.csv"`)
      .set('Cache-Control', 'no-store')
      .type('text/csv')
      .send(body);
  });
  // Step-by-step replay: the whole picture (the White Cell's view) at the start of each turn, and now.
  app.get('/api/matches/:id/replay.json', (req, res) => {
    const match = readable(req, res);
    const body = match && exportOr500(res, 'replay.json', match, () => replayOf(match));
    if (!body) return;
    res.set('Cache-Control', 'no-store').type('json').send(body);
  });
  app.post('/api/matches/:id/public', express.json({ limit: '1kb' }), (req, res) => {
    const match = readable(req, res, true);
    if (!match) return;
    const parsed = z.strictObject({ public: z.boolean() }).safeParse(req.body);
    if (!parsed.success) {
      res.status(400).json({ error: 'send { "public": true } or { "public": false }' });
      return;
    }
    journal().setPublic(match.id, parsed.data.public);
    res.json({ id: match.id, public: parsed.data.public });
  });
  // The browser keeps the keys of the matches it ran; it asks which of them the server still has.
  app.post('/api/matches/mine', express.json({ limit: '32kb' }), (req, res) => {
    const parsed = MineSchema.safeParse(req.body);
    if (!parsed.success) {
      res.status(400).json({ error: 'send { "matches": [{ "id", "key" }] }' });
      return;
    }
    const found = parsed.data.matches
      .map(({ id, key }) => ({ key, match: journal().match(id) }))
      .filter(({ key, match }) => match && sameSecret(key, match.room.facilitatorKey))
      .map(({ match }) => match as JournaledMatch)
      .map((m) => ({
        id: m.id,
        code: m.code,
        scenarioId: m.setup.scenarioId,
        status: m.status,
        createdAt: m.createdAt,
        publicAar: m.publicAar,
      }));
    res.json(found);
  });
};
