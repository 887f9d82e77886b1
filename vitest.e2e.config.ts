import { defineConfig } from 'vitest/config';

// End-to-end: real Chromium against browser mode, each file with its own engine, server and browser.
// Two files at a time: most of an e2e test is waiting (page loads, live traffic, the lab's clock), so
// a second file fills the gaps; more than two starve the timing-sensitive lab runs on two cores.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 90_000,
    hookTimeout: 90_000,
    fileParallelism: true,
    maxWorkers: 2,
    // A page's first rows come after the app has started and asked the engine for its first page:
    // about a second alone, more with another file's Chromium on the other core. A poll's default
    // second then fails for no fault of the app (xss.e2e saw 0 rows once in a full run).
    expect: { poll: { timeout: 10_000 } },
  },
});
