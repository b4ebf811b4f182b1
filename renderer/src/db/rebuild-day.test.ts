import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkInOn, dropDatabase, expectedAppointments, freshDatabaseWithTheDay, today } from '../../test/desk-fixtures';
import { projectionTables, rebuildDay, serverStateOf } from './day-projection';
import type { DeskDatabase, LocalAppointment } from './desk-db';
import { onCommittedAppointments } from './projection-stamp';

describe('rebuilding the shown day (after every pull)', () => {
  let db: DeskDatabase;
  let people: LocalAppointment[];
  beforeEach(async () => {
    db = await freshDatabaseWithTheDay('rebuild-day-test');
    people = await expectedAppointments(db, 3);
  });
  afterEach(() => dropDatabase(db));

  /** The appointment rows a rebuild of today writes. */
  async function rowsWrittenByRebuild(): Promise<LocalAppointment[]> {
    const written: LocalAppointment[] = [];
    const stop = onCommittedAppointments(db, (change) => written.push(...(change.rows as LocalAppointment[])));
    try {
      await db.transaction('rw', projectionTables(db), () => rebuildDay(db, today));
    } finally {
      stop();
    }
    return written;
  }

  it('writes no row when the server told nothing new, though this desk has unsent check-ins', async () => {
    expect(await checkInOn(db, people[0]!.id)).toMatchObject({ ok: true });
    expect(await rowsWrittenByRebuild()).toEqual([]);
    expect((await db.appointments.get(people[0]!.id))?.status).toBe('arrived');
  });

  it("writes only the row whose server state changed, and the unsent check-in stays on top of the server's state", async () => {
    expect(await checkInOn(db, people[0]!.id)).toMatchObject({ ok: true });
    const other = (await db.appointments.get(people[1]!.id))!;
    await db.transaction('rw', projectionTables(db), () => db.appointments.put({ ...other, base: { ...serverStateOf(other)!, status: 'cancelled' } }));
    const written = await rowsWrittenByRebuild();
    expect(written.map((row) => [row.id, row.status])).toEqual([[people[1]!.id, 'cancelled']]);
    expect((await db.appointments.get(people[0]!.id))?.status).toBe('arrived');
  });

  it("a person's new name reaches the agenda's rows of that person", async () => {
    const person = (await db.persons.get(people[2]!.personId))!;
    await db.transaction('rw', projectionTables(db), () => db.persons.put({ ...person, name: 'Nieuwe Naam', base: { ...person.base!, name: 'Nieuwe Naam' } }));
    const written = await rowsWrittenByRebuild();
    expect(written.map((row) => row.personName)).toContain('Nieuwe Naam');
    expect((await db.appointments.get(people[2]!.id))?.personName).toBe('Nieuwe Naam');
  });
});
