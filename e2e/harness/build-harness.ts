/**
 * Builds the harness page (e2e/harness/index.html → out/e2e-harness) with Vite: the real desk App
 * plus `window.balieHarness` (renderer/test/harness/). A Vitest global setup of the browser suite,
 * so the page always matches the source; the shipped build (out/renderer) is never touched.
 */
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { preloadAppChunk } from '../../vite-plugins/preload-app-chunk';
import { HARNESS_BUILD_DIR, REPOSITORY_ROOT } from '../support/paths';

/**
 * `minify`: as the desk ships (benchmarks measure that); the browser suite leaves the code
 * readable, so that a failure's stack names the functions.
 */
export async function buildHarness({ minify = false }: { minify?: boolean } = {}): Promise<void> {
  // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build (several
  // times slower): the harness must run the desk as it ships.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await buildPage(minify);
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
}

async function buildPage(minify: boolean): Promise<void> {
  await build({
    mode: 'production',
    root: resolve(REPOSITORY_ROOT, 'e2e/harness'),
    base: './',
    configFile: false,
    logLevel: 'warn',
    plugins: [react(), preloadAppChunk('renderer/test/harness/harness-app.ts')],
    build: { outDir: HARNESS_BUILD_DIR, emptyOutDir: true, minify, cssMinify: minify, reportCompressedSize: false, chunkSizeWarningLimit: 4096 },
  });
}

export const setup = () => buildHarness();
