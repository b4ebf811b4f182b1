/**
 * Runs the report's SQL (report-sql.ts) and shapes its rows into the shared report format. The
 * arithmetic left to JavaScript is the presentation the shared statistics do the same way: the
 * mean from the ascending sum, rounding to the millisecond, shares, and desk time from the
 * milliseconds the sweep measured.
 */
import { amsterdamInstant, addDays } from '../../../shared/domain/calendar-date';
import { slowestStepsOf, WAIT_HISTOGRAM_MINUTES, type DeskTimeFigures, type GroupFigures, type Report, type StepFigures } from '../../../shared/reports/report-api';
import type { Database } from '../db/database';
import { clerkNamesOf } from './clerk-names';
import { REPORT_SQL } from './report-sql';

/** The locations, days and instant a report covers. */
export interface ReportScope {
  locationIds: readonly string[];
  from: string;
  to: string;
  /** Defaults to the earlier of the present and the end of `to`. */
  now?: string;
}

interface StatsRow {
  count: number;
  total: number | null;
  median: number | null;
  p90: number | null;
  max: number | null;
}
interface WaitRow extends StatsRow {
  dim: string;
  key: string;
  within: number;
}
interface ServiceRow extends StatsRow {
  dim: string;
  key: string;
  finished: number;
  completed: number;
  persons: number;
}
interface BookedRow {
  dim: string;
  key: string;
  booked: number;
  no_shows: number;
  late: number;
}
interface StepRow extends StatsRow {
  service: string;
  checklistId: string;
  stepId: string;
}
interface VisitRow extends StatsRow {
  dim: string;
  key: string;
  visits: number;
  finished: number;
  first_time_right: number;
}
interface MeasureRow {
  dim: 'desk' | 'clerk';
  key: string;
  /** Milliseconds open, open and paused, open and busy, open and paused or busy. */
  open: number;
  pause: number;
  busy: number;
  occupied: number;
}
interface ReportRow {
  waits: WaitRow[];
  services: ServiceRow[];
  booked: BookedRow[];
  steps: StepRow[];
  visits: VisitRow[];
  measures: MeasureRow[];
  desks: string[];
  clerks: string[];
  targets: number[];
  wait_histogram: Array<{ minute: number; count: number }>;
}

const toMilliseconds = (seconds: number) => Math.round(seconds * 1000) / 1000;
const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function stats(row: StatsRow | undefined) {
  if (!row || row.count === 0) return { count: 0, mean: null, median: null, p90: null, max: null };
  return {
    count: Number(row.count),
    mean: toMilliseconds((row.total as number) / Number(row.count)),
    median: toMilliseconds(row.median as number),
    p90: toMilliseconds(row.p90 as number),
    max: row.max,
  };
}

/** The report's instant: the present, but never past the end of the last day. */
export function reportNow(to: string, present = new Date()): string {
  const end = amsterdamInstant(addDays(to, 1), '00:00');
  return new Date(Math.min(present.getTime(), end)).toISOString();
}

