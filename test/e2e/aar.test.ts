// The after-action review in Chromium: a classroom match played to its end by bots, journaled into
// this file's server as a room would journal it (with one White Cell override), opened from the
// White Cell's past matches on the home page. The charts draw, the timeline explains, the CSV
// downloads, the replay moves the map, the review can be made public, and a what-if branch starts.
// Takes the README's screenshot of the review.
import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Download, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { SCENARIOS } from '../../shared/index.js';
import { journal } from '../../server/journal/journalStore.js';
import { MatchSession } from '../../server/match/MatchSession.js';
import { ROOT } from '../../server/web/clientBuild.js';
import { eventually, untilLobby } from './flows.js';
import { useE2E } from './harness.js';
import { colourStats, decodePng } from './png.js';

const e2e = useE2E();
const SCREENSHOTS = join(ROOT, process.env.SCREENSHOTS ? 'docs/screenshots' : 'test-results/screenshots');
const REASON = 'The class judged that Corvin would hold the line';

/** A whole classroom match, bots in every seat; the White Cell overrides the first crisis that invokes a guarantee. */
const recordMatch = (id: string, key: string) => {
  const scenario = SCENARIOS['classroom'];
  if (!scenario) throw new Error('classroom missing');
  const setup = { matchId: id, scenario, seed: 9, showMath: true, facilitatorReview: true, timers: {}, bots: {} };
  const code = `R${id.replace(/[^A-Z2-9]/gi, '').toUpperCase()}`.slice(0, 8);
  journal().begin({
    id,
    code,
    setup: { ...setup, scenarioId: 'classroom' },
    room: { facilitatorKey: key, reconnectSeconds: 120, reclaimKeys: {} },
    createdAt: Date.now(),
  });
  const session = MatchSession.create(setup, journal(), 0);
  session.start(new Set(), 0);
  let now = 0;
  let overridden = false;
  for (let i = 0; i < 500 && session.status === 'playing'; i++) {
    if (session.state.pending) {
      if (!overridden && session.state.crises.some((c) => c.invoked.length > 0)) {
        const rungs = Object.fromEntries(Object.keys(session.state.regions).map((r) => [r, 1]));
        overridden = session.command('facilitator', { type: 'override', reason: REASON, rungs }, now).ok;
      }
      session.command('facilitator', { type: 'publish' }, now);
      continue;
    }
    session.tick((now = session.deadline ?? now + 1000));
  }
  expect(session.status).toBe('ended');
  expect(overridden).toBe(true);
  return { id, key, code };
};

/** The White Cell's browser: holds the key, as client/net/pastMatches.ts keeps it after creating a match. */
const whiteCellBrowser = async (match: { id: string; key: string; code: string }) => {
  const page = await e2e.open('/', 'White Cell');
  const entry = { id: match.id, code: match.code, key: match.key, scenario: 'classroom', createdAt: Date.now() };
  // A string, not a function: the tests compile without the DOM's types.
  await page.evaluate(`localStorage.setItem('guarantor.whiteCell', ${JSON.stringify(JSON.stringify([entry]))})`);
  return page;
};

/** A download's text (the browser runs in another process, so the file is copied out first). */
const saved = async (download: Download): Promise<string> => {
  const path = join(mkdtempSync(join(tmpdir(), 'aar-')), download.suggestedFilename());
  await download.saveAs(path);
  return readFileSync(path, 'utf8');
};

const untilReview = async (page: Page) => {
  await page.locator('svg.chart-svg').first().waitFor();
};

