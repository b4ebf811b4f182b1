import { renderHook, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkInOn, dropDatabase, expectedAppointments, freshDatabaseWithTheDay, today } from '../../test/desk-fixtures';
import { projectionTables } from './day-projection';
import { openDeskDatabase, type DeskDatabase, type LocalAppointment } from './desk-db';
import { useShownDayRows } from './shown-day-rows';

describe("the day's rows on the clerk's screen", () => {
  let db: DeskDatabase;
  let people: LocalAppointment[];
  beforeEach(async () => {
    db = await freshDatabaseWithTheDay('shown-day-test');
    people = await expectedAppointments(db, 4);
  });
  afterEach(() => dropDatabase(db));

  const shown = () => {
    const view = renderHook(() => useShownDayRows(db, today));
    const statusOf = (id: string) => view.result.current?.find((row) => row.id === id)?.status;
    return { view, statusOf };
  };

  it('shows every appointment of the day, and a check-in as soon as it is stored, without reading the day again', async () => {
    const { view, statusOf } = shown();
    await waitFor(async () => expect(view.result.current).toHaveLength(await db.appointments.where('date').equals(today).count()));
    const untouched = view.result.current!.find((row) => row.id === people[1]!.id);
    expect(await checkInOn(db, people[0]!.id)).toMatchObject({ ok: true });
    await waitFor(() => expect(statusOf(people[0]!.id)).toBe('arrived'));
    // Followed row by row: the rows the action did not write are the very same objects (not read again).
    expect(view.result.current!.find((row) => row.id === people[1]!.id)).toBe(untouched);
    expect(view.result.current!.map((row) => row.id)).toEqual([...view.result.current!.map((row) => row.id)].sort());
  });

  it('shows the day once storage answers again after a read of it failed', async () => {
    db.close();
    const { view } = shown();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(view.result.current).toBeUndefined();
    await db.open();
    await waitFor(async () => expect(view.result.current).toHaveLength(await db.appointments.where('date').equals(today).count()), { timeout: 3_000 });
  });

  it("shows another window's check-in", async () => {
    const { statusOf } = shown();
    await waitFor(() => expect(statusOf(people[1]!.id)).toBe('expected'));
    const otherWindow = openDeskDatabase(db.name);
    try {
      expect(await checkInOn(otherWindow, people[1]!.id)).toMatchObject({ ok: true });
    } finally {
      otherWindow.close();
    }
    await waitFor(() => expect(statusOf(people[1]!.id)).toBe('arrived'));
  });

  it('follows a write it cannot follow row by row (a modify) and a row taken off the day', async () => {
    const { view, statusOf } = shown();
    await waitFor(() => expect(statusOf(people[2]!.id)).toBe('expected'));
    await db.transaction('rw', projectionTables(db), () => db.appointments.where('id').equals(people[2]!.id).modify({ status: 'cancelled' }));
    await waitFor(() => expect(statusOf(people[2]!.id)).toBe('cancelled'));
    await db.transaction('rw', projectionTables(db), () => db.appointments.delete(people[3]!.id));
    await waitFor(() => expect(view.result.current?.some((row) => row.id === people[3]!.id)).toBe(false));
  });

  it('a row that comes onto the day or leaves it keeps the rows in id order through the actions after it', async () => {
    const { view, statusOf } = shown();
    await waitFor(() => expect(statusOf(people[0]!.id)).toBe('expected'));
    const ids = () => view.result.current!.map((row) => row.id);
    const walkIn = { ...(await db.appointments.get(people[0]!.id))!, id: '00000000-walk-in' };
    await db.transaction('rw', projectionTables(db), () => db.appointments.put(walkIn));
    await waitFor(() => expect(ids()[0]).toBe(walkIn.id));
    expect(await checkInOn(db, people[1]!.id)).toMatchObject({ ok: true });
    await waitFor(() => expect(statusOf(people[1]!.id)).toBe('arrived'));
    expect(ids()).toEqual([...ids()].sort());
    await db.transaction('rw', projectionTables(db), () => db.appointments.delete(walkIn.id));
    expect(await checkInOn(db, people[2]!.id)).toMatchObject({ ok: true });
    await waitFor(() => expect(statusOf(people[2]!.id)).toBe('arrived'));
    expect(ids()).toEqual((await db.appointments.where('date').equals(today).primaryKeys()).sort());
    expect(statusOf(people[1]!.id)).toBe('arrived');
  });

  it('shows nothing of a write that did not commit', async () => {
    const { statusOf } = shown();
    await waitFor(() => expect(statusOf(people[0]!.id)).toBe('expected'));
    const row = (await db.appointments.get(people[0]!.id))!;
    await expect(
      db.transaction('rw', projectionTables(db), async () => {
        await db.appointments.put({ ...row, status: 'arrived' });
        throw new Error('the disk is full');
      }),
    ).rejects.toThrow('the disk is full');
    // A committed write after it shows; the aborted one never does.
    expect(await checkInOn(db, people[1]!.id)).toMatchObject({ ok: true });
    await waitFor(() => expect(statusOf(people[1]!.id)).toBe('arrived'));
    expect(statusOf(people[0]!.id)).toBe('expected');
  });
});
