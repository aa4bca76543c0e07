// How a room gets its match: a new one from a client's create options (or a branch of a recorded
// one), or a journaled one restored after a restart. Either way the journal knows it first.
import { scenarioById } from '../../shared/index.js';
import { journal } from '../journal/journalStore.js';
import { matchClock } from '../match/clock.js';
import { MatchSession, type SessionSetup } from '../match/MatchSession.js';
import { type RoomAccess, withoutInternals } from './admission.js';
import { branchPoint } from './branching.js';
import { newJoinCode, newSecretKey, newSeed } from './codes.js';
import { readCreateOptions } from './createOptions.js';
import type { Members } from './Members.js';

export interface Opened {
  session: MatchSession;
  access: RoomAccess;
}

/** A new match from a client's create options; throws a refusal naming what is wrong. */
export const openNew = (roomId: string, raw: unknown): Opened => {
  const { options, scenario } = readCreateOptions(withoutInternals(raw), process.env.CREATE_PASSWORD);
  const access: RoomAccess = {
    code: newJoinCode(),
    facilitatorKey: newSecretKey(),
    hostToken: options.hostToken,
    reconnectSeconds: options.reconnectSeconds,
  };
  const setup: SessionSetup = {
    matchId: roomId,
    scenario,
    seed: options.seed ?? newSeed(),
    showMath: options.showMath,
    facilitatorReview: options.facilitatorReview,
    timers: options.timers,
    bots: options.bots,
  };
  const now = matchClock.now();
  const branch = options.branch ? branchPoint(options.branch, scenario.id) : null;
  if (branch) setup.bots = { ...branch.snapshot.bots };
  journal().begin({
    id: roomId,
    code: access.code,
    setup: { ...setup, scenarioId: scenario.id },
    room: { facilitatorKey: access.facilitatorKey, reconnectSeconds: access.reconnectSeconds, reclaimKeys: {} },
    createdAt: now,
  });
  const session = branch
    ? MatchSession.branch(setup, journal(), branch.snapshot, branch.origin, now)
    : MatchSession.create(setup, journal(), now);
  return { session, access };
};

/** The match `matchId` as its journal left it, its reclaim keys into `members`; throws naming the problem. */
export const openRestored = (matchId: string, members: Members): Opened => {
  const record = journal().match(matchId);
  if (!record) throw new Error(`no journaled match ${matchId}`);
  const scenario = scenarioById(record.setup.scenarioId);
  if (!scenario) throw new Error(`its scenario "${record.setup.scenarioId}" is not on this server`);
  members.importKeys(record.room.reclaimKeys);
  const { scenarioId: _scenarioId, ...setup } = record.setup;
  const downtime = Math.max(0, matchClock.now() - record.aliveAt);
  const session = MatchSession.restore({ ...setup, matchId, scenario }, journal(), downtime);
  const access = {
    code: record.code,
    facilitatorKey: record.room.facilitatorKey,
    hostToken: '',
    reconnectSeconds: record.room.reconnectSeconds,
  };
  return { session, access };
};
