// A per-client token bucket: Colyseus 0.16 has no rate limit of its own (STACK.md).
import { positiveSetting } from '../settings.js';

/**
 * Messages a client may send each second (bursts of twice as many): 10 unless MESSAGE_RATE says
 * otherwise (a load or fuzz test that must reach the parser, not the limiter, raises it).
 */
export const messageRate = (): number => positiveSetting('MESSAGE_RATE', 10);

/** How long refused messages are counted before the count starts again. */
const REFUSAL_WINDOW_MS = 10_000;

export class TokenBucket {
  private tokens: number;
  private last: number;
  /** Messages refused in the current window; the room disconnects a client that keeps flooding. */
  refusals = 0;
  private windowStart: number;

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    now: number,
  ) {
    this.tokens = burst;
    this.last = now;
    this.windowStart = now;
  }

  /** Takes one token if there is one. */
  take(now: number): boolean {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    // Refusals are counted over a window, so a flood slowed to the refill rate is still a flood.
    if (now - this.windowStart > REFUSAL_WINDOW_MS) {
      this.windowStart = now;
      this.refusals = 0;
    }
    if (this.tokens >= 1) {
      this.tokens -= 1;
      return true;
    }
    this.refusals++;
    return false;
  }
}