it('the White Cell opens the review from its past matches: six charts drawn, each with a legend and a data table', async () => {
  const match = recordMatch('aar-charts', 'key-charts');
  const page = await whiteCellBrowser(match);
  await page.reload();
  const past = page.getByRole('region', { name: 'Your past matches' });
  await past.getByRole('row', { name: new RegExp(match.code) }).waitFor();
  expect(await past.getByRole('row').nth(1).textContent()).toMatch(/The Northern March.*Finished/);
  await past.getByRole('link', { name: `Open the review of match ${match.code}` }).click();
  await untilReview(page);

  await page.getByRole('heading', { level: 1, name: /The Northern March/ }).waitFor();
  expect(await page.locator('.aar-head').textContent()).toMatch(/match RAARCHAR.*Finished.*10 turns adjudicated of 10/);
  expect(await page.locator('figure.chart h3').allTextContents()).toEqual([
    'Credibility of each guarantee',
    'Public commitment',
    'Escalation in each theater',
    'Defense spending',
    'Domestic consensus',
    'Scores',
  ]);
  // Each line is a path through real coordinates inside its chart, and the lines are not flat.
  interface DrawnPath {
    numbers: number[];
    width: number;
    height: number;
    drawnWidth: number;
  }
  const paths = await page.locator('path.chart-line').evaluateAll((els): DrawnPath[] =>
    els.map((el) => {
      const svg = el.closest('svg');
      const box = svg?.viewBox.baseVal;
      const numbers = (el.getAttribute('d') ?? '').match(/-?\d+(\.\d+)?/g)?.map(Number) ?? [];
      const rect = el.getBoundingClientRect();
      return { numbers, width: box?.width ?? 0, height: box?.height ?? 0, drawnWidth: rect.width };
    }),
  );
  expect(paths.length).toBe(3 + 3 + 4 + 5 + 5 + 5);
  for (const p of paths) {
    expect(p.numbers.length).toBeGreaterThanOrEqual(11);
    expect(p.numbers.every((n) => n >= 0 && n <= Math.max(p.width, p.height))).toBe(true);
    expect(p.drawnWidth).toBeGreaterThan(200);
  }
  const credibilityYs = paths[0]?.numbers.filter((_, i) => i % 2 === 1) ?? [];
  expect(new Set(credibilityYs).size).toBeGreaterThan(1);

  // The charts are pictures, not blank boxes.
  const shot = colourStats(decodePng(await page.locator('#chart-credibility svg.chart-svg').screenshot()));
  expect(shot.distinct, 'colours in the credibility chart').toBeGreaterThan(12);
  expect(shot.dominantShare, 'share of the background').toBeLessThan(0.95);

  // The README's picture of the review, as it first opens.
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({
    path: join(SCREENSHOTS, 'aar.png'),
    clip: { x: 0, y: 0, width: 1280, height: 1500 },
    fullPage: true,
  });

  // A legend entry hides its line; the numbers are in a real table too.
  const legend = page.getByRole('list', { name: /Credibility of each guarantee: legend/ });
  await legend.getByRole('button', { name: 'Aurelia → Bosk' }).click();
  expect(await legend.getByRole('button', { name: 'Aurelia → Bosk' }).getAttribute('aria-pressed')).toBe('false');
  expect(await page.locator('#chart-credibility .chart-series.hidden').count()).toBe(1);
  const chart = page.locator('#chart-credibility');
  await chart.getByText('Show the data as a table').click();
  const table = chart.getByRole('table');
  expect(await table.getByRole('columnheader').allTextContents()).toEqual([
    'Turn',
    'Aurelia → Bosk',
    'Aurelia → Corvin',
    'Aurelia → Dunmere',
  ]);
  expect(await table.getByRole('row').count()).toBe(1 + 11);
});

it('the timeline lists every adjudication with its report, and flags the White Cell’s override with its reason', async () => {
  const match = recordMatch('aar-timeline', 'key-timeline');
  const page = await whiteCellBrowser(match);
  await page.goto(e2e.url(`/?aar=${match.id}`));
  await untilReview(page);
  const timeline = page.getByRole('region', { name: 'Decision timeline' });
  const adjudications = timeline.locator('.tl-row.tl-adjudication');
  expect(await adjudications.count()).toBe(10);
  expect(await adjudications.first().textContent()).toMatch(/Turn 1 adjudicated\./);
  await adjudications
    .first()
    .getByText(/The turn’s results: \d+ changes/)
    .click();
  await adjudications.first().getByRole('heading', { name: 'Aurelia', level: 4, exact: true }).waitFor();

  const flagged = timeline.locator('.tl-turn.overridden');
  expect(await flagged.count()).toBe(1);
  expect(await flagged.locator('h3').textContent()).toMatch(/White Cell override/);
  expect(await flagged.locator('.tl-flag').first().textContent()).toContain(`Reason: “${REASON}”`);
  expect(await flagged.locator('.tl-row.tl-adjudication').textContent()).toMatch(
    /adjudicated with the White Cell’s override/,
  );

  // The filter: intelligence reports start hidden and can be shown.
  expect(await timeline.locator('.tl-row.tl-intelligence').count()).toBe(0);
  await timeline.getByRole('checkbox', { name: /Intelligence/ }).check();
  expect(await timeline.locator('.tl-row.tl-intelligence').count()).toBeGreaterThan(0);
});

