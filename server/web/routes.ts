// The HTTP side of the server: the built browser client at `/` under a strict Content-Security-Policy
// (no inline script, no other origin), and the small JSON catalogue the home screen reads.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Express } from 'express';
import { SCENARIOS } from '../../shared/index.js';
import { landingPage } from '../landing.js';
import { CLIENT_DIST } from './clientBuild.js';

export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

/** What the home screen's scenario picker shows. */
export const scenarioCatalogue = () =>
  Object.values(SCENARIOS).map((s) => ({
    id: s.id,
    title: s.title,
    summary: s.summary,
    era: s.era,
    turns: s.turns,
    monthsPerTurn: s.monthsPerTurn,
    timers: s.timers,
    seats: s.seats.map((seat) => ({
      id: seat.id,
      role: seat.role,
      name: s.nations.find((n) => n.id === seat.nation)?.name ?? seat.id,
    })),
  }));

export const mountClient = (app: Express, rooms: () => Promise<number>): void => {
  app.use((_req, res, next) => {
    res.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    res.set('X-Content-Type-Options', 'nosniff');
    res.set('Referrer-Policy', 'same-origin');
    next();
  });
  app.get('/api/scenarios', (_req, res) => {
    res.json(scenarioCatalogue());
  });
  const index = join(CLIENT_DIST, 'index.html');
  app.get('/', async (_req, res) => {
    // Hashed assets are cached for good; the page itself must always be fresh.
    if (existsSync(index)) res.set('Cache-Control', 'no-cache').sendFile(index);
    else res.type('html').send(landingPage(await rooms()));
  });
  app.use(
    '/assets',
    express.static(join(CLIENT_DIST, 'assets'), { immutable: true, maxAge: '1y', fallthrough: false }),
  );
};
