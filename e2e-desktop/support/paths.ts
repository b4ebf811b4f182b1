import { resolve } from 'node:path';

export const REPOSITORY_ROOT = resolve(import.meta.dirname, '../..');
/** The app as `scripts/package-linux-dir.sh` leaves it: packed, fused, on the prepared Electron runtime. */
export const PACKAGED_APP_DIR = resolve(REPOSITORY_ROOT, 'dist/linux-unpacked');
export const PACKAGED_BINARY = resolve(PACKAGED_APP_DIR, 'balie');
