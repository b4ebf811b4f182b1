/**
 * The import's SQL: reading the stored bookings a file names, storing new bookings and persons,
 * marking bookings cancelled; and the change-feed entries that tell desks about them, in the
 * shapes the demo seed and the reducer use (expected appointments, persons, cancelled appointments).
 * Rows go in as one JSON array per table, so a large export costs a few statements, not thousands.
 */
import { transition } from '../../../shared/domain/appointment-machine';
import type { AppointmentState } from '../../../shared/domain/appointment-state';
import { SERVICE_CODES, type ServiceCode } from '../../../shared/domain/codes';
import type { Sponsor } from '../../../shared/domain/model';
import type { Queryable } from '../db/database';
import { sponsorOf } from '../repositories/sponsor-columns';
import { appointmentIdOf, type BookingForDesks } from '../sync/booking-changes';
import type { NewChange } from '../sync/changes';
import type { FillIn, StoredBooking, StoredPerson } from './booking-plan';

/** A booking to store: new, or stored already and gaining persons (the shape desks are told about). */
export interface BookingToStore extends BookingForDesks {
  readonly persons: readonly StoredPerson[];
  readonly sponsor: Sponsor | null;
}

/** Ids follow the demo's scheme: readable in logs, and the same on every server for the same file. */
export const bookingIdOf = (locationId: string, appointmentCode: string) => `${locationId}-${appointmentCode}`;
export const personIdOf = (bookingId: string, position: number) => `${bookingId}-P${position}`;

interface StoredRow {
  id: string;
  appointmentCode: string;
  date: string;
  slotStart: string;
  cancelled: boolean;
  sponsorName: string | null;
  sponsorRecognised: boolean | null;
  sponsorKvk: string | null;
  personId: string | null;
  position: number | null;
  fullName: string;
  dateOfBirth: string;
  nationalityCategory: StoredPerson['nationalityCategory'];
  vNumber: string | null;
  clientCategory: StoredPerson['clientCategory'];
  services: string | null;
}

/** The location's stored bookings with these appointment codes, by code. */
export async function storedBookings(tx: Queryable, locationId: string, codes: readonly string[]): Promise<Map<string, StoredBooking>> {
  const rows = await tx.query<StoredRow>(
    `SELECT b.id, b.appointment_code AS "appointmentCode", to_char(b.date, 'YYYY-MM-DD') AS date,
            to_char(b.slot_start, 'HH24:MI') AS "slotStart", b.cancelled_at IS NOT NULL AS cancelled,
            b.sponsor_name AS "sponsorName", b.sponsor_recognised AS "sponsorRecognised", b.sponsor_kvk AS "sponsorKvk",
            p.id AS "personId", p.position, p.full_name AS "fullName",
            to_char(p.date_of_birth, 'YYYY-MM-DD') AS "dateOfBirth", p.nationality_category AS "nationalityCategory",
            p.v_number AS "vNumber", p.client_category AS "clientCategory", string_agg(a.service, '+') AS services
       FROM bookings b
       LEFT JOIN persons p ON p.booking_id = b.id
       LEFT JOIN appointments a ON a.person_id = p.id
      WHERE b.location_id = $1 AND b.appointment_code = ANY($2::text[])
      GROUP BY b.id, p.id`,
    [locationId, [...codes]],
  );
  const bookings = new Map<string, StoredBooking & { persons: StoredPerson[]; services: ServiceCode[] }>();
  for (const row of rows) {
    let booking = bookings.get(row.appointmentCode);
    if (!booking) {
      const { id, appointmentCode, date, slotStart, cancelled } = row;
      const sponsor = sponsorOf(row.sponsorName, row.sponsorRecognised, row.sponsorKvk);
      booking = { id, appointmentCode, date, slotStart, cancelled, sponsor, services: [], persons: [] };
      bookings.set(row.appointmentCode, booking);
    }
    if (row.personId === null || row.position === null) continue;
    const { fullName, dateOfBirth, nationalityCategory, vNumber, clientCategory } = row;
    booking.persons.push({ id: row.personId, position: row.position, fullName, dateOfBirth, nationalityCategory, vNumber, clientCategory });
    // Every person of a booking has the same services (one booking, one set of services).
    const services = (row.services ?? '').split('+');
    if (booking.services.length === 0) booking.services.push(...SERVICE_CODES.filter((service) => services.includes(service)));
  }
  return bookings;
}

