import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    globals: true,
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'happy-dom',
    setupFiles: ['tests/unit/setup.ts'],
    // Time limits are for hangs, not speed (speed is `npm run bench`): the 10,000-note round trip
    // through fake-indexeddb takes seconds on a loaded two-core machine.
    testTimeout: 60_000,
  },
});
