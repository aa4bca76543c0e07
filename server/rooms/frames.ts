// Reads what a client's WebSocket frame claims to be, before Colyseus could act on it: the room
// refuses every frame that is not a message of a type it registered, so no client string reaches
// the framework's own handling of unknown types (whose close reason embeds the type and can stop ws).
import { Protocol } from '@colyseus/core';
import { decode } from '@colyseus/schema';

export type Frame =
  /** The client's acknowledgement of its join, or its leave: Colyseus's own business. */
  | { kind: 'control' }
  /** A message sent with room.send(type, payload); its msgpack payload starts at `payloadAt`. */
  | { kind: 'message'; type: string | number; payloadAt: number }
  /** A message sent with room.sendBytes(type, bytes). */
  | { kind: 'bytes'; type: string | number }
  /** Anything else: empty, an unknown protocol code, or a type that cannot be read. */
  | { kind: 'garbage' };

const utf8 = new TextDecoder();

/** The length of a type written as a string (schema's encoding: msgpack heads, little-endian), or null. */
const stringHead = (buffer: Buffer, at: number): { length: number; start: number } | null => {
  const prefix = buffer[at];
  if (prefix === undefined) return null;
  if (prefix >= 0xa0 && prefix <= 0xbf) return { length: prefix & 0x1f, start: at + 1 };
  if (prefix === 0xd9 && at + 1 < buffer.length) return { length: buffer.readUInt8(at + 1), start: at + 2 };
  if (prefix === 0xda && at + 2 < buffer.length) return { length: buffer.readUInt16LE(at + 1), start: at + 3 };
  if (prefix === 0xdb && at + 4 < buffer.length) return { length: buffer.readUInt32LE(at + 1), start: at + 5 };
  return null;
};

/**
 * The type and where the payload starts. Read here rather than with schema's decoder, which logs
 * a line for every invalid byte a client sends; invalid UTF-8 becomes U+FFFD.
 */
const readType = (buffer: Buffer): { type: string | number; end: number } | null => {
  if (buffer.length < 2) return null;
  const head = stringHead(buffer, 1);
  if (head) {
    const end = head.start + head.length;
    return end > buffer.length ? null : { type: utf8.decode(buffer.subarray(head.start, end)), end };
  }
  try {
    const it = { offset: 1 };
    const type: unknown = decode.number(buffer, it);
    return typeof type === 'number' && Number.isFinite(type) && it.offset <= buffer.length
      ? { type, end: it.offset }
      : null;
  } catch {
    return null;
  }
};

export const readFrame = (buffer: unknown): Frame => {
  if (!Buffer.isBuffer(buffer) || buffer.length === 0) return { kind: 'garbage' };
  const code = buffer[0];
  if (code === Protocol.JOIN_ROOM || code === Protocol.LEAVE_ROOM) return { kind: 'control' };
  if (code !== Protocol.ROOM_DATA && code !== Protocol.ROOM_DATA_BYTES) return { kind: 'garbage' };
  const read = readType(buffer);
  if (read === null) return { kind: 'garbage' };
  return code === Protocol.ROOM_DATA
    ? { kind: 'message', type: read.type, payloadAt: read.end }
    : { kind: 'bytes', type: read.type };
};
