import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startApiServer, type ApiServer } from '../../server/test/support/server-process';
import { freePort } from '../../server/test/support/free-port';
import { PACKAGED_BINARY } from './paths';

let server: ApiServer | undefined;
let dataDir: string | undefined;

/**
 * The packaged desk must be there (scripts/test-desktop.mjs packages it first), and the real server
 * runs as a child process for the whole suite, on embedded PGlite. The Electron desk's origin,
 * balie://app, is always allowed by the server's CORS.
 */
export async function setup(project: TestProject): Promise<void> {
  if (!existsSync(PACKAGED_BINARY)) {
    throw new Error(`No packaged desk at ${PACKAGED_BINARY}: run \`npm run test:desktop\`, which packages it first.`);
  }
  dataDir = await mkdtemp(join(tmpdir(), 'balie-desktop-server-'));
  server = await startApiServer({ port: await freePort(), dataDir: join(dataDir, 'data'), deskOrigins: [] });
  project.provide('desktopServerUrl', server.url);
}

export async function teardown(): Promise<void> {
  await server?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
}
