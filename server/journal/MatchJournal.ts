// The match journal: every accepted command, timer expiry, facilitator action and adjudication is
// appended here, in order, with a hash of the resulting state. In memory for now; SQLite comes next.

export interface JournalEntry {
  /** 1, 2, 3 … within one match. */
  seq: number;
  /** Server time in ms. */
  at: number;
  kind: 'create' | 'start' | 'command' | 'bot' | 'timeout' | 'advance' | 'chat' | 'seating';
  /** The acting seat, or null for the room clock. */
  seat: string | null;
  /** The parsed command or option, exactly as applied. */
  payload: unknown;
  /** Hash of the engine state after this entry (FNV-1a of its JSON). */
  hash: string;
}

export interface MatchJournal {
  append(matchId: string, entry: Omit<JournalEntry, 'seq'>): JournalEntry;
  entries(matchId: string): readonly JournalEntry[];
  /** The match's room is gone: finish its record (in memory: forget it). */
  close(matchId: string): void;
}

export class MemoryJournal implements MatchJournal {
  private readonly byMatch = new Map<string, JournalEntry[]>();

  append(matchId: string, entry: Omit<JournalEntry, 'seq'>): JournalEntry {
    const list = this.byMatch.get(matchId) ?? [];
    const full = { ...entry, seq: list.length + 1 };
    list.push(full);
    this.byMatch.set(matchId, list);
    return full;
  }

  entries(matchId: string): readonly JournalEntry[] {
    return this.byMatch.get(matchId) ?? [];
  }

  close(matchId: string): void {
    this.byMatch.delete(matchId);
  }
}

/** FNV-1a, 32 bits, hex: cheap and stable, enough to prove two states are the same. */
export const stateHash = (value: unknown): string => {
  const text = JSON.stringify(value);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
};
