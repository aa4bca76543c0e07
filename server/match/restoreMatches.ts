// After a restart: every match whose room was up (running, or over with people on its debrief) comes back as a room with the same id, code,
// seats and state (its journal replayed and checked), before the server takes connections.
import { randomUUID } from 'node:crypto';
import { matchMaker } from '@colyseus/core';
import { journal } from '../journal/journalStore.js';

/** Known only to this process: a client's create options can never ask for a restore. */
export const RESTORE_TOKEN = randomUUID();

export interface RestoreRequest {
  __restore: { token: string; matchId: string };
}

export const restoreRequest = (raw: unknown): string | null => {
  const r = (raw as Partial<RestoreRequest> | null)?.__restore;
  return r && r.token === RESTORE_TOKEN && typeof r.matchId === 'string' ? r.matchId : null;
};

export interface RestoreReport {
  restored: string[];
  failed: { id: string; reason: string }[];
}

export const restoreMatches = async (): Promise<RestoreReport> => {
  const report: RestoreReport = { restored: [], failed: [] };
  for (const match of journal().withRoomUp()) {
    try {
      await matchMaker.createRoom('crisis', { __restore: { token: RESTORE_TOKEN, matchId: match.id } });
      report.restored.push(match.id);
    } catch (e) {
      // One bad journal stops only its own match; the others still come back.
      const reason = e instanceof Error ? e.message : String(e);
      report.failed.push({ id: match.id, reason });
      console.error(`match ${match.id} (code ${match.code}) was not restored: ${reason}`);
    }
  }
  if (report.restored.length > 0) console.log(`restored ${report.restored.length} match(es)`);
  return report;
};
