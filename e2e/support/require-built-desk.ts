import { existsSync } from 'node:fs';
import { DESK_BUILD_DIR } from './paths';

/** The suite drives the built desk; say how to build it instead of failing on a blank page. */
export function setup(): void {
  if (!existsSync(`${DESK_BUILD_DIR}/index.html`)) {
    throw new Error(`No desk build in ${DESK_BUILD_DIR}: run \`npm run build\` first (npm test does).`);
  }
}
