import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { initialDayState } from '../../../../shared/domain/day-state';
import { dropDatabase, freshDatabase, today } from '../../../test/desk-fixtures';
import { projectionTables, writeLocalDay } from '../../db/day-projection';
import type { DeskDatabase, LocalAppointment, StoredConflict } from '../../db/desk-db';
import { conflictsOfDesk } from './review-items';

/** The conflict the server records when `deskId` called a person another desk had called first. */
function lostCall(appointment: LocalAppointment, deskId: string): StoredConflict {
  return {
    eventId: `lost-call-${appointment.id}-${deskId}`,
    type: 'called',
    appointmentId: appointment.id,
    deskId,
    clerkId: 'clerk-2',
    occurredAt: `${today}T08:30:00.000Z`,
    error: { code: 'transition-refused', message: { nl: 'Al opgeroepen.', en: 'Already called.' } },
    receivedAt: `${today}T08:31:00.000Z`,
  } as StoredConflict;
}

describe('the conflicts a desk hears of', () => {
  let db: DeskDatabase;
  beforeEach(async () => {
    db = await freshDatabase('review-items-test');
    const persons = ['anna', 'bram'].map((name) => ({ id: `review-${name}`, name, dateOfBirth: '1990-01-01', nationalityCategory: 'other' as const, vNumber: null, lastCaptureDate: null }));
    const appointments = persons.map((person) => ({ id: `${person.id}-BIO`, bookingId: `booking-${person.id}`, appointmentCode: null, locationId: 'MAA', date: today, slotStart: '09:00', service: 'BIO' as const, personId: person.id, walkIn: false }));
    await db.transaction('rw', projectionTables(db), () => writeLocalDay(db, initialDayState({ appointments, persons })));
  });
  afterEach(() => dropDatabase(db));

  it('are those of its own events and those over a client it serves now, never the rest of the location', async () => {
    const [anna, bram] = await db.appointments.orderBy('id').toArray();
    // Desk 1 won the call of Anna; desk 2 lost it. Bram was called at desk 3; desk 2 lost that one too.
    await db.transaction('rw', projectionTables(db), async () => {
      await db.appointments.update(anna!.id, { status: 'called', deskId: 'MAA-D1' });
      await db.appointments.update(bram!.id, { status: 'called', deskId: 'MAA-D3' });
    });
    await db.conflicts.bulkPut([lostCall(anna!, 'MAA-D2'), lostCall(bram!, 'MAA-D2')]);

    const eventsOf = async (deskId: string) => (await conflictsOfDesk(db, deskId)).map((conflict) => conflict.eventId).sort();
    expect(await eventsOf('MAA-D2')).toEqual([`lost-call-${anna!.id}-MAA-D2`, `lost-call-${bram!.id}-MAA-D2`].sort());
    expect(await eventsOf('MAA-D1')).toEqual([`lost-call-${anna!.id}-MAA-D2`]);
    expect(await eventsOf('MAA-D3')).toEqual([`lost-call-${bram!.id}-MAA-D2`]);
    expect(await eventsOf('MAA-D4')).toEqual([]);
  });
});
