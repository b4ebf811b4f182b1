/**
 * Wire format of the day's appointments, `GET /api/v1/appointments?date=YYYY-MM-DD`.
 * The server answers with it and the desk parses it with the same schema before storing anything.
 */
import { z } from 'zod';
import { APPOINTMENT_STATUSES, CLIENT_CATEGORIES, NATIONALITY_CATEGORIES, SERVICE_CODES } from '../domain/codes';
import { sponsorSchema } from '../domain/model';
import { isCalendarDate } from '../domain/calendar-date';

/** A calendar date, `YYYY-MM-DD`. */
export const calendarDateSchema = z
  .string()
  .refine(isCalendarDate, { message: 'expected a calendar date written as YYYY-MM-DD' });

/** A time of day on the 24-hour clock, `HH:MM`. */
export const timeOfDaySchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time written as HH:MM');

/** One person's appointment for one service, as the desk shows it in the agenda. */
export const dayAppointmentSchema = z.object({
  /** Stable id of this person's appointment for this service. */
  id: z.string().min(1),
  /** The booking (one appointment code, 1 to 6 persons). */
  bookingId: z.string().min(1),
  /** Code from the client's confirmation e-mail. */
  appointmentCode: z.string().min(1),
  locationId: z.string().min(1),
  date: calendarDateSchema,
  /** Start of the booked slot, Europe/Amsterdam. */
  slotStart: timeOfDaySchema,
  service: z.enum(SERVICE_CODES),
  personId: z.string().min(1),
  personName: z.string().min(1),
  dateOfBirth: calendarDateSchema,
  nationalityCategory: z.enum(NATIONALITY_CATEGORIES),
  /** The person's IND client number (10 digits), when known. */
  vNumber: z.string().regex(/^\d{10}$/).nullable(),
  /** Why the person comes; null when unknown. Optional: servers before migration 004 leave it out. */
  clientCategory: z.enum(CLIENT_CATEGORIES).nullable().optional(),
  /** The booking's sponsor; null when none. Optional like clientCategory. */
  sponsor: sponsorSchema.nullable().optional(),
  status: z.enum(APPOINTMENT_STATUSES),
  /** Desk that serves or served the person, once called. */
  deskId: z.string().nullable(),
});
export type DayAppointment = z.infer<typeof dayAppointmentSchema>;

export const dayQuerySchema = z.object({ date: calendarDateSchema });

export const dayResponseSchema = z.object({
  date: calendarDateSchema,
  locationId: z.string(),
  appointments: z.array(dayAppointmentSchema),
});
export type DayResponse = z.infer<typeof dayResponseSchema>;

export const healthResponseSchema = z.object({
  status: z.enum(['ok', 'degraded']),
  database: z.object({ kind: z.enum(['pglite', 'postgres']), ok: z.boolean() }),
  version: z.string(),
});
export type HealthResponse = z.infer<typeof healthResponseSchema>;

const SERVICE_ORDER: readonly string[] = SERVICE_CODES;

/** What the agenda's order looks at. */
export type AgendaOrderKey = Pick<DayAppointment, 'slotStart' | 'appointmentCode' | 'personId' | 'service'>;

/**
 * The agenda's order, the same on the server and the desk: by slot, then booking, then person,
 * then service in one stop shop order. A family stays together within its slot.
 */
export function compareDayAppointments(a: AgendaOrderKey, b: AgendaOrderKey): number {
  return (
    byCodeUnits(a.slotStart, b.slotStart) ||
    byCodeUnits(a.appointmentCode, b.appointmentCode) ||
    byCodeUnits(a.personId, b.personId) ||
    SERVICE_ORDER.indexOf(a.service) - SERVICE_ORDER.indexOf(b.service)
  );
}

/**
 * Times, codes and ids are digits, capitals and dashes, which sort the same by code unit as by a
 * collation; `localeCompare` asks ICU each time, and sorting a day of 5,000 took 20 ms of the
 * desk's start.
 */
function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
