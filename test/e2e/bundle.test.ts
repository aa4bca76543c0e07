// Issue 5's size figures, held on the real build (test/e2e/globalSetup.ts builds it for the run):
// the home and lobby load at most 100 KB of JavaScript (gzip), everything at most 450 KB.
import { expect, inject, it } from 'vitest';
import { TARGETS_KB, formatReport, kb, measureBundle, missedTargets } from '../../scripts/bundleReport.js';

it('the client JavaScript stays within its gzip budgets, with the game screen out of the first load', () => {
  const report = measureBundle(inject('clientDist'));
  console.log(formatReport(report).join('\n'));
  expect(missedTargets(report)).toEqual([]);
  expect(kb(report.startupGzipBytes)).toBeLessThanOrEqual(TARGETS_KB.startup);
  expect(kb(report.totalGzipBytes)).toBeLessThanOrEqual(TARGETS_KB.total);
  // The lazily loaded screens are their own chunks, not part of the first load.
  const starting = report.chunks.filter((c) => c.loadedBy === 'start').map((c) => c.file);
  expect(starting.length).toBeGreaterThan(0);
  for (const screen of ['game', 'debrief', 'projector'])
    expect(
      report.chunks.some((c) => c.loadedBy === `lazy: ${screen}`),
      screen,
    ).toBe(true);
});
