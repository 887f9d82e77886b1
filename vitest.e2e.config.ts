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
  },
});
