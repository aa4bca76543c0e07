// One match on the server, without any networking: the engine state, who plays which seat (human
// or bot), the phase clock and the journal. The room hands it parsed intents and copies its state
// out; every rule decision is the shared engine's. Every step is journaled before the room tells
// anyone, and a session can be rebuilt from its journal after a crash, also from a journal written
// in an older state format (migrated, then continued in today's: docs/PROTOCOL.md, section 7).
import {
  type Command,
  type GameEvent,
  type GameState,
  type PolicyName,
  type Result,
  type Scenario,
  type Timers,
  advance,
  applyParsed,
  botCommand,
  fail,
  inCivilDisorder,
  ok,
  owedBy,
  parseCommand,
  startMatch,
  STATE_FORMAT,
  viewFor,
} from '../../shared/index.js';
import { migrateState, stateFormatOf } from '../../shared/record/migrate.js';
import { RngCursor, deriveSeed } from '../../shared/rng.js';
import { serverLog } from '../access/boundedLog.js';
import {
  type EntryKind,
  type JournalEntry,
  type MatchJournal,
  type JournalSnapshot,
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

/** Upper bound on engine steps in one settle, so a bug can never spin the room forever. */
const MAX_STEPS = 5000;
/** Skipped entries named one per line in a restore's log; the rest are counted in one more line. */
const SKIPS_LOGGED = 20;
/** The most of a refusal's reason quoted in a log line. */
const WHY_CHARS = 160;

export class MatchSession {
  state: GameState;
  status: 'lobby' | 'playing' | 'ended' = 'lobby';
  bots: Partial<Record<string, PolicyName>>;
  private readonly clock = new PhaseClock();
  /** Turn 1's opening events (its phase and cards), sent when the match starts. */
  private opening: GameEvent[] = [];
  private snapshotTurn = 0;
  /**
   * The state format of the snapshot the state came from. Entries journaled after a snapshot of
   * an older format were hashed under older rules: they are replayed without the hash check.
   */
  private loadedFormat: number = STATE_FORMAT;

  private constructor(
    readonly setup: SessionSetup,
    private readonly journal: MatchJournal,
  ) {
    const created = startMatch(setup.scenario, setup.seed, {
      showMath: setup.showMath,
      facilitatorReview: setup.facilitatorReview,
      timers: setup.timers,
    });
    if (!created.ok) throw new Error(created.error.message);
    this.state = created.value.state;
    this.opening = created.value.events;
    this.bots = { ...setup.bots };
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
    if (!own || (this.checked() && own.hash !== stateHash(this.state)))
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
      if ((checked || this.checked()) && stateHash(this.state) !== entry.hash)
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
  setBot(seat: string, policy: PolicyName | null, now: number): GameEvent[] {
    if ((this.bots[seat] ?? null) === policy) return [];
    this.assignBot(seat, policy);
    this.record('seating', seat, { bot: policy }, now);
    return this.status === 'playing' ? this.settle(now) : [];
  }

  /** The facilitator starts the match; every seat without a human goes to its bot. */
  start(humanSeats: ReadonlySet<string>, now: number): Result<GameEvent[]> {
    if (this.status !== 'lobby') return fail('ERR_NOT_YOUR_PHASE', 'the match has already started');
    for (const s of this.setup.scenario.seats) if (!humanSeats.has(s.id)) this.bots[s.id] ??= s.bot;
    this.status = 'playing';
    this.record('start', 'facilitator', { bots: this.bots }, now);
    return ok([...this.opening, ...this.settle(now)]);
  }

  /** A human's command for a seat: checked and applied by the engine, then bots and the clock move on. */
  command(seat: string, payload: unknown, now: number): Result<GameEvent[]> {
    // Shape first, as the engine does: a malformed payload is malformed in any phase.
    const parsed = parseCommand(payload);
    if (!parsed.ok) return parsed;
    if (this.status === 'lobby') return fail('ERR_NOT_YOUR_PHASE', 'the match has not started yet');
    const result = applyParsed(this.state, seat, parsed.value);
    if (!result.ok) return result;
    this.state = result.value.state;
    this.record('command', seat, parsed.value, now);
    return ok([...result.value.events, ...this.settle(now)]);
  }

  /** The room clock: a phase whose deadline passed closes with its documented defaults. */
  tick(now: number): GameEvent[] {
    if (this.status !== 'playing' || !this.clock.expired(this.state, now)) return [];
    const next = advance(this.state, { timedOut: true });
    if (!next.ok) return [];
    this.state = next.value.state;
    this.record('timeout', null, { phase: this.state.phase }, now);
    return [...next.value.events, ...this.settle(now)];
  }

  /** Whether a bot plays this seat now: given to one, or fallen into civil disorder. */
  botPlays(seat: string): boolean {
    return this.bots[seat] !== undefined || inCivilDisorder(this.state, seat);
  }

  /** Journals something that is not an engine step (chat, seating), with the unchanged state hash. */
  note(kind: 'chat' | 'seating', seat: string | null, payload: unknown, now: number): void {
    this.record(kind, seat, payload, now);
  }

  /** Takes the state, status, bots and clock of a snapshot, its state migrated and checked. */
  private load(snapshot: JournalSnapshot): void {
    try {
      this.state = migrateState(snapshot.state);
    } catch (e) {
      const why = e instanceof Error ? e.message : String(e);
      throw new Error(`match ${this.setup.matchId}: the snapshot after entry ${snapshot.seq} cannot be read: ${why}`, {
        cause: e,
      });
    }
    this.loadedFormat = stateFormatOf(snapshot.state);
    this.status = snapshot.status;
    this.bots = { ...snapshot.bots };
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

  /** Whether any nation seat is in human hands right now. */
  private someHumanPlays(): boolean {
    return this.setup.scenario.seats.some((s) => !this.botPlays(s.id));
  }

  private assignBot(seat: string, policy: PolicyName | null): void {
    if (policy === null) delete this.bots[seat];
    else this.bots[seat] = policy;
  }

  /**
   * Lets bots act for the seats they play, and closes every phase in which nobody owes anything,
   * until a human owes a move or the match is over.
   */
  private settle(now: number): GameEvent[] {
    const events: GameEvent[] = [];
    for (let step = 0; step < MAX_STEPS && !this.state.ended; step++) {
      const owed = owedBy(this.state);
      const seat = owed.find((s) => this.botPlays(s) && s !== 'facilitator');
      if (seat !== undefined) {
        const command = this.botDecision(seat);
        const applied = command && applyParsed(this.state, seat, command, { byBot: this.bots[seat] === undefined });
        if (applied && applied.ok) {
          this.state = applied.value.state;
          events.push(...applied.value.events);
          this.record('bot', seat, command, now);
          continue;
        }
        // A bot with nothing to say lets the deadline decide, like a silent human.
        break;
      }
      if (owed.length > 0) break;
      // With no human at any nation seat, phases wait for their deadline (or the White Cell), so a
      // class can watch and a human who drifted away can come back before the match is over.
      if (!this.someHumanPlays()) break;
      const next = advance(this.state);
      if (!next.ok) break;
      this.state = next.value.state;
      events.push(...next.value.events);
      this.record('advance', null, { phase: this.state.phase }, now);
    }
    return events;
  }

  /**
   * A bot's move. Its dice come from the match's generator state and the seat, so the decision is
   * a function of the match alone: nothing outside the journal is needed to restore it.
   */
  private botDecision(seat: string): Command | null {
    const policy = this.bots[seat] ?? this.setup.scenario.seats.find((s) => s.id === seat)?.bot ?? 'calculating';
    const index = this.setup.scenario.seats.findIndex((s) => s.id === seat);
    const rng = new RngCursor(deriveSeed(this.state.rng ^ this.setup.seed, 1000 + index));
    return botCommand(policy, viewFor(this.state, seat), seat, rng);
  }

  /**
   * Applies a journaled entry again, exactly as it was applied live; returns the engine's events,
   * or why the entry could not be applied (the state is then unchanged).
   */
  private replay(entry: JournalEntry): { ok: true; events: GameEvent[] } | { ok: false; why: string } {
    const seat = entry.seat ?? '';
    const command = (): Command | null => {
      const parsed = parseCommand(entry.payload);
      return parsed.ok ? parsed.value : null;
    };
    let result: Result<{ state: GameState; events: GameEvent[] }> | 'no command' | null = null;
    switch (entry.kind) {
      case 'start':
        this.status = 'playing';
        this.bots = { ...((entry.payload as { bots?: Partial<Record<string, PolicyName>> }).bots ?? {}) };
        break;
      case 'command': {
        const c = command();
        result = c ? applyParsed(this.state, seat, c) : 'no command';
        break;
      }
      case 'bot': {
        const c = command();
        result = c ? applyParsed(this.state, seat, c, { byBot: this.bots[seat] === undefined }) : 'no command';
        break;
      }
      case 'timeout':
        result = advance(this.state, { timedOut: true });
        break;
      case 'advance':
        result = advance(this.state);
        break;
      case 'seating': {
        const bot = (entry.payload as { bot?: PolicyName | null }).bot;
        if (bot !== undefined) this.assignBot(seat, bot);
        break;
      }
      case 'create':
      case 'chat':
      case 'migrate':
        break;
    }
    if (result === 'no command') return { ok: false, why: 'is not a command' };
    if (result && !result.ok)
      return { ok: false, why: `was refused on replay (${result.error.code}: ${result.error.message})` };
    if (result) this.state = result.value.state;
    this.afterStep(entry.at);
    return { ok: true, events: result ? result.value.events : [] };
  }

  /** Keeps the clock and the status in step with the state. */
  private afterStep(now: number): void {
    if (this.status === 'playing') this.clock.update(this.state, now);
    if (this.state.ended) this.status = 'ended';
  }

  private record(kind: EntryKind, seat: string | null, payload: unknown, now: number) {
    const wasEnded = this.status === 'ended';
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
    this.journal.append(this.setup.matchId, { at: now, kind, seat, payload, hash: stateHash(this.state) }, snapshot);
    if (!wasEnded && this.status === 'ended') this.journal.setStatus(this.setup.matchId, 'ended');
  }
}
