// The match record: JSON and CSV exports behind the facilitator key, the JSON re-importing into an
// identical replay, a public after-action review, the White Cell's list of its matches, and a
// what-if branch from a recorded turn.
import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../../shared/index.js';
import { stateHash } from '../../server/journal/MatchJournal.js';
import { journal } from '../../server/journal/journalStore.js';
import { MatchSession } from '../../server/match/MatchSession.js';
import { type ExportedRecord, importRecord } from '../../server/record/matchRecord.js';
import { exportsBuilt } from '../../server/web/recordCache.js';
import { HOST_TOKEN, nextMessage, stateOf, testPort, until, useTestServer, viewOf } from './helpers.js';

const server = useTestServer();
const url = (path: string) => `http://localhost:${testPort()}${path}`;
const classroom = SCENARIOS['classroom'];
if (!classroom) throw new Error('classroom missing');

/** A whole bot match journaled straight into the server's journal, as a room would. */
const recordedMatch = (id: string, key: string) => {
  const setup = {
    matchId: id,
    scenario: classroom,
    seed: 9,
    showMath: true,
    facilitatorReview: false,
    timers: {},
    bots: {},
  };
  journal().begin({
    id,
    code: `C${id}`.slice(0, 8).toUpperCase(),
    setup: { ...setup, scenarioId: 'classroom' },
    room: { facilitatorKey: key, reconnectSeconds: 120, reclaimKeys: {} },
    createdAt: 0,
  });
  const session = MatchSession.create(setup, journal(), 0);
  session.start(new Set(), 0);
  let now = 0;
  for (let i = 0; i < 300 && session.status === 'playing'; i++) session.tick((now = session.deadline ?? now));
  expect(session.status).toBe('ended');
  return session;
};

const get = (path: string, key?: string) => fetch(url(path), key ? { headers: { 'X-Facilitator-Key': key } } : {});

describe('exports', () => {
  it('the JSON holds the journal and series, and re-imports into an identical replay', async () => {
    const session = recordedMatch('rec-json', 'key-json');
    const res = await get('/api/matches/rec-json/record.json', 'key-json');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="guarantor-.*\.json"/);
    const record = (await res.json()) as ExportedRecord;
    expect(record.finalHash).toBe(stateHash(session.state));
    expect(record.series.map((p) => p.turn)).toEqual([...Array(classroom.turns + 1).keys()]);
    expect(record.timeline.some((t) => t.kind === 'adjudicated')).toBe(true);
    const back = importRecord(JSON.parse(JSON.stringify(record)));
    expect(stateHash(back.replayed.final)).toBe(stateHash(session.state));
    expect(back.replayed.series).toEqual(record.series);
  });

  it('each export is built once per state of its journal, however often it is asked for', async () => {
    const session = recordedMatch('rec-cache', 'key-cache');
    const before = exportsBuilt();
    const bodies = [];
    for (let i = 0; i < 5; i++)
      bodies.push(await (await get('/api/matches/rec-cache/record.json', 'key-cache')).text());
    expect(new Set(bodies).size).toBe(1);
    expect(exportsBuilt() - before).toBe(1);
    // A new entry (a chat line on the debrief) is a new state: the next export shows it.
    session.note('chat', 'facilitator', { text: 'well played' }, 1);
    const after = await (await get('/api/matches/rec-cache/record.json', 'key-cache')).text();
    expect(exportsBuilt() - before).toBe(2);
    expect(after).not.toBe(bodies[0]);
  });

  it('a record whose journal was edited does not re-import, and says which entry', async () => {
    recordedMatch('rec-edit', 'key-edit');
    const record = (await (await get('/api/matches/rec-edit/record.json', 'key-edit')).json()) as ExportedRecord;
    const bot = record.entries.findIndex(
      (e) => e.kind === 'bot' && (e.payload as { type: string }).type === 'allocate',
    );
    const edited = structuredClone(record);
    const target = edited.entries[bot];
    if (!target) throw new Error('no bot allocation');
    target.hash = '00000000';
    expect(() => importRecord(edited)).toThrow(new RegExp(`entry ${target.seq} \\(bot\\) does not reproduce`));
    expect(() => importRecord({ ...record, format: 'something else' })).toThrow(/not a match record: format/);
  });

  it('the CSV has one row per turn per nation, per guarantee and per theater', async () => {
    recordedMatch('rec-csv', 'key-csv');
    const res = await get('/api/matches/rec-csv/record.csv', 'key-csv');
    expect(res.headers.get('content-type')).toMatch(/text\/csv/);
    const lines = (await res.text()).trim().split('\n');
    expect(lines[0]).toBe(
      'turn,subject_kind,subject,defense_share_pct,consensus,capability,gdp,score,credibility,commitment,rung',
    );
    const perTurn = classroom.nations.length + classroom.guarantees.length + classroom.regions.length;
    expect(lines).toHaveLength(1 + (classroom.turns + 1) * perTurn);
    expect(lines.filter((l) => l.startsWith(`${classroom.turns},guarantee,`))).toHaveLength(
      classroom.guarantees.length,
    );
  });
});

