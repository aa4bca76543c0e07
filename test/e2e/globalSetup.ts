// Once per browser-test run: build the client if its sources changed, and start one headless
// Chromium that every test file connects to (each test opens its own fresh contexts in it).
import type { TestProject } from 'vitest/node';
import { ensureClientBuilt, launchChromiumServer } from './chromium.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where test files connect to the run's Chromium (playwright's `chromium.connect`). */
    chromiumEndpoint: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  await ensureClientBuilt();
  const browser = await launchChromiumServer();
  project.provide('chromiumEndpoint', browser.wsEndpoint());
  return async () => {
    await browser.close();
  };
}
