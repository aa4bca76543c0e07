// One match on the server, without any networking: the engine state, who plays which seat (human
// or bot), the phase clock and the journal. The room hands it parsed intents and copies its state
// out; every rule decision is the shared engine's. Every step is journaled before the room tells
// anyone, and a session can be rebuilt from its journal after a crash.
import {
  type Command,
  type GameEvent,
  type GameState,
  GameStateSchema,
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
  viewFor,
} from '../../shared/index.js';
import { RngCursor, deriveSeed } from '../../shared/rng.js';
import {
  type EntryKind,
  type JournalEntry,
  type MatchJournal,
  type Snapshot,
  stateHash,
} from '../journal/MatchJournal.js';
import { PhaseClock } from './clock.js';

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

/** Sees each replayed entry with the state it produced and the engine's events for it. */
export type ReplayStep = (entry: JournalEntry, state: GameState, events: readonly GameEvent[]) => void;

/** Upper bound on engine steps in one settle, so a bug can never spin the room forever. */
const MAX_STEPS = 5000;

export class MatchSession {
  state: GameState;
  status: 'lobby' | 'playing' | 'ended' = 'lobby';
  bots: Partial<Record<string, PolicyName>>;
  private readonly clock = new PhaseClock();
  /** Turn 1's opening events (its phase and cards), sent when the match starts. */
  private opening: GameEvent[] = [];
  private snapshotTurn = 0;

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
   */
  static restore(setup: SessionSetup, journal: MatchJournal, downtime: number): MatchSession {
    const snapshot = journal.latestSnapshot(setup.matchId);
    if (!snapshot) throw new Error(`match ${setup.matchId}: no snapshot to restore from`);
    const session = MatchSession.fromSnapshot(setup, journal, snapshot);
    session.replayEntries(journal.entries(setup.matchId, snapshot.seq - 1));
    session.clock.load(session.clock.save(), downtime);
    return session;
  }

  /**
   * A new match that starts where a recorded one stood at `snapshot` (a turn's start): same state,
   * same bots, back in the lobby so people can take seats before the White Cell starts it.
   */
  static branch(
    setup: SessionSetup,
    journal: MatchJournal,
    snapshot: Snapshot,
    origin: { matchId: string; turn: number },
    now: number,
  ): MatchSession {
    const session = MatchSession.fromSnapshot(setup, journal, { ...snapshot, status: 'lobby' });
    session.clock.load({ key: '', startedAt: now, pausedAt: null, pausedFor: 0 });
    session.record('create', null, { scenario: setup.scenario.id, seed: setup.seed, branchOf: origin }, now);
    return session;
  }

  /** A session standing where `snapshot` was taken; the state is checked, and kept as stored. */
  static fromSnapshot(setup: SessionSetup, journal: MatchJournal, snapshot: Snapshot): MatchSession {
    const session = new MatchSession(setup, journal);
    // A parse would reorder keys, and the hashes are of the text: check, but keep the stored object.
    if (!GameStateSchema.safeParse(snapshot.state).success)
      throw new Error(`match ${setup.matchId}: the snapshot after entry ${snapshot.seq} is not a valid state`);
    session.state = snapshot.state;
    session.status = snapshot.status;
    session.bots = { ...snapshot.bots };
    session.snapshotTurn = snapshot.turn;
    session.clock.load(snapshot.clock);
    return session;
  }

  /**
   * Applies journaled entries again, from the one the session's snapshot follows (whose hash must
   * match the state as it stands), checking each against its recorded hash. `onStep` sees each.
   */
  replayEntries(entries: readonly JournalEntry[], onStep?: ReplayStep): void {
    const id = this.setup.matchId;
    const [own, ...later] = entries;
    if (!own || own.hash !== stateHash(this.state))
      throw new Error(`match ${id}: the snapshot does not match the hash of entry ${own?.seq ?? 0}`);
    onStep?.(own, this.state, []);
    for (const entry of later) {
      const events = this.replay(entry);
      if (stateHash(this.state) !== entry.hash)
        throw new Error(`match ${id}: entry ${entry.seq} (${entry.kind}) does not reproduce its recorded state`);
      onStep?.(entry, this.state, events);
    }
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

  /** Applies a journaled entry again, exactly as it was applied live; returns the engine's events. */
  private replay(entry: JournalEntry): GameEvent[] {
    let events: GameEvent[] = [];
    const fromEntry = (): Command => {
      const parsed = parseCommand(entry.payload);
      if (!parsed.ok) throw new Error(`match ${this.setup.matchId}: entry ${entry.seq} is not a command`);
      return parsed.value;
    };
    const seat = entry.seat ?? '';
    const apply = (result: Result<{ state: GameState; events: GameEvent[] }>) => {
      if (!result.ok) throw new Error(`match ${this.setup.matchId}: entry ${entry.seq} was refused on replay`);
      this.state = result.value.state;
      events = result.value.events;
    };
    switch (entry.kind) {
      case 'start':
        this.status = 'playing';
        this.bots = { ...((entry.payload as { bots?: Partial<Record<string, PolicyName>> }).bots ?? {}) };
        break;
      case 'command':
        apply(applyParsed(this.state, seat, fromEntry()));
        break;
      case 'bot':
        apply(applyParsed(this.state, seat, fromEntry(), { byBot: this.bots[seat] === undefined }));
        break;
      case 'timeout':
        apply(advance(this.state, { timedOut: true }));
        break;
      case 'advance':
        apply(advance(this.state));
        break;
      case 'seating': {
        const bot = (entry.payload as { bot?: PolicyName | null }).bot;
        if (bot !== undefined) this.assignBot(seat, bot);
        break;
      }
      case 'create':
      case 'chat':
        break;
    }
    this.afterStep(entry.at);
    return events;
  }

  /** Keeps the clock and the status in step with the state. */
  private afterStep(now: number): void {
    if (this.status === 'playing') this.clock.update(this.state, now);
    if (this.state.ended) this.status = 'ended';
  }

  private record(kind: EntryKind, seat: string | null, payload: unknown, now: number) {
    const wasEnded = this.status === 'ended';
    this.afterStep(now);
    // A snapshot at the creation and at the first entry of each turn bounds what a restore replays.
    const snapshot =
      this.snapshotTurn !== this.state.turn || kind === 'create'
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
