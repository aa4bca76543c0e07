// Schema classes made from the view's wire shape (shared/protocol/wireShape.ts), fields only, and
// the one writer that copies a plain value into them. The writer assigns only what differs, and
// skips a whole subtree when it is the very object it wrote last time (the engine replaces what a
// step changes and shares the rest), so a patch carries the values that changed and no more.
import { $changes, ArraySchema, MapSchema, type Schema, schema } from '@colyseus/schema';
import { type WireNode, emptyIsUnset, needsHolder } from '../../../shared/protocol/wireShape.js';

type ObjectNode = Extract<WireNode, { kind: 'object' }>;
type Instance = Schema & Record<string, unknown>;
type FieldType = string | (new () => Schema) | { array: unknown } | { map: unknown };
type SchemaClass = new () => Instance;

const LEAF_TYPES = { float: 'float64', int: 'number', string: 'string', boolean: 'boolean', json: 'string' } as const;

/** By name: a shape copied with other flags (a secret field is optional) is the same class. */
const classes = new Map<string, SchemaClass>();
const holders = new Map<WireNode, SchemaClass>();

/** The Schema type of a field or collection item of shape `node`. */
const typeOf = (node: WireNode): FieldType => {
  switch (node.kind) {
    case 'leaf':
      return LEAF_TYPES[node.leaf];
    case 'object':
      return classOf(node);
    case 'array':
      return { array: itemType(node.item, node.name) };
    case 'record':
      return { map: itemType(node.item, node.name) };
  }
};

/** A collection's item type: a collection inside one goes in a one-field holder class. */
const itemType = (item: WireNode, name: string): FieldType => {
  if (!needsHolder(item)) return typeOf(item);
  let holder = holders.get(item);
  if (!holder) {
    holder = schema({ v: typeOf(item) } as never, name) as unknown as SchemaClass;
    holders.set(item, holder);
  }
  return holder;
};

/** The Schema class of an object shape (one per shape, made once). */
export const classOf = (node: ObjectNode): SchemaClass => {
  let made = classes.get(node.name);
  if (!made) {
    const fields: Record<string, FieldType> = {};
    for (const [k, f] of Object.entries(node.fields)) fields[k] = typeOf(f);
    made = schema(fields as never, node.name) as unknown as SchemaClass;
    classes.set(node.name, made);
  }
  return made;
};

/** The subtree each instance was last written from. */
const written = new WeakMap<object, unknown>();

/** While writeTracked runs: the instances made, which a StateView must be told about. */
let made: object[] | null = null;

/** A new instance for an object, list or map shape. */
const fresh = (node: WireNode): Instance => {
  const instance =
    node.kind === 'object'
      ? new (classOf(node))()
      : node.kind === 'array'
        ? (new ArraySchema() as unknown as Instance)
        : node.kind === 'record'
          ? (new MapSchema() as unknown as Instance)
          : null;
  if (!instance) throw new Error('a leaf has no instance');
  made?.push(instance);
  return instance;
};

/** Whether a field holds nothing: null, or an empty list or map that is read back as empty. */
const absent = (node: WireNode, value: unknown): boolean =>
  value === null ||
  value === undefined ||
  (emptyIsUnset(node) && (Array.isArray(value) ? value.length === 0 : Object.keys(value as object).length === 0));

/** A leaf's value as its field holds it: JSON text for `json`, undefined for null. */
const leafValue = (node: Extract<WireNode, { kind: 'leaf' }>, value: unknown): unknown =>
  value === null || value === undefined ? undefined : node.leaf === 'json' ? JSON.stringify(value) : value;

/** Copies `value` of shape `node` into `target`, assigning only what differs. */
export const write = (target: Instance | ArraySchema<unknown> | MapSchema<unknown>, node: WireNode, value: unknown) => {
  if (written.get(target) === value) return;
  if (node.kind === 'object') {
    const t = target as Instance;
    const v = value as Record<string, unknown>;
    for (const [k, f] of Object.entries(node.fields)) {
      const next = f.kind === 'leaf' ? leafValue(f, v[k]) : absent(f, v[k]) ? undefined : (t[k] ?? fresh(f));
      if (t[k] !== next) t[k] = next;
      if (next !== undefined && f.kind !== 'leaf') write(next as Instance, f, v[k]);
    }
  } else if (node.kind === 'array') {
    const t = target as ArraySchema<unknown>;
    const items = value as readonly unknown[];
    while (t.length > items.length) t.pop();
    items.forEach((item, i) => {
      const current = i < t.length ? t.at(i) : undefined;
      const next = itemContent(node.item, current, item);
      if (i >= t.length) t.push(next);
      else if (current !== next) t[i] = next;
    });
  } else if (node.kind === 'record') {
    const t = target as MapSchema<unknown>;
    const entries = value as Record<string, unknown>;
    for (const key of [...t.keys()]) if (!Object.hasOwn(entries, key)) t.delete(key);
    for (const [key, item] of Object.entries(entries)) {
      const current = t.get(key);
      const next = itemContent(node.item, current, item);
      if (current !== next) t.set(key, next);
    }
  }
  written.set(target, value);
};

/**
 * A list item or map entry: a leaf's value, the (reused or new) instance of an object, or a holder
 * around a collection.
 */
const itemContent = (item: WireNode, current: unknown, value: unknown): unknown => {
  if (item.kind === 'leaf') return leafValue(item, value);
  if (value === null || value === undefined) return undefined;
  if (!needsHolder(item)) {
    const instance = (current as Instance | undefined) ?? fresh(item);
    write(instance, item, value);
    return instance;
  }
  const holder = (current as Instance | undefined) ?? newHolder(item);
  const inner = (holder['v'] as Instance | undefined) ?? fresh(item);
  if (holder['v'] !== inner) holder['v'] = inner;
  write(inner, item, value);
  return holder;
};

const newHolder = (item: WireNode): Instance => {
  const holder = new (itemType(item, 'holder') as SchemaClass)();
  made?.push(holder);
  return holder;
};

/**
 * write() for a subtree a StateView filters (a seat's secrets): returns the instances it made. A
 * view holds only what was in the entry when it was added, so the room adds these to the views
 * that hold the entry (the Schema encodes them once, as part of the patch).
 */
export const writeTracked = (target: Instance, node: WireNode, value: unknown): object[] => {
  made = [];
  try {
    write(target, node, value);
    // Only the roots of new subtrees: StateView.add takes a subtree's children with it, and adding
    // a child again would list it twice in the patch.
    const all = new Set(made);
    const parentOf = (x: object) => (x as { [$changes]?: { parent?: object } })[$changes]?.parent;
    return made.filter((x) => !all.has(parentOf(x) ?? {}));
  } finally {
    made = null;
  }
};
