// The server process is killed mid-match (SIGKILL) and started again on the same journal: the
// players' pages come back into the restored match by themselves, in their seats, where it stood.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type Page, chromium } from 'playwright-core';
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { type ServerProcess, freePort, startServer } from '../bench/serverProcess.js';
import { NO_TIMERS, PATIENCE_MS, createMatch, invitePath, joinFromInvite, takeSeat } from './flows.js';

let browser: Browser;
const servers: ServerProcess[] = [];
beforeAll(async () => {
  browser = await chromium.connect(inject('chromiumEndpoint'));
});
afterAll(async () => {
  for (const s of servers) await s.stop();
  await browser.close();
});

/** The White Cell moves the match on, past the warning that a seat still owes its move. */
const advance = async (host: Page) => {
  await host
    .getByRole('button', { name: /^Advance to / })
    .first()
    .click();
  await host.getByRole('button', { name: 'Advance anyway' }).click();
};

// About 12 s on a quiet 2-core machine, 16 s with both cores busy: the bound only catches a hang.
it('after a crash and a restart, the White Cell and a player are back in the match without doing anything', async () => {
  const port = await freePort();
  const env = {
    DATABASE_PATH: join(mkdtempSync(join(tmpdir(), 'guarantor-restart-')), 'journal.db'),
    CLIENT_DIST: inject('clientDist'),
  };
  const boot = async () => {
    const server = await startServer(port, [], env);
    servers.push(server);
    return server;
  };
  const first = await boot();
  const url = (path: string) => `http://127.0.0.1:${port}${path}`;
  const open = async (path: string) => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    context.setDefaultTimeout(PATIENCE_MS);
    context.setDefaultNavigationTimeout(PATIENCE_MS);
    const page = await context.newPage();
    await page.goto(url(path));
    return page;
  };
  const host = await open('/');
  const { link } = await createMatch(host, { timers: NO_TIMERS });
  const player = await open(invitePath(link));
  await joinFromInvite(player, 'Ann');
  await takeSeat(player, 'Bosk');
  await host.getByRole('button', { name: 'Start the match' }).click();
  const turnOne = { name: /^Turn 1 of 10 — Briefing$/, level: 1 } as const;
  await player.getByRole('heading', turnOne).waitFor();
  await advance(host);
  const diplomacy = { name: /^Turn 1 of 10 — Diplomacy$/, level: 1 } as const;
  await player.getByRole('heading', diplomacy).waitFor();

  await first.crash();
  const lost = player.locator('.banner', { hasText: 'reconnecting' });
  await lost.waitFor({ state: 'visible', timeout: PATIENCE_MS });
  await boot();

  for (const page of [player, host]) {
    // The client retries on a back-off; a restart under load takes seconds, the bound is far above that.
    await page.locator('.banner', { hasText: 'reconnecting' }).waitFor({ state: 'hidden', timeout: 2 * PATIENCE_MS });
    await page.getByRole('heading', diplomacy).waitFor();
  }
  expect(await player.getByText('Bosk (ally)').count()).toBeGreaterThan(0);
  // The restored match goes on: the White Cell moves it to the next phase and the player sees it.
  await host
    .getByRole('button', { name: /^Advance to / })
    .first()
    .click();
  await host.getByRole('button', { name: 'Advance anyway' }).click();
  await player.getByRole('heading', { name: /^Turn 1 of 10 — Allocation$/, level: 1 }).waitFor();
}, 300_000);
