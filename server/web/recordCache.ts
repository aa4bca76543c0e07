// The record routes replay a whole journal (~200 ms for a 12-turn Baltic match): a public review
// opened by a class, or requested over and over, would stall every room. Each export is built once
// per state of its journal (its last entry's number) and kept while it is among the latest few.
const KEPT = 24;

const cache = new Map<string, string>();
let built = 0;

/** How many exports were built rather than served from the cache, since the process started. */
export const exportsBuilt = (): number => built;

/** The export `version` of match `id` at journal entry `seq`, built by `build` only when not kept. */
export const cachedExport = (version: string, id: string, seq: number, build: () => string): string => {
  const key = `${version}\u0000${id}\u0000${seq}`;
  const hit = cache.get(key);
  if (hit !== undefined) {
    // Most recently used last, so the oldest is dropped first.
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const body = build();
  built++;
  cache.set(key, body);
  while (cache.size > KEPT) cache.delete(cache.keys().next().value as string);
  return body;
};
