/**
 * The steering report: the period's days summarised (steering-days.ts) and added up
 * (steering-sql.ts), and the fast-track clock (fast-track/fast-track-query.ts), for the period asked
 * and the previous period of the same length.
 */
import { amsterdamDateOf } from '../../../shared/domain/calendar-date';
import { previousPeriodOf, type SteeringFigures, type SteeringReport } from '../../../shared/steering/steering-api';
import type { Database } from '../db/database';
import { fastTrackFiguresOf } from '../fast-track/fast-track-query';
import { refreshSteeringDays } from './steering-days';
import { STEERING_SUMMARY_SQL } from './steering-sql';

interface SteeringRow {
  helped: number;
  by_service: Record<string, number>;
  by_category: Record<string, number>;
  visits: number;
  days_open: number;
  ratings: number;
  rating_sum: number | null;
  satisfied: number;
  sponsors: number;
  recognised_sponsors: number;
  sponsors_on_list: number;
  sponsor_list_size: number;
  booked: number;
  no_shows: number;
  finished_visits: number;
  first_time_right: number;
  waits: TimeRow;
  services: TimeRow;
}
interface TimeRow {
  count: number;
  median: number | null;
  p90: number | null;
}

const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);
/** Seconds to the millisecond, as the report rounds them (reports/report-query.ts). */
const toMilliseconds = (seconds: number | null) => (seconds === null ? null : Math.round(seconds * 1000) / 1000);
const timeFigures = (row: TimeRow) => ({ count: Number(row.count), median: toMilliseconds(row.median), p90: toMilliseconds(row.p90) });
const sortedRecord = (record: Record<string, number>) =>
  Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([key, value]) => [key, Number(value)]));

/** The figures of one period. */
export async function steeringFigures(db: Database, locationIds: readonly string[], from: string, to: string, today: string): Promise<SteeringFigures> {
  await refreshSteeringDays(db, locationIds, from, to);
  const [row] = await db.query<SteeringRow>(STEERING_SUMMARY_SQL, [[...locationIds], from, to]);
  if (!row) throw new Error('The steering query returned no row.');
  const ratings = Number(row.ratings);
  const visits = Number(row.visits);
  const daysOpen = Number(row.days_open);
  return {
    from,
    to,
    clientsHelped: { total: Number(row.helped), byService: sortedRecord(row.by_service), byCategory: sortedRecord(row.by_category) },
    visits: { total: visits, daysOpen, perDayOpen: daysOpen > 0 ? visits / daysOpen : null },
    rating: {
      count: ratings,
      mean: ratings > 0 ? Number(row.rating_sum) / ratings : null,
      satisfied: Number(row.satisfied),
      satisfiedShare: share(Number(row.satisfied), ratings),
    },
    sponsors: {
      served: Number(row.sponsors),
      recognised: Number(row.recognised_sponsors),
      onList: Number(row.sponsors_on_list),
      listSize: Number(row.sponsor_list_size),
      listShare: share(Number(row.sponsors_on_list), Number(row.sponsor_list_size)),
    },
    fastTrack: await fastTrackFiguresOf(db, { locationIds, from, to }, today),
    waitingTime: timeFigures(row.waits),
    serviceTime: timeFigures(row.services),
    firstTimeRight: {
      finishedVisits: Number(row.finished_visits),
      firstTimeRight: Number(row.first_time_right),
      share: share(Number(row.first_time_right), Number(row.finished_visits)),
    },
    noShows: { booked: Number(row.booked), count: Number(row.no_shows), rate: share(Number(row.no_shows), Number(row.booked)) },
  };
}

/**
 * The steering report of `from`-`to` and of the period before it; `today` (Amsterdam) decides
 * which fast-track registrations without a BSN are overdue.
 */
export async function computeSteeringReport(
  db: Database,
  scope: { locationIds: readonly string[]; from: string; to: string },
  today: string = amsterdamDateOf(new Date()),
): Promise<SteeringReport> {
  const previous = previousPeriodOf(scope);
  return {
    locationIds: [...scope.locationIds].sort(),
    current: await steeringFigures(db, scope.locationIds, scope.from, scope.to, today),
    previous: await steeringFigures(db, scope.locationIds, previous.from, previous.to, today),
  };
}
