// The one place engine state is copied into the Schema. The public picture is the observer's view;
// each seat's secrets are exactly the parts of its own view that differ from it (SECRET_KEYS).
import {
  CHUNKS,
  type ChunkName,
  type Command,
  type GameState,
  type GameView,
  SECRET_KEYS,
  inCivilDisorder,
  owedBy,
  publicChunks,
  viewFor,
} from '../../shared/index.js';
import type { MatchSession } from '../match/MatchSession.js';
import { type CrisisState, MemberInfo, SecretChunk, SeatInfo } from './schema/CrisisState.js';

/** Assigns only when the text changed, so an unchanged chunk costs no bandwidth. */
const put = <K extends ChunkName>(target: CrisisState, key: K, value: unknown) => {
  const text = JSON.stringify(value);
  if (target[key] !== text) target[key] = text;
};

/**
 * The engine state each chunk is made from. The engine replaces only what a step changes, so when
 * these are the same objects as last time the chunk cannot have changed and is not rebuilt.
 */
const chunkSources = (s: GameState): Record<ChunkName, readonly unknown[]> => ({
  setup: [s.config, s.params, s.seats, s.turn],
  // The world chunk is the state's own fields, as the wire lists them: a field added there is watched here.
  world: CHUNKS.world.map((key) => s[key]),
  turnInfo: [s], // changes with nearly every step
  results: [s.report, s.scores, s.settings.showMath],
});

const lastSources = new WeakMap<CrisisState, Record<ChunkName, readonly unknown[]>>();

const same = (a: readonly unknown[] | undefined, b: readonly unknown[]) =>
  a !== undefined && a.every((x, i) => x === b[i]);

/** The parts of `seat`'s view that differ from the public one; `pubText` caches the public JSON. */
const secretsOf = (
  session: MatchSession,
  seat: string,
  pub: GameView,
  pubText: Partial<Record<(typeof SECRET_KEYS)[number], string>> = {},
): Record<string, unknown> => {
  const mine = viewFor(session.state, seat);
  const out: Record<string, unknown> = {};
  for (const key of SECRET_KEYS) {
    if (mine[key] === pub[key]) continue;
    const theirs = (pubText[key] ??= JSON.stringify(pub[key]));
    if (JSON.stringify(mine[key]) !== theirs) out[key] = mine[key];
  }
  return out;
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

export const syncState = (target: CrisisState, session: MatchSession, presence: Presence): void => {
  const humans = new Map<string, number>();
  for (const m of presence.members) if (m.connected) humans.set(m.seat, (humans.get(m.seat) ?? 0) + 1);
  syncMembers(target, presence);
  const state = session.state;
  const pub = viewFor(state, 'observer');
  target.status = session.status;
  target.phase = state.phase;
  target.turn = state.turn;
  target.turns = state.config.turns;
  target.deadline = session.deadline ?? 0;
  const chunks = publicChunks(pub);
  const sources = chunkSources(state);
  const last = lastSources.get(target);
  for (const name of Object.keys(chunks) as ChunkName[])
    if (!same(last?.[name], sources[name])) put(target, name, chunks[name]);
  lastSources.set(target, sources);
  const pubText: Partial<Record<(typeof SECRET_KEYS)[number], string>> = {};
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
    const chunk = target.secrets.get(s.id) ?? new SecretChunk();
    const draft = presence.drafts.get(s.id);
    // The White Cell sees every team's draft; a team sees its own.
    const drafts = s.id === 'facilitator' ? { drafts: Object.fromEntries(presence.drafts) } : {};
    const json = JSON.stringify({ ...secretsOf(session, s.id, pub, pubText), ...(draft ? { draft } : {}), ...drafts });
    if (chunk.json !== json) chunk.json = json;
    if (!target.secrets.has(s.id)) target.secrets.set(s.id, chunk);
  }
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
