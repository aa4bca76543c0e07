// Reads two V8 heap snapshots of a bench server (idle, and with N rooms playing) and prints what the
// rooms added, per room, grouped by constructor / node type: where a room's memory is. A snapshot
// holds only live objects (V8 collects before writing), so the sums are live memory, not RSS.
// Also usable alone: `tsx test/bench/heapSnapshot.ts IDLE.heapsnapshot LOADED.heapsnapshot ROOMS`.
import { readFileSync } from 'node:fs';

interface Meta {
  node_fields: string[];
  node_types: [string[], ...unknown[]];
}

/** Self size summed by group, and the node count, for one snapshot. */
type Groups = Map<string, { bytes: number; count: number }>;

const indexOf = (buffer: Buffer, text: string, from = 0) => {
  const at = buffer.indexOf(text, from, 'latin1');
  if (at < 0) throw new Error(`not a heap snapshot: no ${text}`);
  return at;
};

/** The integers of a JSON array starting at `from` (just after its '['), without building a string. */
const readInts = (buffer: Buffer, from: number): number[] => {
  const out: number[] = [];
  let n = 0;
  let digits = false;
  for (let i = from; i < buffer.length; i++) {
    const c = buffer[i] ?? 0;
    if (c >= 48 && c <= 57) {
      n = n * 10 + (c - 48);
      digits = true;
    } else {
      if (digits) out.push(n);
      n = 0;
      digits = false;
      if (c === 93) return out; // ']'
    }
  }
  throw new Error('unterminated array in heap snapshot');
};

/** Which group a node counts in: objects by constructor, the rest by V8 node type. */
const groupOf = (type: string, name: string): string => {
  if (type === 'object' || type === 'native') return name.length > 60 ? `${name.slice(0, 57)}…` : name;
  if (type === 'closure') return '(closures)';
  if (type.includes('string')) return '(strings)';
  if (type === 'array') return '(internal arrays)';
  if (type === 'code') return '(compiled code)';
  if (type === 'hidden' || type === 'object shape') return '(V8 internals)';
  return `(${type})`;
};

export const readGroups = (path: string): Groups => {
  const buffer = readFileSync(path);
  const nodesAt = indexOf(buffer, '"nodes":[');
  const head = buffer.subarray(0, nodesAt).toString('utf8').trim().replace(/,$/, '');
  const meta = (JSON.parse(`${head}}`) as { snapshot: { meta: Meta } }).snapshot.meta;
  const nodes = readInts(buffer, nodesAt + '"nodes":['.length);
  const stringsAt = indexOf(buffer, '"strings":[', nodesAt);
  const tail = buffer.subarray(stringsAt + '"strings":'.length).toString('utf8');
  const strings = JSON.parse(tail.slice(0, tail.lastIndexOf(']') + 1)) as string[];
  const width = meta.node_fields.length;
  const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((f) => meta.node_fields.indexOf(f));
  const types = meta.node_types[0];
  const groups: Groups = new Map();
  for (let i = 0; i < nodes.length; i += width) {
    const type = types[nodes[i + (typeAt ?? 0)] ?? 0] ?? '?';
    const name = strings[nodes[i + (nameAt ?? 1)] ?? 0] ?? '?';
    const key = groupOf(type, name);
    const g = groups.get(key) ?? { bytes: 0, count: 0 };
    g.bytes += nodes[i + (sizeAt ?? 3)] ?? 0;
    g.count++;
    groups.set(key, g);
  }
  return groups;
};

const total = (g: Groups) => [...g.values()].reduce((s, v) => s + v.bytes, 0);

/** Prints the per-room difference between the idle and the loaded snapshot, largest groups first. */
export const summariseSnapshots = (kind: string, rooms: number, [idlePath, loadedPath]: string[], top = 18): void => {
  if (!idlePath || !loadedPath) return;
  const began = performance.now();
  const idle = readGroups(idlePath);
  const loaded = readGroups(loadedPath);
  const keys = new Set([...idle.keys(), ...loaded.keys()]);
  const rows = [...keys]
    .map((key) => {
      const a = idle.get(key) ?? { bytes: 0, count: 0 };
      const b = loaded.get(key) ?? { bytes: 0, count: 0 };
      return { key, bytes: (b.bytes - a.bytes) / rooms, count: (b.count - a.count) / rooms };
    })
    .sort((x, y) => y.bytes - x.bytes);
  const perRoom = (total(loaded) - total(idle)) / rooms;
  console.log(
    `Heap snapshot, ${kind}: ${(total(idle) / 1024 / 1024).toFixed(1)} MB idle → ${(total(loaded) / 1024 / 1024).toFixed(1)} MB with ${rooms} rooms = ${(perRoom / 1024).toFixed(0)} KB per room (sum of self sizes of live nodes, loaded minus idle, over rooms; parsed in ${((performance.now() - began) / 1000).toFixed(1)} s)`,
  );
  const code = rows.find((r) => r.key === '(compiled code)')?.bytes ?? 0;
  console.log(
    `  without (compiled code), which is JIT warm-up shared by all rooms rather than per-room data: ${((perRoom - code) / 1024).toFixed(0)} KB per room`,
  );
  console.log(`  per room, largest groups:`);
  for (const r of rows.slice(0, top))
    console.log(
      `  ${(r.bytes / 1024).toFixed(1).padStart(8)} KB ${r.count.toFixed(0).padStart(7)} nodes  ${((r.bytes / perRoom) * 100).toFixed(0).padStart(3)}%  ${r.key}`,
    );
  console.log('');
};

if (process.argv[1]?.endsWith('heapSnapshot.ts')) {
  const [idle, loaded, rooms] = process.argv.slice(2);
  if (!idle || !loaded || !(Number(rooms) > 0)) throw new Error('usage: heapSnapshot.ts IDLE LOADED ROOMS');
  summariseSnapshots('snapshot', Number(rooms), [idle, loaded]);
}
