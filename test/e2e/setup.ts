// Every browser-test file's server serves the run's own client build (test/e2e/globalSetup.ts); the
// routes, headers and policy are the real ones, only the directory differs. Set before the server's
// modules load, which read it once.
import { inject } from 'vitest';

process.env.CLIENT_DIST = inject('clientDist');
