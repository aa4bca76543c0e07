import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // No test or hook may depend on the machine's speed: these bounds are far above what the heaviest
    // unit test or hook needs on a 2-core machine with both cores busy (a few tens of seconds at most);
    // they catch a hang, not a slow run. vitest's own hookTimeout default (10 s) is not: a beforeAll
    // playing a few hundred matches overran it on a busy machine.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    teardownTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/**/*.test.ts'], exclude: ['test/e2e/**'] },
      },
      {
        // Browser tests: one client build and one Chromium for the run (test/e2e/globalSetup.ts), each
        // file with its own in-process server serving that build (test/e2e/setup.ts); files run one at
        // a time so two cores stay responsive.
        extends: true,
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          globalSetup: ['test/e2e/globalSetup.ts'],
          setupFiles: ['test/e2e/setup.ts'],
          fileParallelism: false,
          // Far above need, as for the unit tests: the longest of these tests (the playthrough and the
          // restart) set their own bounds; the others take 1–6 s with both cores busy, their hooks less.
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
