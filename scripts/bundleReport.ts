// `npm run build` ends here: how much JavaScript (gzip) the built client makes a browser download.
// The home and lobby load the entry chunk and its static imports only; Phaser, the map and the other
// screens come through dynamic imports. Exits non-zero when a target is exceeded, so CI notices.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { gzipSync } from 'node:zlib';
import { CLIENT_DIST } from '../server/web/clientBuild.js';

/** Issue 5's figures, in KB of gzip: what the home and lobby load, and all the JavaScript together. */
export const TARGETS_KB = { startup: 100, total: 450 } as const;

export interface ChunkSize {
  /** Path inside dist/client, e.g. `assets/index-Bx1.js`. */
  file: string;
  rawBytes: number;
  gzipBytes: number;
  /** `start` when the first page load fetches it; else `lazy: <name>` of the dynamic import that pulls it in. */
  loadedBy: string;
}

export interface BundleReport {
  chunks: ChunkSize[];
  /** Other assets (stylesheets, map data), not counted against the JavaScript targets. */
  others: ChunkSize[];
  startupGzipBytes: number;
  totalGzipBytes: number;
}

// `import{a as b}from"./x.js"`, `import"./x.js"`, `export{a}from"./x.js"` (not `import("./x.js")`).
const STATIC_IMPORT = /\b(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["'`]([^"'`\s]+\.js)["'`]/g;
// Rolldown writes dynamic imports with template literals: import(`./game-Bx1.js`).
const DYNAMIC_IMPORT = /\bimport\s*\(\s*["'`]([^"'`\s]+\.js)["'`]\s*\)/g;
const HTML_SCRIPT = /<script\b[^>]*\bsrc="([^"]+)"/g;
const HTML_PRELOAD = /<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g;
const HTML_STYLESHEET = /<link\b[^>]*\brel="stylesheet"[^>]*\bhref="([^"]+)"/g;

const matches = (text: string, pattern: RegExp): string[] => [...text.matchAll(pattern)].map((m) => m[1] ?? '');

/** A reference from `from` (a file inside dist) to `to` (relative, or absolute from the site root). */
const resolveRef = (from: string, to: string): string =>
  to.startsWith('/') ? to.slice(1) : posix.normalize(posix.join(posix.dirname(from), to));

/** `assets/game-Bx1_a-9Z.js` → `game`: Vite's chunk name without its content hash. */
const chunkName = (file: string): string => posix.basename(file).replace(/-[\w-]{8}\.js$/, '');

const sizeOf = (dist: string, file: string, loadedBy: string): ChunkSize => {
  const bytes = readFileSync(join(dist, file));
  return { file, rawBytes: bytes.length, gzipBytes: gzipSync(bytes, { level: 9 }).length, loadedBy };
};

const listFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? listFiles(join(dir, entry.name)) : [join(dir, entry.name)],
  );

