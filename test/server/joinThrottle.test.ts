// The join throttle's decisions on a fake clock and an in-memory store with presence's semantics:
// right codes never wait, wrong ones past the free five get a second each, an address with three
// waiting or twenty in flight is told to slow down unevaluated, and the window closes after 60 s.
import { describe, expect, it } from 'vitest';
import {
  type CounterStore,
  JOIN_LIMITS,
  type JoinDecision,
  type ThrottleClock,
  joinThrottle,
  pendingWrongAnswers,
} from '../../server/access/joinThrottle.js';

const IP = '203.0.113.7';

/** Lets every promise continuation queued so far run (the fake store answers in microtasks). */
const settle = () => new Promise((resolve) => setImmediate(resolve));

/** The value of a promise that must settle while the clock stands still (fails fast, never hangs). */
const atOnce = async <T>(promise: Promise<T>): Promise<T> => {
  let settled = false;
  const noted = promise.finally(() => (settled = true));
  noted.catch(() => undefined);
  await settle();
  if (!settled) throw new Error('kept waiting: the answer needed the clock to move');
  return promise;
};

/** A clock that moves only when told, waking its sleepers in time order. */
class FakeClock implements ThrottleClock {
  private t = 1_700_000_000_250; // a quarter into a second
  private sleepers: { at: number; wake: () => void }[] = [];
  now = (): number => this.t;
  sleep = (ms: number): Promise<void> =>
    new Promise((wake) => {
      this.sleepers.push({ at: this.t + ms, wake });
    });
  /** Moves the time forward by `ms`, waking the sleepers due on the way in order. */
  advance = async (ms: number): Promise<void> => {
    const end = this.t + ms;
    await settle();
    for (let next = this.nextSleeper(end); next; next = this.nextSleeper(end)) {
      this.t = Math.max(this.t, next.at);
      next.wake();
      await settle();
    }
    this.t = end;
  };
  /** Runs the time on until nobody sleeps. */
  drain = async (): Promise<void> => {
    await settle();
    for (let next = this.nextSleeper(Infinity); next; next = this.nextSleeper(Infinity)) {
      this.t = Math.max(this.t, next.at);
      next.wake();
      await settle();
    }
  };
  private nextSleeper(until: number) {
    this.sleepers.sort((a, b) => a.at - b.at);
    const first = this.sleepers[0];
    if (!first || first.at > until) return undefined;
    return this.sleepers.shift();
  }
}

/** Presence's counters (incr/decr/get/expire), expiring on the fake clock. */
class FakeStore implements CounterStore {
  private entries = new Map<string, { value: number; expiresAt: number }>();
  constructor(private clock: ThrottleClock) {}
  private live(key: string) {
    const entry = this.entries.get(key);
    if (entry && entry.expiresAt <= this.clock.now()) this.entries.delete(key);
    return this.entries.get(key);
  }
  private add(key: string, by: number): Promise<number> {
    const entry = this.live(key) ?? { value: 0, expiresAt: Infinity };
    entry.value += by;
    this.entries.set(key, entry);
    return Promise.resolve(entry.value);
  }
  incr = (key: string) => this.add(key, 1);
  decr = (key: string) => this.add(key, -1);
  get = (key: string) => this.live(key)?.value;
  expire = (key: string, seconds: number) => {
    const entry = this.live(key);
    if (entry) entry.expiresAt = this.clock.now() + seconds * 1000;
  };
}

const setup = () => {
  const clock = new FakeClock();
  const store = new FakeStore(clock);
  const throttle = joinThrottle(store, clock);
  let evaluated = 0;
  /** Starts one attempt; its promise gives the decision and the fake time it came. */
  const attempt = (right: boolean) => {
    const started = clock.now();
    return throttle
      .judge(IP, async () => {
        evaluated++;
        return right;
      })
      .then((decision) => ({ decision, at: clock.now(), waited: clock.now() - started }));
  };
  /** One attempt run to its answer, the clock moving as far as it must. */
  const answer = async (right: boolean) => {
    const pending = attempt(right);
    await clock.drain();
    return pending;
  };
  const typos = async (n: number) => {
    for (let i = 0; i < n; i++) await answer(false);
  };
  return { clock, store, throttle, attempt, answer, typos, evaluations: () => evaluated };
};

