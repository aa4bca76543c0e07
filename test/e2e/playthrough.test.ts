// The whole classroom match in real browsers: a White Cell and two players in three contexts (one of
// them with the keyboard alone) and a bot challenger, from the home page to the debrief. Takes the
// README's screenshots of the game and the debrief.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { ROOT } from '../../server/web/clientBuild.js';
import {
  type Hands,
  NO_TIMERS,
  PATIENCE_MS,
  createMatch,
  eventually,
  invitePath,
  joinByKeyboard,
  joinFromInvite,
  tabTo,
  takeSeat,
} from './flows.js';
import { useE2E } from './harness.js';
import { advanceToTheEnd, doTask, phaseTitle, taskText } from './play.js';
import { colourStats, decodePng } from './png.js';

const e2e = useE2E();
const HOSTILE = '<img src=x onerror=alert(1)>';
// The README's pictures are refreshed on request (SCREENSHOTS=1), so an ordinary run leaves the
// working tree clean; otherwise they go to test-results/ (ignored by git).
const SCREENSHOTS = join(ROOT, process.env.SCREENSHOTS ? 'docs/screenshots' : 'test-results/screenshots');

/** Sends a public chat line from the game screen's chat panel. */
const say = async (page: Page, text: string) => {
  const chat = page.getByRole('region', { name: 'Chat' });
  await chat.getByLabel('Message').fill(text);
  await chat.getByRole('button', { name: 'Send' }).click();
};

it(
  'a White Cell, two players and a bot challenger play the classroom match from the home page to the debrief',
  // About 47 s on a quiet 2-core machine, 60 s with both cores busy: the bound only catches a hang.
  { timeout: 600_000 },
  async () => {
    const white = await e2e.open('/', 'White Cell');
    const { link } = await createMatch(white, { timers: NO_TIMERS });
    const ann = await e2e.open(invitePath(link), 'Ann (mouse)');
    await joinFromInvite(ann, 'Ann');
    await takeSeat(ann, 'Aurelia');
    const kim = await e2e.open(invitePath(link), 'Kim (keyboard)');
    await joinByKeyboard(kim, 'Kim');
    await takeSeat(kim, 'Bosk', 'keyboard');

    // The challenger is a bot by the White Cell's choice; the two open allies get theirs at the start.
    await white.getByRole('combobox', { name: 'Who plays Varkal' }).selectOption({ label: 'Bot: calculating' });
    await white.getByRole('listitem').filter({ hasText: 'Varkal' }).getByText('Bot: calculating').first().waitFor();
    await white.getByRole('button', { name: 'Start the match' }).click();
    for (const page of [white, ann, kim])
      await eventually(async () => (await phaseTitle(page)).startsWith('Turn 1 of 10'), 'the game screen');

    // A chat line with markup arrives as text everywhere and creates no element.
    await say(ann, HOSTILE);
    for (const page of [white, ann, kim]) {
      await page.getByRole('log', { name: 'Chat history' }).getByText(HOSTILE, { exact: true }).waitFor();
      expect(await page.locator('img').count()).toBe(0);
    }

    // The map draws: its screenshot has many colours, not one background.
    const map = ann.locator('[data-drawn="true"]').first();
    await map.waitFor();
    const drawn = colourStats(decodePng(await map.screenshot()));
    expect(drawn.distinct, 'colours in the map').toBeGreaterThan(16);
    expect(drawn.dominantShare, 'share of the commonest colour').toBeLessThan(0.9);

    // Turn 1: both humans play every phase (Kim with the keyboard alone); the bots play the rest.
    const seats: { page: Page; hands: Hands }[] = [
      { page: ann, hands: 'mouse' },
      { page: kim, hands: 'keyboard' },
    ];
    const done: string[] = [];
    let shot = false;
    await eventually(
      async () => {
        for (const { page, hands } of seats) {
          if (!shot && page === ann && /Split your budget/.test(await taskText(page))) {
            mkdirSync(SCREENSHOTS, { recursive: true });
            await ann.screenshot({ path: join(SCREENSHOTS, 'game.png') });
            shot = true;
          }
          const task = await doTask(page, hands);
          if (task) done.push(`${hands}: ${task}`);
        }
        return (await phaseTitle(white)).startsWith('Turn 2 of 10');
      },
      'the end of turn 1',
      4 * PATIENCE_MS,
    );
    expect(shot).toBe(true);
    for (const hands of ['mouse', 'keyboard'])
      for (const task of [/briefing/, /chat/, /budget/, /results/])
        expect(
          done.some((d) => d.startsWith(hands) && task.test(d)),
          `${hands} ${task}`,
        ).toBe(true);

    // The White Cell moves the remaining turns on; everyone reaches the debrief.
    const advances = await advanceToTheEnd(white);
    expect(advances).toBeGreaterThan(9 * 3);
    for (const page of [white, ann, kim]) await page.locator('#debrief-title').waitFor();
    const scores = ann.getByRole('region', { name: 'Final scores' });
    for (const role of ['Guarantors', 'Allies', 'Challengers']) {
      const section = scores.getByRole('region', { name: role });
      expect(await section.getByText(/^\d+ \/ 100$/).count(), role).toBeGreaterThan(0);
    }
    for (const nation of ['Aurelia', 'Bosk', 'Varkal']) await scores.getByText(nation).first().waitFor();
    await ann.screenshot({ path: join(SCREENSHOTS, 'debrief.png') });

    // The keyboard player can open the breakdown of a score and leave from the debrief.
    await tabTo(kim, kim.getByRole('button', { name: 'Back to the home page' }));
    await kim.keyboard.press('Enter');
    await kim.getByRole('heading', { name: 'Guarantor', level: 1 }).waitFor();
  },
);
