import type { RunningServer } from '../../src/server';
import { createTestAccount, signIn } from './accounts';
import { createTestDatabase, type DatabaseKind, type TestDatabase } from './test-databases';
import { startTestServer } from './test-server';

/** The demo server with an admin (signed in) and a clerk of MAA: where most server tests start. */
export interface StaffedServer {
  server: RunningServer;
  database: TestDatabase;
  adminToken: string;
  clerkId: string;
  /** Stops the server and drops its database. */
  stop(): Promise<void>;
}

export async function startStaffedServer(kind: DatabaseKind): Promise<StaffedServer> {
  const database = await createTestDatabase(kind);
  const server = await startTestServer(database);
  await createTestAccount(server, 'admin', 'admin', null);
  const clerkId = (await createTestAccount(server, 'clerk', 'clerk', 'MAA')).id;
  const adminToken = await signIn(server, 'admin');
  return {
    server,
    database,
    adminToken,
    clerkId,
    async stop() {
      await server.stop();
      await database.drop();
    },
  };
}
