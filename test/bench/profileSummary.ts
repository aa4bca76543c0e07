// Summarises V8 CPU profiles (`npm run bench:server -- --profile DIR` writes them, one per server
// process): where the server's CPU went, as shares of its busy time. Self time is grouped by part
// (ws frames, schema encoding, sync, journal, SQLite, engine…); a native function without a script
// (a binding such as SQLite's statement.run or a socket's writev) counts in the part that called
// it. Inclusive time per source file counts a sample once for every file on its stack, so
// "server/journal/…" includes the JSON, hashing and SQLite it caused.
// `tsx test/bench/profileSummary.ts DIR|FILE.cpuprofile…`
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ScriptMaps } from './heapProbe.js';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; scriptId: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const SQLITE = 'SQLite (better-sqlite3)';
const SQLITE_NATIVE = new Set(['run', 'get', 'all', 'iterate', 'exec', 'pragma', 'prepare']);

/** Which part of the server a script belongs to, checked in order; the first match names it. */
const PARTS: [RegExp, string][] = [
  [/node_modules\/ws\//, 'ws (WebSocket frames in/out)'],
  [/node_modules\/@colyseus\/schema\//, '@colyseus/schema (encode, change tracking)'],
  [/node_modules\/@colyseus\/ws-transport\//, '@colyseus/ws-transport'],
  [/node_modules\/@colyseus\/core\//, '@colyseus/core (rooms, patches, matchmaker)'],
  [/msgpackr/, 'msgpackr (message decode)'],
  [/node_modules\/better-sqlite3\//, SQLITE],
  [/node_modules\/zod\//, 'zod (parsing)'],
  [/node_modules\/(express|router|body-parser|send|finalhandler)/, 'express / HTTP'],
  [/node_modules\/(tsx|esbuild|get-tsconfig)/, 'tsx loader (start-up)'],
  [/node_modules\//, 'other packages'],
  [/\/server\/journal\//, 'server/journal (journal, hashing)'],
  [/\/server\/rooms\/sync/, 'server/rooms/sync (state → Schema, JSON chunks)'],
  [/\/server\/rooms\//, 'server/rooms (room, access, frames)'],
  [/\/server\/match\//, 'server/match (session, clock)'],
  [/\/server\//, 'server/ other'],
  [/\/shared\/view\//, 'shared/view (viewFor, secrecy)'],
  [/\/shared\/(rules|match)\//, 'shared/rules + match (engine)'],
  [/\/shared\/bots\//, 'shared/bots'],
  [/\/shared\/protocol\//, 'shared/protocol (zod schemas, wire)'],
  [/\/shared\//, 'shared/ other (model, rng, record)'],
  [/^node:internal\/(net|stream|streams)|^node:net|^node:stream/, 'node net/streams (socket writes)'],
  [/^node:internal\/timers|^node:timers/, 'node timers'],
  [/^node:/, 'node internals, other'],
];
const SPECIAL: Record<string, string> = {
  '(garbage collector)': 'GC',
  '(program)': 'V8/native, no JS frame ("(program)")',
  '(idle)': 'idle',
  '(root)': 'idle',
};

const partOfUrl = (url: string): string | undefined => PARTS.find(([re]) => re.test(url))?.[1];
const shortUrl = (url: string) =>
  url
    .replace(/^file:\/\//, '')
    .replace(/^.*?\/node_modules\//, 'node_modules/')
    .replace(/^.*?\/(server|shared|test)\//, '$1/');

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** A source map's `mappings`, decoded: per generated line, [column, source line] pairs in order. */
const decodeMappings = (mappings: string): [number, number][][] => {
  let srcLine = 0;
  return mappings.split(';').map((line) => {
    let col = 0;
    const out: [number, number][] = [];
    for (const segment of line.split(',')) {
      if (!segment) continue;
      const values: number[] = [];
      let value = 0;
      let shift = 0;
      for (const ch of segment) {
        const digit = B64.indexOf(ch);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          values.push(value & 1 ? -(value >>> 1) : value >>> 1);
          value = 0;
          shift = 0;
        }
      }
      col += values[0] ?? 0;
      if (values.length >= 4) {
        srcLine += values[2] ?? 0;
        out.push([col, srcLine]);
      }
    }
    return out;
  });
};

/**
 * Names a TypeScript function from its source: tsx runs every file minified onto one line with its
 * names gone, so a frame is mapped back through the script's source map to its original line, and
 * the name is read from that line ("const secretsOf = (…" → secretsOf).
 */
const tsNamer = (maps: ScriptMaps) => {
  const decoded = new Map<string, { lines: [number, number][][]; source: string[] }>();
  return (frame: ProfileNode['callFrame']): { name: string; line: number } | undefined => {
    const entry = maps[frame.scriptId];
    if (!entry) return undefined;
    let d = decoded.get(frame.scriptId);
    if (!d) {
      const map = entry.map as { mappings: string; sourcesContent?: string[] };
      const path = entry.url.replace(/^file:\/\//, '');
      const text = map.sourcesContent?.[0] ?? (existsSync(path) ? readFileSync(path, 'utf8') : '');
      d = { lines: decodeMappings(map.mappings), source: text.split('\n') };
      decoded.set(frame.scriptId, d);
    }
    const segments = d.lines[frame.lineNumber] ?? [];
    let line = -1;
    for (const [col, srcLine] of segments) {
      if (col > frame.columnNumber) break;
      line = srcLine;
    }
    if (line < 0) return undefined;
    const text = d.source[line] ?? '';
    const name =
      /(?:function\*?\s+|const\s+|let\s+|class\s+)([\w$]+)/.exec(text)?.[1] ??
      /^\s*(?:(?:private|protected|public|static|async|override|readonly|get|set)\s+)*([\w$]+)\s*[(<]/.exec(
        text,
      )?.[1] ??
      /([\w$]+)\s*[:=]\s*(?:async\s*)?(?:\([^)]*\)|[\w$]+)\s*=>/.exec(text)?.[1] ??
      text.trim().slice(0, 40);
    return { name, line };
  };
};

const files = (args: string[]): string[] =>
  args.flatMap((a) =>
    statSync(a).isDirectory()
      ? readdirSync(a, { recursive: true })
          .map(String)
          .filter((f) => f.endsWith('.cpuprofile'))
          .sort()
          .map((f) => join(a, f))
      : [a],
  );

const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);

/** The summary as printable lines. */
export const summariseProfiles = (paths: string[], top = 25): string[] => {
  const selfByPart = new Map<string, number>();
  const selfByFunction = new Map<string, number>();
  const inclusiveByFile = new Map<string, number>();
  const inclusiveByTsFunction = new Map<string, number>();
  let busy = 0;
  let idle = 0;
  let probe = 0;
  for (const path of files(paths)) {
    const profile = JSON.parse(readFileSync(path, 'utf8')) as CpuProfile;
    const mapsPath = `${path}.maps.json`;
    const named = tsNamer(existsSync(mapsPath) ? (JSON.parse(readFileSync(mapsPath, 'utf8')) as ScriptMaps) : {});
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const parent = new Map<number, number>();
    for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
    // The part of a frame: its script's, or for a native frame its nearest scripted caller's.
    const partMemo = new Map<number, string>();
    const partOf = (id: number): string => {
      const memo = partMemo.get(id);
      if (memo) return memo;
      const n = byId.get(id);
      const special = n ? SPECIAL[n.callFrame.functionName] : undefined;
      const up = parent.get(id);
      const caller = up !== undefined ? partOf(up) : 'other';
      const part =
        special ??
        (n?.callFrame.url
          ? (partOfUrl(n.callFrame.url) ?? 'other scripts')
          : // A statement's run/get/all called from the journal is SQLite's own work.
            SQLITE_NATIVE.has(n?.callFrame.functionName ?? '') && caller.startsWith('server/journal')
            ? SQLITE
            : caller);
      partMemo.set(id, part);
      return part;
    };
    // The probe's own work (starting the profiler) is the bench's, not the server's.
    const probeMemo = new Map<number, boolean>();
    const inProbe = (id: number): boolean => {
      const memo = probeMemo.get(id);
      if (memo !== undefined) return memo;
      const up = parent.get(id);
      const own = byId.get(id)?.callFrame.url.endsWith('/test/bench/heapProbe.ts') ?? false;
      const result = own || (up !== undefined && inProbe(up));
      probeMemo.set(id, result);
      return result;
    };
    profile.samples.forEach((id, i) => {
      const ms = (profile.timeDeltas[i] ?? 0) / 1000;
      const n = byId.get(id);
      if (!n) return;
      if (inProbe(id)) {
        probe += ms;
        return;
      }
      const part = partOf(id);
      if (part === 'idle') {
        idle += ms;
        return;
      }
      busy += ms;
      add(selfByPart, part, ms);
      const { functionName, url, lineNumber } = n.callFrame;
      const ts = named(n.callFrame);
      const where = url ? `${shortUrl(url)}:${(ts?.line ?? lineNumber) + 1}` : `native, in ${part}`;
      add(selfByFunction, `${ts?.name ?? (functionName || '(anonymous)')}  ${where}`, ms);
      const seen = new Set<string>();
      for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
        const frame = byId.get(at)?.callFrame;
        const url = frame?.url;
        if (!frame || !url) continue;
        if (!seen.has(url)) {
          seen.add(url);
          add(inclusiveByFile, shortUrl(url), ms);
        }
        const ts = named(frame);
        const key = ts ? `${ts.name}  ${shortUrl(url)}:${ts.line + 1}` : undefined;
        if (key && !seen.has(key)) {
          seen.add(key);
          add(inclusiveByTsFunction, key, ms);
        }
      }
    });
  }
  const share = (ms: number) => `${((ms / busy) * 100).toFixed(1).padStart(5)}%`;
  const list = (m: Map<string, number>, n: number) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, ms]) => `  ${share(ms)} ${(ms / 1000).toFixed(2).padStart(7)} s  ${k}`);
  return [
    `CPU profile: ${(busy / 1000).toFixed(2)} s busy, ${(idle / 1000).toFixed(1)} s idle, over ${files(paths).length} profile(s) (main thread only: GC helper and compiler threads are not sampled; the probe's own ${(probe / 1000).toFixed(2)} s left out). Shares are of busy time.`,
    '',
    'Self time by part (native frames count in the part that called them):',
    ...list(selfByPart, 40),
    '',
    `Top ${top} functions by self time:`,
    ...list(selfByFunction, top),
    '',
    `Inclusive time by source file (a sample counts once for each file on its stack; top ${top}):`,
    ...list(inclusiveByFile, top),
    '',
    `Inclusive time by project function (server/, shared/, test/; top ${top}):`,
    ...list(inclusiveByTsFunction, top),
  ];
};

if (process.argv[1]?.endsWith('profileSummary.ts')) {
  const args = process.argv.slice(2);
  if (args.length === 0) throw new Error('usage: profileSummary.ts DIR|FILE.cpuprofile…');
  console.log(summariseProfiles(args).join('\n'));
}
