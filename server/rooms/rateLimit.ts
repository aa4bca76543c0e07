// A per-client token bucket: Colyseus 0.16 has no rate limit of its own (STACK.md).

export class TokenBucket {
  private tokens: number;
  private last: number;
  /** Messages refused in a row; the room disconnects a client that keeps flooding. */
  refusals = 0;

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    now: number,
  ) {
    this.tokens = burst;
    this.last = now;
  }

  /** Takes one token if there is one. */
  take(now: number): boolean {
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.perSecond);
    this.last = now;
    if (this.tokens >= 1) {
      this.tokens -= 1;
      this.refusals = 0;
      return true;
    }
    this.refusals++;
    return false;
  }
}
