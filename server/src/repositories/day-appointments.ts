import { compareDayAppointments, type DayAppointment } from '../../../shared/sync/day';
import type { Queryable } from '../db/database';
import { sponsorOf } from './sponsor-columns';

/**
 * The appointments of one day at one location, in agenda order (see compareDayAppointments). Dates and times
 * leave the database as text so no driver turns them into instants in the server's time zone.
 */
export async function listDayAppointments(db: Queryable, locationId: string, date: string): Promise<DayAppointment[]> {
  const rows = await db.query<DayAppointment & { sponsorName: string | null; sponsorRecognised: boolean | null; sponsorKvk: string | null }>(
    `SELECT a.id,
            b.id AS "bookingId",
            b.appointment_code AS "appointmentCode",
            b.location_id AS "locationId",
            to_char(b.date, 'YYYY-MM-DD') AS date,
            to_char(b.slot_start, 'HH24:MI') AS "slotStart",
            a.service,
            p.id AS "personId",
            p.full_name AS "personName",
            to_char(p.date_of_birth, 'YYYY-MM-DD') AS "dateOfBirth",
            p.nationality_category AS "nationalityCategory",
            p.v_number AS "vNumber",
            p.client_category AS "clientCategory",
            b.sponsor_name AS "sponsorName",
            b.sponsor_recognised AS "sponsorRecognised",
            b.sponsor_kvk AS "sponsorKvk",
            CASE WHEN b.cancelled_at IS NULL THEN a.status ELSE 'cancelled' END AS status,
            a.desk_id AS "deskId"
       FROM appointments a
       JOIN bookings b ON b.id = a.booking_id
       JOIN persons p ON p.id = a.person_id
      WHERE b.location_id = $1 AND b.date = $2`,
    [locationId, date],
  );
  return rows
    .map(({ sponsorName, sponsorRecognised, sponsorKvk, ...appointment }) => ({
      ...appointment,
      sponsor: sponsorOf(sponsorName, sponsorRecognised, sponsorKvk),
    }))
    .sort(compareDayAppointments);
}

export async function locationExists(db: Queryable, locationId: string): Promise<boolean> {
  const rows = await db.query('SELECT 1 FROM locations WHERE id = $1', [locationId]);
  return rows.length > 0;
}
