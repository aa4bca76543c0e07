// Phase deadlines as plain numbers: when the phase started, its timer, the White Cell's
// extensions and time spent paused. The room clock asks `expired(now)`; nothing here sleeps.
import type { GameState } from '../../shared/index.js';

export class PhaseClock {
  private key = '';
  private startedAt = 0;
  private pausedAt: number | null = null;
  private pausedFor = 0;

  /** Call after every state change: a new phase restarts the clock; pausing stops it. */
  update(state: GameState, now: number): void {
    const key = `${state.turn}:${state.phase}`;
    if (key !== this.key) {
      this.key = key;
      this.startedAt = now;
      this.pausedFor = 0;
      this.pausedAt = state.settings.paused ? now : null;
    }
    if (state.settings.paused && this.pausedAt === null) this.pausedAt = now;
    if (!state.settings.paused && this.pausedAt !== null) {
      this.pausedFor += now - this.pausedAt;
      this.pausedAt = null;
    }
  }

  /** Epoch ms when the current phase times out, or null when it has no timer or is paused. */
  deadline(state: GameState): number | null {
    const seconds = state.settings.timers[state.phase];
    if (seconds === null || state.ended || this.pausedAt !== null) return null;
    return this.startedAt + (seconds + state.settings.extensionSeconds) * 1000 + this.pausedFor;
  }

  expired(state: GameState, now: number): boolean {
    const d = this.deadline(state);
    return d !== null && now >= d;
  }
}

/**
 * The match clock the room reads: wall time, unless a test moves it. Rate limits keep real time;
 * only deadlines, starts and journal times read this.
 */
export const matchClock = { now: (): number => Date.now() };
