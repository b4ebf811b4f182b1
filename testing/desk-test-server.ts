/**
 * Vitest global setup for the renderer's component tests: the real Balie server, on embedded
 * PGlite in a temporary folder, listening on 127.0.0.1 with the demo day seeded. Component tests
 * reach it with `inject('deskTestServerUrl')`: the desk's store is tested against the real API.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { startServer, type RunningServer } from '../server/src/server';

let server: RunningServer | undefined;
let dataDir: string | undefined;

export async function setup(project: TestProject): Promise<void> {
  dataDir = await mkdtemp(join(tmpdir(), 'balie-desk-test-'));
  server = await startServer(
    {
      port: 0,
      host: '127.0.0.1',
      database: { kind: 'pglite', dataDir },
      deskOrigins: ['balie://app'],
      rendererDir: join(dataDir, 'no-renderer'),
      demo: true,
      logLevel: 'silent',
    },
    { logger: false },
  );
  project.provide('deskTestServerUrl', server.url);
}

export async function teardown(): Promise<void> {
  await server?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
}
