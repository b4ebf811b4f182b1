/**
 * Wire format of the steering report (`GET /api/v1/steering`, issue #10): the pilot's numbers of
 * a period and location(s), each beside the same figure of the previous period of the same length.
 * Sponsors appear only as counts, never by name.
 */
import { z } from 'zod';
import { addDays, isCalendarDate } from '../domain/calendar-date';
import { fastTrackFiguresSchema } from '../fast-track/fast-track-api';
import { MAX_REPORT_DAYS, REPORT_LANGUAGES } from '../reports/report-api';

const dateSchema = z.string().refine(isCalendarDate, { message: 'expected a calendar date written as YYYY-MM-DD' });

const steeringQueryFields = {
  location: z.string().regex(/^[A-Z]{3}$/, 'expected a location code such as MAA').optional(),
  from: dateSchema,
  to: dateSchema,
};

function withRangeRules<Schema extends z.ZodType<{ from: string; to: string }>>(schema: Schema): Schema {
  return schema
    .refine((query) => query.from <= query.to, { message: 'to is before from', path: ['to'] })
    .refine((query) => query.to <= addDays(query.from, MAX_REPORT_DAYS - 1), { message: `a steering report covers at most ${MAX_REPORT_DAYS} days`, path: ['to'] });
}

/** A steering report's period (inclusive) and, for an admin, one location or (left out) all. */
export const steeringQuerySchema = withRangeRules(z.object(steeringQueryFields));
/** The same as CSV, headers in Dutch (default) or English. */
export const steeringExportQuerySchema = withRangeRules(z.object({ ...steeringQueryFields, lang: z.enum(REPORT_LANGUAGES).default('nl') }));
export type SteeringQuery = z.infer<typeof steeringQuerySchema>;

/** The previous period of the same length: the days right before `from`. */
export function previousPeriodOf(period: { from: string; to: string }): { from: string; to: string } {
  let days = 0;
  while (addDays(period.from, days) < period.to) days += 1;
  return { from: addDays(period.from, -(days + 1)), to: addDays(period.from, -1) };
}

const share = z.number().min(0).max(1).nullable();
const seconds = z.number().nonnegative().nullable();
/** Category key `unknown` holds persons whose booking gave no client category. */
export const UNKNOWN_CATEGORY = 'unknown';

/** The figures of one period. */
export const steeringFiguresSchema = z.object({
  from: z.string(),
  to: z.string(),
  /** Distinct persons with at least one finished service (completed or partial). */
  clientsHelped: z.object({
    total: z.number().int().nonnegative(),
    byService: z.record(z.string(), z.number().int().nonnegative()),
    byCategory: z.record(z.string(), z.number().int().nonnegative()),
  }),
  /** Visits (a person who came, on a day) and the days open (a location and a day one of its desks opened). */
  visits: z.object({ total: z.number().int().nonnegative(), daysOpen: z.number().int().nonnegative(), perDayOpen: z.number().nonnegative().nullable() }),
  /** The clients' ratings (1-10); satisfied is 7 or more. */
  rating: z.object({ count: z.number().int().nonnegative(), mean: z.number().nullable(), satisfied: z.number().int().nonnegative(), satisfiedShare: share }),
  /**
   * Distinct sponsors of bookings with a finished service, how many of them are recognised, and how
   * many are on the location's sponsor list (its size the denominator of the share).
   */
  sponsors: z.object({
    served: z.number().int().nonnegative(),
    recognised: z.number().int().nonnegative(),
    onList: z.number().int().nonnegative(),
    listSize: z.number().int().nonnegative(),
    listShare: share,
  }),
  /** The BRP fast-track registrations of the period (by registration day) and their BSN within 3 working days. */
  fastTrack: fastTrackFiguresSchema,
  waitingTime: z.object({ count: z.number().int().nonnegative(), median: seconds, p90: seconds }),
  serviceTime: z.object({ count: z.number().int().nonnegative(), median: seconds, p90: seconds }),
  firstTimeRight: z.object({ finishedVisits: z.number().int().nonnegative(), firstTimeRight: z.number().int().nonnegative(), share }),
  noShows: z.object({ booked: z.number().int().nonnegative(), count: z.number().int().nonnegative(), rate: share }),
});
export type SteeringFigures = z.infer<typeof steeringFiguresSchema>;

/** The answer: the period's figures and the previous period's. */
export const steeringReportSchema = z.object({
  locationIds: z.array(z.string()),
  current: steeringFiguresSchema,
  previous: steeringFiguresSchema,
});
export type SteeringReport = z.infer<typeof steeringReportSchema>;
