// `npm run bench:client`: time from navigation to the first drawn map, in headless Chromium on
// loopback (issue 5's target: ≤ 1.5 s). The White Cell creates a match in the browser with every
// seat played by a bot, starts it, and reloads the game page; each reload is timed until the map
// reports itself drawn (client/map/mountMap.ts sets `data-drawn="true"` and `performance.mark('map-drawn')`).
// Cold runs bypass the HTTP cache (Phaser and the map data fetched and compiled again); warm runs use it.
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import { SCENARIOS } from '../shared/index.js';
import { ensureClientBuilt, launchChromium } from '../test/e2e/chromium.js';
import { freePort, startServer } from '../test/bench/serverProcess.js';

const TARGET_MS = 1500;
const DRAWN = '[data-drawn="true"]';

const USAGE = 'usage: npm run bench:client -- [--scenario classroom|baltic] [--runs N] [--view game|projector]';

const parse = () => {
  const { values } = parseArgs({
    options: {
      scenario: { type: 'string', default: 'classroom' },
      runs: { type: 'string', default: '5' },
      view: { type: 'string', default: 'game' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const runs = Number(values.runs);
  const scenario = SCENARIOS[values.scenario as keyof typeof SCENARIOS];
  const problem = !scenario
    ? `unknown scenario "${values.scenario}" (known: ${Object.keys(SCENARIOS).join(', ')})`
    : !Number.isInteger(runs) || runs < 1 || runs > 50
      ? '--runs takes a whole number from 1 to 50'
      : values.view !== 'game' && values.view !== 'projector'
        ? "--view is game (the White Cell's game page) or projector"
        : null;
  if (problem || !scenario) {
    console.error(`${problem}\n${USAGE}`);
    process.exit(2);
  }
  return { scenario, runs, view: values.view as 'game' | 'projector' };
};

/** Creates the match through the home and lobby screens, every seat a bot, and starts it. */
const createAndStart = async (page: Page, title: string): Promise<string> => {
  const form = page.getByRole('form', { name: 'Create a match' });
  await form.getByLabel('Your name').fill('Bench');
  await form.getByRole('radio', { name: new RegExp(`^${title.replace(/[()]/g, '\\$&')}`) }).check();
  await form.getByLabel('Phase timers').selectOption({ label: 'No timers: the White Cell advances each phase' });
  await form.getByRole('button', { name: 'Create match' }).click();
  await page.getByRole('heading', { name: 'Lobby', level: 1 }).waitFor();
  const code = new URL(await page.getByRole('textbox', { name: 'Invite link' }).inputValue()).searchParams.get('code');
  for (const select of await page.getByRole('combobox', { name: /^Who plays / }).all())
    await select.selectOption({ label: 'Bot: calculating' });
  await page.getByRole('button', { name: 'Start the match' }).click();
  return code ?? '';
};

/** Waits for the map to report itself drawn, with a clear message when it never does. */
const untilDrawn = async (page: Page): Promise<void> => {
  try {
    await page.locator(DRAWN).first().waitFor({ state: 'attached', timeout: 30_000 });
  } catch {
    throw new Error(
      `no element got ${DRAWN} within 30 s on ${page.url()}: the map did not draw (or does not mark itself)`,
    );
  }
};

/** Reloads and waits for the drawn map: the browser's own mark (since navigation) and the wall time. */
const timeReload = async (page: Page): Promise<{ markMs: number; wallMs: number }> => {
  const started = performance.now();
  await page.reload({ waitUntil: 'commit' });
  await untilDrawn(page);
  const wallMs = performance.now() - started;
  const markMs = (await page.evaluate(
    "performance.getEntriesByName('map-drawn', 'mark')[0]?.startTime ?? -1",
  )) as number;
  if (markMs < 0) throw new Error('the map set data-drawn but made no performance mark "map-drawn"');
  return { markMs, wallMs };
};

const summary = (label: string, samples: number[]): string => {
  const sorted = [...samples].sort((a, b) => a - b);
  const median = sorted[Math.floor((sorted.length - 1) / 2)] ?? 0;
  const max = sorted[sorted.length - 1] ?? 0;
  const verdict = median <= TARGET_MS ? 'ok' : 'OVER';
  return `${label.padEnd(40)} median ${median.toFixed(0).padStart(5)} ms   max ${max.toFixed(0).padStart(5)} ms   target ≤ ${TARGET_MS} ms   ${verdict}`;
};

const { scenario, runs, view } = parse();
await ensureClientBuilt();
const server = await startServer(await freePort());
const origin = server.url.replace(/^ws/, 'http');
const browser = await launchChromium();
/** Runs the reloads and prints the figures; true when the cold median meets the target. */
const bench = async (): Promise<boolean> => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const white = await context.newPage();
  await white.goto(`${origin}/`);
  const code = await createAndStart(white, scenario.title);
  const page = view === 'game' ? white : await context.newPage();
  if (view === 'projector') await page.goto(`${origin}/?view=projector&code=${encodeURIComponent(code)}`);
  await untilDrawn(page);

  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  const measure = async (cold: boolean) => {
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: cold });
    const marks: number[] = [];
    const walls: number[] = [];
    for (let i = 0; i < runs; i++) {
      const { markMs, wallMs } = await timeReload(page);
      marks.push(markMs);
      walls.push(wallMs);
    }
    return { marks, walls };
  };
  const cold = await measure(true);
  const warm = await measure(false);

  console.log(`\nFirst drawn map: ${scenario.id}, ${view} page, ${runs} reloads each, headless Chromium on loopback`);
  console.log(summary('cold (no HTTP cache), from navigation', cold.marks));
  console.log(summary('warm (HTTP cache), from navigation', warm.marks));
  console.log(summary('cold, reload() to data-drawn', cold.walls));
  console.log(`  runs (cold, ms): ${cold.marks.map((m) => m.toFixed(0)).join(', ')}`);
  const sorted = [...cold.marks].sort((a, b) => a - b);
  return (sorted[Math.floor((sorted.length - 1) / 2)] ?? 0) <= TARGET_MS;
};
const met = await bench().finally(async () => {
  await browser.close();
  await server.stop();
});
if (!met) {
  console.error(`the median cold time to the first drawn map is over ${TARGET_MS} ms`);
  process.exit(1);
}
