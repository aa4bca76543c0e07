// The decision behind joining by code: one address may test about one code a second, and a right
// code is never kept waiting. After a few free wrong codes a minute, each further wrong answer waits
// for a whole second of its own; an address with several wrong answers waiting, or with too many
// attempts in flight, is told to slow down before its code is even looked at.
//
// Every count lives in the store it is given (Colyseus presence: Redis when scaled out), and every
// reservation is one atomic `incr`, so the limits hold across processes. The clock is a parameter,
// so the tests run it fake.
import { createHash } from 'node:crypto';

/** The presence primitives the throttle uses (`matchMaker.presence` has them all). */
export interface CounterStore {
  incr(key: string): Promise<number>;
  decr(key: string): Promise<number>;
  /** A number in one process, a string from Redis, nothing when the key is absent. */
  get(key: string): unknown;
  expire(key: string, seconds: number): unknown;
}

/** Time as an input: the real one in the server, a fake one in the tests. */
export interface ThrottleClock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

/** The server's clock: wall time and timers. */
export const REAL_CLOCK: ThrottleClock = {
  now: () => Date.now(),
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

export const JOIN_LIMITS = {
  /** Wrong codes an address may have answered at once in a window: typos are free. */
  freeWrongCodes: 5,
  /** The window opens at the address's first wrong code and lasts this long. */
  windowSeconds: 60,
  /** Wrong answers waiting for their second: with this many, further attempts are refused unevaluated. */
  maxPendingWrong: 3,
  /**
   * Attempts evaluating or waiting at once: a burst fired in parallel would all be evaluated before
   * any is pending, and right codes answer at once. High enough for a class joining together.
   */
  maxInFlight: 20,
  /** A process that dies mid-attempt leaves its counts behind this long at most (after the last touch). */
  countSeconds: 120,
  /** A claimed second's key outlives the second by this much (it only has to stop a second claim). */
  slotGraceSeconds: 5,
} as const;

/** Limits of the same shape as JOIN_LIMITS (tests may pass others). */
export type JoinLimits = { readonly [K in keyof typeof JOIN_LIMITS]: number };

/** `right`/`wrong`: the code was evaluated (a wrong one after its wait); `slow_down`: refused unevaluated. */
export type JoinDecision = 'right' | 'wrong' | 'slow_down';

/** The address as part of a key: forwarded headers can be long, so a long one is hashed. */
const keyPart = (ip: string): string =>
  ip.length <= 64 ? ip : `sha256-${createHash('sha256').update(ip).digest('hex')}`;

const keys = (ip: string) => {
  const part = keyPart(ip);
  return {
    wrong: `guarantor:join:wrong:${part}`,
    pending: `guarantor:join:pending:${part}`,
    inFlight: `guarantor:join:in-flight:${part}`,
    slot: (second: number) => `guarantor:join:slot:${part}:${second}`,
  };
};

const count = (value: unknown): number => Number(value ?? 0) || 0;

/** How many wrong answers from the address are waiting for their second (the tests watch it). */
export const pendingWrongAnswers = async (store: CounterStore, ip: string): Promise<number> =>
  count(await store.get(keys(ip).pending));

/** The throttle over one store and clock. */
export const joinThrottle = (store: CounterStore, clock: ThrottleClock, limits: JoinLimits = JOIN_LIMITS) => {
  /** A counter with a safety-net expiry, renewed at every touch so live attempts never outlast it. */
  const bump = async (key: string, by: 1 | -1): Promise<number> => {
    const value = by === 1 ? await store.incr(key) : await store.decr(key);
    await store.expire(key, limits.countSeconds);
    return value;
  };

  /**
   * Claims the first whole second from the next one on that no other wrong answer from the address
   * holds: `incr` returning 1 means this caller owns it. Distinct integer seconds are ≥ 1 s apart.
   */
  const claimSecond = async (ip: string): Promise<number> => {
    for (let second = Math.ceil(clock.now() / 1000) + 1; ; second++) {
      const key = keys(ip).slot(second);
      const owners = await store.incr(key);
      const ttl = second - Math.floor(clock.now() / 1000) + limits.slotGraceSeconds;
      await store.expire(key, Math.max(ttl, limits.slotGraceSeconds));
      if (owners === 1) return second;
    }
  };

  /** Counts one wrong code and waits until it may be answered. */
  const answerWrong = async (ip: string): Promise<void> => {
    const k = keys(ip);
    const wrong = await store.incr(k.wrong);
    if (wrong === 1) await store.expire(k.wrong, limits.windowSeconds);
    if (wrong <= limits.freeWrongCodes) return;
    await bump(k.pending, 1);
    try {
      const second = await claimSecond(ip);
      const wait = second * 1000 - clock.now();
      if (wait > 0) await clock.sleep(wait);
    } finally {
      await bump(k.pending, -1);
    }
  };

  return {
    /**
     * One join attempt from `ip`. Refused unevaluated (`slow_down`) while the address has too many
     * wrong answers waiting or too many attempts in flight; otherwise `evaluate` says whether the
     * code is right: a right one is answered at once, a wrong one is counted and answered no sooner
     * than its second. An exception from `evaluate` passes through at once, uncounted.
     */
    judge: async (ip: string, evaluate: () => Promise<boolean>): Promise<JoinDecision> => {
      const k = keys(ip);
      const inFlight = await bump(k.inFlight, 1);
      try {
        if (inFlight > limits.maxInFlight) return 'slow_down';
        if (count(await store.get(k.pending)) >= limits.maxPendingWrong) return 'slow_down';
        if (await evaluate()) return 'right';
        await answerWrong(ip);
        return 'wrong';
      } finally {
        await bump(k.inFlight, -1);
      }
    },
  };
};

/** The throttle `joinThrottle` builds. */
export type JoinThrottle = ReturnType<typeof joinThrottle>;
