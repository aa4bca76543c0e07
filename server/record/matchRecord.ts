// A match's full record for the after-action review and export: its setup, starting snapshot and
// every journal entry, plus what the replay derives (the series over turns and the timeline of
// decisions). The same replay reads an exported record back, so an export re-imports exactly.
// A match journaled in an older state format replays under today's rules from its migrated
// snapshots: each turn starts as it was played, and what happened within a turn is today's rules'
// reading of the same commands (docs/PROTOCOL.md, section 7).
import { z } from 'zod';
import { type GameEvent, type GameState, STATE_FORMAT, scenarioById } from '../../shared/index.js';
import { stateFormatOf } from '../../shared/record/migrate.js';
import { SeriesCollector, type TurnPoint, turnPoint } from '../../shared/record/series.js';
import { RECORD_STATUSES, type TimelineItem } from '../../shared/record/timeline.js';
import {
  ENTRY_KINDS,
  type JournalEntry,
  type MatchJournal,
  type JournaledMatch,
  MemoryJournal,
  type JournalSnapshot,
  stateHash,
} from '../journal/MatchJournal.js';
import { MatchSession } from '../match/MatchSession.js';

/** Events that make the decision timeline (phase changes and readiness are left out). */
const TIMELINE_KINDS = new Set<GameEvent['kind']>([
  'statement',
  'default_applied',
  'card_fired',
  'intel_reveal',
  'crisis',
  'override',
  'adjudicated',
  'match_ended',
  'settings_changed',
]);
/** Accepted commands worth a line: the decisions, not the bookkeeping. */
const DECISION_COMMANDS = new Set(['move', 'answer_guarantee', 'answer_ally', 'inject', 'inject_custom', 'override']);

const EntrySchema = z.object({
  seq: z.int().min(1),
  at: z.number(),
  kind: z.enum(ENTRY_KINDS),
  seat: z.string().nullable(),
  payload: z.unknown(),
  hash: z.string(),
});

const SnapshotSchema = z.object({
  seq: z.int(),
  turn: z.int(),
  status: z.enum(['lobby', 'playing', 'ended']),
  state: z.unknown(),
  clock: z.object({
    key: z.string(),
    startedAt: z.number(),
    pausedAt: z.number().nullable(),
    pausedFor: z.number(),
  }),
  bots: z.record(z.string(), z.string()),
});

export const ExportedRecordSchema = z.object({
  format: z.literal('guarantor-match-record'),
  version: z.literal(1),
  match: z.object({
    id: z.string(),
    code: z.string(),
    status: z.enum(RECORD_STATUSES),
    createdAt: z.number(),
    publicAar: z.boolean(),
  }),
  setup: z.object({
    scenarioId: z.string(),
    seed: z.int(),
    showMath: z.boolean(),
    facilitatorReview: z.boolean(),
    timers: z.record(z.string(), z.number().nullable()),
    bots: z.record(z.string(), z.string()),
  }),
  initial: SnapshotSchema,
  entries: z.array(EntrySchema),
  snapshots: z.array(SnapshotSchema).optional(),
  series: z.array(z.unknown()),
  timeline: z.array(z.unknown()),
  finalHash: z.string(),
});

export interface ExportedRecord {
  format: 'guarantor-match-record';
  version: 1;
  match: Pick<JournaledMatch, 'id' | 'code' | 'status' | 'createdAt' | 'publicAar'>;
  setup: JournaledMatch['setup'];
  initial: JournalSnapshot;
  entries: JournalEntry[];
  /**
   * Only for a match journaled in an older state format: the later snapshots its replay restarts
   * from, up to the first in today's format (after which every entry's hash is checked).
   */
  snapshots?: JournalSnapshot[];
  series: TurnPoint[];
  timeline: TimelineItem[];
  /** Hash of the state after the last entry. */
  finalHash: string;
}

export interface Replayed {
  series: TurnPoint[];
  timeline: TimelineItem[];
  final: GameState;
  /** The state at the start of each turn reached, for the client's step-by-step replay. */
  turns: { turn: number; seq: number; state: GameState }[];
}

/**
 * Replays a match from its starting snapshot through its entries (each hash checked), restarting
 * from `snapshots` where the journal is of an older state format (MatchSession.replayEntries).
 */
