import { defineConfig } from 'vitest/config';

// The browser end-to-end suite: real Chromium (Debian's), the real server as a child process,
// the desk's built shell on its own static server. One file at a time: 2 cores, one browser.
export default defineConfig({
  test: {
    name: 'e2e',
    root: import.meta.dirname,
    include: ['**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['./support/require-built-desk.ts', './harness/build-harness.ts'],
    fileParallelism: false,
    testTimeout: 90_000,
    hookTimeout: 90_000,
  },
});
