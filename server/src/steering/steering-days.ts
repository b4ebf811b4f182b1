/**
 * Keeps `steering_days` (migration 006) fresh for a period: a location's day whose events or
 * appointment states have a newer server sequence than its row (or that has none) is summarised
 * again, one day per statement; a day with nothing left loses its row. Checking a year takes a few
 * milliseconds (the newest sequence of each day comes from an index); summarising a day of a busy
 * location about 60 ms, so a period pays only for the days that changed since it was last asked.
 */
import type { Database } from '../db/database';
import { STEERING_DAY_SQL } from './steering-sql';

interface StaleDay {
  location_id: string;
  day: string;
  seq: string | null;
}

/** Summarises the days of `from`-`to` at `locationIds` whose row is missing or older than their data. */
export async function refreshSteeringDays(db: Database, locationIds: readonly string[], from: string, to: string): Promise<number> {
  const stale = await db.query<StaleDay>(
    `SELECT l.id AS location_id, to_char(d, 'YYYY-MM-DD') AS day, f.seq::text AS seq
       FROM unnest($1::text[]) l(id)
      CROSS JOIN generate_series($2::date, $3::date, interval '1 day') d
      CROSS JOIN LATERAL (
        SELECT greatest((SELECT max(e.server_seq) FROM events e WHERE e.location_id = l.id AND e.day = d::date),
                        (SELECT max(a.last_server_seq) FROM appointment_states a WHERE a.location_id = l.id AND a.day = d::date)) AS seq
      ) f
       LEFT JOIN steering_days s ON s.location_id = l.id AND s.day = d::date
      WHERE s.through_seq IS DISTINCT FROM f.seq`,
    [[...locationIds], from, to],
  );
  for (const day of stale) {
    if (day.seq === null) {
      await db.query('DELETE FROM steering_days WHERE location_id = $1 AND day = $2::date', [day.location_id, day.day]);
      continue;
    }
    await db.transaction(async (tx) => {
      // As for the report (reports/report-query.ts): the planner's estimates for the window
      // functions are far too high, and JIT would compile for seconds to save milliseconds.
      await tx.query('SET LOCAL jit = off');
      await tx.query(STEERING_DAY_SQL, [[day.location_id], day.day, day.day, new Date().toISOString(), day.seq]);
    });
  }
  return stale.length;
}
