import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/domain/calendar-date';
import type { BalieEvent } from '../../../shared/sync/events';
import { dropDatabase, freshDatabaseWithTheDay, today } from '../../test/desk-fixtures';
import { projectionTables } from './day-projection';
import type { DeskDatabase, LocalAppointment, OutboxEntry, StoredConflict } from './desk-db';
import { readMeta } from './desk-meta';
import { purgeOldDays } from './retention';

const daysAgo = (days: number) => addDays(today, -days);

describe('retention: old days leave the desk once everything of them reached the server', () => {
  let db: DeskDatabase;
  let model: LocalAppointment;
  beforeEach(async () => {
    db = await freshDatabaseWithTheDay('retention-test');
    model = (await db.appointments.where('date').equals(today).first())!;
  });
  afterEach(() => dropDatabase(db));

  /** An appointment of an earlier day, as a pull would have left it, for a person of its own unless given. */
  async function oldAppointment(date: string, name: string, personId = `person-${name}`): Promise<LocalAppointment> {
    const row: LocalAppointment = { ...model, id: `${name}-BIO`, date, personId, personName: name, bookingId: `booking-${name}` };
    const person = { id: personId, name, dateOfBirth: '1990-01-01', nationalityCategory: 'other' as const, vNumber: null, lastCaptureDate: null };
    await db.transaction('rw', projectionTables(db), async () => {
      await db.appointments.put({ ...row, base: { ...model, id: row.id, date, personId, bookingId: row.bookingId } });
      await db.persons.put({ ...person, base: person });
    });
    return row;
  }

  const unsent = (deviceSeq: number, date: string, state: OutboxEntry['state']): OutboxEntry => ({
    deviceSeq,
    id: `event-${deviceSeq}`,
    event: { id: `event-${deviceSeq}`, deviceSeq, type: 'checkedIn' } as unknown as BalieEvent,
    date,
    state,
    reason: state === 'rejected' ? { code: 'not-allowed', problems: ['clerkId: no account that works at this location'] } : null,
  });

  const conflictOn = (appointmentId: string | null, occurredAt: string): StoredConflict => ({
    eventId: `conflict-${appointmentId ?? occurredAt}`,
    type: 'called',
    appointmentId,
    deskId: 'MAA-D1',
    clerkId: 'clerk-1',
    occurredAt,
    error: { code: 'invalid-transition', message: { nl: 'Al opgeroepen.', en: 'Already called.' } },
    receivedAt: occurredAt,
  });

  it('purges a synced day older than 7 days with its persons and conflicts, and keeps days with unsent or refused events, saying why', async () => {
    const synced = await oldAppointment(daysAgo(10), 'anna');
    const sharedPerson = await oldAppointment(daysAgo(10), 'bram');
    await oldAppointment(daysAgo(3), 'bram-later', sharedPerson.personId);
    const waiting = await oldAppointment(daysAgo(9), 'carla');
    const refused = await oldAppointment(daysAgo(8), 'daan');
    const recent = await oldAppointment(daysAgo(7), 'eva');
    await db.outbox.bulkAdd([unsent(1, daysAgo(9), 'pending'), unsent(2, daysAgo(8), 'rejected')]);
    await db.conflicts.bulkPut([
      conflictOn(synced.id, `${daysAgo(10)}T09:00:00.000Z`),
      conflictOn(waiting.id, `${daysAgo(9)}T09:00:00.000Z`),
      conflictOn(null, `${daysAgo(10)}T08:00:00.000Z`),
    ]);
    const todaysRows = await db.appointments.where('date').equals(today).count();

    const report = await purgeOldDays(db, { today });

    expect(report).toMatchObject({
      today,
      retentionDays: 7,
      purgedDates: [daysAgo(10)],
      keptDates: [
        { date: daysAgo(9), pending: 1, rejected: 0 },
        { date: daysAgo(8), pending: 0, rejected: 1 },
      ],
    });
    expect(await db.appointments.bulkGet([synced.id, sharedPerson.id])).toEqual([undefined, undefined]);
    expect(await db.persons.get(synced.personId)).toBeUndefined();
    // Bram still has an appointment on a recent day: his person row stays.
    expect(await db.persons.get(sharedPerson.personId)).toBeDefined();
    for (const kept of [waiting, refused, recent]) expect(await db.appointments.get(kept.id)).toBeDefined();
    expect(await db.persons.get(waiting.personId)).toBeDefined();
    expect(await db.appointments.where('date').equals(today).count()).toBe(todaysRows);
    expect((await db.conflicts.toArray()).map((conflict) => conflict.appointmentId)).toEqual([waiting.id]);
    expect(await db.outbox.count()).toBe(2);
    expect(await readMeta(db.meta, 'lastRetention')).toEqual(report);
  });

  it('purges a kept day once its last event is acknowledged, and follows the retention setting', async () => {
    const waiting = await oldAppointment(daysAgo(4), 'carla');
    await db.outbox.add(unsent(1, daysAgo(4), 'pending'));
    await db.meta.put({ key: 'retentionDays', value: 3 });
    expect(await purgeOldDays(db, { today })).toMatchObject({ retentionDays: 3, purgedDates: [], keptDates: [{ date: daysAgo(4), pending: 1 }] });
    await db.outbox.clear();
    expect(await purgeOldDays(db, { today })).toMatchObject({ purgedDates: [daysAgo(4)], keptDates: [] });
    expect(await db.appointments.get(waiting.id)).toBeUndefined();
  });
});
