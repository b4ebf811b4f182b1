import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server';
import { createTestAccount, postJson, registerDesk, signIn, TEST_PASSWORD } from '../support/accounts';
import { simulatedDesk } from '../support/simulated-desk';
import { createTestDatabase, databaseKindsUnderTest, type TestDatabase } from '../support/test-databases';
import { startTestServer } from '../support/test-server';

describe.each(databaseKindsUnderTest())('an administrator sets up a new service point on %s', (kind) => {
  let database: TestDatabase;
  let server: RunningServer;
  let adminToken: string;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    // A real installation: no demo location, no demo day.
    server = await startTestServer(database, { demo: false });
    await createTestAccount(server, 'admin', 'admin', null);
    adminToken = await signIn(server, 'admin');
  });
  afterAll(async () => {
    await server?.stop();
    await database?.drop();
  });

  it('adds Eindhoven, a desk and a clerk; the clerk signs in there and the desk pulls its checklists and desk', async () => {
    expect((await postJson(server, '/api/v1/locations', { id: 'EHV', name: 'Expat Centre Eindhoven' }, adminToken)).status).toBe(201);
    const desk = await postJson(server, '/api/v1/locations/EHV/desks', { id: 'EHV-D1', name: 'Balie 1', services: ['BIO', 'DOC'] }, adminToken);
    expect(desk.status).toBe(201);
    expect(await desk.json()).toMatchObject({ id: 'EHV-D1', locationId: 'EHV', services: ['BIO', 'DOC'] });
    const account = await postJson(
      server,
      '/api/v1/accounts',
      { username: 'Jan.Jansen', displayName: 'Jan Jansen', role: 'clerk', locationId: 'EHV', password: TEST_PASSWORD },
      adminToken,
    );
    expect(account.status).toBe(201);
    const clerk = (await account.json()) as { id: string; username: string };
    expect(clerk.username).toBe('jan.jansen');

    const credential = await registerDesk(server, adminToken, 'EHV', 'EHV-D1');
    const token = await signIn(server, 'jan.jansen', credential);
    const pulled = await (await simulatedDesk(server, { ...credential, deskId: 'EHV-D1', token, clerkId: clerk.id, locationId: 'EHV', day: '2026-12-01' })).pull('0', 1000);
    expect(pulled.changes.filter((change) => change.entity === 'checklist')).toHaveLength(6);
    expect(pulled.changes.find((change) => change.entity === 'desk')).toMatchObject({ id: 'EHV-D1', data: { status: 'closed' } });
  });

  it('refuses what would not make sense, with the reason', async () => {
    const again = await postJson(server, '/api/v1/locations', { id: 'EHV', name: 'Again' }, adminToken);
    expect(again.status).toBe(409);
    expect((await postJson(server, '/api/v1/locations', { id: 'eindhoven', name: 'x' }, adminToken)).status).toBe(400);
    expect((await postJson(server, '/api/v1/locations/XXX/desks', { id: 'XXX-D1', name: 'x' }, adminToken)).status).toBe(404);
    expect((await postJson(server, '/api/v1/locations/EHV/desks', { id: 'MAA-D1', name: 'x' }, adminToken)).status).toBe(400);
    const supervisorWithoutLocation = await postJson(
      server,
      '/api/v1/accounts',
      { username: 'sup', displayName: 'Sup', role: 'supervisor', locationId: null, password: TEST_PASSWORD },
      adminToken,
    );
    expect(supervisorWithoutLocation.status).toBe(400);
    expect(JSON.stringify(await supervisorWithoutLocation.json())).toContain('an admin has no location');
    const shortPassword = await postJson(server, '/api/v1/accounts', { username: 'kort', displayName: 'Kort', role: 'clerk', locationId: 'EHV', password: 'short' }, adminToken);
    expect(shortPassword.status).toBe(400);
    const taken = await postJson(server, '/api/v1/accounts', { username: 'jan.jansen', displayName: 'Other Jan', role: 'clerk', locationId: 'EHV', password: TEST_PASSWORD }, adminToken);
    expect(taken.status).toBe(409);
  });
});
