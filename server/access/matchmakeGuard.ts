// The matchmaking HTTP route is the other way client data reaches Colyseus: its body is read whole
// with no limit, and its options go to the matchmaker, the room listing's filters and the room's
// onCreate. Here a body has a size limit, and the options are a clean plain object whose filter
// and token fields are strings before any of that sees them.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ErrorCode, type Server, ServerError, matchMaker } from '@colyseus/core';
import { cleanClientValue, quoted } from '../../shared/index.js';
import { addressOf } from './codeGuard.js';
import { positiveSetting } from '../settings.js';
import { MAX_REQUEST_BYTES } from './limits.js';

type RequestHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void>;

/** Options the matchmaker itself reads (filterBy's `code`, the reconnection token): strings or nothing. */
const STRING_OPTIONS = ['code', 'reconnectionToken', 'sessionId'] as const;
const MAX_OPTION_CHARS = 128;

/** Refuses the request with 413, once, and stops reading it. */
const tooLarge = (req: IncomingMessage, res: ServerResponse): void => {
  if (!res.headersSent) {
    res.writeHead(413, { 'Content-Type': 'application/json', Connection: 'close' });
    res.end(JSON.stringify({ code: ErrorCode.MATCHMAKE_UNHANDLED, error: `request over ${MAX_REQUEST_BYTES} bytes` }));
  }
  req.destroy();
};

const limitBodies = (gameServer: Server): void => {
  const target = gameServer as unknown as { handleMatchMakeRequest: RequestHandler };
  const original = target.handleMatchMakeRequest.bind(gameServer);
  target.handleMatchMakeRequest = async (req, res) => {
    // Colyseus answers only these; any other method would hold its socket open unanswered.
    if (req.method !== 'POST' && req.method !== 'OPTIONS' && req.method !== 'GET') {
      res.writeHead(405, { Allow: 'POST, OPTIONS', Connection: 'close' }).end();
      return;
    }
    if (Number(req.headers['content-length'] ?? 0) > MAX_REQUEST_BYTES) return tooLarge(req, res);
    let received = 0;
    req.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > MAX_REQUEST_BYTES) tooLarge(req, res);
    });
    return original(req, res);
  };
};

/** The options as a clean object, or a ServerError naming what is wrong. */
export const cleanOptions = (options: unknown): Record<string, unknown> => {
  const clean = cleanClientValue(options ?? {}, 'options');
  if (!clean.ok) throw new ServerError(ErrorCode.MATCHMAKE_UNHANDLED, clean.error.message);
  const value = clean.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new ServerError(ErrorCode.MATCHMAKE_UNHANDLED, 'options: expected an object');
  const record = value as Record<string, unknown>;
  for (const key of STRING_OPTIONS) {
    const field = record[key];
    if (field === undefined) continue;
    if (typeof field !== 'string' || field.length > MAX_OPTION_CHARS)
      throw new ServerError(
        ErrorCode.MATCHMAKE_UNHANDLED,
        `${key}: expected a string of at most ${MAX_OPTION_CHARS} characters`,
      );
  }
  return record;
};

/**
 * New matches one address may create a minute (CREATES_PER_MINUTE; default 10): each is journaled,
 * so an unbounded flood of creations would fill the disk. A teacher makes a few a class.
 */
export const createsPerMinute = (): number => positiveSetting('CREATES_PER_MINUTE', 10);

export const TOO_MANY_CREATES = 'too many new matches from this address: wait a minute';

/** Counts a creation from the address in presence (all processes), refusing one over the limit. */
const countCreation = async (address: string): Promise<void> => {
  const key = `guarantor:creates:${address}`;
  const count = await matchMaker.presence.incr(key);
  if (count === 1) await matchMaker.presence.expire(key, 60);
  if (count > createsPerMinute()) throw new ServerError(ErrorCode.MATCHMAKE_UNHANDLED, TOO_MANY_CREATES);
};

const GUARDED = Symbol('guarantor.matchmakeGuard');

const cleanInvocations = (): void => {
  const controller = matchMaker.controller as typeof matchMaker.controller & { [GUARDED]?: true };
  if (controller[GUARDED]) return; // booted twice in one process (tests): wrap once
  controller[GUARDED] = true;
  const original = controller.invokeMethod.bind(controller);
  controller.invokeMethod = async (method, roomName, options, context) => {
    if (typeof roomName !== 'string' || roomName.length > 64)
      throw new ServerError(ErrorCode.MATCHMAKE_NO_HANDLER, `no room type ${quoted(String(roomName))}`);
    const clean = cleanOptions(options);
    if (method === 'create') await countCreation(addressOf(context));
    return original(method, roomName, clean, context);
  };
};

/** Installs both guards; call after every other wrapper of the matchmaker, so these run first. */
export const guardMatchmaking = (gameServer: Server): void => {
  limitBodies(gameServer);
  cleanInvocations();
};
