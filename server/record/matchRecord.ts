// A match's full record for the after-action review and export: its setup, starting snapshot and
// every journal entry, plus what the replay derives (the series over turns and the timeline of
// decisions). The same replay reads an exported record back, so an export re-imports exactly.
import { z } from 'zod';
import { type GameEvent, type GameState, scenarioById } from '../../shared/index.js';
import { SeriesCollector, type TurnPoint } from '../../shared/record/series.js';
import { RECORD_STATUSES, type TimelineItem } from '../../shared/record/timeline.js';
import {
  ENTRY_KINDS,
  type JournalEntry,
  type MatchJournal,
  type MatchRecord,
  MemoryJournal,
  type Snapshot,
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
  initial: z.object({
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
  }),
  entries: z.array(EntrySchema),
  series: z.array(z.unknown()),
  timeline: z.array(z.unknown()),
  finalHash: z.string(),
});

export interface ExportedRecord {
  format: 'guarantor-match-record';
  version: 1;
  match: Pick<MatchRecord, 'id' | 'code' | 'status' | 'createdAt' | 'publicAar'>;
  setup: MatchRecord['setup'];
  initial: Snapshot;
  entries: JournalEntry[];
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

/** Replays a match from its starting snapshot through its entries (each hash checked). */
export const replayMatch = (
  setup: MatchRecord['setup'],
  matchId: string,
  initial: Snapshot,
  entries: readonly JournalEntry[],
): Replayed => {
  const scenario = scenarioById(setup.scenarioId);
  if (!scenario) throw new Error(`scenario "${setup.scenarioId}" is not on this server`);
  const { scenarioId: _id, ...rest } = setup;
  const session = MatchSession.fromSnapshot({ ...rest, matchId, scenario }, new MemoryJournal(), initial);
  const collector = new SeriesCollector();
  const timeline: TimelineItem[] = [];
  const turns: Replayed['turns'] = [];
  session.replayEntries(entries, (entry, state, events) => {
    collector.see(state);
    if (turns.at(-1)?.turn !== state.turn) turns.push({ turn: state.turn, seq: entry.seq, state });
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
  });
  return { series: collector.points, timeline, final: session.state, turns };
};

/** Everything about one journaled match, replayed and checked. Throws if the journal is damaged. */
export const buildRecord = (journal: MatchJournal, matchId: string): ExportedRecord | null => {
  const match = journal.match(matchId);
  const initial = journal.firstSnapshot(matchId);
  if (!match || !initial) return null;
  const entries = journal.entries(matchId, initial.seq - 1);
  const replayed = replayMatch(match.setup, matchId, initial, entries);
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
  const replayed = replayMatch(record.setup, record.match.id, record.initial, record.entries);
  if (stateHash(replayed.final) !== record.finalHash)
    throw new Error('the record does not replay to the state it claims');
  return { record, replayed };
};
