/**
 * Version 1 → 2: version 1 kept the day as the server's agenda answer (one row per appointment
 * with the person's fields). Version 2 keeps the local projection with the server's copy in
 * `base`, and the persons in their own table. Every row is kept: the agenda shows the same day
 * before and after the upgrade.
 */
import type { Transaction } from 'dexie';
import { expectedAppointment, type AppointmentState } from '../../../shared/domain/appointment-state';
import type { DayAppointment } from '../../../shared/sync/day';

/** The server's state of an appointment known only through the agenda answer (status and desk). */
export function baseFromDayAppointment(row: DayAppointment): AppointmentState {
  return {
    ...expectedAppointment({
      id: row.id,
      bookingId: row.bookingId,
      appointmentCode: row.appointmentCode,
      locationId: row.locationId,
      date: row.date,
      slotStart: row.slotStart,
      service: row.service,
      personId: row.personId,
      walkIn: false,
    }),
    status: row.status,
    deskId: row.deskId,
  };
}

/** The person of an agenda row, as the persons table keeps it. */
export function personFromDayAppointment(row: DayAppointment) {
  const person = {
    id: row.personId,
    name: row.personName,
    dateOfBirth: row.dateOfBirth,
    nationalityCategory: row.nationalityCategory,
    vNumber: row.vNumber,
    lastCaptureDate: null,
  };
  return { ...person, base: person };
}

export async function upgradeToVersion2(tx: Transaction): Promise<void> {
  const rows = (await tx.table('appointments').toArray()) as DayAppointment[];
  const persons = new Map(rows.map((row) => [row.personId, personFromDayAppointment(row)]));
  await tx.table('persons').bulkPut([...persons.values()]);
  await tx.table('appointments').bulkPut(
    rows.map((row) => {
      const base = baseFromDayAppointment(row);
      return { ...base, personName: row.personName, dateOfBirth: row.dateOfBirth, nationalityCategory: row.nationalityCategory, vNumber: row.vNumber, base };
    }),
  );
}
