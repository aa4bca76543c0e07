// The server's log stays bounded whatever clients send: errors are cut short and budgeted a minute.
import { describe, expect, it } from 'vitest';
import { ERRORS_PER_MINUTE, ERROR_CHARS, boundedLog } from '../../server/access/boundedLog.js';

const recorder = () => {
  const lines: string[] = [];
  const sink = {
    error: (t: string) => lines.push(t),
    warn: () => {},
    info: () => {},
    debug: () => {},
    trace: () => {},
  };
  return { lines, sink };
};

describe('boundedLog', () => {
  it('prints a budget of errors a minute, then counts the rest and says how many', () => {
    const { lines, sink } = recorder();
    let now = 0;
    const log = boundedLog(sink, () => now);
    for (let i = 0; i < 1000; i++) log.error(new Error(`bad request ${i}`));
    expect(lines).toHaveLength(ERRORS_PER_MINUTE);
    now = 61_000;
    log.error('the next minute');
    expect(lines.slice(-2)).toEqual([
      `(${1000 - ERRORS_PER_MINUTE} more errors in the last minute were not printed)`,
      'the next minute',
    ]);
  });

  it('cuts a long error short', () => {
    const { lines, sink } = recorder();
    boundedLog(sink, () => 0).error('x'.repeat(100_000));
    expect(lines[0]?.length).toBe(ERROR_CHARS + 1);
  });
});
