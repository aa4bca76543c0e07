// The match journal: every accepted command, bot move, timer expiry, facilitator action and
// adjudication is appended, in order, with a hash of the state it produced, before anyone is told.
// A snapshot of the whole state is kept at the start of each turn, so a match is restored from its
// latest snapshot plus the entries after it. SQLite stores it (SqliteJournal); tests may use memory.
// Each match records the state format its journal is written in (docs/PROTOCOL.md, section 7).
import { type GameState, type PolicyName, STATE_FORMAT, type Timers } from '../../shared/index.js';
import type { ClockState } from '../match/clock.js';

/** `migrate` marks where a match journaled in an older state format goes on in today's. */
export const ENTRY_KINDS = [
  'create',
  'start',
  'command',
  'bot',
  'timeout',
  'advance',
  'chat',
  'seating',
  'migrate',
] as const;
export type EntryKind = (typeof ENTRY_KINDS)[number];

export interface JournalEntry {
  /** 1, 2, 3 … within one match. */
  seq: number;
  /** Server time in ms. */
  at: number;
  kind: EntryKind;
  /** The acting seat, or null for the room clock. */
  seat: string | null;
  /** The parsed command or option, exactly as applied. */
  payload: unknown;
  /**
   * The engine state after this entry: the FNV-1a hash of its JSON where a snapshot is taken (once a
   * turn), else a cheap check (`c:` and a hash of the generator, the phase and what commands touch).
   * Journals written before the cheap check carry the full hash on every entry; both are checked.
   */
  hash: string;
}

/** How a match was set up: with the scenario id, enough to create it again. */
export interface MatchSetupRecord {
  scenarioId: string;
  seed: number;
  showMath: boolean;
  facilitatorReview: boolean;
  timers: Partial<Timers>;
  bots: Partial<Record<string, PolicyName>>;
}

/** The room's own secrets, kept so players and the White Cell get back in after a restart. */
export interface RoomRecord {
  facilitatorKey: string;
  reconnectSeconds: number;
  /** Reclaim key → seat. */
  reclaimKeys: Record<string, string>;
}

export type MatchStatus = 'open' | 'ended' | 'closed';

export interface JournaledMatch {
  id: string;
  code: string;
  setup: MatchSetupRecord;
  room: RoomRecord;
  status: MatchStatus;
  createdAt: number;
  /** The last time the server was known to run this match: a restore extends deadlines by the gap. */
  aliveAt: number;
  /** Whether the after-action review is open to anyone with the link. */
  publicAar: boolean;
  /**
   * The state format its journal is written in from its latest snapshot on (STATE_FORMAT for a new
   * match; 1 for one journaled before formats were numbered, until a restore migrates it).
   */
  format: number;
}

/** What a new match's record starts from: the journal fills in the rest. */
export type NewMatch = Omit<JournaledMatch, 'status' | 'aliveAt' | 'publicAar' | 'format'>;

/** The session as it stood after entry `seq`: what a restore starts from. */
export interface JournalSnapshot {
  seq: number;
  turn: number;
  status: 'lobby' | 'playing' | 'ended';
  state: GameState;
  clock: ClockState;
  bots: Partial<Record<string, PolicyName>>;
}

export interface MatchJournal {
  /** Records a new match, journaled in today's state format. */
  begin(match: NewMatch): void;
  /** Appends an entry (and a snapshot when given) in one transaction; returns it with its number. */
  append(matchId: string, entry: Omit<JournalEntry, 'seq'>, snapshot?: Omit<JournalSnapshot, 'seq'>): JournalEntry;
  entries(matchId: string, afterSeq?: number): JournalEntry[];
  /** The number of the match's last entry (0 when it has none): what a cached record is good for. */
  lastSeq(matchId: string): number;
  latestSnapshot(matchId: string): JournalSnapshot | null;
  /** The snapshot taken at the match's creation (its starting state). */
  firstSnapshot(matchId: string): JournalSnapshot | null;
  /** The snapshot at the start of `turn`, or null if the match never reached it. */
  turnSnapshot(matchId: string, turn: number): JournalSnapshot | null;
  /** Every snapshot of the match, in order: a record of an older format's match restarts at each. */
  snapshots(matchId: string): JournalSnapshot[];
  match(matchId: string): JournaledMatch | null;
  /** Matches whose room was up when the server stopped (running, or over with people on the debrief). */
  withRoomUp(): JournaledMatch[];
  saveRoom(matchId: string, room: RoomRecord): void;
  alive(matchId: string, now: number): void;
  setStatus(matchId: string, status: MatchStatus): void;
  setPublic(matchId: string, open: boolean): void;
  /** The match's journal goes on in state format `format` (after a migration). */
  setFormat(matchId: string, format: number): void;
  /** The match's room is gone: it is not restored, and an unfinished match is closed. */
  close(matchId: string): void;
}

