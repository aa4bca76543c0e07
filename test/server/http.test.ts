// HTTP routes and server passwords: /health counts rooms; the monitor exists only with
// MONITOR_PASSWORD and asks for it; CREATE_PASSWORD guards match creation.
import { afterAll, expect, it } from 'vitest';
import { nextMessage, testPort, useTestServer, HOST_TOKEN } from './helpers.js';

// The server reads both passwords when it boots and when a match is created.
const server = useTestServer({
  before: () => {
    process.env.MONITOR_PASSWORD = 'watch-it';
    process.env.CREATE_PASSWORD = 'let-me-create';
  },
});
afterAll(() => {
  delete process.env.MONITOR_PASSWORD;
  delete process.env.CREATE_PASSWORD;
});

const url = (path: string) => `http://localhost:${testPort()}${path}`;

it('/ serves the page under a policy that allows no inline script and no other origin', async () => {
  const res = await fetch(url('/'));
  expect(res.status).toBe(200);
  const policy = res.headers.get('content-security-policy') ?? '';
  expect(policy).toMatch(/script-src 'self'(;|$)/);
  expect(policy).toMatch(/default-src 'self'/);
  expect(policy).not.toMatch(/unsafe-inline|unsafe-eval/);
  const html = await res.text();
  // Built or not (the landing page then says how to build), no script is written into the page.
  expect(html).toMatch(/Guarantor/);
  for (const tag of html.match(/<script[^>]*>[\s\S]*?<\/script>/gi) ?? [])
    expect(tag).toMatch(/^<script[^>]+src="[^"]+"[^>]*><\/script>$/);
});

it('/api/scenarios lists each shipped scenario with its summary and seats for the picker', async () => {
  const res = await fetch(url('/api/scenarios'));
  const list = (await res.json()) as { id: string; summary: string; seats: { id: string; role: string }[] }[];
  expect(list.map((s) => s.id)).toEqual(['classroom', 'baltic']);
  expect(list[0]?.summary).toMatch(/Aurelia/);
  expect(list[0]?.seats.find((s) => s.id === 'varkal')?.role).toBe('challenger');
});

it('/health answers ok with the number of rooms', async () => {
  const before = (await (await fetch(url('/health'))).json()) as { ok: boolean; rooms: number };
  expect(before).toEqual({ ok: true, rooms: 0 });
  const host = await server().sdk.create('crisis', {
    scenario: 'classroom',
    name: 'T',
    password: 'let-me-create',
    hostToken: HOST_TOKEN,
  });
  await nextMessage(host, 'welcome');
  const after = (await (await fetch(url('/health'))).json()) as { rooms: number };
  expect(after.rooms).toBe(1);
});

it('creating a match needs the server password when one is set', async () => {
  await expect(
    server().sdk.create('crisis', { scenario: 'classroom', name: 'T', hostToken: HOST_TOKEN }),
  ).rejects.toThrow(/needs the server password/);
  await expect(
    server().sdk.create('crisis', { scenario: 'classroom', name: 'T', password: 'guess', hostToken: HOST_TOKEN }),
  ).rejects.toThrow(/needs the server password/);
});

it('the monitor asks for its password', async () => {
  expect((await fetch(url('/monitor/'))).status).toBe(401);
  const wrong = { Authorization: `Basic ${Buffer.from('admin:nope').toString('base64')}` };
  expect((await fetch(url('/monitor/'), { headers: wrong })).status).toBe(401);
  const right = { Authorization: `Basic ${Buffer.from('admin:watch-it').toString('base64')}` };
  expect((await fetch(url('/monitor/'), { headers: right })).status).toBe(200);
});