export const replayMatch = (
  setup: JournaledMatch['setup'],
  matchId: string,
  initial: JournalSnapshot,
  entries: readonly JournalEntry[],
  snapshots: readonly JournalSnapshot[] = [],
): Replayed => {
  const scenario = scenarioById(setup.scenarioId);
  if (!scenario) throw new Error(`scenario "${setup.scenarioId}" is not on this server`);
  const { scenarioId: _id, ...rest } = setup;
  const session = MatchSession.fromSnapshot({ ...rest, matchId, scenario }, new MemoryJournal(), initial);
  const collector = new SeriesCollector();
  const timeline: TimelineItem[] = [];
  const turns: Replayed['turns'] = [];
  const restarts = new Map(snapshots.map((s) => [s.seq, s]));
  session.replayEntries(
    entries,
    (entry, state, events, resynced) => {
      collector.see(state);
      // A turn that starts from its snapshot starts as it was played, after the adjudication as played.
      const turnStart = resynced && state.phase === 'briefing';
      if (turns.at(-1)?.turn !== state.turn) turns.push({ turn: state.turn, seq: entry.seq, state });
      else if (turnStart) turns[turns.length - 1] = { turn: state.turn, seq: entry.seq, state };
      const last = collector.points.length - 1;
      if (turnStart && last > 0 && collector.points[last]?.turn === state.adjudicated)
        collector.points[last] = turnPoint(state, state.adjudicated);
      const command = (entry.payload as { type?: string; reason?: string } | null)?.type ?? '';
      for (const event of events) {
        const decision = event.kind === 'command_accepted' && DECISION_COMMANDS.has(command);
        if (!decision && !TIMELINE_KINDS.has(event.kind)) continue;
        timeline.push({
          seq: entry.seq,
          at: entry.at,
          turn: event.turn,
          seat: entry.seat,
          kind: event.kind,
          text: event.text,
          ...(event.kind === 'override' && command === 'override'
            ? { overrideReason: (entry.payload as { reason: string }).reason }
            : {}),
          ...(event.data ? { data: event.data } : {}),
        });
      }
    },
    restarts,
  );
  return { series: collector.points, timeline, final: session.state, turns };
};

/**
 * The snapshots a replay from `initial` restarts at: none when it is in today's format; else every
 * later one up to the first in today's format (a migration's), which the rest is checked from.
 */
export const restartsAfter = (initial: JournalSnapshot, all: readonly JournalSnapshot[]): JournalSnapshot[] => {
  if (stateFormatOf(initial.state) === STATE_FORMAT) return [];
  const later = all.filter((s) => s.seq > initial.seq);
  const current = later.findIndex((s) => stateFormatOf(s.state) === STATE_FORMAT);
  return current < 0 ? later : later.slice(0, current + 1);
};

/** What a journaled match replays from: its starting snapshot, its entries, and its restarts. */
export const journaled = (
  journal: MatchJournal,
  matchId: string,
): { initial: JournalSnapshot; entries: JournalEntry[]; snapshots: JournalSnapshot[] } | null => {
  const initial = journal.firstSnapshot(matchId);
  if (!initial) return null;
  const entries = journal.entries(matchId, initial.seq - 1);
  const old = stateFormatOf(initial.state) !== STATE_FORMAT;
  return { initial, entries, snapshots: old ? restartsAfter(initial, journal.snapshots(matchId)) : [] };
};

/** Everything about one journaled match, replayed and checked. Throws if the journal is damaged. */
export const buildRecord = (journal: MatchJournal, matchId: string): ExportedRecord | null => {
  const match = journal.match(matchId);
  const found = journaled(journal, matchId);
  if (!match || !found) return null;
  const { initial, entries, snapshots } = found;
  const replayed = replayMatch(match.setup, matchId, initial, entries, snapshots);
  return {
    format: 'guarantor-match-record',
    version: 1,
    match: {
      id: match.id,
      code: match.code,
      status: match.status,
      createdAt: match.createdAt,
      publicAar: match.publicAar,
    },
    setup: match.setup,
    initial,
    entries,
    ...(snapshots.length > 0 ? { snapshots } : {}),
    series: replayed.series,
    timeline: replayed.timeline,
    finalHash: stateHash(replayed.final),
  };
};

/** Reads an exported record back: its journal must replay to the hash it claims. */
export const importRecord = (input: unknown): { record: ExportedRecord; replayed: Replayed } => {
  const parsed = ExportedRecordSchema.safeParse(input);
  if (!parsed.success)
    throw new Error(
      `not a match record: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`,
    );
  const record = parsed.data as unknown as ExportedRecord;
  const replayed = replayMatch(record.setup, record.match.id, record.initial, record.entries, record.snapshots);
  if (stateHash(replayed.final) !== record.finalHash)
    throw new Error('the record does not replay to the state it claims');
  return { record, replayed };
};