/** For tests of the session alone: the same contract, kept in memory. */
export class MemoryJournal implements MatchJournal {
  private readonly matches = new Map<string, JournaledMatch>();
  private readonly byMatch = new Map<string, JournalEntry[]>();
  private readonly byMatchSnapshots = new Map<string, JournalSnapshot[]>();

  begin(match: NewMatch): void {
    this.matches.set(match.id, {
      ...match,
      status: 'open',
      aliveAt: match.createdAt,
      publicAar: false,
      format: STATE_FORMAT,
    });
  }

  append(matchId: string, entry: Omit<JournalEntry, 'seq'>, snapshot?: Omit<JournalSnapshot, 'seq'>): JournalEntry {
    const list = this.byMatch.get(matchId) ?? [];
    const full = { ...entry, seq: list.length + 1 };
    list.push(full);
    this.byMatch.set(matchId, list);
    if (snapshot)
      this.byMatchSnapshots.set(matchId, [
        ...(this.byMatchSnapshots.get(matchId) ?? []),
        { ...snapshot, seq: full.seq },
      ]);
    return full;
  }

  entries(matchId: string, afterSeq = 0): JournalEntry[] {
    return (this.byMatch.get(matchId) ?? []).filter((e) => e.seq > afterSeq);
  }

  lastSeq(matchId: string): number {
    return this.byMatch.get(matchId)?.at(-1)?.seq ?? 0;
  }

  latestSnapshot(matchId: string): JournalSnapshot | null {
    return this.byMatchSnapshots.get(matchId)?.at(-1) ?? null;
  }

  firstSnapshot(matchId: string): JournalSnapshot | null {
    return this.byMatchSnapshots.get(matchId)?.[0] ?? null;
  }

  turnSnapshot(matchId: string, turn: number): JournalSnapshot | null {
    return this.byMatchSnapshots.get(matchId)?.find((s) => s.turn === turn) ?? null;
  }

  snapshots(matchId: string): JournalSnapshot[] {
    return [...(this.byMatchSnapshots.get(matchId) ?? [])];
  }

  match(matchId: string): JournaledMatch | null {
    return this.matches.get(matchId) ?? null;
  }

  private readonly roomDown = new Set<string>();

  withRoomUp(): JournaledMatch[] {
    return [...this.matches.values()].filter((m) => !this.roomDown.has(m.id));
  }

  saveRoom(matchId: string, room: RoomRecord): void {
    const m = this.matches.get(matchId);
    if (m) m.room = room;
  }

  alive(matchId: string, now: number): void {
    const m = this.matches.get(matchId);
    if (m) m.aliveAt = now;
  }

  setStatus(matchId: string, status: MatchStatus): void {
    const m = this.matches.get(matchId);
    if (m) m.status = status;
  }

  setPublic(matchId: string, open: boolean): void {
    const m = this.matches.get(matchId);
    if (m) m.publicAar = open;
  }

  setFormat(matchId: string, format: number): void {
    const m = this.matches.get(matchId);
    if (m) m.format = format;
  }

  close(matchId: string): void {
    const m = this.matches.get(matchId);
    this.roomDown.add(matchId);
    if (m && m.status === 'open') m.status = 'closed';
  }
}

/** FNV-1a, 32 bits, hex: cheap and stable, enough to prove two states are the same. */
export const stateHash = (value: unknown): string => {
  const text = JSON.stringify(value);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
};

/** What an entry without a snapshot records: the parts of the state a step moves, hashed. */
export const entryCheck = (s: GameState): string =>
  `c:${stateHash([s.rng, s.turn, s.phase, s.adjudicated, s.ended, s.ready, s.moves, s.guarantorAnswers, s.allyAnswers, s.nuclearSteps, Object.keys(s.allocations), s.statements.length, s.history.length, s.missed, s.settings])}`;

/** Whether a state is the one an entry's hash or cheap check recorded. */
export const reproduces = (recorded: string, state: GameState): boolean =>
  recorded.startsWith('c:') ? recorded === entryCheck(state) : recorded === stateHash(state);
