import { renderHook, waitFor } from '@testing-library/react';
import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkInOn, dropDatabase, expectedAppointments, freshDatabaseWithTheDay, today } from '../../test/desk-fixtures';
import { addDays } from '../../../shared/domain/calendar-date';
import { openDeskDatabase, type DeskDatabase } from './desk-db';
import { readMeta } from './desk-meta';
import { startEarlyDayRead, takeEarlyDay } from './early-day-read';
import { useShownDayRows } from './shown-day-rows';

/** Long enough for fake-indexeddb to answer a read it was asked for. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 200));

describe("the entry's early read of the day", () => {
  let db: DeskDatabase;
  beforeEach(async () => {
    db = await freshDatabaseWithTheDay('early-day-test');
  });
  afterEach(() => dropDatabase(db));

  it("gives the day's shown rows and the projection stamp they belong to", async () => {
    startEarlyDayRead(indexedDB, db.name, today);
    const early = await takeEarlyDay(db.name, today);
    expect(early?.rows.map((row) => row.id).sort()).toEqual((await db.appointments.where('date').equals(today).primaryKeys()).sort());
    expect(early?.stamp).toBe(await readMeta(db.meta, 'projectionStamp'));
  });

  it('is given once, and only for the database and day it read', async () => {
    startEarlyDayRead(indexedDB, db.name, today);
    expect(await takeEarlyDay(db.name, addDays(today, 1))).toBeNull();
    expect(await takeEarlyDay('another-desk', today)).toBeNull();
    expect(await takeEarlyDay(db.name, today)).not.toBeNull();
    expect(await takeEarlyDay(db.name, today)).toBeNull();
  });

  it('answers nothing for a desk without a database yet, and creates none: Dexie makes it with its schema', async () => {
    const name = `early-day-none-${crypto.randomUUID()}`;
    startEarlyDayRead(indexedDB, name, today);
    expect(await takeEarlyDay(name, today)).toBeNull();
    expect(await Dexie.exists(name)).toBe(false);
    const created = openDeskDatabase(name);
    await created.open();
    expect(created.tables.map((table) => table.name)).toContain('appointments');
    await dropDatabase(created);
  });

  it('the screen that takes it still shows a check-in stored after it was read', async () => {
    const [anna] = await expectedAppointments(db, 1);
    startEarlyDayRead(indexedDB, db.name, today);
    await settle();
    expect(await checkInOn(db, anna!.id)).toMatchObject({ ok: true });
    const view = renderHook(() => useShownDayRows(db, today));
    await waitFor(() => expect(view.result.current?.find((row) => row.id === anna!.id)?.status).toBe('arrived'));
    // The screen took the early read (it is gone), and read the day again because of the stamp.
    expect(await takeEarlyDay(db.name, today)).toBeNull();
    view.unmount();
  });
});
