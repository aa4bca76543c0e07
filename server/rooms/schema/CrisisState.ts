// The Schema mirrors the match, fields only (schema 3's `schema()` helper, so no decorator flags).
// The room's envelope is typed here; the public view is typed field by field from the view's wire
// shape (viewSchema.ts); each seat's secrets sit in an entry only its StateView holds.
import { Encoder, MapSchema, schema } from '@colyseus/schema';
import { SECRETS_WIRE, VIEW_WIRE } from '../../../shared/protocol/wire.js';
import { classOf } from './viewSchema.js';

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

/**
 * A full state (a join) is encoded into a buffer of this size; past it the encoder warns and encodes
 * again into a bigger one, on every join. The White Cell's Baltic state peaks near 12 KB.
 */
Encoder.BUFFER_SIZE = 16 * 1024;

type ObjectShape = Extract<typeof VIEW_WIRE, { kind: 'object' }>;

/** The public view (the observers'), without breakdowns: typed fields, maps and lists. */
export const PublicView = classOf(VIEW_WIRE as ObjectShape);
export type PublicView = InstanceType<typeof PublicView>;

/** A seat's secrets: the parts of its view that differ from the public one, and its team's draft. */
export const SeatSecrets = classOf(SECRETS_WIRE as ObjectShape);
export type SeatSecrets = InstanceType<typeof SeatSecrets>;

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
    /** The public view, every GameView key but `viewer` (shared/protocol/wire.ts). */
    view: PublicView,
    /** Per-seat secrets; a client's StateView holds only its own seat's entry. */
    secrets: { map: SeatSecrets, view: true },
  },
  'CrisisState',
);
export type CrisisState = InstanceType<typeof CrisisState>;

export const newCrisisState = (): CrisisState => {
  const state = new CrisisState();
  state.seats = new MapSchema<SeatInfo>();
  state.members = new MapSchema<MemberInfo>();
  state.view = new PublicView();
  state.secrets = new MapSchema<SeatSecrets>();
  return state;
};
