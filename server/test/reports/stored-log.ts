/**
 * Puts a day and its event log into the server's tables exactly as push would leave them, without
 * the HTTP round trips: bookings, persons and appointments of the day; one device per desk device
 * id; every event with the outcome the shared reducer gives it (in log order, the server's order);
 * each appointment's final state in `appointment_states`. Report tests then compare the SQL with
 * `computeMetrics` over the same log, for logs no desk could push in a test's time (random days).
 */
import { amsterdamDateOf } from '../../../shared/domain/calendar-date';
import { DEFAULT_CHECKLISTS } from '../../../shared/checklists/default-checklists';
import { reduceEvents } from '../../../shared/domain/day-reducer';
import type { DayState } from '../../../shared/domain/day-state';
import type { BalieEvent } from '../../../shared/sync/events';
import type { Queryable } from '../../src/db/database';

/** Removes every day, event and state of `locationId` (the location and its desks stay). */
export async function clearLocation(db: Queryable, locationId: string): Promise<void> {
  await db.query('DELETE FROM conflict_resolutions WHERE location_id = $1', [locationId]);
  await db.query('DELETE FROM conflicts WHERE location_id = $1', [locationId]);
  await db.query('DELETE FROM events WHERE location_id = $1', [locationId]);
  await db.query('DELETE FROM appointment_states WHERE location_id = $1', [locationId]);
  await db.query('DELETE FROM appointments WHERE booking_id IN (SELECT id FROM bookings WHERE location_id = $1)', [locationId]);
  await db.query('DELETE FROM persons WHERE booking_id IN (SELECT id FROM bookings WHERE location_id = $1)', [locationId]);
  await db.query('DELETE FROM bookings WHERE location_id = $1', [locationId]);
}

/** Creates the location and its desks when missing. */
export async function ensureLocation(db: Queryable, locationId: string, deskIds: readonly string[]): Promise<void> {
  await db.query('INSERT INTO locations (id, name) VALUES ($1, $1) ON CONFLICT DO NOTHING', [locationId]);
  for (const deskId of deskIds) {
    await db.query('INSERT INTO desks (id, location_id, name) VALUES ($1, $2, $1) ON CONFLICT DO NOTHING', [deskId, locationId]);
  }
}

/** Stores `initial`'s booked day and `events` with their reducer outcomes; returns the final state. */
export async function storeLog(db: Queryable, locationId: string, initial: DayState, events: readonly BalieEvent[]): Promise<DayState> {
  await ensureLocation(db, locationId, Object.keys(initial.desks));
  const persons = initial.persons;
  const bookings = new Map<string, { code: string | null; date: string; slot: string }>();
  for (const appointment of Object.values(initial.appointments)) {
    bookings.set(appointment.bookingId, { code: appointment.appointmentCode, date: appointment.date, slot: appointment.slotStart });
  }
  for (const [id, booking] of bookings) {
    await db.query('INSERT INTO bookings (id, location_id, appointment_code, date, slot_start) VALUES ($1, $2, $3, $4, $5)', [
      id, locationId, booking.code ?? id, booking.date, booking.slot,
    ]);
  }
  const positions = new Map<string, number>();
  for (const appointment of Object.values(initial.appointments)) {
    if (positions.has(appointment.personId)) continue;
    const person = persons[appointment.personId]!;
    const position = [...positions.keys()].filter((id) => initialBooking(initial, id) === appointment.bookingId).length + 1;
    positions.set(person.id, position);
    await db.query(
      'INSERT INTO persons (id, booking_id, position, full_name, date_of_birth, nationality_category, v_number) VALUES ($1, $2, $3, $4, $5, $6, $7)',
      [person.id, appointment.bookingId, position, person.name, person.dateOfBirth, person.nationalityCategory, person.vNumber],
    );
  }
  for (const appointment of Object.values(initial.appointments)) {
    await db.query('INSERT INTO appointments (id, booking_id, person_id, service) VALUES ($1, $2, $3, $4)', [
      appointment.id, appointment.bookingId, appointment.personId, appointment.service,
    ]);
  }

  const outcomes = new Map<string, 'accepted' | 'conflict'>();
  const final = reduceEvents(initial, events, { checklists: Object.values(DEFAULT_CHECKLISTS) }, (event, outcome) => {
    outcomes.set(event.id, outcome.kind === 'applied' ? 'accepted' : 'conflict');
  });
  const dayOf = (event: BalieEvent): string => {
    if (event.type === 'walkInRegistered') return event.payload.date;
    if (event.appointmentId) return final.appointments[event.appointmentId]?.date ?? amsterdamDateOf(new Date(event.occurredAt));
    return amsterdamDateOf(new Date(event.occurredAt));
  };
  for (const deviceId of new Set(events.map((event) => event.deviceId))) {
    await db.query("INSERT INTO devices (id, location_id, kind, name, secret_hash) VALUES ($1, $2, 'desk', $1, 'x') ON CONFLICT DO NOTHING", [deviceId, locationId]);
  }
  const rows = events
    .filter((event) => outcomes.has(event.id))
    .map((event) => ({
      device_id: event.deviceId,
      device_seq: event.deviceSeq,
      id: event.id,
      outcome: outcomes.get(event.id)!,
      type: event.type,
      appointment_id: event.appointmentId ?? null,
      day: dayOf(event),
      occurred_at: event.occurredAt,
      body: event,
    }));
  // One by one, in log order, so the server sequence follows the log as push makes it.
  for (const row of rows) {
    await db.query(
      `INSERT INTO events (device_id, device_seq, id, server_seq, outcome, location_id, type, appointment_id, day, occurred_at, body)
       VALUES ($1, $2, $3, nextval('server_seq_counter'), $4, $5, $6, $7, $8, $9, $10)`,
      [row.device_id, row.device_seq, row.id, row.outcome, locationId, row.type, row.appointment_id, row.day, row.occurred_at, JSON.stringify(row.body)],
    );
  }
  for (const appointment of Object.values(final.appointments)) {
    await db.query(
      `INSERT INTO appointment_states (appointment_id, location_id, day, state, last_server_seq) VALUES ($1, $2, $3, $4, 0)
       ON CONFLICT (appointment_id) DO UPDATE SET state = EXCLUDED.state`,
      [appointment.id, locationId, appointment.date, JSON.stringify(appointment)],
    );
  }
  return final;
}

function initialBooking(state: DayState, personId: string): string | undefined {
  return Object.values(state.appointments).find((appointment) => appointment.personId === personId)?.bookingId;
}
