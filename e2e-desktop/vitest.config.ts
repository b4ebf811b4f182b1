import { defineConfig } from 'vitest/config';

// The desktop end-to-end suite: the packaged desk (dist/linux-unpacked, on the prepared Electron
// runtime) under xvfb-run, driven over the Chrome DevTools Protocol, against the real server.
// Run it with `npm run test:desktop`, which prepares the runtime and packages the app first.
// One file at a time: each starts its own desk app and X server on a 2-core machine.
export default defineConfig({
  test: {
    name: 'desktop',
    root: import.meta.dirname,
    include: ['**/*.e2e.ts'],
    environment: 'node',
    globalSetup: ['./support/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 90_000,
  },
});
