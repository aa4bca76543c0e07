// Who a joining client is: the creator (its host token), the White Cell (its facilitator key), a
// player back in its seat (a reclaim key, once), or an observer. The join code is checked here.
import type { AuthContext } from '@colyseus/core';
import { cleanClientValue, describeIssues } from '../../shared/index.js';
import { JoinOptionsSchema } from '../../shared/protocol/roomMessages.js';
import { addressOf, checkCodeAtAuth } from '../access/codeGuard.js';
import type { Members } from './Members.js';
import { refusal } from './refusal.js';

export interface Identity {
  name: string;
  seat: string;
  address: string;
}

/** The room's secrets of access: what the journal keeps so people get back in after a restart. */
export interface RoomAccess {
  code: string;
  facilitatorKey: string;
  /** The creating client's secret; '' once the creator has joined (or for a restored room). */
  hostToken: string;
  reconnectSeconds: number;
}

/** Colyseus adds its own keys to options (e.g. the seat reservation); the schemas see only ours. */
export const withoutInternals = (raw: unknown): unknown => {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  const { __testJoinOptions: _a, __restore: _b, ...rest } = raw as Record<string, unknown>;
  return rest;
};

/**
 * Identifies a joiner, or throws a refusal naming what was wrong. `endWaiting` ends the held place
 * of a dropped session whose reclaim key is presented (a page that reloaded before its old socket
 * closed would otherwise hold a second place in the seat for the reconnection window).
 */
export const identify = async (
  access: RoomAccess,
  members: Members,
  raw: unknown,
  context: AuthContext,
  endWaiting: (sessionId: string) => void,
): Promise<Identity> => {
  const clean = cleanClientValue(withoutInternals(raw), 'options');
  if (!clean.ok) throw refusal(clean.error.message);
  const parsed = JoinOptionsSchema.safeParse(clean.value);
  if (!parsed.success) throw refusal(describeIssues(parsed.error, 'options'));
  const { code, name, facilitatorKey, reclaimKey, hostToken } = parsed.data;
  // The creator joins right after onCreate with its create options: its host token makes it the White Cell.
  if (access.hostToken !== '' && hostToken === access.hostToken) {
    access.hostToken = '';
    return { name: name ?? 'White Cell', seat: 'facilitator', address: addressOf(context) };
  }
  // JoinOptionsSchema has trimmed and upper-cased the code.
  await checkCodeAtAuth(context, code === access.code);
  if (name === undefined) throw refusal('name: a name is required');
  const address = addressOf(context);
  if (facilitatorKey !== undefined && facilitatorKey === access.facilitatorKey)
    return { name, seat: 'facilitator', address };
  // A reclaim key works once; the returning player gets a fresh one in its welcome.
  const dropped = members.droppedHolderOf(reclaimKey);
  if (dropped) endWaiting(dropped);
  return { name, seat: members.redeem(reclaimKey) ?? 'observer', address };
};

/** What a joiner is told: its seat, the code, and the key that brings it back (the White Cell's, or its seat's). */
export const welcome = (access: RoomAccess, members: Members, sessionId: string, seat: string) => ({
  seat,
  code: access.code,
  ...(seat === 'facilitator' ? { facilitatorKey: access.facilitatorKey } : {}),
  ...(seat !== 'facilitator' && seat !== 'observer' ? { reclaimKey: members.issueKey(sessionId, seat) } : {}),
});
