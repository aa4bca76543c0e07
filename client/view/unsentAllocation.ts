// The allocation a player is editing, as the tab keeps it (sessionStorage) so a reload does not lose
// it: one entry per match and seat, for the turn it was made in. Pure: what to store and what a
// stored entry still counts for; the allocation panel does the storing.
import { type Allocation, AllocationSchema } from '../../shared/model/commands.js';

/** The storage key: one per match and seat. */
export const unsentKey = (code: string, seat: string): string => `guarantor.allocation:${code}:${seat}`;

/** What is stored: the plan and the turn it belongs to. */
export const unsentEntry = (turn: number, allocation: Allocation): string => JSON.stringify({ turn, allocation });

/** The stored plan if it was made in `turn` and still reads as an allocation; null otherwise. */
export const readUnsent = (stored: string | null, turn: number): Allocation | null => {
  try {
    const raw: unknown = JSON.parse(stored ?? 'null');
    if (typeof raw !== 'object' || raw === null || !('turn' in raw) || raw.turn !== turn) return null;
    const parsed = AllocationSchema.safeParse('allocation' in raw ? raw.allocation : null);
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
};
