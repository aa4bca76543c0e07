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

const readType = (buffer: Buffer): { type: string | number; end: number } | null => {
  const it = { offset: 1 };
  if (buffer.length < 2) return null;
  try {
    const type: unknown = decode.stringCheck(buffer, it) ? decode.string(buffer, it) : decode.number(buffer, it);
    // A length prefix past the end of the frame reads garbage: refuse it instead.
    if (it.offset > buffer.length) return null;
    if (typeof type === 'string' || (typeof type === 'number' && Number.isFinite(type)))
      return { type, end: it.offset };
    return null;
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
