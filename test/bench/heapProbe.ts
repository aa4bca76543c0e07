// Loaded into a benchmark server child with `--import` (never by the production server): answers the
// bench over the IPC channel with the memory still live after full collections, writes a V8 heap
// snapshot, or CPU-profiles the measured window only (through the in-process inspector). The
// server's code is unchanged; the child only needs `--expose-gc` and an IPC channel.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';
import { getHeapStatistics, writeHeapSnapshot } from 'node:v8';

/** What the bench asks for. */
export type ProbeRequest =
  | { bench: 'heap'; id: number }
  | { bench: 'snapshot'; id: number; path: string }
  | { bench: 'profile-start'; id: number }
  | { bench: 'profile-stop'; id: number; path: string };

/** Live memory after full collections, in bytes. */
export interface HeapReading {
  /** V8's used heap: JS objects, strings, closures. */
  heapUsed: number;
  /** Memory outside the V8 heap held by JS objects (Buffers, ArrayBuffers, native wrappers). */
  external: number;
  /** The ArrayBuffer / Buffer part of `external`. */
  arrayBuffers: number;
}

export type ProbeReply =
  | { bench: 'heap'; id: number; reading: HeapReading }
  | { bench: 'snapshot' | 'profile-start' | 'profile-stop'; id: number };

/** Beside a profile (`X.cpuprofile.maps.json`): the source map of each TypeScript script, by scriptId. */
export type ScriptMaps = Record<string, { url: string; map: unknown }>;

const gc = (globalThis as { gc?: () => void }).gc;

/** Collects until the used heap stops shrinking (weak references and finalizers take rounds). */
const settle = (): HeapReading => {
  if (!gc) throw new Error('heapProbe needs node --expose-gc');
  let last = Infinity;
  for (let i = 0; i < 6; i++) {
    gc();
    const used = getHeapStatistics().used_heap_size;
    if (used >= last - 1024) break;
    last = used;
  }
  const m = process.memoryUsage();
  return { heapUsed: getHeapStatistics().used_heap_size, external: m.external, arrayBuffers: m.arrayBuffers };
};

let session: Session | undefined;
const post = <T>(method: string, params: object = {}): Promise<T> =>
  new Promise((resolve, reject) =>
    session?.post(method, params, (error, result) => (error ? reject(error) : resolve(result as T))),
  );

/**
 * tsx runs each .ts file minified onto one line: the profile's positions only mean something
 * through the inline source map, which the bench reads from this sidecar.
 */
const mapsOf = async (profile: { nodes: { callFrame: { scriptId: string; url: string } }[] }): Promise<ScriptMaps> => {
  const scripts = new Map(profile.nodes.map((n) => [n.callFrame.scriptId, n.callFrame.url]));
  const maps: ScriptMaps = {};
  await post('Debugger.enable');
  for (const [scriptId, url] of scripts) {
    if (!url.startsWith('file:') || url.includes('/node_modules/')) continue;
    const { scriptSource } = await post<{ scriptSource: string }>('Debugger.getScriptSource', { scriptId });
    const inline = /\/\/# sourceMappingURL=data:application\/json;base64,([A-Za-z0-9+/=]+)\s*$/.exec(scriptSource);
    if (inline?.[1]) maps[scriptId] = { url, map: JSON.parse(Buffer.from(inline[1], 'base64').toString('utf8')) };
  }
  await post('Debugger.disable');
  return maps;
};

const profileStart = async () => {
  session = new Session();
  session.connect();
  await post('Profiler.enable');
  await post('Profiler.setSamplingInterval', { interval: 500 });
  await post('Profiler.start');
};

const profileStop = async (path: string) => {
  const { profile } = await post<{ profile: { nodes: { callFrame: { scriptId: string; url: string } }[] } }>(
    'Profiler.stop',
  );
  writeFileSync(path, JSON.stringify(profile));
  writeFileSync(`${path}.maps.json`, JSON.stringify(await mapsOf(profile)));
  session?.disconnect();
  session = undefined;
};

if (process.send) {
  process.on('message', (raw: unknown) => {
    const request = raw as ProbeRequest;
    if (typeof request !== 'object' || request === null || !('bench' in request)) return;
    if (request.bench === 'heap') process.send?.({ bench: 'heap', id: request.id, reading: settle() });
    if (request.bench === 'snapshot') {
      writeHeapSnapshot(request.path);
      process.send?.({ bench: 'snapshot', id: request.id });
    }
    const done = () => process.send?.({ bench: request.bench, id: request.id });
    const failed = (error: unknown) => console.error(`heapProbe: ${request.bench}: ${String(error)}`);
    if (request.bench === 'profile-start') profileStart().then(done, failed);
    if (request.bench === 'profile-stop') profileStop(request.path).then(done, failed);
  });
  // The channel must not keep a server alive that was asked to stop.
  process.channel?.unref();
}
