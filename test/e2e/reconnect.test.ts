// A dropped connection in a real browser: the page says it is reconnecting, gets back in with its
// stored token, and the player is still in the same seat, connected, as the White Cell sees it.
import { matchMaker } from '@colyseus/core';
import { expect, it } from 'vitest';
import { PATIENCE_MS, createMatch, eventually, invitePath, joinFromInvite, playing, takeSeat } from './flows.js';
import { useE2E } from './harness.js';

const e2e = useE2E();

/** Cuts a member's socket on the server, as a network failure would (no close handshake). */
const dropConnection = async (name: string) => {
  const [listing] = await matchMaker.query({ name: 'crisis' });
  const room = listing && matchMaker.getLocalRoomById(listing.roomId);
  if (!room) throw new Error('no room');
  const members = (room.state as { members: Map<string, { id: string; name: string }> }).members;
  const member = [...members.values()].find((m) => m.name === name);
  const client = member && room.clients.getById(member.id);
  if (!client) throw new Error(`no connected member "${name}"`);
  (client.ref as unknown as { terminate(): void }).terminate();
};

it('a dropped connection shows "reconnecting…" and comes back into the same seat by itself', async () => {
  const host = await e2e.open('/', 'White Cell');
  const { link } = await createMatch(host);
  const player = await e2e.open(invitePath(link), 'player');
  await joinFromInvite(player, 'Ann');
  await takeSeat(player, 'Bosk');

  const banner = player.locator('.banner', { hasText: 'Connection lost: reconnecting…' });
  const shown = banner.waitFor({ state: 'visible', timeout: PATIENCE_MS });
  await dropConnection('Ann');
  await shown;
  await banner.waitFor({ state: 'hidden', timeout: PATIENCE_MS });
  await player.getByText(playing('Bosk')).waitFor();
  const boskRow = host.getByRole('listitem').filter({ hasText: 'Bosk' });
  await eventually(
    async () => (await boskRow.textContent())?.includes('Ann (reconnecting)') === false,
    'Ann connected',
  );
  expect(await boskRow.textContent()).toContain('Ann');
});

it('a reload keeps the chat the page had received', async () => {
  const host = await e2e.open('/', 'White Cell');
  const { link } = await createMatch(host);
  const player = await e2e.open(invitePath(link), 'player');
  await joinFromInvite(player, 'Ann');
  await takeSeat(player, 'Bosk');
  await host.getByRole('button', { name: 'Start the match' }).click();
  const history = player.getByRole('log', { name: 'Chat history' });
  await player.getByRole('textbox', { name: 'Message', exact: true }).fill('Hold the line at the river.');
  await player.getByRole('button', { name: 'Send', exact: true }).click();
  await history.getByText('Hold the line at the river.').waitFor();

  await player.reload();
  await player.getByRole('log', { name: 'Chat history' }).getByText('Hold the line at the river.').waitFor();
});
