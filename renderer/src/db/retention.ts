/**
 * Retention: personal data stays on the desk only as long as it is needed (DOMAIN.md §6). A day
 * older than the retention period (default 7 days) is purged from the desk once everything this
 * desk did on it reached the server: its appointments, the persons no appointment still needs, and
 * its conflicts. A day with an event still waiting or refused by the server is kept, whole, and the
 * report says so: a refused event is never dropped silently, and neither is the day it explains.
 */
import { addDays } from '../../../shared/domain/calendar-date';
import type { DeskDatabase } from './desk-db';
import { readMeta, writeMeta, type RetentionReport } from './desk-meta';

export const DEFAULT_RETENTION_DAYS = 7;

/** Days on the desk older than `retentionDays` before `today`, purged or kept (see above). */
export async function purgeOldDays(db: DeskDatabase, options: { today: string; retentionDays?: number; now?: Date }): Promise<RetentionReport> {
  const retentionDays = options.retentionDays ?? (await readMeta(db.meta, 'retentionDays')) ?? DEFAULT_RETENTION_DAYS;
  const oldestKept = addDays(options.today, -retentionDays);
  return db.transaction('rw', [db.appointments, db.persons, db.conflicts, db.outbox, db.meta], async () => {
    const oldDates = new Set<string>([
      ...((await db.appointments.where('date').below(oldestKept).uniqueKeys()) as string[]),
      ...((await db.outbox.where('date').below(oldestKept).uniqueKeys()) as string[]),
    ]);
    const report: RetentionReport = { ranAt: (options.now ?? new Date()).toISOString(), today: options.today, retentionDays, purgedDates: [], keptDates: [] };
    for (const date of [...oldDates].sort()) {
      const unsent = await db.outbox.where('date').equals(date).toArray();
      if (unsent.length > 0) {
        const pending = unsent.filter((entry) => entry.state === 'pending').length;
        report.keptDates.push({ date, pending, rejected: unsent.length - pending });
        continue;
      }
      await purgeDay(db, date);
      report.purgedDates.push(date);
    }
    // Conflicts of desk events (no appointment) go with their day too.
    const oldDeskConflicts = await db.conflicts.filter((conflict) => conflict.appointmentId === null && conflict.occurredAt.slice(0, 10) < oldestKept).primaryKeys();
    await db.conflicts.bulkDelete(oldDeskConflicts);
    await writeMeta(db.meta, 'lastRetention', report);
    return report;
  });
}

async function purgeDay(db: DeskDatabase, date: string): Promise<void> {
  const appointments = await db.appointments.where('date').equals(date).toArray();
  const appointmentIds = appointments.map((row) => row.id);
  await db.conflicts.where('appointmentId').anyOf(appointmentIds).delete();
  await db.appointments.bulkDelete(appointmentIds);
  const personIds = [...new Set(appointments.map((row) => row.personId))];
  const stillNeeded = new Set((await db.appointments.where('personId').anyOf(personIds).toArray()).map((row) => row.personId));
  await db.persons.bulkDelete(personIds.filter((id) => !stillNeeded.has(id)));
  // The agenda's note of when it loaded the day (version 1 key).
  await db.meta.delete(`dayLoadedAt:${date}`);
}
