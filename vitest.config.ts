import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// One run, four projects: each runtime gets its own environment (STYLE.md: split by runtime).
// The browser end-to-end suite is separate (e2e/vitest.config.ts) because it needs built output.
export default defineConfig({
  test: {
    projects: [
      {
        // Property tests run thousands of cases; on a busy 2-core machine 5 s is too tight.
        test: { name: 'shared', environment: 'node', include: ['shared/**/*.test.ts'], testTimeout: 60_000 },
      },
      {
        test: {
          name: 'server',
          environment: 'node',
          include: ['server/test/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: { name: 'electron', environment: 'node', include: ['electron/**/*.test.ts'] },
      },
      {
        plugins: [react()],
        test: {
          name: 'renderer',
          environment: 'jsdom',
          include: ['renderer/**/*.test.{ts,tsx}'],
          setupFiles: ['fake-indexeddb/auto', './renderer/test/setup.ts'],
          globalSetup: ['./testing/desk-test-server.ts'],
          testTimeout: 20_000,
          // Set-ups sign desks in and pull the shared test server's whole feed: slow on a busy CI machine.
          hookTimeout: 30_000,
        },
      },
    ],
  },
});
