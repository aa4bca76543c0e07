// One match on the server, without any networking: the engine state, who plays which seat (human
// or bot), the phase clock and the journal. The room hands it parsed intents and copies its state
// out; every rule decision is the shared engine's. Every step is journaled before the room tells
// anyone, and a session can be rebuilt from its journal after a crash, also from a journal written
// in an older state format (migrated, then continued in today's: docs/PROTOCOL.md, section 7).
import {
  type GameEvent,
  type GameState,
  type Match,
  type MatchInput,
  type MatchStatus,
  type PolicyName,
  type Result,
  type Scenario,
  type Timers,
  botPlays,
  commandInput,
  entryOf,
  inputOf,
  ok,
  openMatch,
  settleMatch,
  startingBots,
  stepMatch,
  STATE_FORMAT,
} from '../../shared/index.js';
import { migrateState, stateFormatOf } from '../../shared/record/migrate.js';
import { serverLog } from '../access/boundedLog.js';
import {
  type EntryKind,
  type JournalEntry,
  type MatchJournal,
  type JournalSnapshot,
  entryCheck,
  reproduces,
  stateHash,
} from '../journal/MatchJournal.js';
import { PhaseClock, matchClock } from './clock.js';

export interface SessionSetup {
  matchId: string;
  scenario: Scenario;
  seed: number;
  showMath: boolean;
  facilitatorReview: boolean;
  timers: Partial<Timers>;
  /** Bot policy per nation seat; a seat left out waits for a human (a bot takes it if none comes). */
  bots: Partial<Record<string, PolicyName>>;
}

/**
 * Sees each replayed entry with the state it produced and the engine's events for it; `resynced`
 * when the state is instead the snapshot journaled after the entry (older-format stretches).
 */
export type ReplayStep = (
  entry: JournalEntry,
  state: GameState,
  events: readonly GameEvent[],
  resynced: boolean,
) => void;

/** An entry of an older state format that today's rules refused on replay: left out, and said so. */
export interface SkippedEntry {
  seq: number;
  kind: EntryKind;
  why: string;
}

export interface RestoreOptions {
  /** When the restore happens (the migration marker's time); the match clock by default. */
  now?: number;
  /** Where the lines about a migration go; the server's bounded log by default. */
  log?: (line: string) => void;
}

/** Skipped entries named one per line in a restore's log; the rest are counted in one more line. */
const SKIPS_LOGGED = 20;
/** The most of a refusal's reason quoted in a log line. */
const WHY_CHARS = 160;

export class MatchSession {
  /** The match as the one loop (shared/match) moves it: state, status and bots. */
  private match: Match;
  private readonly clock = new PhaseClock();
  /** Turn 1's opening events (its phase and cards), sent when the match starts. */
  private opening: GameEvent[] = [];
  private snapshotTurn = 0;
  /**
   * The state format of the snapshot the state came from. Entries journaled after a snapshot of
   * an older format were hashed under older rules: they are replayed without the hash check.
   */
  private loadedFormat: number = STATE_FORMAT;
  /** Whether the journal already has the match as ended. */
  private endJournaled = false;

  private constructor(
    readonly setup: SessionSetup,
    private readonly journal: MatchJournal,
  ) {
    const opened = openMatch(
      setup.scenario,
      setup.seed,
      { showMath: setup.showMath, facilitatorReview: setup.facilitatorReview, timers: setup.timers },
      setup.bots,
    );
    if (!opened.ok) throw new Error(opened.error.message);
    this.match = opened.value.match;
    this.opening = opened.value.events;
  }

  get state(): GameState {
    return this.match.state;
  }

  get status(): MatchStatus {
    return this.match.status;
  }

  get bots(): Readonly<Partial<Record<string, PolicyName>>> {
    return this.match.bots;
  }

  /** A new match: created in the lobby and journaled from its first entry. */
  static create(setup: SessionSetup, journal: MatchJournal, now: number): MatchSession {
    const session = new MatchSession(setup, journal);
    session.record('create', null, { scenario: setup.scenario.id, seed: setup.seed }, now);
    return session;
  }

