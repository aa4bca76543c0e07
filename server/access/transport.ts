// The WebSocket transport with its limits set on purpose (STACK.md: the default is 4 KiB) and close
// reasons that can never stop the process, whatever text a framework path puts in them.
import type { Server } from 'node:http';
import { WebSocketClient, WebSocketTransport } from '@colyseus/ws-transport';
import { MAX_CLOSE_REASON_BYTES, MAX_FRAME_BYTES } from './limits.js';

/** The reason cut to what a close frame can carry, on a character boundary. */
export const closeReason = (reason: unknown): string | undefined => {
  if (typeof reason !== 'string') return undefined;
  if (Buffer.byteLength(reason) <= MAX_CLOSE_REASON_BYTES) return reason;
  let clipped = '';
  let bytes = 0;
  for (const char of reason) {
    bytes += Buffer.byteLength(char);
    if (bytes > MAX_CLOSE_REASON_BYTES) break;
    clipped += char;
  }
  return clipped;
};

const CLIPPED = Symbol('guarantor.closeReasons');

/**
 * Colyseus 0.16 closes a socket with a reason that can embed client text (an unknown message
 * type); ws throws on one over 123 bytes, outside any handler, and Node exits. Every close reason
 * goes through closeReason instead.
 */
const clipCloseReasons = (): void => {
  const proto = WebSocketClient.prototype as WebSocketClient & { [CLIPPED]?: true };
  if (proto[CLIPPED]) return;
  proto[CLIPPED] = true;
  const leave = proto.leave;
  proto.leave = function (this: WebSocketClient, code?: number, data?: string) {
    leave.call(this, code, closeReason(data));
  };
};

export const newTransport = (options: { server?: Server }): WebSocketTransport => {
  clipCloseReasons();
  return new WebSocketTransport({ server: options.server, maxPayload: MAX_FRAME_BYTES });
};
