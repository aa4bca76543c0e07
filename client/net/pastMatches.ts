// The matches this browser ran as the White Cell: their ids and facilitator keys, kept in
// localStorage so the home screen can list them and the after-action review can open them.
export interface PastMatch {
  id: string;
  code: string;
  key: string;
  scenario: string;
  createdAt: number;
}

const STORAGE_KEY = 'guarantor.whiteCell';
const LIMIT = 100;

export const pastMatches = (): PastMatch[] => {
  try {
    const list = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? '[]') as unknown;
    return Array.isArray(list) ? (list as PastMatch[]) : [];
  } catch {
    return [];
  }
};

/** Adds or refreshes a match; a match seen before keeps its first creation time. */
export const rememberMatch = (match: PastMatch): void => {
  const list = pastMatches();
  const known = list.find((m) => m.id === match.id);
  const others = list.filter((m) => m.id !== match.id);
  const entry = { ...match, createdAt: known?.createdAt ?? match.createdAt };
  localStorage.setItem(STORAGE_KEY, JSON.stringify([entry, ...others].slice(0, LIMIT)));
};

/** The facilitator key this browser holds for a match, if any. */
export const keyFor = (matchId: string): string | undefined => pastMatches().find((m) => m.id === matchId)?.key;