describe('replay', () => {
  it("gives the White Cell's picture at the start of every turn and at the end", async () => {
    const session = recordedMatch('rec-replay', 'key-replay');
    expect((await get('/api/matches/rec-replay/replay.json')).status).toBe(403);
    const replay = (await (await get('/api/matches/rec-replay/replay.json', 'key-replay')).json()) as {
      turns: { turn: number; view: { turn: number; phase: string; viewer: string } }[];
      final: { ended: unknown; scores: unknown };
    };
    expect(replay.turns.map((t) => t.turn)).toEqual([...Array(classroom.turns).keys()].map((i) => i + 1));
    expect(replay.turns.every((t) => t.view.turn === t.turn && t.view.viewer === 'facilitator')).toBe(true);
    expect(replay.final.ended).toEqual(session.state.ended);
    expect(replay.final.scores).toEqual(session.state.scores);
  });
});

describe('who may read a record', () => {
  it('needs the facilitator key until the White Cell makes it public', async () => {
    recordedMatch('rec-auth', 'key-auth');
    expect((await get('/api/matches/rec-auth/record.json')).status).toBe(403);
    expect((await get('/api/matches/rec-auth/record.json', 'not-the-key')).status).toBe(403);
    expect((await get('/api/matches/nope/record.json', 'key-auth')).status).toBe(404);
    const open = (body: unknown, key?: string) =>
      fetch(url('/api/matches/rec-auth/public'), {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(key ? { 'X-Facilitator-Key': key } : {}) },
        body: JSON.stringify(body),
      });
    expect((await open({ public: true })).status).toBe(403);
    expect((await open({ public: 'yes' }, 'key-auth')).status).toBe(400);
    expect((await open({ public: true }, 'key-auth')).status).toBe(200);
    expect((await get('/api/matches/rec-auth/record.csv')).status).toBe(200);
  });

  it("lists a White Cell's past matches for the keys it holds, and no others", async () => {
    recordedMatch('rec-mine-a', 'key-a');
    recordedMatch('rec-mine-b', 'key-b');
    const res = await fetch(url('/api/matches/mine'), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        matches: [
          { id: 'rec-mine-a', key: 'key-a' },
          { id: 'rec-mine-b', key: 'key-a' },
        ],
      }),
    });
    const list = (await res.json()) as { id: string; status: string }[];
    expect(list.map((m) => m.id)).toEqual(['rec-mine-a']);
    expect(list[0]?.status).toBe('ended');
  });
});

describe('branching', () => {
  it('starts a new match, with a new code, from a recorded turn; only with the key', async () => {
    recordedMatch('rec-branch', 'key-branch');
    const turn4 = journal().turnSnapshot('rec-branch', 4);
    const options = { scenario: 'classroom', name: 'T', hostToken: HOST_TOKEN };
    await expect(
      server().sdk.create('crisis', { ...options, branch: { matchId: 'rec-branch', turn: 4, facilitatorKey: 'x' } }),
    ).rejects.toThrow(/branch: no recorded match "rec-branch" with that facilitator key/);
    await expect(
      server().sdk.create('crisis', {
        ...options,
        branch: { matchId: 'rec-branch', turn: 40, facilitatorKey: 'key-branch' },
      }),
    ).rejects.toThrow(/never reached turn 40/);
    const host = await server().sdk.create('crisis', {
      ...options,
      branch: { matchId: 'rec-branch', turn: 4, facilitatorKey: 'key-branch' },
    });
    const welcome = await nextMessage<{ code: string }>(host, 'welcome');
    await until(() => stateOf(host).turn === 4, 'the branched state');
    expect(welcome.code).toMatch(/^[2-9A-HJKMNP-Z]{8}$/);
    expect(welcome.code).not.toBe(journal().match('rec-branch')?.code);
    expect(stateOf(host).status).toBe('lobby');
    expect(viewOf(host, 'facilitator').nations).toEqual(turn4?.state.nations);
    host.send('start');
    await until(() => stateOf(host).status === 'playing', 'the start');
    host.send('command', { type: 'advance_phase' });
    await until(() => stateOf(host).phase !== 'briefing', 'the next phase');
    expect(stateOf(host).turn).toBe(4);
  });
});
