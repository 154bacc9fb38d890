import { defineConfig } from 'vitest/config';

// One suite: unit tests on the core, build tests on dist/, browser tests in Debian's Chromium.
// `npm test` builds the site first (pretest), so build and browser tests read a fresh dist/.
export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
