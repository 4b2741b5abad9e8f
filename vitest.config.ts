import { defineConfig } from 'vitest/config';
import { TFJS_ESM_ALIASES } from './tfjsEsmAliases.ts';

// Two projects: fast numerical/unit tests in Node (tfjs cpu backend), and browser tests that
// drive the built app in the system Chromium through playwright-core.
//
// tfjs is inlined and aliased to its ES modules so Node loads one copy (see tfjsEsmAliases.ts).
const server = { deps: { inline: [/@tensorflow\//] } };
const resolve = { alias: TFJS_ESM_ALIASES };

export default defineConfig({
  test: {
    projects: [
      {
        resolve,
        test: {
          name: 'unit',
          environment: 'node',
          server,
          include: ['tests/unit/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'browser',
          environment: 'node',
          include: ['tests/browser/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
          // One worker process runs every file in turn, so vite (for its preview server) and
          // playwright-core are imported once, not once per file (seconds per file on a loaded
          // machine). These tests hold no tfjs or module state of their own: each file opens its
          // own server, browser and pages.
          isolate: false,
        },
      },
    ],
  },
});
