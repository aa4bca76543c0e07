// Once per browser-test run: build the client from the sources as they are now, into a directory of
// the run's own (so a rebuild of dist/client by `npm start` or `npm run dev` meanwhile cannot pull
// assets from under the pages), and start one headless Chromium that every test file connects to.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildClient, launchChromiumServer } from './chromium.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where test files connect to the run's Chromium (playwright's `chromium.connect`). */
    chromiumEndpoint: string;
    /** The run's client build, which the test servers serve in place of dist/client (test/e2e/setup.ts). */
    clientDist: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const clientDist = mkdtempSync(join(tmpdir(), 'guarantor-e2e-client-'));
  const [browser] = await Promise.all([launchChromiumServer(), buildClient(clientDist)]);
  project.provide('chromiumEndpoint', browser.wsEndpoint());
  project.provide('clientDist', clientDist);
  return async () => {
    await browser.close();
    rmSync(clientDist, { recursive: true, force: true });
  };
}
