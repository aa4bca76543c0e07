// One match on the server, without any networking: the engine state, who plays which seat (human
// or bot), the phase clock and the journal. The room hands it parsed intents and copies its state
// out; every rule decision is the shared engine's.
import {
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
  viewFor,
} from '../../shared/index.js';
import { RngCursor, deriveSeed } from '../../shared/rng.js';
import { type MatchJournal, stateHash } from '../journal/MatchJournal.js';
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

/** Upper bound on engine steps in one settle, so a bug can never spin the room forever. */
const MAX_STEPS = 5000;

export class MatchSession {
  state: GameState;
  status: 'lobby' | 'playing' | 'ended' = 'lobby';
  readonly bots: Partial<Record<string, PolicyName>>;
  private readonly clock = new PhaseClock();
  private readonly rngs = new Map<string, RngCursor>();
  /** Turn 1's opening events (its phase and cards), sent when the match starts. */
  private opening: GameEvent[] = [];

  constructor(
    readonly setup: SessionSetup,
    private readonly journal: MatchJournal,
    now: number,
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
    setup.scenario.seats.forEach((s, i) => this.rngs.set(s.id, new RngCursor(deriveSeed(setup.seed, 1000 + i))));
    this.record('create', null, { scenario: setup.scenario.id, seed: setup.seed }, now);
  }

  /** Epoch ms of the current phase's deadline, or null. */
  get deadline(): number | null {
    return this.status === 'playing' ? this.clock.deadline(this.state) : null;
  }

  /** Gives a seat to a bot (a policy) or back to humans (null); during play the bot acts at once. */
  setBot(seat: string, policy: PolicyName | null, now: number): GameEvent[] {
    if (policy === null) delete this.bots[seat];
    else this.bots[seat] = policy;
    return this.status === 'playing' ? this.settle(now) : [];
  }

  /** The facilitator starts the match; every seat without a human goes to its bot. */
  start(humanSeats: ReadonlySet<string>, now: number): Result<GameEvent[]> {
    if (this.status !== 'lobby') return fail('ERR_NOT_YOUR_PHASE', 'the match has already started');
    for (const s of this.setup.scenario.seats) if (!humanSeats.has(s.id)) this.bots[s.id] ??= s.bot;
    this.status = 'playing';
    this.record('start', 'facilitator', { bots: this.bots }, now);
    this.clock.update(this.state, now);
    return ok([...this.opening, ...this.settle(now)]);
  }

  /** A human's command for a seat: checked and applied by the engine, then bots and the clock move on. */
  command(seat: string, payload: unknown, now: number): Result<GameEvent[]> {
    // Shape first, as the engine does: a malformed payload is malformed in any phase.
    const parsed = parseCommand(payload);
    if (!parsed.ok) return parsed;
    if (this.status === 'lobby') return fail('ERR_NOT_YOUR_PHASE', 'the match has not started yet');
    // A human acting for a seat in civil disorder takes it back from the bot first.
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

  /** Whether any nation seat is in human hands right now. */
  private someHumanPlays(): boolean {
    return this.setup.scenario.seats.some((s) => !this.botPlays(s.id));
  }

  /** Whether a bot plays this seat now: given to one, or fallen into civil disorder. */
  botPlays(seat: string): boolean {
    return this.bots[seat] !== undefined || inCivilDisorder(this.state, seat);
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
        const policy = this.bots[seat] ?? this.setup.scenario.seats.find((s) => s.id === seat)?.bot ?? 'calculating';
        const rng = this.rngs.get(seat) ?? new RngCursor(0);
        const command = botCommand(policy, viewFor(this.state, seat), seat, rng);
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
    this.clock.update(this.state, now);
    if (this.state.ended) this.status = 'ended';
    return events;
  }

  /** Journals something that is not an engine step (chat, seating), with the unchanged state hash. */
  note(kind: 'chat' | 'seating', seat: string | null, payload: unknown, now: number): void {
    this.record(kind, seat, payload, now);
  }

  private record(
    kind: Parameters<MatchJournal['append']>[1]['kind'],
    seat: string | null,
    payload: unknown,
    now: number,
  ) {
    this.journal.append(this.setup.matchId, { at: now, kind, seat, payload, hash: stateHash(this.state) });
  }
}