  /**
   * Rebuilds a journaled match: its latest snapshot, then every later entry applied again and
   * checked against the hash it recorded. Deadlines move on by `downtime` ms. Throws an Error
   * naming the first entry that cannot be read or does not reproduce its hash.
   *
   * A snapshot of an older state format is migrated; the entries after it (acknowledged, but
   * hashed under the old rules) are applied under today's rules without the hash check, any one
   * refused is skipped with a log line, and a `migrate` entry with a snapshot in today's format is
   * journaled: the match goes on in today's format, and the next restore is checked in full.
   */
  static restore(
    setup: SessionSetup,
    journal: MatchJournal,
    downtime: number,
    options: RestoreOptions = {},
  ): MatchSession {
    const snapshot = journal.latestSnapshot(setup.matchId);
    if (!snapshot) throw new Error(`match ${setup.matchId}: no snapshot to restore from`);
    const session = MatchSession.fromSnapshot(setup, journal, snapshot);
    const from = session.loadedFormat;
    const entries = journal.entries(setup.matchId, snapshot.seq - 1);
    const skipped = session.replayEntries(entries);
    session.clock.load(session.clock.save(), downtime);
    if (from !== STATE_FORMAT)
      session.continueMigrated(from, entries.length - 1, skipped, options.now ?? matchClock.now(), options.log);
    if (journal.match(setup.matchId)?.format !== STATE_FORMAT) journal.setFormat(setup.matchId, STATE_FORMAT);
    return session;
  }

  /**
   * A new match that starts where a recorded one stood at `snapshot` (a turn's start): same state,
   * same bots, back in the lobby so people can take seats before the White Cell starts it.
   */
  static branch(
    setup: SessionSetup,
    journal: MatchJournal,
    snapshot: JournalSnapshot,
    origin: { matchId: string; turn: number },
    now: number,
  ): MatchSession {
    const session = MatchSession.fromSnapshot(setup, journal, { ...snapshot, status: 'lobby' });
    // A branch of a match journaled in an older format starts in today's: its snapshot is migrated.
    session.loadedFormat = STATE_FORMAT;
    session.clock.load({ key: '', startedAt: now, pausedAt: null, pausedFor: 0 });
    session.record('create', null, { scenario: setup.scenario.id, seed: setup.seed, branchOf: origin }, now);
    return session;
  }

  /**
   * A session standing where `snapshot` was taken. Its state is brought up to today's format
   * (shared/record/migrate.ts) and checked; one already in today's format is kept as stored.
   */
  static fromSnapshot(setup: SessionSetup, journal: MatchJournal, snapshot: JournalSnapshot): MatchSession {
    const session = new MatchSession(setup, journal);
    session.load(snapshot);
    session.snapshotTurn = snapshot.turn;
    return session;
  }

  /**
   * Applies journaled entries again, from the one the session's snapshot follows (whose hash must
   * match the state as it stands), checking each against its recorded hash. `onStep` sees each.
   *
   * After a snapshot of an older format the hashes cannot hold: entries are applied without the
   * check, and those today's rules refuse are skipped (returned). Where `snapshots` has the one
   * journaled after an entry, the replay goes on from it instead (a record's later turns start as
   * they were played); from one in today's format on, every entry is checked again.
   */
  replayEntries(
    entries: readonly JournalEntry[],
    onStep?: ReplayStep,
    snapshots?: ReadonlyMap<number, JournalSnapshot>,
  ): SkippedEntry[] {
    const id = this.setup.matchId;
    const [own, ...later] = entries;
    if (!own || (this.checked() && !reproduces(own.hash, this.state)))
      throw new Error(`match ${id}: the snapshot does not match the hash of entry ${own?.seq ?? 0}`);
    onStep?.(own, this.state, [], false);
    const skipped: SkippedEntry[] = [];
    for (const entry of later) {
      const checked = this.checked();
      const step = this.replay(entry);
      if (!step.ok) {
        if (checked) throw new Error(`match ${id}: entry ${entry.seq} ${step.why}`);
        skipped.push({ seq: entry.seq, kind: entry.kind, why: step.why });
      }
      const events = step.ok ? step.events : [];
      const snapshot = checked ? undefined : snapshots?.get(entry.seq);
      if (snapshot) this.load(snapshot);
      if ((checked || this.checked()) && !reproduces(entry.hash, this.state))
        throw new Error(`match ${id}: entry ${entry.seq} (${entry.kind}) does not reproduce its recorded state`);
      onStep?.(entry, this.state, events, snapshot !== undefined);
    }
    return skipped;
  }

