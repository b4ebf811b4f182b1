/**
 * The fast-track follow-up (issue #10). A BRP fast-track registration completed at the desk starts
 * a clock; the municipality (a GemeenteLoket account) records the day the BSN was issued. The
 * pilot's promise is a BSN within 3 Dutch working days (weekends and national holidays excluded).
 * Only the date is kept, never the BSN itself: the report needs no more.
 */
import { z } from 'zod';
import { addWorkingDays, workingDaysBetween } from '../calendar/working-days';
import { isCalendarDate } from '../domain/calendar-date';

/** Working days after the registration day within which the BSN should be issued. */
export const FAST_TRACK_WORKING_DAYS = 3;

/**
 * Where one registration stands on `today`:
 * - `within`: BSN issued within the target;  `late`: issued after it;
 * - `overdue`: no BSN yet and the target has passed (for follow-up);  `pending`: no BSN, still in time.
 */
export const FAST_TRACK_STATES = ['within', 'late', 'overdue', 'pending'] as const;
export type FastTrackState = (typeof FAST_TRACK_STATES)[number];

/** The last day on which a BSN is still in time for a registration on `registeredOn`. */
export function fastTrackDeadline(registeredOn: string): string {
  return addWorkingDays(registeredOn, FAST_TRACK_WORKING_DAYS);
}

/** The state of a registration on `registeredOn`, its BSN issued on `bsnIssuedOn` (or not yet), seen on `today`. */
export function fastTrackStateOf(registeredOn: string, bsnIssuedOn: string | null, today: string): FastTrackState {
  if (bsnIssuedOn !== null) return workingDaysBetween(registeredOn, bsnIssuedOn) <= FAST_TRACK_WORKING_DAYS ? 'within' : 'late';
  return today > fastTrackDeadline(registeredOn) ? 'overdue' : 'pending';
}

const dateSchema = z.string().refine(isCalendarDate, { message: 'expected a calendar date written as YYYY-MM-DD' });

/** `GET /api/v1/fast-track`: the registrations of a period (by registration day) at a location. */
export const fastTrackQuerySchema = z
  .object({
    location: z.string().regex(/^[A-Z]{3}$/, 'expected a location code such as MAA').optional(),
    from: dateSchema,
    to: dateSchema,
    /** Only these states (comma separated), e.g. `overdue` for the follow-up list. */
    states: z
      .string()
      .transform((value) => value.split(','))
      .pipe(z.array(z.enum(FAST_TRACK_STATES)).min(1))
      .optional(),
  })
  .refine((query) => query.from <= query.to, { message: 'to is before from', path: ['to'] });
export type FastTrackQuery = z.infer<typeof fastTrackQuerySchema>;

/** One registration: who (the municipality must know whom to chase), when, and where it stands. */
export const fastTrackRegistrationSchema = z.object({
  appointmentId: z.string(),
  locationId: z.string(),
  appointmentCode: z.string().nullable(),
  personName: z.string(),
  dateOfBirth: z.string().nullable(),
  registeredOn: z.string(),
  deadline: z.string(),
  bsnIssuedOn: z.string().nullable(),
  /** Working days from registration to BSN; null while none was issued. */
  workingDays: z.number().int().nullable(),
  state: z.enum(FAST_TRACK_STATES),
});
export type FastTrackRegistration = z.infer<typeof fastTrackRegistrationSchema>;

export const fastTrackListSchema = z.object({
  today: z.string(),
  registrations: z.array(fastTrackRegistrationSchema),
});
export type FastTrackList = z.infer<typeof fastTrackListSchema>;

/** `PUT /api/v1/fast-track/{appointmentId}`: the day the municipality issued the BSN (null takes a wrong entry back). */
export const fastTrackCompletionSchema = z.object({ bsnIssuedOn: dateSchema.nullable() }).strict();
export type FastTrackCompletion = z.infer<typeof fastTrackCompletionSchema>;

/** The steering report's fast-track figure of a period. */
export const fastTrackFiguresSchema = z.object({
  registered: z.number().int().nonnegative(),
  within: z.number().int().nonnegative(),
  late: z.number().int().nonnegative(),
  overdue: z.number().int().nonnegative(),
  pending: z.number().int().nonnegative(),
  /** within / (within + late + overdue): registrations still in time are not judged yet. */
  withinShare: z.number().min(0).max(1).nullable(),
});
export type FastTrackFigures = z.infer<typeof fastTrackFiguresSchema>;

/** The steering figure from how many of a period's registrations are in each state. */
export function fastTrackFigures(tally: Partial<Record<FastTrackState, number>>): FastTrackFigures {
  const [within, late, overdue, pending] = (['within', 'late', 'overdue', 'pending'] as const).map((state) => tally[state] ?? 0) as [number, number, number, number];
  const judged = within + late + overdue;
  return { registered: judged + pending, within, late, overdue, pending, withinShare: judged > 0 ? within / judged : null };
}
