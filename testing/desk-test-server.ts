/**
 * Vitest global setup for the renderer's component tests: the real Balie server, on embedded
 * PGlite in a temporary folder, listening on 127.0.0.1 with the demo day seeded. Component tests
 * reach it with `inject('deskTestServerUrl')`: the desk's store is tested against the real API.
 * An admin (to register desk devices) and a clerk of the demo location are created; tests get
 * their credentials with `inject('deskTestAccounts')`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { createAccount } from '../server/src/repositories/accounts';
import { startServer, type RunningServer } from '../server/src/server';

const TEST_PASSWORD = 'correct horse battery staple';

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
  await createAccount(server.db, { username: 'desk-test-admin', displayName: 'Test Admin', role: 'admin', locationId: null, password: TEST_PASSWORD });
  const clerk = await createAccount(server.db, { username: 'desk-test-clerk', displayName: 'Test Clerk', role: 'clerk', locationId: 'MAA', password: TEST_PASSWORD });
  project.provide('deskTestServerUrl', server.url);
  project.provide('deskTestAccounts', {
    locationId: 'MAA',
    admin: { username: 'desk-test-admin', password: TEST_PASSWORD },
    clerk: { username: 'desk-test-clerk', password: TEST_PASSWORD, accountId: clerk.id },
  });
}

export async function teardown(): Promise<void> {
  await server?.stop();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
}
