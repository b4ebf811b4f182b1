/**
 * Wire format of the supervisors' reports (`GET /api/v1/reports/...`): the period asked for, and
 * the figures the server computes in SQL. The figures have the shape of the shared metrics
 * (shared/metrics/report.ts), so a report from the server and `computeMetrics` over the same
 * events can be compared field by field.
 */
import { z } from 'zod';
import { addDays, isCalendarDate } from '../domain/calendar-date';
import { EXPORTABLE_TABLES } from './report-tables';

/** A calendar date, `YYYY-MM-DD`. */
const dateSchema = z.string().refine(isCalendarDate, { message: 'expected a calendar date written as YYYY-MM-DD' });
/** An ISO week, `2026-W10`. */
const isoWeekSchema = z.string().regex(/^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/, 'expected an ISO week written as YYYY-Www, such as 2026-W10');

/** The waiting-time histogram has a bucket per minute up to this one; longer waits share the last. */
export const WAIT_HISTOGRAM_MINUTES = 30;

/** The longest range one report may cover (a year and a day: last year's same week fits). */
export const MAX_REPORT_DAYS = 366;

/** Languages of exported headers. */
export const REPORT_LANGUAGES = ['nl', 'en'] as const;
/** A language of exported headers. */
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

/** The Monday of ISO week `YYYY-Www`. */
export function mondayOfIsoWeek(week: string): string {
  const year = Number(week.slice(0, 4));
  const number = Number(week.slice(6));
  // 4 January is always in week 1; step back to its Monday.
  const fourth = new Date(Date.UTC(year, 0, 4));
  const weekOneMonday = addDays(fourth.toISOString().slice(0, 10), -((fourth.getUTCDay() + 6) % 7));
  return addDays(weekOneMonday, (number - 1) * 7);
}

/** The fields of a report request (see {@link reportQuerySchema}). */
const reportQueryFields = {
  location: z.string().regex(/^[A-Z]{3}$/, 'expected a location code such as MAA').optional(),
  date: dateSchema.optional(),
  week: isoWeekSchema.optional(),
  from: dateSchema.optional(),
  to: dateSchema.optional(),
  lang: z.enum(REPORT_LANGUAGES).default('nl'),
};

type PeriodFields = { date?: string; week?: string; from?: string; to?: string };

/** The rules of a period: exactly one of date, week, or from and to (ordered, at most a year). */
function withPeriodRules<Schema extends z.ZodType<PeriodFields>>(schema: Schema): Schema {
  return schema
    .refine((query) => [query.date, query.week, query.from ?? query.to].filter((part) => part !== undefined).length === 1, {
      message: 'give exactly one period: date, week, or from and to',
      path: ['date'],
    })
    .refine((query) => (query.from === undefined) === (query.to === undefined), { message: 'from and to go together', path: ['to'] })
    .refine((query) => query.from === undefined || query.to === undefined || query.from <= query.to, { message: 'to is before from', path: ['to'] })
    .refine((query) => query.from === undefined || query.to === undefined || query.to <= addDays(query.from, MAX_REPORT_DAYS - 1), {
      message: `a report covers at most ${MAX_REPORT_DAYS} days`,
      path: ['to'],
    });
}

/**
 * Which location and which days: `date` (one day), `week` (an ISO week), or `from` and `to`
 * (inclusive). Without `location`, a supervisor gets their own location and an admin all.
 * `lang` chooses the language of exported headers.
 */
export const reportQuerySchema = withPeriodRules(z.object(reportQueryFields));
/** A report table as CSV: the period, and which table. */
export const reportExportQuerySchema = withPeriodRules(z.object({ ...reportQueryFields, table: z.enum(EXPORTABLE_TABLES).default('overall') }));
export type ReportQuery = z.infer<typeof reportQuerySchema>;

/** The first and last day (inclusive) a query asks for. */
export function periodOf(query: Pick<ReportQuery, 'date' | 'week' | 'from' | 'to'>): { from: string; to: string } {
  if (query.date) return { from: query.date, to: query.date };
  if (query.week) {
    const monday = mondayOfIsoWeek(query.week);
    return { from: monday, to: addDays(monday, 6) };
  }
  return { from: query.from!, to: query.to! };
}

/** Durations in seconds: count, mean, median, 90th percentile, maximum (nulls when empty). */
export const durationStatsSchema = z.object({
  count: z.int().min(0),
  mean: z.number().nullable(),
  median: z.number().nullable(),
  p90: z.number().nullable(),
  max: z.number().nullable(),
});

