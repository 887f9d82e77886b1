import { defineConfig } from 'vitest/config';

// End-to-end: real Chromium against browser mode. Files run one at a time (one browser each).
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 90_000,
    hookTimeout: 90_000,
    fileParallelism: false,
  },
});
