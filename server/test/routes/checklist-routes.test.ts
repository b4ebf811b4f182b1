import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CHECKLISTS } from '../../../shared/checklists/default-checklists';
import type { ChecklistDefinition } from '../../../shared/checklists/definition-schema';
import type { RunningServer } from '../../src/server';
import { createTestAccount, postJson, registerDesk, signIn } from '../support/accounts';
import { simulatedDesk } from '../support/simulated-desk';
import { databaseKindsUnderTest } from '../support/test-databases';
import { startStaffedServer, type StaffedServer } from '../support/staffed-server';

describe.each(databaseKindsUnderTest())('checklist definitions on %s', (kind) => {
  let staffed: StaffedServer;
  let server: RunningServer;
  let adminToken: string;
  let clerkId: string;

  beforeAll(async () => {
    staffed = await startStaffedServer(kind);
    ({ server, adminToken, clerkId } = staffed);
  });
  afterAll(() => staffed?.stop());

  const checklistsInFeed = async () => {
    const credential = await registerDesk(server, adminToken, 'MAA', 'MAA-D1');
    const token = await signIn(server, 'clerk', credential);
    const desk = await simulatedDesk(server, { ...credential, deskId: 'MAA-D1', token, clerkId, locationId: 'MAA', day: '2026-01-01' });
    return (await desk.pull('0', 1000)).changes.filter((change) => change.entity === 'checklist').map((change) => change.id);
  };

  it('serves the shipped definitions to desks through their first pull', async () => {
    const ids = await checklistsInFeed();
    for (const definition of Object.values(DEFAULT_CHECKLISTS)) expect(ids).toContain(`${definition.id}@${definition.version}`);
  });

  it('an admin publishes the next version; desks pull it; an old version stays stored', async () => {
    const doc = DEFAULT_CHECKLISTS.DOC;
    const next: ChecklistDefinition = { ...doc, version: doc.version + 1, title: { nl: 'Document ophalen (nieuw)', en: 'Collect document (new)' } };
    const response = await postJson(server, '/api/v1/checklists', next, adminToken);
    expect(response.status).toBe(201);
    expect(await checklistsInFeed()).toContain(`${doc.id}@${doc.version + 1}`);
    const current = (await (await fetch(`${server.url}/api/v1/checklists`, { headers: { authorization: `Bearer ${adminToken}` } })).json()) as {
      checklists: ChecklistDefinition[];
    };
    expect(current.checklists.find((c) => c.id === doc.id)?.version).toBe(doc.version + 1);
    const stored = await server.db.query('SELECT version FROM checklist_definitions WHERE checklist_id = $1 ORDER BY version', [doc.id]);
    expect(stored).toEqual([{ version: doc.version }, { version: doc.version + 1 }]);
  });

  it('refuses a version that is not the next one, or that changes the service', async () => {
    const bio = DEFAULT_CHECKLISTS.BIO;
    expect((await postJson(server, '/api/v1/checklists', { ...bio, version: bio.version + 5 }, adminToken)).status).toBe(409);
    expect((await postJson(server, '/api/v1/checklists', { ...bio, version: bio.version + 1, service: 'DOC' }, adminToken)).status).toBe(409);
    expect((await postJson(server, '/api/v1/checklists', { ...bio, steps: [] }, adminToken)).status).toBe(400);
  });

  it('only an admin publishes', async () => {
    await createTestAccount(server, 'supervisor', 'supervisor', 'MAA');
    const token = await signIn(server, 'supervisor');
    const bio = DEFAULT_CHECKLISTS.BIO;
    expect((await postJson(server, '/api/v1/checklists', { ...bio, version: bio.version + 1 }, token)).status).toBe(403);
  });
});
