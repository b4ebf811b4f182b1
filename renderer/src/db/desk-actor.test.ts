import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_CHECKLISTS } from '../../../shared/checklists/default-checklists';
import { checkIn } from '../../../shared/domain/commands-queue';
import { dropDatabase, expectedAppointments, freshDatabase, serverUrl, today } from '../../test/desk-fixtures';
import { loadDay } from '../features/agenda/load-day';
import { act, type DeskActor } from './desk-actor';
import { deskChecklists } from './desk-checklists';
import type { DeskDatabase } from './desk-db';

const actor: DeskActor = { deviceId: 'local-device', deskId: 'MAA-D1', clerkId: 'clerk-1', locationId: 'MAA' };

describe('acting as the signed-in clerk', () => {
  let db: DeskDatabase;
  beforeEach(async () => {
    db = await freshDatabase('actor-test');
  });
  afterEach(() => dropDatabase(db));

  it('stamps the event with the session\'s device, desk, clerk and location', async () => {
    expect(await loadDay(db, serverUrl, today)).toMatchObject({ ok: true });
    const [anna] = await expectedAppointments(db, 0);
    const result = await act(db, actor, today, (state, context) => checkIn(state, { appointmentIds: [anna!.id], method: 'scan' }, context));
    expect(result).toMatchObject({ ok: true, events: [{ type: 'checkedIn', ...actor }] });
  });

  it('knows a checklist version published by the server, and ignores a stored one that no longer validates', async () => {
    const doc = DEFAULT_CHECKLISTS.DOC;
    await db.checklists.bulkPut([
      { key: `${doc.id}@${doc.version + 1}`, definition: { ...doc, version: doc.version + 1 } },
      { key: 'broken@1', definition: { id: 'broken', version: 1, steps: [] } },
    ]);
    const versions = (await deskChecklists(db)).filter((definition) => definition.service === 'DOC').map((definition) => definition.version);
    expect(versions.sort()).toEqual([doc.version, doc.version + 1]);
    expect((await deskChecklists(db)).some((definition) => definition.id === 'broken')).toBe(false);
  });
});