/** Computes the report of `scope` in SQL. */
export async function computeReport(db: Database, scope: ReportScope): Promise<Report> {
  const now = scope.now ?? reportNow(scope.to);
  const [row] = await db.transaction(async (tx) => {
    // The planner's estimates for the window functions are far too high, so PostgreSQL would spend
    // seconds compiling the query (JIT) to save milliseconds running it. The sorts of a long range
    // stay in memory with a larger work_mem, for this transaction only.
    await tx.query('SET LOCAL jit = off');
    await tx.query("SET LOCAL work_mem = '64MB'");
    return tx.query<ReportRow>(REPORT_SQL, [[...scope.locationIds], scope.from, scope.to, now, WAIT_HISTOGRAM_MINUTES]);
  });
  const result = row!;
  const target = result.targets.length === 1 ? result.targets[0]! : null;

  const find = <T extends { dim: string; key: string }>(rows: T[], dim: string, key: string) => rows.find((r) => r.dim === dim && r.key === key);
  const group = (dim: string, key: string): GroupFigures => {
    const waits = find(result.waits, dim, key);
    const services = find(result.services, dim, key);
    const booked = find(result.booked, dim, key);
    const perAppointment = dim !== 'desk' && dim !== 'clerk';
    const calls = Number(waits?.count ?? 0);
    const within = Number(waits?.within ?? 0);
    return {
      servicesFinished: Number(services?.finished ?? 0),
      servicesCompleted: Number(services?.completed ?? 0),
      personsServed: Number(services?.persons ?? 0),
      waitingTime: stats(waits),
      serviceTime: stats(services),
      serviceLevel: { targetSeconds: target, withinTarget: within, calls, share: share(within, calls) },
      noShows: perAppointment ? Number(booked?.no_shows ?? 0) : null,
      noShowRate: perAppointment ? share(Number(booked?.no_shows ?? 0), Number(booked?.booked ?? 0)) : null,
      lateArrivals: perAppointment ? Number(booked?.late ?? 0) : null,
    };
  };
  const byDimension = (dim: string): Record<string, GroupFigures> => {
    const keys = new Set([...result.waits, ...result.services, ...result.booked].filter((r) => r.dim === dim).map((r) => r.key));
    return Object.fromEntries([...keys].sort(compareText).map((key) => [key, group(dim, key)]));
  };

  const steps: StepFigures[] = result.steps
    .map((step) => ({ service: step.service, checklistId: step.checklistId, stepId: step.stepId, time: stats(step) }))
    .sort((a, b) => compareText(`${a.service}\u0000${a.checklistId}\u0000${a.stepId}`, `${b.service}\u0000${b.checklistId}\u0000${b.stepId}`));

  const visitGroup = (row: VisitRow | undefined) => ({
    visits: Number(row?.visits ?? 0),
    finished: Number(row?.finished ?? 0),
    firstTimeRight: Number(row?.first_time_right ?? 0),
    firstTimeRightShare: share(Number(row?.first_time_right ?? 0), Number(row?.finished ?? 0)),
    visitTime: stats(row),
  });
  const visitDays = result.visits.filter((r) => r.dim === 'day').map((r) => r.key).sort(compareText);

  const byClerk = byDimension('clerk');
  const finishedBy = (dim: 'desk' | 'clerk', key: string) => Number(find(result.services, dim, key)?.finished ?? 0);
  const deskTime = timesOf(result.measures, 'desk', result.desks, (key) => finishedBy('desk', key));
  const clerkTime = timesOf(result.measures, 'clerk', result.clerks, (key) => finishedBy('clerk', key));
  const openMs = Object.values(deskTime).reduce((total, time) => total + time.openSeconds * 1000, 0);
  const finishedAtDesks = Object.keys(deskTime).reduce((total, desk) => total + finishedBy('desk', desk), 0);

  return {
    locationIds: [...scope.locationIds].sort(compareText),
    from: scope.from,
    to: scope.to,
    now,
    targetWaitSeconds: target,
    overall: group('all', 'all'),
    byDesk: byDimension('desk'),
    byClerk,
    byService: byDimension('service'),
    byHour: byDimension('hour'),
    byDay: byDimension('day'),
    steps,
    slowestSteps: slowestStepsOf(steps),
    visits: {
      ...visitGroup(find(result.visits, 'all', 'all')),
      byDay: Object.fromEntries(visitDays.map((day) => [day, visitGroup(find(result.visits, 'day', day))])),
    },
    deskTime,
    clerkTime,
    clerkNames: await clerkNamesOf(db, [...Object.keys(byClerk), ...Object.keys(clerkTime)]),
    servicesPerDeskHour: openMs > 0 ? finishedAtDesks / (openMs / 3_600_000) : null,
    waitingTimeDistribution: Array.from({ length: WAIT_HISTOGRAM_MINUTES + 1 }, (_, minute) => ({
      fromMinute: minute,
      toMinute: minute < WAIT_HISTOGRAM_MINUTES ? minute + 1 : null,
      count: Number(result.wait_histogram.find((bucket) => bucket.minute === minute)?.count ?? 0),
    })),
  };
}

/** Desk time from the swept milliseconds; idle is open time with nobody at the desk and no pause. */
function timesOf(measures: MeasureRow[], dim: 'desk' | 'clerk', keys: string[], finished: (key: string) => number): Record<string, DeskTimeFigures> {
  return Object.fromEntries(
    [...keys].sort(compareText).map((key) => {
      const measured = measures.find((m) => m.dim === dim && m.key === key);
      const open = Number(measured?.open ?? 0);
      return [
        key,
        {
          openSeconds: open / 1000,
          pauseSeconds: Number(measured?.pause ?? 0) / 1000,
          busySeconds: Number(measured?.busy ?? 0) / 1000,
          idleSeconds: Math.max(0, open - Number(measured?.occupied ?? 0)) / 1000,
          servicesPerOpenHour: open > 0 ? finished(key) / (open / 3_600_000) : null,
        },
      ];
    }),
  );
}
