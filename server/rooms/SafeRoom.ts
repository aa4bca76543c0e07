// A room no client can stop: every frame is read here before Colyseus could act on it, takes a
// token from its sender's allowance, and reaches a handler only as a message of a registered type
// whose payload decodes and cleans into a plain value (shared/protocol/clientValue.ts). Anything
// else is answered `error` and the connection stays: this is the room's one way in for messages.
import { type Client, type ClientPrivate, ClientState, Room } from '@colyseus/core';
import { unpack } from '@colyseus/msgpackr';
import { type ErrorCode, type RuleError, cleanClientValue, quoted } from '../../shared/index.js';
import { serverLog } from '../access/boundedLog.js';
import { readFrame } from './frames.js';
import { isRefusal } from './refusal.js';

type Handler = (client: Client, payload: unknown) => void;

export abstract class SafeRoom<State extends object> extends Room<State> {
  private readonly handlers = new Map<string, Handler>();

  /**
   * Whether the client may send one more message now (its rate limit); when not, the room has
   * already answered or disconnected it.
   */
  protected abstract admit(client: Client): boolean;

  /** Registers a message type; its handler only ever sees a cleaned payload. */
  protected handle(type: string, handler: Handler): void {
    this.handlers.set(type, handler);
  }

  protected refuse(client: Client, error: RuleError): void {
    client.send('error', { code: error.code, message: error.message });
  }

  // Colyseus's own dispatch (protected in its typings) is the one way client frames enter a room:
  // Colyseus keeps only the join handshake and the leave; every message is dispatched here.
  protected override _onMessage(client: Client & ClientPrivate, buffer: Buffer): void {
    try {
      // As Colyseus does: a client on its way out is not heard any more.
      if (client.state === ClientState.LEAVING) return;
      const frame = readFrame(buffer);
      if (frame.kind === 'control') return super._onMessage(client, buffer);
      if (!this.admit(client)) return;
      if (frame.kind === 'garbage') return this.refuse(client, malformed(NOT_A_MESSAGE));
      if (frame.kind === 'bytes')
        return this.refuse(client, malformed(`binary payloads are not accepted (type ${typeName(frame.type)})`));
      const handler = typeof frame.type === 'string' ? this.handlers.get(frame.type) : undefined;
      if (!handler) return this.refuse(client, this.unknownType(frame.type));
      const payload = decodePayload(buffer, frame.payloadAt);
      if (!payload.ok) return this.refuse(client, malformed(`${frame.type}: ${payload.problem}`));
      const clean = cleanClientValue(payload.value, String(frame.type));
      if (!clean.ok) return this.refuse(client, clean.error);
      handler(client, clean.value);
    } catch (error) {
      this.onUncaughtException(asError(error), '_onMessage');
      this.refuse(client, malformed('the message could not be handled'));
    }
  }

  private unknownType(type: string | number): RuleError {
    return malformed(`unknown message type ${typeName(type)} (known: ${[...this.handlers.keys()].join(', ')})`);
  }

  onUncaughtException(error: Error, methodName: string): void {
    // Never let one room's bug take the process (and every other room) down; log its words, not the
    // client or payload the framework attaches to the error. A deliberate refusal is no bug.
    if (isRefusal(error)) return;
    const text = `${error.name}: ${error.message}\n${error.stack ?? ''}`;
    serverLog.error(`${this.roomName} room ${this.roomId}: ${methodName} threw ${text}`);
  }
}

const NOT_A_MESSAGE = 'not a room message: send one with room.send(type, payload)';

/** The msgpack after the type, or why it is not msgpack (broken bytes, nesting past the stack). */
const decodePayload = (buffer: Buffer, at: number): { ok: true; value: unknown } | { ok: false; problem: string } => {
  if (buffer.length <= at) return { ok: true, value: undefined };
  try {
    return { ok: true, value: unpack(buffer.subarray(at)) as unknown };
  } catch {
    return { ok: false, problem: 'the payload is not msgpack this server can decode' };
  }
};

const malformed = (message: string): RuleError => ({ code: 'ERR_MALFORMED' satisfies ErrorCode, message });

const typeName = (type: string | number): string => (typeof type === 'string' ? quoted(type) : String(type));

const asError = (e: unknown): Error => (e instanceof Error ? e : new Error(String(e)));
