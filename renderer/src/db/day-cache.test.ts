import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDesk } from '../../../shared/domain/commands-desk';
import { checkInOn, dropDatabase, expectedAppointments, freshDatabaseWithTheDay, localContext, today } from '../../test/desk-fixtures';
import { readProjectionStamp, shownDay } from './day-cache';
import { projectionTables, readLocalDay, serverStateOf } from './day-projection';
import { openDeskDatabase, type DeskDatabase } from './desk-db';
import { performCommand } from './perform-command';

describe('the day an action acts on, kept in memory between actions', () => {
  let db: DeskDatabase;
  beforeEach(async () => {
    db = await freshDatabaseWithTheDay('day-cache-test');
    // The first action reads the day from the tables and keeps it.
    expect(await performCommand(db, (state, ctx) => openDesk(state, ctx), localContext)).toMatchObject({ ok: true });
  });
  afterEach(() => dropDatabase(db));

  it('is not used once a pull changed the day: a booking cancelled centrally cannot be checked in', async () => {
    const [anna] = await expectedAppointments(db, 3);
    // What a pull does: the server's new state written into the shown rows, in a transaction of its own.
    await db.transaction('rw', projectionTables(db), () => db.appointments.update(anna!.id, { status: 'cancelled' }));
    expect(await checkInOn(db, anna!.id)).toMatchObject({ ok: false });
    expect((await db.outbox.toArray()).map((entry) => entry.event.type)).toEqual(['deskOpened']);
  });

  it("takes in a pull that wrote whole rows: the next action sees the server's change without reading the day again", async () => {
    const [anna, bram] = await expectedAppointments(db, 3);
    const before = await shownDay(db, today, await readProjectionStamp(db));
    const row = (await db.appointments.get(anna!.id))!;
    // What a pull does with the server's answer: the whole row put again, in a transaction of its own.
    await db.transaction('rw', projectionTables(db), () => db.appointments.put({ ...row, status: 'cancelled', base: { ...serverStateOf(row)!, status: 'cancelled' } }));
    const after = await shownDay(db, today, await readProjectionStamp(db));
    expect(after.appointments[anna!.id]?.status).toBe('cancelled');
    // The other rows are the very objects the last action left: the day was not read again.
    expect(after.appointments[bram!.id]).toBe(before.appointments[bram!.id]);
    expect(after.appointments).toEqual((await readLocalDay(db, today)).appointments);
    expect(await checkInOn(db, anna!.id)).toMatchObject({ ok: false });
    expect(await checkInOn(db, bram!.id)).toMatchObject({ ok: true });
  });

  it("is not used once another window acted on the day: the second window's check-in is seen", async () => {
    const [bram] = await expectedAppointments(db, 3);
    const otherWindow = openDeskDatabase(db.name);
    try {
      expect(await checkInOn(otherWindow, bram!.id)).toMatchObject({ ok: true });
    } finally {
      otherWindow.close();
    }
    expect(await checkInOn(db, bram!.id)).toMatchObject({ ok: false });
    expect((await db.outbox.toArray()).map((entry) => [entry.deviceSeq, entry.event.type])).toEqual([
      [1, 'deskOpened'],
      [2, 'checkedIn'],
    ]);
  });

  it('gives the same day as reading it afresh, after a run of actions', async () => {
    const people = (await expectedAppointments(db, 3)).slice(0, 4);
    for (const person of people) expect(await checkInOn(db, person.id)).toMatchObject({ ok: true });
    expect(await checkInOn(db, people[0]!.id)).toMatchObject({ ok: false });
    const fresh = await readLocalDay(db, today);
    const rows = await db.appointments.bulkGet(people.map((person) => person.id));
    expect(rows.map((row) => row?.status)).toEqual(people.map(() => 'arrived'));
    expect(people.map((person) => fresh.appointments[person.id]?.status)).toEqual(people.map(() => 'arrived'));
  });

  it('cannot be outdated by a writer that leaves the stamp out: a write to the day without meta fails', async () => {
    const [carla] = await expectedAppointments(db, 3);
    await expect(db.transaction('rw', db.appointments, () => db.appointments.update(carla!.id, { status: 'cancelled' }))).rejects.toThrow();
    expect(await db.appointments.get(carla!.id)).toMatchObject({ status: 'expected' });
  });
});
