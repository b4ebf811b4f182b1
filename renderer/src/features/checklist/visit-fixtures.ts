/**
 * Test helpers for the visit screen (used by its *.test.tsx only): people arrive as the desk's own
 * commands make them (a walk-in, checked in at once; or a booking as the server's day brings it,
 * checked in at the desk) and are called to the desk, so the screen is tested on the day exactly as
 * the clerk's actions leave it.
 */
import { addDays } from '../../../../shared/domain/calendar-date';
import type { NationalityCategory, ServiceCode } from '../../../../shared/domain/codes';
import { registerWalkIn } from '../../../../shared/domain/commands-desk';
import { callAppointment, checkIn } from '../../../../shared/domain/commands-queue';
import type { DayAppointment } from '../../../../shared/sync/day';
import { projectionTables, rebuildDay } from '../../db/day-projection';
import { act, type DeskActor } from '../../db/desk-actor';
import type { DeskDatabase } from '../../db/desk-db';
import { baseFromDayAppointment, personFromDayAppointment } from '../../db/upgrade-v2';

export interface Arrival {
  readonly name: string;
  readonly ageInYears: number;
  readonly nationalityCategory: NationalityCategory;
  readonly service: ServiceCode;
}

/** Date of birth of someone `years` old today (and a month). */
export const bornYearsAgo = (today: string, years: number) => addDays(today, -(years * 365 + Math.floor(years / 4) + 31));

/** Adds the persons as walk-ins of one new booking (the first person opens it); returns their appointment ids. */
export async function arrive(db: DeskDatabase, actor: DeskActor, today: string, persons: readonly Arrival[]): Promise<{ appointmentIds: string[]; bookingId: string }> {
  let bookingId: string | null = null;
  const appointmentIds: string[] = [];
  for (const person of persons) {
    const walkIn = { name: person.name, dateOfBirth: bornYearsAgo(today, person.ageInYears), nationalityCategory: person.nationalityCategory, vNumber: null };
    const input = { person: walkIn, service: person.service, reason: bookingId ? ('family-member' as const) : ('ind-invited' as const), bookingId };
    const result = await act(db, actor, today, (state, context) => registerWalkIn(state, input, context));
    if (!result.ok) throw new Error(`walk-in refused: ${result.error.message.en}`);
    const [event] = result.events;
    bookingId ??= (event!.payload as { bookingId: string }).bookingId;
    appointmentIds.push(event!.appointmentId!);
  }
  return { appointmentIds, bookingId: bookingId! };
}

/** Calls the appointments to this desk, as the queue's "call" does. */
export async function callToDesk(db: DeskDatabase, actor: DeskActor, today: string, appointmentIds: readonly string[]): Promise<void> {
  for (const appointmentId of appointmentIds) {
    const result = await act(db, actor, today, (state, context) => callAppointment(state, { appointmentId }, context));
    if (!result.ok) throw new Error(`call refused: ${result.error.message.en}`);
  }
}

/**
 * One person's booked appointment as the day loaded from the server holds it (with the code of the
 * client's confirmation), checked in at the desk; returns its id.
 */
export async function bookAndCheckIn(
  db: DeskDatabase,
  actor: DeskActor,
  today: string,
  booking: { readonly name: string; readonly service: ServiceCode; readonly appointmentCode: string; readonly slotStart: string },
): Promise<string> {
  const row: DayAppointment = {
    id: `${booking.appointmentCode}-${booking.service}`,
    bookingId: `booking-${booking.appointmentCode}`,
    appointmentCode: booking.appointmentCode,
    locationId: actor.locationId,
    date: today,
    slotStart: booking.slotStart,
    service: booking.service,
    personId: `person-${booking.appointmentCode}`,
    personName: booking.name,
    dateOfBirth: bornYearsAgo(today, 38),
    nationalityCategory: 'other',
    vNumber: null,
    status: 'expected',
    deskId: null,
  };
  const base = baseFromDayAppointment(row);
  await db.transaction('rw', projectionTables(db), async () => {
    await db.appointments.put({ ...base, personName: row.personName, dateOfBirth: row.dateOfBirth, nationalityCategory: row.nationalityCategory, vNumber: row.vNumber, base });
    await db.persons.put(personFromDayAppointment(row));
    await rebuildDay(db, today);
  });
  const result = await act(db, actor, today, (state, context) => checkIn(state, { appointmentIds: [row.id], method: 'manual' }, context));
  if (!result.ok) throw new Error(`check-in refused: ${result.error.message.en}`);
  return row.id;
}