/** Stores new bookings (those not stored yet) and the persons and appointments of every entry. */
export async function storeBookings(tx: Queryable, entries: readonly BookingToStore[], newBookingIds: ReadonlySet<string>): Promise<void> {
  const bookings = entries
    .filter((entry) => newBookingIds.has(entry.id))
    .map(({ id, locationId, appointmentCode, date, slotStart, sponsor }) => ({
      id,
      locationId,
      appointmentCode,
      date,
      slotStart,
      sponsorName: sponsor?.name ?? null,
      sponsorRecognised: sponsor?.recognised ?? null,
      sponsorKvk: sponsor?.kvkNumber ?? null,
    }));
  const persons = entries.flatMap((entry) => entry.persons.map((person) => ({ ...person, bookingId: entry.id })));
  const appointments = entries.flatMap((entry) =>
    entry.persons.flatMap((person) =>
      entry.services.map((service) => ({ id: appointmentIdOf(person.id, service), bookingId: entry.id, personId: person.id, service })),
    ),
  );
  await tx.query(
    `INSERT INTO bookings (id, location_id, appointment_code, date, slot_start, sponsor_name, sponsor_recognised, sponsor_kvk)
     SELECT id, "locationId", "appointmentCode", date::date, "slotStart"::time, "sponsorName", "sponsorRecognised", "sponsorKvk"
       FROM jsonb_to_recordset($1::jsonb)
         AS b(id text, "locationId" text, "appointmentCode" text, date text, "slotStart" text,
              "sponsorName" text, "sponsorRecognised" boolean, "sponsorKvk" text)`,
    [JSON.stringify(bookings)],
  );
  await tx.query(
    `INSERT INTO persons (id, booking_id, position, full_name, date_of_birth, nationality_category, v_number, client_category)
     SELECT id, "bookingId", position, "fullName", "dateOfBirth"::date, "nationalityCategory", "vNumber", "clientCategory"
       FROM jsonb_to_recordset($1::jsonb)
         AS p(id text, "bookingId" text, position smallint, "fullName" text, "dateOfBirth" text, "nationalityCategory" text,
              "vNumber" text, "clientCategory" text)`,
    [JSON.stringify(persons)],
  );
  await tx.query(
    `INSERT INTO appointments (id, booking_id, person_id, service)
     SELECT id, "bookingId", "personId", service
       FROM jsonb_to_recordset($1::jsonb) AS a(id text, "bookingId" text, "personId" text, service text)`,
    [JSON.stringify(appointments)],
  );
}

/**
 * Stores the client categories and sponsors that stored bookings lacked. Only empty columns are
 * written (the WHERE clauses), so a value once stored is never replaced.
 */
export async function storeFillIns(tx: Queryable, fillIns: ReadonlyArray<{ readonly bookingId: string; readonly fillIn: FillIn }>): Promise<void> {
  const sponsors = fillIns.flatMap(({ bookingId, fillIn }) =>
    fillIn.sponsor === null ? [] : [{ id: bookingId, name: fillIn.sponsor.name, recognised: fillIn.sponsor.recognised, kvk: fillIn.sponsor.kvkNumber }],
  );
  const categories = fillIns.flatMap(({ fillIn }) => fillIn.categories.map(({ personId, clientCategory }) => ({ id: personId, clientCategory })));
  if (sponsors.length > 0) {
    await tx.query(
      `UPDATE bookings b SET sponsor_name = s.name, sponsor_recognised = s.recognised, sponsor_kvk = s.kvk
         FROM jsonb_to_recordset($1::jsonb) AS s(id text, name text, recognised boolean, kvk text)
        WHERE b.id = s.id AND b.sponsor_name IS NULL`,
      [JSON.stringify(sponsors)],
    );
  }
  if (categories.length > 0) {
    await tx.query(
      `UPDATE persons p SET client_category = c."clientCategory"
         FROM jsonb_to_recordset($1::jsonb) AS c(id text, "clientCategory" text)
        WHERE p.id = c.id AND p.client_category IS NULL`,
      [JSON.stringify(categories)],
    );
  }
  if (fillIns.length > 0) {
    // The steering report's summaries of these bookings' days count categories and sponsors, and
    // no change number tells them so: they are made again by the next report (steering-days.ts).
    await tx.query('DELETE FROM steering_days s USING bookings b WHERE b.id = ANY($1::text[]) AND s.location_id = b.location_id AND s.day = b.date', [
      fillIns.map((entry) => entry.bookingId),
    ]);
  }
}

/** Marks bookings cancelled by the booking system at `cancelledAt` (an ISO instant). */
export async function markCancelled(tx: Queryable, bookingIds: readonly string[], cancelledAt: string): Promise<void> {
  await tx.query('UPDATE bookings SET cancelled_at = $2::timestamptz WHERE id = ANY($1::text[])', [[...bookingIds], cancelledAt]);
}

/**
 * What desks pull about a cancelled booking: each appointment as the reducer's own cancel leaves
 * it, so a desk, the server's day (rebuildDayState starts such bookings cancelled the same way)
 * and a later `bookingCancelled` from a desk all agree.
 */
export function cancelledBookingChanges(appointments: readonly AppointmentState[], cancelledAt: string): NewChange[] {
  return appointments.map((appointment) => {
    const cancelled = transition(appointment, { kind: 'cancel' }, cancelledAt);
    if (!cancelled.ok) throw new Error(`appointment ${appointment.id} cannot be cancelled from ${appointment.status}`);
    return { entity: 'appointment', id: appointment.id, data: cancelled.state };
  });
}
