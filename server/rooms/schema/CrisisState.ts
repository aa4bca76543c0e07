// The Schema mirrors the match, fields only (schema 3's `schema()` helper, so no decorator flags).
// Small fields that change often are typed; larger parts of the public view travel as JSON chunks
// grouped by how often they change; each seat's secrets sit in an entry only its StateView holds.
import { MapSchema, schema } from '@colyseus/schema';

/** One seat as the lobby and the HUD show it. */
export const SeatInfo = schema(
  {
    id: 'string',
    role: 'string',
    nation: 'string',
    /** The nation's display name. */
    name: 'string',
    /** The bot policy playing it, or '' when humans hold it. */
    bot: 'string',
    /** Connected humans in this seat (a team). */
    humans: 'uint8',
    /** Whether it still owes a submission in this phase. */
    owes: 'boolean',
    /** A bot plays it after missed deadlines, until a human acts again. */
    civilDisorder: 'boolean',
  },
  'SeatInfo',
);
export type SeatInfo = InstanceType<typeof SeatInfo>;

/** A connected (or briefly dropped) person: the lobby's list, and what the White Cell manages. */
export const MemberInfo = schema(
  {
    /** The client's session id: what seat management names. */
    id: 'string',
    name: 'string',
    seat: 'string',
    connected: 'boolean',
  },
  'MemberInfo',
);
export type MemberInfo = InstanceType<typeof MemberInfo>;

/** A seat's secrets as JSON: the parts of its view that differ from the public picture. */
export const SecretChunk = schema({ json: 'string' }, 'SecretChunk');
export type SecretChunk = InstanceType<typeof SecretChunk>;

export const CrisisState = schema(
  {
    code: 'string',
    scenarioId: 'string',
    title: 'string',
    /** 'lobby' | 'playing' | 'ended'. */
    status: 'string',
    phase: 'string',
    turn: 'uint8',
    turns: 'uint8',
    /** Epoch ms when the phase times out; 0 when it has no timer or is paused. */
    deadline: 'float64',
    seats: { map: SeatInfo },
    members: { map: MemberInfo },
    /** Public JSON, set once: scenario settings, parameters, seats. */
    setup: 'string',
    /** Public JSON, changes a few times a turn: nations, guarantees, theaters, history. */
    world: 'string',
    /** Public JSON, changes with every command: readiness, statements, crises, cards, settings. */
    turnInfo: 'string',
    /** Public JSON, changes once a turn: the last report and the scores. */
    results: 'string',
    /** Per-seat secrets; a client's StateView holds only its own seat's entry. */
    secrets: { map: SecretChunk, view: true },
  },
  'CrisisState',
);
export type CrisisState = InstanceType<typeof CrisisState>;

export const newCrisisState = (): CrisisState => {
  const state = new CrisisState();
  state.seats = new MapSchema<SeatInfo>();
  state.members = new MapSchema<MemberInfo>();
  state.secrets = new MapSchema<SecretChunk>();
  return state;
};
