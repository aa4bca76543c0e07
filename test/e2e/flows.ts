// What a person does on the home and lobby screens, through the names a screen reader would read.
import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** The classroom scenario's title in the picker. */
export const CLASSROOM = /The Northern March/;

/** A player's lobby line: "You play Bosk (ally)." */
export const playing = (nation: string) => new RegExp(`You play ${nation} \\(`);

/** Waits until `check` holds (no fixed sleeps anywhere in the browser tests). */
export const eventually = async (check: () => Promise<boolean>, what: string, timeoutMs = 10_000) => {
  const started = Date.now();
  while (!(await check())) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
};

/** Waits for the lobby; fails at once with the page's message if the home screen shows an error. */
export const untilLobby = async (page: Page) => {
  const lobby = page.getByRole('heading', { name: 'Lobby', level: 1 });
  const error = page.locator('.form-error[role=alert]');
  await eventually(
    async () => (await lobby.isVisible()) || ((await error.count()) > 0 && !!(await error.textContent())?.trim()),
    'the lobby',
  );
  if (!(await lobby.isVisible())) throw new Error(`the home screen says: ${await error.textContent()}`);
};

/** Creates a match from the home page as the White Cell; resolves with its code once the lobby shows. */
export const createMatch = async (page: Page, options: { name?: string; scenario?: RegExp } = {}) => {
  const form = page.getByRole('form', { name: 'Create a match' });
  await form.getByLabel('Your name').fill(options.name ?? 'Ms Ortiz');
  await form.getByRole('radio', { name: options.scenario ?? CLASSROOM }).check();
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

/** Takes a nation's seat in the lobby. */
export const takeSeat = async (page: Page, nation: string) => {
  await page.getByRole('button', { name: `Take ${nation}` }).click();
  await page.getByText(playing(nation)).waitFor();
};