it('the CSV and JSON download with the key in a header, one CSV row per turn per nation, guarantee and theater', async () => {
  const match = recordMatch('aar-csv', 'key-csv');
  const page = await whiteCellBrowser(match);
  await page.goto(e2e.url(`/?aar=${match.id}`));
  await untilReview(page);
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  const [csv] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download CSV' }).click(),
  ]);
  expect(csv.suggestedFilename()).toBe(`guarantor-${match.code}.csv`);
  const lines = (await saved(csv)).trim().split('\n');
  expect(lines[0]).toBe(
    'turn,subject_kind,subject,defense_share_pct,consensus,capability,gdp,score,credibility,commitment,rung',
  );
  expect(lines).toHaveLength(1 + 11 * (5 + 3 + 4));
  const [json] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download JSON' }).click(),
  ]);
  expect(JSON.parse(await saved(json)).format).toBe('guarantor-match-record');
  await page
    .locator('.aar-action-status')
    .filter({ hasText: `Downloaded guarantor-${match.code}.json.` })
    .waitFor();
  expect(requests.some((u) => u.includes(match.key))).toBe(false);
});

it('the replay steps the map and the summary to another turn, with the buttons and the arrow keys', async () => {
  const match = recordMatch('aar-replay', 'key-replay');
  const page = await whiteCellBrowser(match);
  await page.goto(e2e.url(`/?aar=${match.id}`));
  await untilReview(page);
  const replay = page.getByRole('region', { name: 'Replay' });
  const map = replay.locator('[data-drawn="true"]');
  await map.waitFor();
  await replay.scrollIntoViewIfNeeded();
  expect(await replay.locator('.replay-position').textContent()).toBe('Step 1 of 11: Start of turn 1');
  const before = await map.screenshot();

  for (let i = 0; i < 5; i++) await replay.getByRole('button', { name: 'Next step' }).click();
  expect(await replay.locator('.replay-position').textContent()).toBe('Step 6 of 11: Start of turn 6');
  expect(await replay.locator('.replay-summary h3').textContent()).toBe('Start of turn 6');
  expect(await replay.locator('.replay-summary').textContent()).toMatch(/Turn 6 of 10 — Briefing.*Turn 5 results/);
  await eventually(async () => !(await map.screenshot()).equals(before), 'the map to show turn 6');

  // The arrow keys step from anywhere in the section but the slider, which moves by itself.
  await replay.getByRole('button', { name: 'Next step' }).focus();
  await page.keyboard.press('ArrowLeft');
  expect(await replay.locator('.replay-position').textContent()).toBe('Step 5 of 11: Start of turn 5');
  await page.keyboard.press('End');
  expect(await replay.locator('.replay-position').textContent()).toBe(
    'Step 11 of 11: End of the match (after turn 10)',
  );
  expect(await replay.getByRole('button', { name: 'Next step' }).isDisabled()).toBe(true);
  await replay.getByRole('slider', { name: 'Step' }).fill('2');
  expect(await replay.locator('.replay-position').textContent()).toBe('Step 3 of 11: Start of turn 3');
});

it('a private review tells a stranger why; made public, it opens without the key', async () => {
  const match = recordMatch('aar-public', 'key-public');
  const stranger = await e2e.open(`/?aar=${match.id}`, 'Stranger');
  await stranger.getByRole('alert').filter({ hasText: 'This review is private' }).waitFor();
  expect(await stranger.getByRole('alert').first().textContent()).toBe(
    'This review is private: open it from the browser that ran the match, or ask the White Cell to make it public.',
  );
  // The browser reports the refused fetches (403) on its console: those are expected here.
  for (const problem of e2e.takeProblems()) expect(problem).toMatch(/\b403\b/);

  const page = await whiteCellBrowser(match);
  await page.goto(e2e.url(`/?aar=${match.id}`));
  await untilReview(page);
  expect(await page.getByRole('textbox', { name: 'Link to this review' }).inputValue()).toBe(
    e2e.url(`/?aar=${match.id}`),
  );
  await page.getByRole('button', { name: 'Make the review public' }).click();
  await page.getByRole('button', { name: 'Make it private' }).waitFor();
  await stranger.reload();
  await untilReview(stranger);
  expect(await stranger.getByRole('button', { name: /Make/ }).count()).toBe(0);
  expect(await stranger.getByRole('form', { name: 'What if…' }).count()).toBe(0);
});

it('what if…: the White Cell starts a new match from a recorded turn and lands in its lobby', async () => {
  const match = recordMatch('aar-branch', 'key-branch');
  const page = await whiteCellBrowser(match);
  await page.goto(e2e.url(`/?aar=${match.id}`));
  await untilReview(page);
  const form = page.getByRole('form', { name: 'What if…' });
  await form.getByLabel('Start from').selectOption({ label: 'Turn 4, as it began' });
  await form.getByLabel('Your name').fill('Ms Ortiz');
  await form.getByRole('button', { name: 'Start a new match from turn 4' }).click();
  await untilLobby(page);
  const link = await page.getByRole('textbox', { name: 'Invite link' }).inputValue();
  expect(new URL(link).searchParams.get('code')).not.toBe(match.code);
  expect(new URL(page.url()).search).toBe('');
});
