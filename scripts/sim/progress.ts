// A progress bar with rate and ETA, drawn on stderr so stdout stays clean for the table or JSON.
// Drawn only on a terminal: piped or --json runs get no bar at all.

export interface Progress {
  update(done: number): void;
  /** Erases the bar so the summary starts on a clean line. */
  finish(): void;
}

const WIDTH = 30;
/** Redraws at most this often; a fast run would otherwise spend its time writing to the terminal. */
const FRAME_MS = 100;

const clock = (seconds: number): string => {
  const s = Math.max(0, Math.round(seconds));
  const m = Math.floor(s / 60);
  return `${m >= 60 ? `${Math.floor(m / 60)}:${String(m % 60).padStart(2, '0')}` : m}:${String(s % 60).padStart(2, '0')}`;
};

/** The bar's text for `done` of `total`, at the rate of `recent` matches in `seconds`. */
export const barLine = (done: number, total: number, recent: number, seconds: number): string => {
  const filled = Math.round((done / total) * WIDTH);
  const rate = seconds > 0 ? recent / seconds : 0;
  const eta = rate > 0 ? clock((total - done) / rate) : '?';
  const pct = `${Math.floor((done / total) * 100)}%`.padStart(4);
  return `[${'█'.repeat(filled)}${'░'.repeat(WIDTH - filled)}] ${done}/${total} ${pct}  ${rate.toFixed(0)} matches/s  ETA ${eta}`;
};

const NO_BAR: Progress = { update: () => {}, finish: () => {} };

/** A bar on `stream` when `enabled` and the stream is a terminal; otherwise nothing. */
export const progressBar = (total: number, enabled: boolean, stream: NodeJS.WriteStream = process.stderr): Progress => {
  if (!enabled || !stream.isTTY) return NO_BAR;
  let last = -Infinity;
  // The rate counts from the first finished match, so worker start-up does not skew the ETA.
  let first: { at: number; done: number } | null = null;
  return {
    update(done) {
      const now = performance.now();
      first ??= { at: now, done };
      if (now - last < FRAME_MS && done < total) return;
      last = now;
      const seconds = (now - first.at) / 1000;
      stream.write(`\r${barLine(done, total, done - first.done, seconds)}\x1b[K`);
    },
    finish() {
      if (last > -Infinity) stream.write('\r\x1b[K');
    },
  };
};
