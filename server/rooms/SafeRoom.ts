// A room no client can stop: every frame is read before Colyseus acts on it, takes a token from
// its sender's allowance, and reaches a handler only if it is a message of a registered type with a
// clean plain payload (shared/protocol/clientValue.ts). Everything else is answered `error`.
import { type Client, type ClientPrivate, Room } from '@colyseus/core';
import { type ErrorCode, type RuleError, cleanClientValue, quoted } from '../../shared/index.js';
import { readFrame } from './frames.js';
import { isRefusal } from './refusal.js';

type Handler = (client: Client, payload: unknown) => void;

/** The longest error text logged for one exception: a client's payload never floods the log. */
const LOGGED_CHARS = 2000;

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
    this.onMessage(type, (client, payload: unknown) => {
      const clean = cleanClientValue(payload, type);
      if (!clean.ok) this.refuse(client, clean.error);
      else handler(client, clean.value);
    });
    // Never reached while _onMessage below filters; kept so a framework path around it still refuses.
    if (this.handlers.size === 1) this.onMessage('*', (client) => this.refuse(client, unknownType('*', [])));
  }

  protected refuse(client: Client, error: RuleError): void {
    client.send('error', { code: error.code, message: error.message });
  }

  // Colyseus's own dispatch (kept private in its typings as protected) is the one way client frames
  // enter a room, so this is the depth at which a frame is checked.
  protected override _onMessage(client: Client & ClientPrivate, buffer: Buffer): void {
    try {
      const frame = readFrame(buffer);
      if (frame.kind === 'control') return super._onMessage(client, buffer);
      if (!this.admit(client)) return;
      const problem = this.frameProblem(frame);
      if (problem) return this.refuse(client, problem);
      super._onMessage(client, buffer);
    } catch (error) {
      this.onUncaughtException(asError(error), '_onMessage');
      this.refuse(client, malformed('the message could not be read'));
    }
  }

  private frameProblem(frame: ReturnType<typeof readFrame>): RuleError | null {
    const known = [...this.handlers.keys()];
    switch (frame.kind) {
      case 'garbage':
        return malformed('not a room message: send one with room.send(type, payload)');
      case 'bytes':
        return malformed(`binary payloads are not accepted (type ${typeName(frame.type)}): send with room.send`);
      case 'message':
        return typeof frame.type === 'string' && this.handlers.has(frame.type) ? null : unknownType(frame.type, known);
      case 'control':
        return null;
    }
  }

  onUncaughtException(error: Error, methodName: string): void {
    // Never let one room's bug take the process (and every other room) down; log its words, not the
    // client or payload the framework attaches to the error. A deliberate refusal is no bug.
    if (isRefusal(error)) return;
    const text = `${error.name}: ${error.message}\n${error.stack ?? ''}`;
    console.error(`${this.roomName} room ${this.roomId}: ${methodName} threw ${text.slice(0, LOGGED_CHARS)}`);
  }
}

const malformed = (message: string): RuleError => ({ code: 'ERR_MALFORMED' satisfies ErrorCode, message });

const typeName = (type: string | number): string => (typeof type === 'string' ? quoted(type) : String(type));

const unknownType = (type: string | number, known: readonly string[]): RuleError =>
  malformed(`unknown message type ${typeName(type)}${known.length > 0 ? ` (known: ${known.join(', ')})` : ''}`);

const asError = (e: unknown): Error => (e instanceof Error ? e : new Error(String(e)));
