/**
 * The things the counter knows about: locations, desks, clerks, bookings, persons, their
 * appointments (one person, one service) and visits (one person's passage through the services of
 * the day). Declared once as zod schemas, so the server, the desk and imports validate alike.
 */
import { z } from 'zod';
import { isCalendarDate } from './calendar-date';
import { CLIENT_CATEGORIES, NATIONALITY_CATEGORIES, SERVICE_CODES } from './codes';

const id = z.string().min(1).max(128);
/** A calendar date, `YYYY-MM-DD`. */
export const dateSchema = z.string().refine(isCalendarDate, { message: 'expected a calendar date written as YYYY-MM-DD' });
/** A time of day on the 24-hour clock, `HH:MM`. */
export const timeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time written as HH:MM');

/** Opening hours of one weekday (1 = Monday ... 7 = Sunday): one or more periods. */
export const openingHoursSchema = z.object({
  weekday: z.int().min(1).max(7),
  periods: z.array(z.object({ opens: timeSchema, closes: timeSchema })).min(1),
});

/** A service point (Maastricht first; more expat centres later), with its own desks and hours. */
export const locationSchema = z.object({
  id,
  name: z.string().min(1).max(200),
  /** The IND desk code of the location, e.g. `MAA` for Maastricht. */
  deskCode: z.string().regex(/^[A-Z]{3}$/),
  timeZone: z.literal('Europe/Amsterdam'),
  openingHours: z.array(openingHoursSchema),
});
/** A service point. */
export type Location = z.infer<typeof locationSchema>;

/** A counter with its PC, at one location, serving some services. */
export const deskSchema = z.object({
  id,
  locationId: id,
  /** What the client sees on the call screen, e.g. "Balie 3". */
  name: z.string().min(1).max(50),
  services: z.array(z.enum(SERVICE_CODES)).min(1),
  active: z.boolean(),
});
/** A counter. */
export type Desk = z.infer<typeof deskSchema>;

/** Who works at the desks: IND staff, the municipality's front office, the Expat Centre. */
export const clerkSchema = z.object({
  id,
  displayName: z.string().min(1).max(100),
  organisation: z.enum(['IND', 'GemeenteLoket', 'ECMR']),
  role: z.enum(['clerk', 'supervisor', 'admin']),
  services: z.array(z.enum(SERVICE_CODES)),
});
/** A member of staff. */
export type Clerk = z.infer<typeof clerkSchema>;

/** A client: personal data (GDPR), kept only as long as the day needs it. */
export const personSchema = z.object({
  id,
  name: z.string().trim().min(1).max(200),
  dateOfBirth: dateSchema,
  nationalityCategory: z.enum(NATIONALITY_CATEGORIES),
  /** The IND client number (10 digits), when known. */
  vNumber: z.string().regex(/^\d{10}$/).nullable(),
  /** Date of the last biometric capture, when the IND system knows it (re-capture rules). */
  lastCaptureDate: dateSchema.nullable().default(null),
  /**
   * Why the client comes (residence purpose), when the booking system told us. Absent or null:
   * unknown (rows stored before the import carried it). Optional, not defaulted, so every person
   * written before it still type-checks and parses.
   */
  clientCategory: z.enum(CLIENT_CATEGORIES).nullable().optional(),
});
/** A client. */
export type Person = z.infer<typeof personSchema>;

/**
 * The employer or institution that sponsors the client's residence (referent). `recognised`: on the
 * IND's public register of recognised sponsors (erkend referent). The KvK number, when given, tells
 * apart two sponsors of the same name; reports name sponsors only in aggregate.
 */
export const sponsorSchema = z.object({
  name: z.string().trim().min(1).max(200),
  recognised: z.boolean(),
  /** The Chamber of Commerce (KvK) number: 8 digits. */
  kvkNumber: z.string().regex(/^\d{8}$/).nullable().default(null),
});
/** A booking's sponsor. */
export type Sponsor = z.infer<typeof sponsorSchema>;

/**
 * One booking from the appointment planner: one code, 1 to 6 persons (a family), one or more
 * services, one slot. Cancelled only as a whole; outcomes are per person.
 */
export const bookingSchema = z.object({
  id,
  appointmentCode: z.string().min(1).max(32),
  locationId: id,
  date: dateSchema,
  slotStart: timeSchema,
  services: z.array(z.enum(SERVICE_CODES)).min(1),
  personIds: z.array(id).min(1).max(6),
  /** The sponsor the booking system names for the booking; absent or null when none or not exported. */
  sponsor: sponsorSchema.nullable().optional(),
});
/** A booking. */
export type Booking = z.infer<typeof bookingSchema>;

/** One person's appointment for one service: the unit of the lifecycle (appointment-machine.ts). */
export const appointmentSchema = z.object({
  id,
  bookingId: id,
  appointmentCode: z.string().max(32).nullable(),
  locationId: id,
  date: dateSchema,
  slotStart: timeSchema,
  service: z.enum(SERVICE_CODES),
  personId: id,
  /** Added at the desk rather than booked online. */
  walkIn: z.boolean(),
});
/** One person's appointment for one service. */
export type Appointment = z.infer<typeof appointmentSchema>;

/**
 * A person's passage through one or more services on one day, across desks (one stop shop:
 * BIO → BRP → INFO). Derived from the appointments and their events, never written by a desk.
 */
export const visitSchema = z.object({
  /** `personId` + `/` + date: one visit per person per day and location. */
  id,
  personId: id,
  locationId: id,
  date: dateSchema,
  /** The person's appointments of the day, in the order they were first served or booked. */
  appointmentIds: z.array(id).min(1),
});
/** A person's visit of one day. */
export type Visit = z.infer<typeof visitSchema>;
