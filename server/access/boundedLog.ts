// The server's log, bounded: whatever clients send, the errors it prints stay few and short. Each
// error is cut to a few lines; past a budget a minute, errors are counted instead of printed, and
// the count is printed once the minute is over. Colyseus's own logger and the room use it.

/** Errors printed in full each minute; a flood of refused input beyond it is only counted. */
export const ERRORS_PER_MINUTE = 30;
/** The most of one error printed: its message and the first lines of its stack. */
export const ERROR_CHARS = 1500;

type Sink = Pick<Console, 'error' | 'warn' | 'info' | 'debug' | 'trace'>;

const text = (args: readonly unknown[]): string =>
  args.map((a) => (a instanceof Error ? `${a.name}: ${a.message}\n${a.stack ?? ''}` : String(a))).join(' ');

/** A Colyseus Logger over `sink` (the console) whose errors are budgeted per minute of `now`. */
export const boundedLog = (sink: Sink = console, now: () => number = Date.now) => {
  let windowStart = now();
  let printed = 0;
  let suppressed = 0;
  const error = (...args: unknown[]): void => {
    const at = now();
    if (at - windowStart >= 60_000) {
      if (suppressed > 0) sink.error(`(${suppressed} more errors in the last minute were not printed)`);
      windowStart = at;
      printed = 0;
      suppressed = 0;
    }
    if (printed >= ERRORS_PER_MINUTE) {
      suppressed++;
      return;
    }
    printed++;
    const message = text(args);
    sink.error(message.length > ERROR_CHARS ? `${message.slice(0, ERROR_CHARS)}…` : message);
  };
  return {
    error,
    warn: (...args: unknown[]) => sink.warn(text(args).slice(0, ERROR_CHARS)),
    info: (...args: unknown[]) => sink.info(...args),
    debug: (...args: unknown[]) => sink.debug(...args),
    trace: (...args: unknown[]) => sink.trace(...args),
  };
};

/** The one log of this process (Colyseus's logger is set to it in app.config.ts). */
export const serverLog = boundedLog();
