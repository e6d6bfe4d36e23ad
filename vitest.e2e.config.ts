import { defineConfig } from 'vitest/config';

// Real-browser tests: the built extension in Debian's Chromium against the fixture site.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
