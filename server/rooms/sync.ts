// The one place engine state is copied into the Schema. The public view is the observer's view;
// each seat's secrets are exactly the parts of its own view that differ from it (SECRET_KEYS).
// Both go in as typed fields (viewSchema.ts writes only what differs), without breakdowns.
import { type Command, SECRET_KEYS, inCivilDisorder, owedBy, viewFor } from '../../shared/index.js';
import { SECRETS_WIRE, VIEW_WIRE, wireView } from '../../shared/protocol/wire.js';
import type { Client } from '@colyseus/core';
import type { StateView } from '@colyseus/schema';
import type { MatchSession } from '../match/MatchSession.js';
import { type CrisisState, MemberInfo, SeatInfo, SeatSecrets } from './schema/CrisisState.js';
import { write, writeTracked } from './schema/viewSchema.js';

/** Deep equality of plain values (views are JSON-like): identity first, so shared parts cost nothing. */
const same = (a: unknown, b: unknown): boolean => {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  return ka.every((k) => Object.hasOwn(rb, k) && same(ra[k], rb[k]));
};

export interface Presence {
  /** Everyone in the room, by session id. */
  members: readonly { id: string; name: string; seat: string; connected: boolean }[];
  /** A team's shared draft per seat: what one member is preparing, seen by the whole team. */
  drafts: ReadonlyMap<string, Draft>;
}

export interface Draft {
  command: Command;
  by: string;
}

/**
 * Copies the match into the Schema. Returns, per seat, the instances its secret entry gained: a
 * StateView holds what the entry had when it was added, so the room adds these to the views of the
 * seat's clients.
 */
/** What the sync reads of a match session. */
export type SyncSource = Pick<MatchSession, 'state' | 'status' | 'deadline' | 'bots'>;

export const syncState = (target: CrisisState, session: SyncSource, presence: Presence): Map<string, object[]> => {
  const gained = new Map<string, object[]>();
  const humans = new Map<string, number>();
  for (const m of presence.members) if (m.connected) humans.set(m.seat, (humans.get(m.seat) ?? 0) + 1);
  syncMembers(target, presence);
  const state = session.state;
  const pub = wireView(viewFor(state, 'observer'));
  target.status = session.status;
  target.phase = state.phase;
  target.turn = state.turn;
  target.turns = state.config.turns;
  target.deadline = session.deadline ?? 0;
  write(target.view, VIEW_WIRE, pub);
  const owed = new Set(session.status === 'playing' ? owedBy(state) : []);
  for (const s of state.seats) {
    const info = target.seats.get(s.id) ?? new SeatInfo();
    info.id = s.id;
    info.role = s.role;
    info.nation = s.nation ?? '';
    info.name = s.nation
      ? (state.nations[s.nation]?.name ?? s.id)
      : s.id === 'facilitator'
        ? 'White Cell'
        : 'Observers';
    info.bot = session.bots[s.id] ?? '';
    info.humans = humans.get(s.id) ?? 0;
    info.owes = owed.has(s.id);
    info.civilDisorder = inCivilDisorder(state, s.id) && session.bots[s.id] === undefined;
    if (!target.seats.has(s.id)) target.seats.set(s.id, info);
    if (s.role === 'observer') continue;
    const entry = target.secrets.get(s.id) ?? new SeatSecrets();
    if (!target.secrets.has(s.id)) target.secrets.set(s.id, entry);
    const mine = wireView(viewFor(state, s.id));
    const parts: Record<string, unknown> = {};
    for (const key of SECRET_KEYS) if (!same(mine[key], pub[key])) parts[key] = mine[key];
    // The White Cell sees every team's draft; a team sees its own.
    parts['draft'] = presence.drafts.get(s.id);
    if (s.id === 'facilitator') parts['drafts'] = Object.fromEntries(presence.drafts);
    const made = writeTracked(entry, SECRETS_WIRE, parts);
    if (made.length > 0) gained.set(s.id, made);
  }
  return gained;
};

/** StateView's own tag for untagged views (not exported by @colyseus/schema 3.0). */
const DEFAULT_VIEW_TAG = -1;

/**
 * A view holds a secret entry as it was when added: what the entry gained since (syncState's
 * answer) goes into the views of the seat's clients, without re-sending the rest.
 */
export const showGained = (
  gained: ReadonlyMap<string, object[]>,
  clients: Iterable<Client>,
  seatOf: (client: Client) => string,
): void => {
  if (gained.size === 0) return;
  for (const client of clients)
    for (const part of gained.get(seatOf(client)) ?? [])
      client.view?.add(part as Parameters<StateView['add']>[0], DEFAULT_VIEW_TAG, false);
};

const syncMembers = (target: CrisisState, presence: Presence): void => {
  const present = new Set(presence.members.map((m) => m.id));
  for (const id of [...target.members.keys()]) if (!present.has(id)) target.members.delete(id);
  for (const m of presence.members) {
    const info = target.members.get(m.id) ?? new MemberInfo();
    info.id = m.id;
    info.name = m.name;
    info.seat = m.seat;
    info.connected = m.connected;
    if (!target.members.has(m.id)) target.members.set(m.id, info);
  }
};
