// The shape of the view on the wire, read once from the view's zod schema: which values are typed
// fields (float64, integer, string, boolean), which are objects, lists or maps of them, and which
// few travel as JSON text (unions such as an event card's effects). The server builds its Schema
// classes from this shape (server/rooms/schema/viewSchema.ts); the client reads the decoded state
// back into a plain view with it (wire.ts). shared/ never imports @colyseus/schema.
import type { z } from 'zod';

/** A leaf: how one value is encoded. `json` holds a union value as its JSON text. */
export type LeafKind = 'float' | 'int' | 'string' | 'boolean' | 'json';

export type WireNode =
  | { kind: 'leaf'; leaf: LeafKind; nullable: boolean; optional: boolean }
  | { kind: 'object'; name: string; fields: Record<string, WireNode>; nullable: boolean; optional: boolean }
  | { kind: 'array'; name: string; item: WireNode; nullable: boolean; optional: boolean }
  | { kind: 'record'; name: string; item: WireNode; nullable: boolean; optional: boolean };

type Def = {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  valueType?: z.ZodType;
  innerType?: z.ZodType;
  values?: unknown[];
  format?: string;
};
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Short class names, unique within one shape (they travel in the schema handshake). */
const namer = () => {
  const used = new Map<string, number>();
  return (hint: string): string => {
    const base = hint.replace(/[^A-Za-z0-9]/g, '').replace(/^./, (c) => c.toUpperCase()) || 'T';
    const n = used.get(base) ?? 0;
    used.set(base, n + 1);
    return n === 0 ? base : `${base}${n}`;
  };
};

/**
 * The wire shape of a zod schema. Object classes are named after the first field holding them, and
 * one zod schema is one shape wherever it appears (an allocation, a reveal's allocation). `override`
 * replaces the shape at a path (the view's `params` travel as JSON).
 */
export const wireShape = (
  schema: z.ZodType,
  name: string,
  override: (path: string) => WireNode | undefined = () => undefined,
): WireNode => {
  const nameFor = namer();
  const cores = new Map<z.ZodType, WireNode>();
  const walk = (s: z.ZodType, hint: string, path: string, nullable = false, optional = false): WireNode => {
    const replaced = override(path);
    if (replaced) return replaced;
    const d = defOf(s);
    if (d.type === 'nullable') return walk(d.innerType!, hint, path, true, optional);
    if (d.type === 'optional') return walk(d.innerType!, hint, path, nullable, true);
    if (d.type === 'default') return walk(d.innerType!, hint, path, nullable, optional);
    let core = cores.get(s);
    if (!core) {
      core = coreOf(s, d, hint, path);
      cores.set(s, core);
    }
    return { ...core, nullable, optional };
  };
  const coreOf = (s: z.ZodType, d: Def, hint: string, path: string): WireNode => {
    const plain = { nullable: false, optional: false };
    switch (d.type) {
      case 'number':
        return { kind: 'leaf', leaf: d.format === 'safeint' ? 'int' : 'float', ...plain };
      case 'string':
      case 'enum':
        return { kind: 'leaf', leaf: 'string', ...plain };
      case 'boolean':
        return { kind: 'leaf', leaf: 'boolean', ...plain };
      case 'literal': {
        const v = d.values?.[0];
        const leaf: LeafKind =
          typeof v === 'string' ? 'string' : typeof v === 'boolean' ? 'boolean' : Number.isInteger(v) ? 'int' : 'float';
        return { kind: 'leaf', leaf, ...plain };
      }
      case 'object': {
        const fields: Record<string, WireNode> = {};
        const node: WireNode = { kind: 'object', name: nameFor(hint), fields, ...plain };
        // Registered before its fields, so a shape that contains itself would end, not loop.
        cores.set(s, node);
        for (const [k, v] of Object.entries(d.shape ?? {})) fields[k] = walk(v, k, `${path}.${k}`);
        return node;
      }
      case 'array':
        return { kind: 'array', name: nameFor(`${hint}Item`), item: walk(d.element!, hint, `${path}[]`), ...plain };
      case 'record':
        return { kind: 'record', name: nameFor(`${hint}Entry`), item: walk(d.valueType!, hint, `${path}{}`), ...plain };
      default:
        // Unions (event card effects, override sets): one value's JSON text.
        return { kind: 'leaf', leaf: 'json', ...plain };
    }
  };
  return walk(schema, name, '');
};

/**
 * Whether an empty value of this shape is left out (the field unset) rather than sent: a list or
 * map that is neither nullable nor optional, read back as empty. Breakdowns' terms, empty records
 * of posture or aid and the like then cost nothing.
 */
export const emptyIsUnset = (node: WireNode): boolean =>
  (node.kind === 'array' || node.kind === 'record') && !node.nullable && !node.optional;

/** Plain records and arrays of a decoded Schema, read without naming Colyseus. */
interface MapLike {
  forEach(fn: (value: unknown, key: string) => void): void;
}
const isMapLike = (x: unknown): x is MapLike =>
  typeof x === 'object' && x !== null && typeof (x as MapLike).forEach === 'function' && !Array.isArray(x);

/**
 * Reads a decoded value of `node` back into the plain value the server wrote. A missing nullable
 * value is null, a missing optional one undefined. Throws, naming the path, on a missing required
 * value or a wrong type: the caller treats that as a broken link.
 */
export const readWire = (node: WireNode, x: unknown, path = 'view'): unknown => {
  if (x === undefined || x === null) {
    if (emptyIsUnset(node)) return node.kind === 'array' ? [] : {};
    if (node.nullable) return null;
    if (node.optional) return undefined;
    throw new Error(`the server sent an invalid view: ${path} is missing`);
  }
  switch (node.kind) {
    case 'leaf':
      if (node.leaf === 'json') return JSON.parse(String(x)) as unknown;
      if (typeof x !== (node.leaf === 'float' || node.leaf === 'int' ? 'number' : node.leaf))
        throw new Error(`the server sent an invalid view: ${path} is not a ${node.leaf}`);
      return x;
    case 'object': {
      const source = x as Record<string, unknown>;
      const out: Record<string, unknown> = {};
      for (const [k, f] of Object.entries(node.fields)) {
        const v = readWire(f, source[k], `${path}.${k}`);
        if (v !== undefined) out[k] = v;
      }
      return out;
    }
    case 'array': {
      const items = Array.from(x as Iterable<unknown>);
      return items.map((item, i) => readWire(node.item, unwrap(node.item, item), `${path}[${i}]`));
    }
    case 'record': {
      if (!isMapLike(x)) throw new Error(`the server sent an invalid view: ${path} is not a map`);
      const out: Record<string, unknown> = {};
      x.forEach((item, key) => {
        out[key] = readWire(node.item, unwrap(node.item, item), `${path}.${key}`);
      });
      return out;
    }
  }
};

/**
 * A collection inside a collection travels in a one-field holder (`{ v }`): Schema maps and arrays
 * cannot hold each other directly. These say when, for the server's writer and the reader.
 */
export const needsHolder = (item: WireNode): boolean => item.kind === 'array' || item.kind === 'record';
const unwrap = (item: WireNode, x: unknown): unknown =>
  needsHolder(item) && x !== null && x !== undefined ? (x as { v?: unknown }).v : x;