/** The figures of one group: a desk, a clerk, a service, an hour, a day, or everything. */
export const groupMetricsSchema = z.object({
  servicesFinished: z.int().min(0),
  servicesCompleted: z.int().min(0),
  personsServed: z.int().min(0),
  waitingTime: durationStatsSchema,
  serviceTime: durationStatsSchema,
  serviceLevel: z.object({
    /** Null in a report over several locations with different targets. */
    targetSeconds: z.number().nullable(),
    withinTarget: z.int().min(0),
    calls: z.int().min(0),
    share: z.number().nullable(),
  }),
  /** Null per desk and per clerk, where a no-show has no meaning. */
  noShows: z.int().min(0).nullable(),
  noShowRate: z.number().nullable(),
  lateArrivals: z.int().min(0).nullable(),
});
export type GroupFigures = z.infer<typeof groupMetricsSchema>;

/** Time per checklist step of a service. */
export const stepFiguresSchema = z.object({ service: z.string(), checklistId: z.string(), stepId: z.string(), time: durationStatsSchema });
export type StepFigures = z.infer<typeof stepFiguresSchema>;

const visitGroupSchema = z.object({
  visits: z.int().min(0),
  finished: z.int().min(0),
  firstTimeRight: z.int().min(0),
  firstTimeRightShare: z.number().nullable(),
  visitTime: durationStatsSchema,
});

/** Open, pause, busy and idle seconds of a desk or a clerk, and services per open hour. */
export const deskTimeSchema = z.object({
  openSeconds: z.number(),
  pauseSeconds: z.number(),
  busySeconds: z.number(),
  idleSeconds: z.number(),
  servicesPerOpenHour: z.number().nullable(),
});
export type DeskTimeFigures = z.infer<typeof deskTimeSchema>;

/** The report of a period. */
export const reportSchema = z.object({
  /** The locations the report covers. */
  locationIds: z.array(z.string()),
  from: dateSchema,
  to: dateSchema,
  /** Open periods, pauses and waits still running are counted up to this instant (ISO). */
  now: z.string(),
  /** Null over several locations with different targets (each wait counts against its own). */
  targetWaitSeconds: z.number().nullable(),
  overall: groupMetricsSchema,
  byDesk: z.record(z.string(), groupMetricsSchema),
  byClerk: z.record(z.string(), groupMetricsSchema),
  byService: z.record(z.string(), groupMetricsSchema),
  byHour: z.record(z.string(), groupMetricsSchema),
  byDay: z.record(z.string(), groupMetricsSchema),
  steps: z.array(stepFiguresSchema),
  /** Per service, the checklist step with the longest median time: where the desks slow down. */
  slowestSteps: z.record(z.string(), stepFiguresSchema),
  visits: visitGroupSchema.extend({ byDay: z.record(z.string(), visitGroupSchema) }),
  deskTime: z.record(z.string(), deskTimeSchema),
  clerkTime: z.record(z.string(), deskTimeSchema),
  /** The display name of every clerk account the report names, so no one reads account ids. */
  clerkNames: z.record(z.string(), z.string()),
  /** Services finished per open desk-hour over all desks; null when no desk was open. */
  servicesPerDeskHour: z.number().nullable(),
  /**
   * How long clients waited, for a chart: how many waits ended in each minute (0-1, 1-2, …), the
   * last bucket holding every wait of WAIT_HISTOGRAM_MINUTES minutes or more (`toMinute` null).
   */
  waitingTimeDistribution: z.array(z.object({ fromMinute: z.int().min(0), toMinute: z.int().min(1).nullable(), count: z.int().min(0) })),
});
export type Report = z.infer<typeof reportSchema>;

/** Per service, the step with the longest median (ties: the longer p90, then the first by id). */
export function slowestStepsOf(steps: readonly StepFigures[]): Record<string, StepFigures> {
  const slowest: Record<string, StepFigures> = {};
  for (const step of steps) {
    const best = slowest[step.service];
    const longer =
      !best ||
      (step.time.median ?? -1) > (best.time.median ?? -1) ||
      ((step.time.median ?? -1) === (best.time.median ?? -1) && (step.time.p90 ?? -1) > (best.time.p90 ?? -1));
    if (longer) slowest[step.service] = step;
  }
  return slowest;
}
