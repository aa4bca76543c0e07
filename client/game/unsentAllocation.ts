// The allocation a player is editing, kept for this tab (sessionStorage) so a reload does not lose
// it: one entry per match and seat, for the turn it was made in. It goes once the allocation is
// submitted, and a later turn ignores and replaces it.
import { type Allocation, AllocationSchema } from '../../shared/model/commands.js';

const keyFor = (code: string, seat: string): string => `guarantor.allocation:${code}:${seat}`;

export const saveUnsent = (code: string, seat: string, turn: number, allocation: Allocation): void => {
  try {
    sessionStorage.setItem(keyFor(code, seat), JSON.stringify({ turn, allocation }));
  } catch {
    // Storage full or blocked: the form still works, only a reload would lose it.
  }
};

/** The allocation saved for this turn, if the tab has one that still reads as an allocation. */
export const loadUnsent = (code: string, seat: string, turn: number): Allocation | null => {
  try {
    const raw: unknown = JSON.parse(sessionStorage.getItem(keyFor(code, seat)) ?? 'null');
    if (typeof raw !== 'object' || raw === null || !('turn' in raw) || raw.turn !== turn) return null;
    const parsed = AllocationSchema.safeParse('allocation' in raw ? raw.allocation : null);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
};

export const clearUnsent = (code: string, seat: string): void => {
  try {
    sessionStorage.removeItem(keyFor(code, seat));
  } catch {
    // Nothing to clear when storage is blocked.
  }
};
