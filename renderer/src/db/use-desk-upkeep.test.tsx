import { renderHook, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addDays } from '../../../shared/domain/calendar-date';
import { dropDatabase, freshDatabase, today } from '../../test/desk-fixtures';
import { projectionTables } from './day-projection';
import type { DeskDatabase } from './desk-db';
import { readMeta } from './desk-meta';
import { storageGuard } from './storage-guard';
import { purgeIfDue, useDeskUpkeep } from './use-desk-upkeep';

describe("the desk's upkeep", () => {
  let db: DeskDatabase;
  beforeEach(async () => {
    db = await freshDatabase('upkeep-test');
  });
  afterEach(() => dropDatabase(db));

  it('at start asks the browser to keep the data and purges old synced days', async () => {
    const oldDay = addDays(today, -8);
    await db.meta.put({ key: `dayLoadedAt:${oldDay}`, value: `${oldDay}T07:00:00.000Z` });
    await db.transaction('rw', projectionTables(db), () => db.appointments.put({ id: 'old-BIO', date: oldDay, personId: 'old' } as never));
    const storage = { persisted: vi.fn(async () => false), persist: vi.fn(async () => true) } as unknown as StorageManager;
    renderHook(() => useDeskUpkeep(db, storage));
    await waitFor(async () => expect(await readMeta(db.meta, 'lastRetention')).toMatchObject({ today, purgedDates: [oldDay] }));
    expect(storage.persist).toHaveBeenCalledOnce();
    expect(storageGuard(db).getState().persistence).toBe('granted');
    expect(await db.appointments.get('old-BIO')).toBeUndefined();
    expect(await db.meta.get(`dayLoadedAt:${oldDay}`)).toBeUndefined();
  });

  it('purges again only once the date has changed', async () => {
    const morning = new Date(`${today}T08:00:00+01:00`);
    await purgeIfDue(db, morning);
    const first = await readMeta(db.meta, 'lastRetention');
    await purgeIfDue(db, new Date(morning.getTime() + 3_600_000));
    expect(await readMeta(db.meta, 'lastRetention')).toEqual(first);
    await purgeIfDue(db, new Date(morning.getTime() + 24 * 3_600_000));
    expect((await readMeta(db.meta, 'lastRetention'))?.today).toBe(addDays(today, 1));
  });
});
