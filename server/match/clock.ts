// Phase deadlines as plain numbers: when the phase started, its timer, the White Cell's
// extensions and time spent paused. The room clock asks `expired(now)`; nothing here sleeps.
import type { GameState } from '../../shared/index.js';

/** What a clock needs to resume after a restart. */
export interface ClockState {
  key: string;
  startedAt: number;
  pausedAt: number | null;
  pausedFor: number;
}

export class PhaseClock {
  private key = '';
  private startedAt = 0;
  private pausedAt: number | null = null;
  private pausedFor = 0;

  save(): ClockState {
    return { key: this.key, startedAt: this.startedAt, pausedAt: this.pausedAt, pausedFor: this.pausedFor };
  }

  /** Resumes a saved clock; `downtime` ms (the server was down) are added to the running phase. */
  load(saved: ClockState, downtime = 0): void {
    this.key = saved.key;
    this.startedAt = saved.startedAt + downtime;
    this.pausedAt = saved.pausedAt === null ? null : saved.pausedAt + downtime;
    this.pausedFor = saved.pausedFor;
  }

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
