// Frames as a hostile client writes them, byte by byte: any type of any length (colyseus.js cannot
// send a type over 8 KB), any payload, bytes, or deliberately broken msgpack.
const be = (length: number, bytes: 2 | 4): number[] =>
  bytes === 2
    ? [length >> 8, length & 0xff]
    : [(length >>> 24) & 0xff, (length >> 16) & 0xff, (length >> 8) & 0xff, length & 0xff];

/** A msgpack length head: fix form below `fixLimit`, else the 16- or 32-bit form. */
const head = (fix: number, fixLimit: number, code16: number, length: number): number[] =>
  length < fixLimit ? [fix | length] : length < 0x10000 ? [code16, ...be(length, 2)] : [code16 + 1, ...be(length, 4)];

const str = (text: string): number[] => {
  const bytes = [...new TextEncoder().encode(text)];
  if (bytes.length >= 32 && bytes.length < 256) return [0xd9, bytes.length, ...bytes];
  return [...head(0xa0, 32, 0xda, bytes.length), ...bytes];
};

/** msgpack for JSON-like values, plus Uint8Array as bin. */
export const msgpack = (value: unknown): number[] => {
  if (value === null || value === undefined) return [0xc0];
  if (value === false) return [0xc2];
  if (value === true) return [0xc3];
  if (typeof value === 'number') {
    if (Number.isInteger(value) && value >= 0 && value < 128) return [value];
    const view = new DataView(new ArrayBuffer(8));
    view.setFloat64(0, value);
    return [0xcb, ...new Uint8Array(view.buffer)];
  }
  if (typeof value === 'string') return str(value);
  if (value instanceof Uint8Array) return [0xc5, ...be(value.length, 2), ...value];
  if (Array.isArray(value)) return [...head(0x90, 16, 0xdc, value.length), ...value.flatMap(msgpack)];
  const entries = Object.entries(value as Record<string, unknown>);
  return [...head(0x80, 16, 0xde, entries.length), ...entries.flatMap(([k, v]) => [...str(k), ...msgpack(v)])];
};

/** `{ type, [key]: value }` with the key written as given: "__proto__" arrives as itself, not as a setter. */
export const commandWithKey = (type: string, key: string, value: unknown): number[] => [
  0x82,
  ...str('type'),
  ...str(type),
  ...str(key),
  ...msgpack(value),
];

const ROOM_DATA = 13;
const ROOM_DATA_BYTES = 17;

/** A room.send frame: any type, then the payload's bytes (none when undefined). */
export const messageFrame = (type: string | number, payload?: unknown): Uint8Array =>
  Uint8Array.from([
    ROOM_DATA,
    ...(typeof type === 'string' ? str(type) : msgpack(type)),
    ...(payload === undefined ? [] : msgpack(payload)),
  ]);

/** A room.send frame with payload bytes written by hand (broken msgpack, hand-made keys). */
export const rawMessageFrame = (type: string, payloadBytes: readonly number[]): Uint8Array =>
  Uint8Array.from([ROOM_DATA, ...str(type), ...payloadBytes]);

/** A room.sendBytes frame. */
export const bytesFrame = (type: string, bytes: Uint8Array): Uint8Array =>
  Uint8Array.from([ROOM_DATA_BYTES, ...str(type), ...bytes]);
