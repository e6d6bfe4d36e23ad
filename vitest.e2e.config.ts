import { defineConfig } from 'vitest/config';

// Real-browser tests: the built extension in Debian's Chromium against the fixture site.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // A condition a real browser meets on a loaded machine can take longer than vitest's default
    // 1 s: polls wait up to 10 s (they still end as soon as the condition holds).
    expect: { poll: { timeout: 10_000 } },
  },
});
