import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    globals: true,
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'happy-dom',
    // Real captured pages link the sites' stylesheets, scripts and iframes: a unit test loads none of them.
    environmentOptions: {
      happyDOM: {
        settings: {
          disableJavaScriptEvaluation: true,
          disableJavaScriptFileLoading: true,
          disableCSSFileLoading: true,
          disableIframePageLoading: true,
          handleDisabledFileLoadingAsSuccess: true,
        },
      },
    },
    setupFiles: ['tests/unit/setup.ts'],
    // Time limits are for hangs, not speed (speed is `npm run bench`): the 10,000-note round trip
    // through fake-indexeddb takes seconds on a loaded two-core machine.
    testTimeout: 60_000,
  },
});
