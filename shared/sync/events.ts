/**
 * The events of the sync protocol, v1 (DESIGN.md): every clerk action is one immutable event made
 * on the desk, pushed to the server, stored there once by id, and replayed by the same reducer on
 * both sides (shared/domain/day-reducer.ts).
 *
 * Envelope: `{ id, deviceId, deviceSeq, type, appointmentId, personId?, clerkId, deskId, locationId,
 * occurredAt, payload, v }`. `id` is a UUIDv7 made on the desk; `deviceSeq` counts 1, 2, 3... per
 * device without gaps; `occurredAt` is the desk's clock (the server corrects it with the measured
 * offset for reports). `v` is the version of the event's payload schema.
 *
 * `ratingGiven` is the client's own judgement of the service, given on the client screen at the desk
 * and performed by the clerk's desk like any other event (shared/domain/commands-rating.ts).
 *
 * Desk events (`deskOpened`, `deskClosed`, `pauseStarted`, `pauseEnded`) and `bookingCancelled`
 * concern a desk or a whole booking, not one person's appointment: their `appointmentId` is `null`
 * (or absent) and they carry no `personId`.
 *
 * `conflictResolved` is the one event a desk never makes: the server makes it when a supervisor
 * resolves a recorded conflict (docs/sync-protocol.md §6). Its `deviceId` and `deskId` are the
 * location's server device (`server-<locationId>`), `clerkId` is the supervisor's account, and its
 * `deviceSeq` counts that server device's events. A desk that pushes one has it refused.
 */
import { z } from 'zod';
import {
  CHECK_IN_METHODS,
  NATIONALITY_CATEGORIES,
  OUTCOME_CODES,
  PAUSE_REASONS,
  SERVICE_CODES,
  WALK_IN_REASONS,
} from '../domain/codes';
import { isCalendarDate } from '../domain/calendar-date';
import { reasonTextSchema, stepValueSchema } from '../checklists/step-value';

/** The version of every payload schema in this file. A changed payload gets a new version. */
export const EVENT_VERSION = 1;

/** An id of an entity (appointment, person, desk, clerk, location, device): 1-128 characters. */
export const entityIdSchema = z.string().min(1).max(128);
/** An instant in ISO 8601 with a zone, e.g. `2026-03-03T09:12:00.000Z`. */
export const instantSchema = z.iso.datetime({ offset: true });
/** A calendar date, `YYYY-MM-DD`. */
const dateSchema = z.string().refine(isCalendarDate, { message: 'expected a calendar date written as YYYY-MM-DD' });
const timeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'expected a time written as HH:MM');
const optionalReason = reasonTextSchema.nullable();
/**
 * The ticket number given at check-in (shared/domain/tickets.ts). Optional: events made before
 * tickets existed carry none and stay valid.
 */
const ticketSchema = z.string().regex(/^[A-Z]{1,3}-\d{3,4}$/, 'expected a ticket number such as A-017').optional();

/** A client's rating of the service: a whole number from 1 (very bad) to 10 (excellent). */
export const ratingScoreSchema = z.int().min(1).max(10);
/** The longest comment a client may leave with a rating. */
export const RATING_COMMENT_MAX = 300;
/** A client's optional comment with a rating: 1-300 characters after trimming. */
export const ratingCommentSchema = z.string().trim().min(1).max(RATING_COMMENT_MAX);

/** The longest note a supervisor may write with a conflict's resolution. */
export const RESOLUTION_NOTE_MAX = 2000;
/** A supervisor's note with a conflict's resolution: what was decided, 1-2000 characters after trimming. */
export const resolutionNoteSchema = z.string().trim().min(1).max(RESOLUTION_NOTE_MAX);

