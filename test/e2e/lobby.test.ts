// The lobby with real browsers: an invite link, a hostile name shown as text, a reload that keeps
// the seat, and a join done with the keyboard alone.
import { expect, it } from 'vitest';
import {
  createMatch,
  eventually,
  invitePath,
  joinByKeyboard,
  joinFromInvite,
  playing,
  tabTo,
  takeSeat,
} from './flows.js';
import { useE2E } from './harness.js';

const e2e = useE2E();
const HOSTILE = '<img src=x onerror=alert(1)>';

it('a player joins from the invite link under a name with markup, and everyone sees it as plain text', async () => {
  const host = await e2e.open('/', 'White Cell');
  const { code, link } = await createMatch(host);
  expect(invitePath(link)).toBe(`/?code=${code}`);

  const player = await e2e.open(invitePath(link), 'player');
  const joinForm = player.getByRole('form', { name: 'Join a match' });
  expect(await joinForm.getByLabel('Match code').inputValue()).toBe(code);
  await joinFromInvite(player, HOSTILE);
  await takeSeat(player, 'Bosk');

  const boskRow = host.getByRole('listitem').filter({ hasText: 'Bosk' });
  await boskRow.getByText(HOSTILE, { exact: true }).waitFor();
  for (const page of [host, player]) expect(await page.locator('img').count()).toBe(0);
  expect(e2e.takeProblems()).toEqual([]);
});

it('a reload puts the player back in the same seat', async () => {
  const host = await e2e.open('/', 'White Cell');
  const { link } = await createMatch(host);
  const player = await e2e.open(invitePath(link), 'player');
  await joinFromInvite(player, 'Ann');
  await takeSeat(player, 'Corvin');

  await player.reload();
  await player.getByText(playing('Corvin')).waitFor();
  // The White Cell still sees one Ann in Corvin's seat, connected again.
  const corvinRow = host.getByRole('listitem').filter({ hasText: 'Corvin' });
  await eventually(async () => (await corvinRow.textContent())?.includes('Ann') === true, 'Ann back in Corvin');
  await eventually(async () => !(await corvinRow.textContent())?.includes('reconnecting'), 'Ann connected');
  expect(await host.getByText('Ann', { exact: true }).count()).toBe(1);
});

it('a player joins and takes a seat with the keyboard alone', async () => {
  const host = await e2e.open('/', 'White Cell');
  const { link } = await createMatch(host);
  const player = await e2e.open(invitePath(link), 'keyboard player');

  await joinByKeyboard(player, 'Kim');
  await tabTo(player, player.getByRole('button', { name: 'Take Dunmere' }));
  expect(await player.locator(':focus-visible').count(), 'the focused control shows its focus').toBe(1);
  await player.keyboard.press('Enter');
  await player.getByText(playing('Dunmere')).waitFor();
  await host.getByRole('listitem').filter({ hasText: 'Dunmere' }).getByText('Kim', { exact: true }).waitFor();
});
