// Where the built browser client lives, and whether it is older than its sources.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '../..');
/** The built client the server serves; CLIENT_DIST points elsewhere (the browser tests' private build). */
export const CLIENT_DIST = process.env.CLIENT_DIST || join(ROOT, 'dist/client');
/** Sources the client bundle is built from: a change to any of them makes the build stale. */
const SOURCES = ['client', 'shared', 'vite.config.ts', 'package-lock.json'];

const newestMtime = (path: string): number => {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry === 'dist') continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
};

/** True when dist/client is missing or any client source changed after it was built. */
export const clientIsStale = (): boolean => {
  const built = join(CLIENT_DIST, 'index.html');
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  return SOURCES.some((s) => newestMtime(join(ROOT, s)) > builtAt);
};
