// Join codes can be guessed, so wrong ones are counted per address: more than five a minute and
// that address is refused for the rest of the minute. Counts live in Colyseus presence (Redis
// when scaled out), never in this process alone.
import { ErrorCode, ServerError, matchMaker } from '@colyseus/core';

export const MAX_WRONG_CODES_PER_MINUTE = 5;

const keyFor = (ip: string) => `guarantor:wrong-codes:${ip}`;

const TOO_MANY = 'too many wrong codes from this address: wait a minute';

/** Counts one wrong code from the address (the count lasts a minute from the first). */
const countWrong = async (ip: string): Promise<void> => {
  const count = await matchMaker.presence.incr(keyFor(ip));
  if (count === 1) await matchMaker.presence.expire(keyFor(ip), 60);
};

const blocked = async (ip: string): Promise<boolean> =>
  Number((await matchMaker.presence.get(keyFor(ip))) ?? 0) >= MAX_WRONG_CODES_PER_MINUTE;

/**
 * For the room's onAuth, which sees wrong codes the matchmaker does not (joinById, or a join
 * without a code): refuses a blocked address, and counts a wrong code before refusing it.
 */
export const checkCodeAtAuth = async (context: Context, right: boolean): Promise<void> => {
  const ip = addressOf(context);
  if (await blocked(ip)) throw new Error(TOO_MANY);
  if (!right) {
    await countWrong(ip);
    throw new Error('no match has that code: check it and try again');
  }
};

type Invoke = typeof matchMaker.controller.invokeMethod;
type Context = Parameters<Invoke>[3];

/**
 * The client's address. Forwarding headers are trusted only behind a proxy that sets them
 * (TRUST_PROXY=1): otherwise a client could claim a new address with every guess.
 */
const addressOf = (context: Context): string => {
  if (process.env.TRUST_PROXY === '1') return String(context?.ip ?? 'unknown');
  const socket = context?.req?.socket?.remoteAddress;
  if (socket) return socket;
  // At the socket stage Colyseus gives only `ip`, which prefers the headers: a client that sends
  // them shares one count with every other such client, so claiming new addresses gains nothing.
  const forwarded = context?.headers?.['x-real-ip'] ?? context?.headers?.['x-forwarded-for'];
  return forwarded === undefined ? String(context?.ip ?? 'unknown') : 'forwarded-untrusted';
};
const GUARDED = Symbol('guarantor.codeGuard');

/**
 * Wraps the matchmaker's entry point (the one HTTP route Colyseus 0.16 gives for joins) so a join
 * to the crisis room with a wrong code is counted, refused with a clear message, and blocked
 * after too many. Every other call passes through untouched.
 */
export const guardJoinCodes = (roomName: string): void => {
  const controller = matchMaker.controller as typeof matchMaker.controller & { [GUARDED]?: true };
  if (controller[GUARDED]) return; // booted twice in one process (tests): wrap once
  controller[GUARDED] = true;
  const original: Invoke = matchMaker.controller.invokeMethod.bind(matchMaker.controller);
  matchMaker.controller.invokeMethod = async (method, name, options, context) => {
    // joinOrCreate would turn a wrong code into a new room and a right one into a join: an
    // uncounted oracle for guessing. Matches are created with create and joined with join.
    if (method === 'joinOrCreate' && name === roomName)
      throw new ServerError(ErrorCode.MATCHMAKE_UNHANDLED, 'use create to start a match and join with its code');
    if (method !== 'joinById' && (method !== 'join' || name !== roomName))
      return original(method, name, options, context);
    const ip = addressOf(context);
    // People type codes in lower case; the matchmaker compares them exactly.
    if (options && typeof options.code === 'string') options.code = options.code.trim().toUpperCase();
    if (await blocked(ip)) throw new ServerError(ErrorCode.MATCHMAKE_UNHANDLED, TOO_MANY);
    try {
      return await original(method, name, options, context);
    } catch (e) {
      // No room has the code: count it here (wrong codes for a room found are counted at its onAuth).
      if (e instanceof ServerError && e.code === ErrorCode.MATCHMAKE_INVALID_CRITERIA) {
        await countWrong(ip);
        throw new ServerError(e.code, 'no match has that code: check it and try again');
      }
      throw e;
    }
  };
};
