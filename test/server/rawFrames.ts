// Frames as a hostile client writes them, byte by byte: any type of any length (colyseus.js cannot
// send a type over 8 KB), any payload, bytes, or deliberately broken msgpack. The payload is msgpack
// (big-endian lengths); the type before it is in @colyseus/schema's encoding.
import { encode } from '@colyseus/schema';

const encoder = new TextEncoder();

/** Collects a frame's bytes in chunks, joined once at the end. */
class Bytes {
  private readonly chunks: Uint8Array[] = [];
  private size = 0;

  add(bytes: Uint8Array | readonly number[]): this {
    const chunk = bytes instanceof Uint8Array ? bytes : Uint8Array.from(bytes);
    this.chunks.push(chunk);
    this.size += chunk.length;
    return this;
  }

  join(): Uint8Array {
    const out = new Uint8Array(this.size);
    let offset = 0;
    for (const chunk of this.chunks) {
      out.set(chunk, offset);
      offset += chunk.length;
    }
    return out;
  }
}

const be = (length: number, width: 2 | 4): number[] =>
  width === 2
    ? [length >> 8, length & 0xff]
    : [(length >>> 24) & 0xff, (length >> 16) & 0xff, (length >> 8) & 0xff, length & 0xff];

/** A msgpack length head: the fix form below `fixLimit`, else the 16- or 32-bit form. */
const head = (fix: number, fixLimit: number, code16: number, length: number): number[] =>
  length < fixLimit ? [fix | length] : length < 0x10000 ? [code16, ...be(length, 2)] : [code16 + 1, ...be(length, 4)];

const writeString = (out: Bytes, text: string): void => {
  const bytes = encoder.encode(text);
  out.add(bytes.length >= 32 && bytes.length < 256 ? [0xd9, bytes.length] : head(0xa0, 32, 0xda, bytes.length));
  out.add(bytes);
};

const write = (out: Bytes, value: unknown): void => {
  if (value === null || value === undefined) out.add([0xc0]);
  else if (value === false) out.add([0xc2]);
  else if (value === true) out.add([0xc3]);
  else if (typeof value === 'number') {
    if (Number.isInteger(value) && value >= 0 && value < 128) out.add([value]);
    else {
      const view = new DataView(new ArrayBuffer(9));
      view.setUint8(0, 0xcb);
      view.setFloat64(1, value);
      out.add(new Uint8Array(view.buffer));
    }
  } else if (typeof value === 'string') writeString(out, value);
  else if (value instanceof Uint8Array) out.add([0xc5, ...be(value.length, 2)]).add(value);
  else if (Array.isArray(value)) {
    out.add(head(0x90, 16, 0xdc, value.length));
    for (const item of value) write(out, item);
  } else {
    const entries = Object.entries(value as Record<string, unknown>);
    out.add(head(0x80, 16, 0xde, entries.length));
    for (const [k, v] of entries) {
      writeString(out, k);
      write(out, v);
    }
  }
};

/** msgpack for JSON-like values, plus Uint8Array as bin. */
export const msgpack = (value: unknown): Uint8Array => {
  const out = new Bytes();
  write(out, value);
  return out.join();
};

const ROOM_DATA = 13;
const ROOM_DATA_BYTES = 17;

/** The type as Colyseus writes it: schema's own encoding (little-endian lengths), not msgpack's. */
const typeBytes = (type: string | number): Uint8Array => {
  const buffer = Buffer.alloc(16 + 3 * String(type).length);
  const it = { offset: 0 };
  if (typeof type === 'string') encode.string(buffer, type, it);
  else encode.number(buffer, type, it);
  return buffer.subarray(0, it.offset);
};

const frame = (code: number, type: string | number, rest: Uint8Array | readonly number[]): Uint8Array =>
  new Bytes().add([code]).add(typeBytes(type)).add(rest).join();

/** A room.send frame: any type, then the payload (none when undefined). */
export const messageFrame = (type: string | number, payload?: unknown): Uint8Array =>
  frame(ROOM_DATA, type, payload === undefined ? [] : msgpack(payload));

/** A room.send frame with payload bytes written by hand (broken msgpack, hand-made keys). */
export const rawMessageFrame = (type: string, payloadBytes: Uint8Array | readonly number[]): Uint8Array =>
  frame(ROOM_DATA, type, payloadBytes);

/** A room.sendBytes frame. */
export const bytesFrame = (type: string, bytes: Uint8Array): Uint8Array => frame(ROOM_DATA_BYTES, type, bytes);

/** `{ type, [key]: value }` with the key written as given: "__proto__" arrives as itself, not as a setter. */
export const commandWithKey = (type: string, key: string, value: unknown): Uint8Array => {
  const out = new Bytes().add([0x82]);
  writeString(out, 'type');
  writeString(out, type);
  writeString(out, key);
  write(out, value);
  return out.join();
};