  /** Epoch ms of the current phase's deadline, or null. */
  get deadline(): number | null {
    return this.status === 'playing' ? this.clock.deadline(this.state) : null;
  }

  /** Gives a seat to a bot (a policy) or back to humans (null); during play the bot acts at once. */
  setBot(seat: string, policy: PolicyName | null, now: number): Result<GameEvent[]> {
    if ((this.bots[seat] ?? null) === policy) return ok([]);
    return this.take({ kind: 'seating', seat, bot: policy }, now);
  }

  /** The facilitator starts the match; every seat without a human goes to its bot. */
  start(humanSeats: ReadonlySet<string>, now: number): Result<GameEvent[]> {
    const started = this.take({ kind: 'start', bots: startingBots(this.match, humanSeats) }, now);
    return started.ok ? ok([...this.opening, ...started.value]) : started;
  }

  /** A human's command for a seat: checked and applied by the engine, then bots and the clock move on. */
  command(seat: string, payload: unknown, now: number): Result<GameEvent[]> {
    const input = commandInput(seat, payload);
    return input.ok ? this.take(input.value, now) : input;
  }

  /** The room clock: a phase whose deadline passed closes with its documented defaults. */
  tick(now: number): GameEvent[] {
    if (this.status !== 'playing' || !this.clock.expired(this.state, now)) return [];
    const closed = this.take({ kind: 'timeout' }, now);
    return closed.ok ? closed.value : [];
  }

  /** Whether a bot plays this seat now: given to one, or fallen into civil disorder. */
  botPlays(seat: string): boolean {
    return botPlays(this.match, seat);
  }

  /** Journals something that is not an engine step (chat, seating), with the unchanged state hash. */
  note(kind: 'chat' | 'seating', seat: string | null, payload: unknown, now: number): void {
    this.record(kind, seat, payload, now);
  }

  /** Takes the state, status, bots and clock of a snapshot, its state migrated and checked. */
  private load(snapshot: JournalSnapshot): void {
    try {
      this.match = { ...this.match, state: migrateState(snapshot.state) };
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      throw new Error(`match ${this.setup.matchId}: the snapshot after entry ${snapshot.seq} cannot be read: ${why}`, {
        cause: e,
      });
    }
    this.loadedFormat = stateFormatOf(snapshot.state);
    this.match = { ...this.match, status: snapshot.status, bots: { ...snapshot.bots } };
    this.endJournaled = snapshot.status === 'ended';
    this.clock.load(snapshot.clock);
  }

  /** Whether the entries after the loaded snapshot carry hashes today's rules reproduce. */
  private checked(): boolean {
    return this.loadedFormat === STATE_FORMAT;
  }