describe('joinThrottle', () => {
  it('answers the first five wrong codes of a window at once', async () => {
    const { answer } = setup();
    for (let i = 0; i < JOIN_LIMITS.freeWrongCodes; i++)
      expect(await answer(false)).toMatchObject({ decision: 'wrong', waited: 0 });
  });

  it.each([
    { typosBefore: 0, waitingWrong: 0, label: 'no typos' },
    { typosBefore: 5, waitingWrong: 0, label: 'the free five spent' },
    { typosBefore: 6, waitingWrong: 0, label: 'six typos' },
    { typosBefore: 5, waitingWrong: 1, label: 'one wrong answer waiting' },
    { typosBefore: 5, waitingWrong: 2, label: 'two wrong answers waiting' },
    { typosBefore: 40, waitingWrong: 2, label: 'forty typos and two waiting' },
  ])('never delays a right code: $label', async (c) => {
    const { clock, store, attempt, typos } = setup();
    await typos(c.typosBefore);
    const waiting = Array.from({ length: c.waitingWrong }, () => attempt(false));
    await settle();
    expect(await pendingWrongAnswers(store, IP)).toBe(c.waitingWrong);
    // No time passes: the right code's answer comes without the clock moving.
    expect(await atOnce(attempt(true))).toMatchObject({ decision: 'right', waited: 0 });
    await clock.drain();
    for (const w of await Promise.all(waiting)) expect(w.decision).toBe('wrong');
  });

  it('spaces the 6th and later wrong answers at least a second apart, one after another', async () => {
    const { answer } = setup();
    const times: number[] = [];
    for (let i = 0; i < 12; i++) {
      const a = await answer(false);
      expect(a.decision).toBe('wrong');
      times.push(a.at);
    }
    const gaps = times.slice(1).map((t, i) => t - (times[i] ?? 0));
    expect(gaps.slice(0, 4)).toEqual([0, 0, 0, 0]); // the free five
    for (const gap of gaps.slice(4)) expect(gap).toBeGreaterThanOrEqual(1000);
    // …and no more than the next whole second but one: the throttle slows, it does not lock out.
    for (const gap of gaps.slice(4)) expect(gap).toBeLessThanOrEqual(2000);
  });

  it('gives concurrent wrong answers distinct seconds', async () => {
    const { clock, attempt, typos } = setup();
    await typos(5);
    const three = [attempt(false), attempt(false), attempt(false)];
    await clock.drain();
    const times = (await Promise.all(three)).map((a) => a.at).sort((a, b) => a - b);
    for (const t of times) expect(t % 1000).toBe(0);
    expect(times[1]! - times[0]!).toBeGreaterThanOrEqual(1000);
    expect(times[2]! - times[1]!).toBeGreaterThanOrEqual(1000);
  });

  it.each([true, false])(
    'refuses a 4th attempt unevaluated while three wrong answers wait (right: %s)',
    async (right) => {
      const { clock, store, attempt, typos, evaluations } = setup();
      await typos(5);
      const three = [attempt(false), attempt(false), attempt(false)];
      await settle();
      expect(await pendingWrongAnswers(store, IP)).toBe(3);
      const before = evaluations();
      expect(await atOnce(attempt(right))).toMatchObject({ decision: 'slow_down', waited: 0 });
      expect(evaluations()).toBe(before);
      // Once the first waiting answer has gone out, attempts are evaluated again.
      await clock.advance(1000 - (clock.now() % 1000) + 1000);
      expect(await pendingWrongAnswers(store, IP)).toBe(2);
      expect(await atOnce(attempt(true))).toMatchObject({ decision: 'right', waited: 0 });
      await clock.drain();
      for (const w of await Promise.all(three)) expect(w.decision).toBe('wrong');
    },
  );

  it('caps attempts in flight: a parallel burst beyond twenty is refused unevaluated', async () => {
    const { throttle, attempt, evaluations } = setup();
    let release: (right: boolean) => void = () => {};
    const held = new Promise<boolean>((resolve) => (release = resolve));
    const slow = Array.from({ length: JOIN_LIMITS.maxInFlight }, () => throttle.judge(IP, () => held));
    await settle();
    expect(await atOnce(attempt(true))).toMatchObject({ decision: 'slow_down' });
    expect(evaluations()).toBe(0);
    release(true);
    expect(await atOnce(Promise.all(slow))).toEqual(Array(JOIN_LIMITS.maxInFlight).fill('right'));
    expect(await atOnce(attempt(true))).toMatchObject({ decision: 'right' });
  });

  it('lets a burst of twenty-five right codes in up to the cap, and the rest are told to slow down', async () => {
    const { attempt } = setup();
    const burst = await atOnce(Promise.all(Array.from({ length: 25 }, () => attempt(true))));
    const decisions = burst.map((b) => b.decision);
    expect(decisions.filter((d) => d === 'right')).toHaveLength(JOIN_LIMITS.maxInFlight);
    expect(decisions.filter((d) => d === 'slow_down')).toHaveLength(25 - JOIN_LIMITS.maxInFlight);
  });

  it('lets ten students in together, at once, after six typos', async () => {
    const { attempt, typos } = setup();
    await typos(6);
    const students = await atOnce(Promise.all(Array.from({ length: 10 }, () => attempt(true))));
    expect(students.map((s) => [s.decision, s.waited])).toEqual(Array(10).fill(['right', 0]));
  });

  it('closes the window 60 s after its first wrong code', async () => {
    const { clock, answer } = setup();
    await answer(false);
    await clock.advance(30_000);
    for (let i = 0; i < 4; i++) expect(await answer(false)).toMatchObject({ waited: 0 });
    expect((await answer(false)).waited).toBeGreaterThan(0); // the 6th in the window waits
    await clock.advance(60_000);
    for (let i = 0; i < JOIN_LIMITS.freeWrongCodes; i++)
      expect(await answer(false)).toMatchObject({ decision: 'wrong', waited: 0 });
    expect((await answer(false)).waited).toBeGreaterThan(0);
  });

  it('keeps addresses apart', async () => {
    const { clock, store, throttle, typos } = setup();
    await typos(5);
    const waiting = [1, 2, 3].map(() => throttle.judge(IP, async () => false));
    await settle();
    const other: JoinDecision = await atOnce(throttle.judge('198.51.100.1', async () => false));
    expect(other).toBe('wrong');
    expect(await pendingWrongAnswers(store, '198.51.100.1')).toBe(0);
    await clock.drain();
    await Promise.all(waiting);
  });

  it('passes an exception from the evaluation through at once, uncounted', async () => {
    const { throttle, answer } = setup();
    await expect(
      throttle.judge(IP, async () => {
        throw new Error('room gone');
      }),
    ).rejects.toThrow('room gone');
    // Nothing was counted and nothing is left in flight: five typos are still free.
    for (let i = 0; i < JOIN_LIMITS.freeWrongCodes; i++) expect(await answer(false)).toMatchObject({ waited: 0 });
  });

  it('forgets counts a dead process left behind', async () => {
    const { clock, store, attempt } = setup();
    // Twenty attempts in flight, never finished by a process that died.
    for (let i = 0; i < JOIN_LIMITS.maxInFlight; i++) {
      await store.incr(`guarantor:join:in-flight:${IP}`);
      store.expire(`guarantor:join:in-flight:${IP}`, JOIN_LIMITS.countSeconds);
    }
    expect(await atOnce(attempt(true))).toMatchObject({ decision: 'slow_down' });
    await clock.advance(JOIN_LIMITS.countSeconds * 1000);
    expect(await atOnce(attempt(true))).toMatchObject({ decision: 'right' });
  });
});
