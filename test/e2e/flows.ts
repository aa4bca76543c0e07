// What a person does on the home and lobby screens, through the names a screen reader would read.
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/** The classroom scenario's title in the picker. */
export const CLASSROOM = /The Northern March/;

/** A player's lobby line: "You play Bosk (ally)." */
export const playing = (nation: string) => new RegExp(`You play ${nation} \\(`);

/**
 * How long a browser test waits for any one thing to show before it fails: far above what a step
 * needs on a 2-core machine with both cores busy (a few seconds at most), so only a hang trips it.
 */
export const PATIENCE_MS = 60_000;

/** Waits until `check` holds (no fixed sleeps anywhere in the browser tests). */
export const eventually = async (check: () => Promise<boolean>, what: string, timeoutMs = PATIENCE_MS) => {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
};

/** How a person acts: Playwright clicks, or only Tab, Space and Enter. */
export type Hands = 'mouse' | 'keyboard';

/** Presses Tab until `target` has the focus (the page's whole tab order, wrapping, at most `limit` presses). */
export const tabTo = async (page: Page, target: Locator, limit = 250): Promise<void> => {
  await target.waitFor();
  for (let i = 0; i < limit; i++) {
    if (await target.evaluate((el) => el === el.ownerDocument.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`${target} is not reachable with Tab`);
};

/** Activates a button (Enter) or checks a radio (Space). */
export const press = async (page: Page, target: Locator, hands: Hands): Promise<void> => {
  if (hands === 'mouse') return target.click();
  await tabTo(page, target);
  const radio = (await target.getAttribute('type')) === 'radio';
  await page.keyboard.press(radio ? 'Space' : 'Enter');
};

/** An element's text now, '' when it is not on the page (never waits, unlike textContent()). */
export const textNow = async (locator: Locator): Promise<string> => (await locator.allTextContents()).join('').trim();

/** Waits for the lobby; fails at once with the page's message if the home screen shows an error. */
export const untilLobby = async (page: Page) => {
  const lobby = page.getByRole('heading', { name: 'Lobby', level: 1 });
  const error = page.locator('.form-error[role=alert]');
  await eventually(async () => (await lobby.isVisible()) || (await textNow(error)) !== '', 'the lobby');
  if (!(await lobby.isVisible())) throw new Error(`the home screen says: ${await textNow(error)}`);
};

/** Creates a match from the home page as the White Cell; resolves with its code once the lobby shows. */
export const createMatch = async (page: Page, options: { name?: string; scenario?: RegExp; timers?: string } = {}) => {
  const form = page.getByRole('form', { name: 'Create a match' });
  await form.getByLabel('Your name').fill(options.name ?? 'Ms Ortiz');
  await form.getByRole('radio', { name: options.scenario ?? CLASSROOM }).check();
  if (options.timers) await form.getByLabel('Phase timers').selectOption({ label: options.timers });
  await form.getByRole('button', { name: 'Create match' }).click();
  await untilLobby(page);
  const link = await page.getByRole('textbox', { name: 'Invite link' }).inputValue();
  const code = new URL(link).searchParams.get('code');
  expect(code).toMatch(/^[2-9A-Z]{8}$/);
  return { code: code ?? '', link: new URL(link) };
};

/** Joins from the invite page (`/?code=…`, form prefilled) under `name`, and waits for the lobby. */
export const joinFromInvite = async (page: Page, name: string) => {
  const form = page.getByRole('form', { name: 'Join a match' });
  await form.getByLabel('Your name').fill(name);
  await form.getByRole('button', { name: 'Join' }).click();
  await untilLobby(page);
};

/** The timer preset under which only the White Cell moves phases on (no deadline ever passes in a test). */
export const NO_TIMERS = 'No timers: the White Cell advances each phase';

/** The path of an invite link: `/?code=…`. */
export const invitePath = (link: URL): string => `${link.pathname}${link.search}`;

/** Takes a nation's seat in the lobby. */
export const takeSeat = async (page: Page, nation: string, hands: Hands = 'mouse') => {
  await press(page, page.getByRole('button', { name: `Take ${nation}` }), hands);
  await page.getByText(playing(nation)).waitFor();
};

/** Joins from the invite page with the keyboard alone: the page puts the cursor in the name field. */
export const joinByKeyboard = async (page: Page, name: string) => {
  const nameField = page.getByRole('form', { name: 'Join a match' }).getByLabel('Your name');
  await eventually(() => nameField.evaluate((el) => el === el.ownerDocument.activeElement), 'focus in the name field');
  await page.keyboard.type(name);
  await page.keyboard.press('Enter');
  await untilLobby(page);
};