  /**
   * After replaying an older format's entries: says what was left out, journals the `migrate`
   * marker with a snapshot in today's format, and lets the bots act on what they now owe.
   */
  private continueMigrated(
    from: number,
    replayed: number,
    skipped: readonly SkippedEntry[],
    now: number,
    log: (line: string) => void = (line) => serverLog.warn(line),
  ): void {
    const id = this.setup.matchId;
    for (const s of skipped.slice(0, SKIPS_LOGGED))
      log(
        `match ${id}: entry ${s.seq} (${s.kind}), journaled in state format ${from}, was refused by today's rules and skipped: ${s.why.slice(0, WHY_CHARS)}`,
      );
    if (skipped.length > SKIPS_LOGGED)
      log(`match ${id}: and ${skipped.length - SKIPS_LOGGED} more entries of state format ${from} skipped`);
    log(
      `match ${id}: migrated from state format ${from} to ${STATE_FORMAT} (${replayed - skipped.length} of ${replayed} later entries applied)`,
    );
    this.loadedFormat = STATE_FORMAT;
    this.record('migrate', null, { from, to: STATE_FORMAT, skipped: skipped.map((s) => s.seq) }, now);
    if (this.status === 'playing') this.settle(now);
  }

  /** One input through the engine's checks, journaled, then the bots and the clock move on. */
  private take(input: MatchInput, now: number): Result<GameEvent[]> {
    const moved = stepMatch(this.match, input);
    if (!moved.ok) return moved;
    this.match = moved.value.match;
    this.record(input, now);
    return ok([...moved.value.events, ...(this.status === 'playing' ? this.settle(now) : [])]);
  }

  /**
   * Lets bots act for the seats they play, and closes every phase in which nobody owes anything,
   * until a human owes a move or the match is over (shared/match's settle, each step journaled).
   */
  private settle(now: number): GameEvent[] {
    const settled = settleMatch(this.match);
    for (const step of settled.steps) {
      this.match = step.match;
      this.record(step.input, now);
    }
    return settled.events;
  }

  /**
   * Applies a journaled entry again, exactly as it was applied live; returns the engine's events,
   * or why the entry could not be applied (the match is then unchanged).
   */
  private replay(entry: JournalEntry): { ok: true; events: GameEvent[] } | { ok: false; why: string } {
    const read = inputOf(entry);
    if ('why' in read) return { ok: false, why: read.why };
    let events: GameEvent[] = [];
    if (read.input) {
      const moved = stepMatch(this.match, read.input);
      if (!moved.ok) return { ok: false, why: `was refused on replay (${moved.error.code}: ${moved.error.message})` };
      this.match = moved.value.match;
      events = moved.value.events;
    }
    this.afterStep(entry.at);
    return { ok: true, events };
  }

  /** Keeps the clock in step with the state (the final step's phase included). */
  private afterStep(now: number): void {
    if (this.status !== 'lobby') this.clock.update(this.state, now);
  }

  /** Journals an input as its entry, or a note (kind, seat, payload) that changes nothing. */
  private record(input: MatchInput, now: number): void;
  private record(kind: EntryKind, seat: string | null, payload: unknown, now: number): void;
  private record(...args: [MatchInput, number] | [EntryKind, string | null, unknown, number]): void {
    const [fields, now] =
      args.length === 2
        ? [entryOf(args[0], this.state.phase), args[1]]
        : [{ kind: args[0], seat: args[1], payload: args[2] }, args[3]];
    const kind = fields.kind as EntryKind;
    this.afterStep(now);
    // A snapshot at the creation and at the first entry of each turn bounds what a restore replays;
    // one at a migration starts what today's rules reproduce.
    const snapshot =
      this.snapshotTurn !== this.state.turn || kind === 'create' || kind === 'migrate'
        ? {
            turn: this.state.turn,
            status: this.status,
            state: this.state,
            clock: this.clock.save(),
            bots: { ...this.bots },
          }
        : undefined;
    if (snapshot) this.snapshotTurn = this.state.turn;
    // The whole state is hashed once a turn, with its snapshot; every other entry carries a cheap check.
    const hash = snapshot ? stateHash(this.state) : entryCheck(this.state);
    this.journal.append(
      this.setup.matchId,
      { at: now, kind, seat: fields.seat, payload: fields.payload, hash },
      snapshot,
    );
    if (this.status === 'ended' && !this.endJournaled) this.journal.setStatus(this.setup.matchId, 'ended');
    this.endJournaled = this.status === 'ended';
  }
}