const envelope = {
  /** UUIDv7 made on the desk: the idempotence key, everywhere and forever. */
  id: z.uuidv7(),
  deviceId: entityIdSchema,
  /** Gap-free sequence number of the event on its device, from 1. */
  deviceSeq: z.int().min(1),
  clerkId: entityIdSchema,
  deskId: entityIdSchema,
  locationId: entityIdSchema,
  /** When the clerk acted, by the desk's clock. */
  occurredAt: instantSchema,
  v: z.literal(EVENT_VERSION),
};

function appointmentEvent<Type extends string, Payload extends z.ZodType>(type: Type, payload: Payload) {
  return z.object({
    ...envelope,
    type: z.literal(type),
    appointmentId: entityIdSchema,
    personId: entityIdSchema.optional(),
    payload,
  });
}

function deskEvent<Type extends string, Payload extends z.ZodType>(type: Type, payload: Payload) {
  return z.object({ ...envelope, type: z.literal(type), appointmentId: z.null().optional(), payload });
}

const checklistRef = { checklistId: z.string().min(1).max(64), checklistVersion: z.int().min(1) };

/** The person a walk-in brings along (personal data: purged with the day). */
export const walkInPersonSchema = z.object({
  id: entityIdSchema,
  name: z.string().trim().min(1).max(200),
  dateOfBirth: dateSchema,
  nationalityCategory: z.enum(NATIONALITY_CATEGORIES),
  vNumber: z.string().regex(/^\d{10}$/).nullable(),
});

/** Every event the desk can make, discriminated on `type`. */
export const balieEventSchema = z.discriminatedUnion('type', [
  /** The person reported at the service point (scanned code or picked from the agenda). */
  appointmentEvent('checkedIn', z.object({ method: z.enum(CHECK_IN_METHODS), ticket: ticketSchema })),
  /** The person was called to this desk; `outOfOrder` when not the head of the queue, or called again after parking. */
  appointmentEvent('called', z.object({ outOfOrder: z.boolean() })),
  /** The same desk called the same person again (they did not come). */
  appointmentEvent('recalled', z.object({})),
  /** The person sat down at the desk: service time starts. */
  appointmentEvent('serviceStarted', z.object({})),
  /** One checklist step was done, following checklist `checklistId` version `checklistVersion`. */
  /**
   * `startedAt` (optional, added within v1): when the clerk turned to this person for the step, so
   * step timing does not count the time spent on the family member before. Never after the event.
   */
  appointmentEvent('stepRecorded', z.object({ ...checklistRef, stepId: z.string().min(1).max(64), value: stepValueSchema, startedAt: instantSchema.optional() })),
  /** The person stepped aside (e.g. to fill in a form) and will be called again. */
  appointmentEvent('parked', z.object({ reason: optionalReason })),
  /** The service ended with an outcome; any outcome but `completed` makes the appointment `partial`. */
  appointmentEvent(
    'serviceCompleted',
    z
      .object({ ...checklistRef, outcome: z.enum(OUTCOME_CODES).exclude(['no-show']), reason: optionalReason })
      .refine((payload) => payload.outcome !== 'partial' || payload.reason !== null, {
        message: 'a partial outcome needs a reason',
        path: ['reason'],
      }),
  ),
  /** Nobody came: before check-in, or after being called. */
  appointmentEvent('noShow', z.object({})),
  /**
   * The person goes on: to another desk for the same service (`toAppointmentId` is this
   * appointment), or to the next service of the visit (`toAppointmentId` is that appointment).
   */
  appointmentEvent(
    'transferred',
    z.object({ toService: z.enum(SERVICE_CODES), toDeskId: entityIdSchema.nullable(), toAppointmentId: entityIdSchema, reason: optionalReason }),
  ),
  /** A free-text note on the appointment (personal data: purged with the day). */
  appointmentEvent('noteAdded', z.object({ text: reasonTextSchema })),
  /** A person without a booking of their own was added at the desk; `appointmentId` is the new appointment. */
  appointmentEvent(
    'walkInRegistered',
    z.object({
      bookingId: entityIdSchema,
      appointmentCode: z.string().max(32).nullable(),
      service: z.enum(SERVICE_CODES),
      date: dateSchema,
      slotStart: timeSchema,
      reason: z.enum(WALK_IN_REASONS),
      person: walkInPersonSchema,
      /** The walk-in's ticket; none when the walk-in is the next service of a visit (the transfer brings it). */
      ticket: ticketSchema,
    }),
  ),
  /**
   * The client rated the service at the desk, 1-10, with an optional comment (free text the client
   * typed: purged with the day on the desk). Once per served appointment (commands-rating.ts).
   */
  appointmentEvent('ratingGiven', z.object({ score: ratingScoreSchema, comment: ratingCommentSchema.nullable() })),
  /** The whole booking is cancelled (never one person of it). */
  deskEvent('bookingCancelled', z.object({ bookingId: entityIdSchema, reason: optionalReason })),
  /** A clerk opened the desk (signed in at it): its working time starts. */
  deskEvent('deskOpened', z.object({})),
  /** The clerk closed the desk (signed out or went home). */
  deskEvent('deskClosed', z.object({})),
  /** The desk takes a pause; `other` needs a note. */
  deskEvent(
    'pauseStarted',
    z
      .object({ reason: z.enum(PAUSE_REASONS), note: optionalReason })
      .refine((payload) => payload.reason !== 'other' || payload.note !== null, { message: 'a pause for another reason needs a note', path: ['note'] }),
  ),
  /** The desk resumes work. */
  deskEvent('pauseEnded', z.object({})),
  /**
   * A supervisor resolved the conflict of event `conflictEventId` with a note (made by the server,
   * never by a desk). It changes no appointment: the log stays as the server decided it; the
   * conflict reads as resolved from now on. Once per conflict: a second resolution is a conflict.
   */
  deskEvent('conflictResolved', z.object({ conflictEventId: entityIdSchema, note: resolutionNoteSchema })),
]);