/** Measures a Vite build: which chunks the first page load fetches, and every chunk's gzip size. */
export const measureBundle = (dist: string = CLIENT_DIST): BundleReport => {
  const indexFile = join(dist, 'index.html');
  if (!existsSync(indexFile)) throw new Error(`no build in ${dist}: run \`npx vite build\` first`);
  const html = readFileSync(indexFile, 'utf8');
  const code = new Map<string, string>();
  const read = (file: string): string => {
    let text = code.get(file);
    if (text === undefined) {
      const path = join(dist, file);
      text = existsSync(path) ? readFileSync(path, 'utf8') : '';
      code.set(file, text);
    }
    return text;
  };

  const loadedBy = new Map<string, string>();
  // Breadth first, so a chunk both the start and a lazy screen import counts as loaded at the start.
  const queue: [string, string][] = [...matches(html, HTML_SCRIPT), ...matches(html, HTML_PRELOAD)]
    .filter((src) => !/^[a-z]+:/i.test(src))
    .map((src) => [resolveRef('index.html', src), 'start']);
  while (queue.length > 0) {
    const [file, by] = queue.shift() as [string, string];
    if (loadedBy.has(file) || !existsSync(join(dist, file))) continue;
    loadedBy.set(file, by);
    const text = read(file);
    for (const ref of matches(text, STATIC_IMPORT)) queue.push([resolveRef(file, ref), by]);
    for (const ref of matches(text, DYNAMIC_IMPORT)) {
      const target = resolveRef(file, ref);
      queue.push([target, `lazy: ${chunkName(target)}`]);
    }
  }

  const files = listFiles(dist).map((path) => relative(dist, path).split('\\').join('/'));
  const chunks = files
    .filter((f) => f.endsWith('.js'))
    .map((f) => sizeOf(dist, f, loadedBy.get(f) ?? 'never (unreferenced)'))
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
  // Stylesheets the page links load at the start; the rest come with their screen's chunk or on demand.
  const linked = new Set(matches(html, HTML_STYLESHEET).map((href) => resolveRef('index.html', href)));
  const others = files
    .filter((f) => !f.endsWith('.js') && f !== 'index.html' && !f.startsWith('.vite/'))
    .map((f) => sizeOf(dist, f, linked.has(f) ? 'start' : f.endsWith('.css') ? 'lazy, with its screen' : 'on demand'))
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
  const sum = (list: ChunkSize[]) => list.reduce((total, c) => total + c.gzipBytes, 0);
  return {
    chunks,
    others,
    startupGzipBytes: sum(chunks.filter((c) => c.loadedBy === 'start')),
    totalGzipBytes: sum(chunks),
  };
};

/** Kilobytes of 1000 bytes, one decimal, as Vite prints them. */
export const kb = (bytes: number): number => Math.round(bytes / 100) / 10;

/** The targets a report misses, as sentences; empty when both hold. */
export const missedTargets = (report: BundleReport): string[] => [
  ...(kb(report.startupGzipBytes) > TARGETS_KB.startup
    ? [`the home and lobby load ${kb(report.startupGzipBytes)} KB gzip, over ${TARGETS_KB.startup} KB`]
    : []),
  ...(kb(report.totalGzipBytes) > TARGETS_KB.total
    ? [`all the JavaScript is ${kb(report.totalGzipBytes)} KB gzip, over ${TARGETS_KB.total} KB`]
    : []),
];

const verdict = (value: number, target: number) => (value <= target ? 'ok' : 'OVER');

/** The report as the lines `npm run build` prints. */
export const formatReport = (report: BundleReport): string[] => {
  const startup = kb(report.startupGzipBytes);
  const total = kb(report.totalGzipBytes);
  const rows = [...report.chunks, ...report.others].map((c) => [
    c.file,
    kb(c.rawBytes).toFixed(1),
    kb(c.gzipBytes).toFixed(1),
    c.loadedBy,
  ]);
  const header = ['file', 'raw KB', 'gzip KB', 'loaded'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (i === 1 || i === 2 ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [
    'Client JavaScript, gzip -9, KB of 1000 bytes:',
    `  home and lobby load   ${startup.toFixed(1).padStart(6)} KB   target ≤ ${TARGETS_KB.startup} KB   ${verdict(startup, TARGETS_KB.startup)}`,
    `  all chunks together   ${total.toFixed(1).padStart(6)} KB   target ≤ ${TARGETS_KB.total} KB   ${verdict(total, TARGETS_KB.total)}`,
    '',
    line(header),
    ...rows.map(line),
  ];
};

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  const dist = process.argv[2] ?? CLIENT_DIST;
  const report = measureBundle(dist);
  const shown = relative(process.cwd(), dist);
  console.log(`\nBuilt client in ${shown === '' || shown.startsWith('..') ? dist : shown}`);
  for (const l of formatReport(report)) console.log(l);
  const missed = missedTargets(report);
  if (missed.length > 0) {
    for (const m of missed) console.error(`bundle target missed: ${m}`);
    process.exit(1);
  }
}
