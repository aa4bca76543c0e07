// Every browser-test file's server serves the run's own client build (test/e2e/globalSetup.ts); the
// routes, headers and policy are the real ones, only the directory differs.
import { inject, vi } from 'vitest';

vi.mock('../../server/web/clientBuild.js', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../server/web/clientBuild.js')>()),
  CLIENT_DIST: inject('clientDist'),
}));