/** One event of the sync protocol. */
export type BalieEvent = z.infer<typeof balieEventSchema>;
/** The `type` of an event. */
export type BalieEventType = BalieEvent['type'];
/** The event of one type. */
export type EventOf<Type extends BalieEventType> = Extract<BalieEvent, { type: Type }>;
/** Every event type, in the order of the schema. */
export const EVENT_TYPES = balieEventSchema.options.map((option) => option.shape.type.value) as readonly BalieEventType[];
/** Event types that concern a desk or a booking, not one appointment: `appointmentId` is null. */
export const NON_APPOINTMENT_EVENT_TYPES = ['bookingCancelled', 'deskOpened', 'deskClosed', 'pauseStarted', 'pauseEnded', 'conflictResolved'] as const satisfies readonly BalieEventType[];
/** Event types only the server makes (on a supervisor's behalf): a desk that pushes one has it refused. */
export const SERVER_EVENT_TYPES = ['conflictResolved'] as const satisfies readonly BalieEventType[];
/** The id of the server device that makes a location's server events: `server-<locationId>`. */
export function serverDeviceId(locationId: string): string {
  return `server-${locationId}`;
}
/** An event about one person's appointment. */
export type AppointmentEvent = Exclude<BalieEvent, { type: (typeof NON_APPOINTMENT_EVENT_TYPES)[number] }>;
/** An event about a desk or a booking. */
export type NonAppointmentEvent = Extract<BalieEvent, { type: (typeof NON_APPOINTMENT_EVENT_TYPES)[number] }>;

/** Parses an unknown value as an event; the error lists each problem as `path: message`. */
export function parseEvent(value: unknown): { ok: true; event: BalieEvent } | { ok: false; problems: string[] } {
  const result = balieEventSchema.safeParse(value);
  if (result.success) return { ok: true, event: result.data };
  return { ok: false, problems: result.error.issues.map((issue) => `${issue.path.join('.') || '(event)'}: ${issue.message}`) };
}
