// Join codes can be guessed, so join attempts pass a throttle per address (joinThrottle.ts): a few
// free wrong codes a minute, then about one wrong answer a second, while a right code is answered at
// once — a class behind one address gets in even after typos. Counts live in Colyseus presence
// (Redis when scaled out), never in this process alone.
import { ErrorCode, ServerError, matchMaker } from '@colyseus/core';
import { addressKey } from './addressKey.js';
import { JOIN_LIMITS, REAL_CLOCK, joinThrottle } from './joinThrottle.js';

export { JOIN_LIMITS };

/** The answer to a wrong (or missing) code, given no sooner than the throttle allows. */
export const WRONG_CODE = 'no match has that code: check it and try again';

/** The answer to an attempt refused unevaluated: too many wrong answers waiting or attempts in flight. */
export const SLOW_DOWN = 'too many wrong codes from this address: slow down and try again in a few seconds';

/** The answer to the right code of a match that holds as many people as it can. */
export const MATCH_FULL = 'this match is full: ask its White Cell to make room';
/** The answer to a joinById: a match is joined with its code. */
export const JOIN_BY_CODE = 'join a match with its code (join), not by its room id';

// Presence is read at each call: the server sets it when it boots.
const throttle = () => joinThrottle(matchMaker.presence, REAL_CLOCK);

/**
 * For the room's onAuth, which compares the code again as the socket connects: passes a right code
 * at once — the attempt already passed the throttle's gate at the matchmaker, and a student must
 * not be told to slow down between the two steps of one join — and refuses a wrong one (a path
 * around the matchmaker) after the throttle's wait. Refusals are ServerErrors: answered to the
 * client, never logged as a failure.
 */
export const checkCodeAtAuth = async (context: Context, right: boolean): Promise<void> => {
  if (right) return;
  const decision = await throttle().judge(addressOf(context), async () => false);
  throw new ServerError(ErrorCode.APPLICATION_ERROR, decision === 'slow_down' ? SLOW_DOWN : WRONG_CODE);
};

type Invoke = typeof matchMaker.controller.invokeMethod;
type Context = Parameters<Invoke>[3];

/**
 * The client's address, as the limits count it (an IPv4 address, an IPv6 /64: addressKey.ts).
 * Forwarding headers are trusted only behind a proxy that sets them
 * (TRUST_PROXY=1), and then only the last X-Forwarded-For entry, the one that proxy appended:
 * the entries before it, and X-Real-IP, are whatever the client wrote, a new address per guess.
 */
export const addressOf = (context: Context): string => addressKey(rawAddressOf(context));

const rawAddressOf = (context: Context): string => {
  if (process.env.TRUST_PROXY === '1') return proxiedAddress(context);
  const socket = context?.req?.socket?.remoteAddress;
  if (socket) return socket;
  // At the socket stage Colyseus gives only `ip`, which prefers the headers: a client that sends
  // them shares one count with every other such client, so claiming new addresses gains nothing.
  const forwarded = context?.headers?.['x-real-ip'] ?? context?.headers?.['x-forwarded-for'];
  return forwarded === undefined ? String(context?.ip ?? 'unknown') : 'forwarded-untrusted';
};

/** Behind the proxy: the address it appended to X-Forwarded-For, else the socket's. */
const proxiedAddress = (context: Context): string => {
  const header: unknown = context?.headers?.['x-forwarded-for'];
  const forwarded = (Array.isArray(header) ? header.join(',') : typeof header === 'string' ? header : '')
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .at(-1);
  return forwarded ?? context?.req?.socket?.remoteAddress ?? String(context?.ip ?? 'unknown');
};

const GUARDED = Symbol('guarantor.codeGuard');

/**
 * Wraps the matchmaker's entry point (the one HTTP route Colyseus 0.16 gives for joins) so a join
 * to the crisis room passes the throttle: a wrong or missing code is counted and answered after the
 * throttle's wait, and an address over its limits is told to slow down; the right code of a full
 * match says so instead of counting as wrong. `joinOrCreate` and `joinById` are refused. Every
 * other call passes untouched.
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
    // A room id is no secret (it names the match's record), and joinById would skip the code, hold
    // a seat per call and answer with the room's listing, code and all. Every match is joined by code.
    if (method === 'joinById') throw new ServerError(ErrorCode.MATCHMAKE_UNHANDLED, JOIN_BY_CODE);
    const byCode = method === 'join' && name === roomName;
    if (!byCode) return original(method, name, options, context);
    // matchmakeGuard.ts has already refused a `code` that is not a string.
    const code: unknown = options?.code;
    // People type codes in lower case; the matchmaker compares them exactly.
    if (typeof code === 'string') options.code = code.trim().toUpperCase();
    let result: Awaited<ReturnType<Invoke>> | undefined;
    const decision = await throttle().judge(addressOf(context), async () => {
      // Without a code the matchmaker's filter would ignore the field and match any room.
      if (typeof code !== 'string') return false;
      try {
        result = await original(method, name, options, context);
        return true;
      } catch (e) {
        if (!(e instanceof ServerError) || e.code !== ErrorCode.MATCHMAKE_INVALID_CRITERIA) throw e;
        // No open room has the code: a wrong one, unless the room is only full (locked).
        if ((await matchMaker.query({ name, code: options.code })).length > 0)
          throw new ServerError(ErrorCode.MATCHMAKE_INVALID_CRITERIA, MATCH_FULL);
        return false;
      }
    });
    if (decision === 'slow_down') throw new ServerError(ErrorCode.MATCHMAKE_UNHANDLED, SLOW_DOWN);
    if (decision === 'wrong') throw new ServerError(ErrorCode.MATCHMAKE_INVALID_CRITERIA, WRONG_CODE);
    return result;
  };
};
