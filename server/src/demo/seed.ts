/**
 * Seeds the demo: on an empty database, the Mosae Forum location with four desks; then, as long as
 * the server runs in demo mode, a demo day dated today whenever today has no bookings yet, so the
 * desk has work whenever it starts.
 */
import { closedDesk } from '../../../shared/domain/desk-machine';
import type { Database, Queryable } from '../db/database';
import { appointmentIdOf, bookingChanges } from '../sync/booking-changes';
import { publishChanges } from '../sync/changes';
import { buildDemoDay, type DemoBooking } from './demo-day';
import { demoDeskCodes, seedDemoStaff, type DemoDeskCode } from './demo-staff';

export const DEMO_LOCATION = { id: 'MAA', name: 'IND-loket Maastricht, Mosae Forum' } as const;
const DEMO_DESK_COUNT = 4;

export interface SeedResult {
  seededLocation: boolean;
  seededBookings: number;
  /** One-time codes to register the demo desks, made at this start. */
  deskCodes: DemoDeskCode[];
}

export async function seedDemo(db: Database, today: string): Promise<SeedResult> {
  return db.transaction(async (tx) => {
    const locations = await tx.query<{ count: number }>('SELECT count(*)::int AS count FROM locations');
    const seededLocation = locations[0]?.count === 0;
    if (seededLocation) {
      await seedLocation(tx);
      await seedDemoStaff(tx);
    }
    if (!(await isDemoDatabase(tx))) return { seededLocation, seededBookings: 0, deskCodes: [] };
    const deskCodes = await demoDeskCodes(tx, DEMO_LOCATION.id);

    const existing = await tx.query<{ count: number }>(
      'SELECT count(*)::int AS count FROM bookings WHERE location_id = $1 AND date = $2',
      [DEMO_LOCATION.id, today],
    );
    if ((existing[0]?.count ?? 0) > 0) return { seededLocation, seededBookings: 0, deskCodes };
    const bookings = buildDemoDay(today, DEMO_LOCATION.id);
    for (const booking of bookings) await insertBooking(tx, booking);
    await publishChanges(tx, DEMO_LOCATION.id, bookings.flatMap((booking) => bookingChanges({ ...booking, locationId: DEMO_LOCATION.id })));
    return { seededLocation, seededBookings: bookings.length, deskCodes };
  });
}

/** Was this database seeded as a demo (invented people), rather than filled by imports? */
export async function isDemoDatabase(db: Queryable): Promise<boolean> {
  const rows = await db.query<{ value: string }>("SELECT value FROM server_settings WHERE key = 'demo'");
  return rows[0]?.value === 'on';
}

async function seedLocation(tx: Queryable): Promise<void> {
  await tx.query('INSERT INTO locations (id, name) VALUES ($1, $2)', [DEMO_LOCATION.id, DEMO_LOCATION.name]);
  for (let number = 1; number <= DEMO_DESK_COUNT; number++) {
    await tx.query('INSERT INTO desks (id, location_id, name) VALUES ($1, $2, $3)', [
      `${DEMO_LOCATION.id}-D${number}`,
      DEMO_LOCATION.id,
      `Balie ${number}`,
    ]);
  }
  await tx.query("INSERT INTO server_settings (key, value) VALUES ('demo', 'on')");
  const desks = Array.from({ length: DEMO_DESK_COUNT }, (_, index) => closedDesk(`${DEMO_LOCATION.id}-D${index + 1}`, DEMO_LOCATION.id));
  await publishChanges(tx, DEMO_LOCATION.id, desks.map((desk) => ({ entity: 'desk', id: desk.id, data: desk })));
}

async function insertBooking(tx: Queryable, booking: DemoBooking): Promise<void> {
  await tx.query(
    'INSERT INTO bookings (id, location_id, appointment_code, date, slot_start) VALUES ($1, $2, $3, $4, $5)',
    [booking.id, DEMO_LOCATION.id, booking.appointmentCode, booking.date, booking.slotStart],
  );
  for (const person of booking.persons) {
    await tx.query(
      `INSERT INTO persons (id, booking_id, position, full_name, date_of_birth, nationality_category, v_number)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [person.id, booking.id, person.position, person.fullName, person.dateOfBirth, person.nationalityCategory, person.vNumber],
    );
    for (const service of booking.services) {
      await tx.query('INSERT INTO appointments (id, booking_id, person_id, service) VALUES ($1, $2, $3, $4)', [
        appointmentIdOf(person.id, service),
        booking.id,
        person.id,
        service,
      ]);
    }
  }
}
