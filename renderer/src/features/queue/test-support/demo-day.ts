/**
 * Fills a desk database with the real test server's demo day, as the server states it: the queue's
 * tests start from the same day the agenda loads (the agenda's own loader belongs to its feature).
 */
import { dayResponseSchema } from '../../../../../shared/sync/day';
import { projectionTables, rebuildDay } from '../../../db/day-projection';
import type { DeskDatabase } from '../../../db/desk-db';
import { baseFromDayAppointment, personFromDayAppointment } from '../../../db/upgrade-v2';

export async function storeServerDay(db: DeskDatabase, serverUrl: string, date: string): Promise<number> {
  const response = await fetch(`${serverUrl}/api/v1/appointments?date=${date}`);
  const { appointments } = dayResponseSchema.parse(await response.json());
  await db.transaction('rw', projectionTables(db), async () => {
    await db.appointments.bulkPut(
      appointments.map((row) => {
        const base = baseFromDayAppointment(row);
        const { personName, dateOfBirth, nationalityCategory, vNumber } = row;
        return { ...base, personName, dateOfBirth, nationalityCategory, vNumber, base };
      }),
    );
    await db.persons.bulkPut(appointments.map(personFromDayAppointment));
    await rebuildDay(db, date);
  });
  return appointments.length;
}
