import { resolve } from 'node:path';

export const REPOSITORY_ROOT = resolve(import.meta.dirname, '../..');
export const DESK_BUILD_DIR = resolve(REPOSITORY_ROOT, 'out/renderer');
export const CHROMIUM_PATH = process.env.BALIE_CHROMIUM ?? '/usr/bin/chromium';
/** The browser suite's harness page (the desk App plus test access), built by e2e/harness/build-harness.ts. */
export const HARNESS_BUILD_DIR = resolve(REPOSITORY_ROOT, 'out/e2e-harness');
