/**
 * The steering report's own figures in one SQL statement (PostgreSQL 15 dialect; PGlite runs it
 * too); waiting and service times and first time right come from the report's SQL
 * (reports/report-sql.ts), so both pages say the same.
 *
 * - a person is **helped** when one of their appointments of the period ended completed or partial
 *   (the server's appointment state); their category is the person's (`unknown` for NULL and for
 *   walk-ins, who have no stored person);
 * - a **visit** is a person on a day who came: one of their appointments got past expected and
 *   no-show (checked in, walked in, or transferred to);
 * - a **day open** is a location and a day on which one of its desks opened (two locations open on
 *   the same day are two days open, so visits per day open stay a service point's figure);
 * - **ratings** are the accepted `ratingGiven` events of the period (one per appointment: a second
 *   one is a conflict and does not count);
 * - a **sponsor** is counted once by KvK number, or by name (case and spaces ignored) when it has
 *   none, over the bookings with a helped person; it is recognised when any such booking says so;
 * - the **sponsor list** of the locations (their union): a served sponsor is on it when its KvK
 *   number or its name key matches an entry;
 * - **no-shows** over the booked (not walk-in, not cancelled) appointments, as in the report.
 *
 * They are kept per location and day in `steering_days` (migration 006): STEERING_DAY_SQL makes a
 * day's row, STEERING_SUMMARY_SQL adds the rows of a period up (steering-days.ts keeps them fresh).
 */
import { REPORT_SAMPLE_CTES, REPORT_VISIT_CTES } from '../reports/report-sql';

/** A sponsor's name as a key: trimmed, lower case, runs of spaces as one. */
export const SPONSOR_NAME_KEY = (column: string) => `lower(regexp_replace(btrim(${column}), '\\s+', ' ', 'g'))`;

/**
 * Makes (or makes again) the row of one location and day. Parameters: $1 the location id as a
 * one-element text[], $2 and $3 the day (the report's CTEs read a range), $4 now (timestamptz; the
 * report's CTEs need it, the samples do not depend on it), $5 the day's newest server sequence.
 */
export const STEERING_DAY_SQL = `
INSERT INTO steering_days (location_id, day, through_seq, opened, helped, helped_by_service, helped_by_category, visits, booked, no_shows,
                           ratings, rating_sum, satisfied, finished_visits, first_time_right, sponsors, waits, services)
${REPORT_SAMPLE_CTES},
${REPORT_VISIT_CTES},
st AS MATERIALIZED (
  SELECT st.state->>'personId' AS person, st.state->>'bookingId' AS booking, st.state->>'service' AS service,
         st.state->>'status' AS status, (st.state->>'walkIn')::boolean AS walk_in
    FROM appointment_states st
   WHERE st.location_id = ANY($1::text[]) AND st.day BETWEEN $2::date AND $3::date AND st.state->>'status' <> 'cancelled'
),
helped AS (
  SELECT DISTINCT st.person, st.service, st.booking FROM st WHERE st.status IN ('completed', 'partial')
),
helped_persons AS (
  SELECT h.person, coalesce(max(p.client_category), 'unknown') AS category
    FROM (SELECT DISTINCT person FROM helped) h LEFT JOIN persons p ON p.id = h.person
   GROUP BY h.person
),
sponsors AS (
  SELECT coalesce(b.sponsor_kvk, ${SPONSOR_NAME_KEY('b.sponsor_name')}) AS sponsor, max(b.sponsor_kvk) AS kvk,
         min(${SPONSOR_NAME_KEY('b.sponsor_name')}) AS name_key, bool_or(b.sponsor_recognised) AS recognised
    FROM bookings b
   WHERE b.sponsor_name IS NOT NULL AND b.id IN (SELECT booking FROM helped)
   GROUP BY 1
),
day_events AS (
  SELECT bool_or(e.type = 'deskOpened') AS opened,
         count(*) FILTER (WHERE e.type = 'ratingGiven') AS ratings,
         coalesce(sum((e.body->'payload'->>'score')::int) FILTER (WHERE e.type = 'ratingGiven'), 0) AS rating_sum,
         count(*) FILTER (WHERE e.type = 'ratingGiven' AND (e.body->'payload'->>'score')::int >= 7) AS satisfied
    FROM events e
   WHERE e.location_id = ANY($1::text[]) AND e.day BETWEEN $2::date AND $3::date AND e.outcome = 'accepted' AND e.type IN ('deskOpened', 'ratingGiven')
)
SELECT ($1::text[])[1], $2::date, $5::bigint, coalesce(de.opened, false),
  (SELECT count(*) FROM helped_persons),
  (SELECT coalesce(jsonb_object_agg(service, n), '{}') FROM (SELECT service, count(DISTINCT person)::int AS n FROM helped GROUP BY service) s),
  (SELECT coalesce(jsonb_object_agg(category, n), '{}') FROM (SELECT category, count(*)::int AS n FROM helped_persons GROUP BY category) c),
  (SELECT count(*) FROM (SELECT DISTINCT person FROM st WHERE status NOT IN ('expected', 'no-show')) v),
  (SELECT count(*) FROM st WHERE NOT walk_in),
  (SELECT count(*) FROM st WHERE NOT walk_in AND status = 'no-show'),
  de.ratings, de.rating_sum, de.satisfied,
  (SELECT count(*) FILTER (WHERE finished) FROM visits),
  (SELECT count(*) FILTER (WHERE first_time_right) FROM visits),
  (SELECT coalesce(jsonb_agg(jsonb_build_object('key', sponsor, 'kvk', kvk, 'nameKey', name_key, 'recognised', recognised) ORDER BY sponsor), '[]') FROM sponsors),
  (SELECT coalesce(array_agg(sec ORDER BY sec), '{}') FROM wait_samples),
  (SELECT coalesce(array_agg(sec ORDER BY sec), '{}') FROM services)
  FROM day_events de
ON CONFLICT (location_id, day) DO UPDATE SET
  through_seq = EXCLUDED.through_seq, opened = EXCLUDED.opened, helped = EXCLUDED.helped, helped_by_service = EXCLUDED.helped_by_service,
  helped_by_category = EXCLUDED.helped_by_category, visits = EXCLUDED.visits, booked = EXCLUDED.booked, no_shows = EXCLUDED.no_shows,
  ratings = EXCLUDED.ratings, rating_sum = EXCLUDED.rating_sum, satisfied = EXCLUDED.satisfied, finished_visits = EXCLUDED.finished_visits,
  first_time_right = EXCLUDED.first_time_right, sponsors = EXCLUDED.sponsors, waits = EXCLUDED.waits, services = EXCLUDED.services
`;

/**
 * The figures of a period from its days' rows: sums, the union of the days' sponsors (counted as in
 * one day), and the medians and 90th percentiles over all the days' samples. $1 location ids
 * (text[]), $2 first day, $3 last day (dates).
 */
export const STEERING_SUMMARY_SQL = `
WITH d AS (
  SELECT * FROM steering_days WHERE location_id = ANY($1::text[]) AND day BETWEEN $2::date AND $3::date
),
sponsors AS (
  SELECT x->>'key' AS sponsor, max(x->>'kvk') AS kvk, min(x->>'nameKey') AS name_key, bool_or((x->>'recognised')::boolean) AS recognised
    FROM d, jsonb_array_elements(d.sponsors) x
   GROUP BY 1
),
sponsor_list AS (
  SELECT DISTINCT sponsor_key, kvk, name_key FROM location_sponsors WHERE location_id = ANY($1::text[])
)
SELECT
  coalesce(sum(d.helped), 0)::int AS helped,
  (SELECT coalesce(jsonb_object_agg(k, n), '{}') FROM (SELECT k, sum(v::int)::int AS n FROM d, jsonb_each_text(d.helped_by_service) e(k, v) GROUP BY k) s) AS by_service,
  (SELECT coalesce(jsonb_object_agg(k, n), '{}') FROM (SELECT k, sum(v::int)::int AS n FROM d, jsonb_each_text(d.helped_by_category) e(k, v) GROUP BY k) c) AS by_category,
  coalesce(sum(d.visits), 0)::int AS visits,
  count(*) FILTER (WHERE d.opened)::int AS days_open,
  coalesce(sum(d.ratings), 0)::int AS ratings,
  sum(d.rating_sum)::int AS rating_sum,
  coalesce(sum(d.satisfied), 0)::int AS satisfied,
  (SELECT count(*) FROM sponsors)::int AS sponsors,
  (SELECT count(*) FROM sponsors WHERE recognised)::int AS recognised_sponsors,
  (SELECT count(*) FROM sponsors s WHERE EXISTS (SELECT 1 FROM sponsor_list l WHERE l.kvk = s.kvk OR l.name_key = s.name_key))::int AS sponsors_on_list,
  (SELECT count(DISTINCT sponsor_key) FROM sponsor_list)::int AS sponsor_list_size,
  coalesce(sum(d.booked), 0)::int AS booked,
  coalesce(sum(d.no_shows), 0)::int AS no_shows,
  coalesce(sum(d.finished_visits), 0)::int AS finished_visits,
  coalesce(sum(d.first_time_right), 0)::int AS first_time_right,
  (SELECT jsonb_build_object('count', count(*), 'median', percentile_cont(0.5) WITHIN GROUP (ORDER BY w), 'p90', percentile_cont(0.9) WITHIN GROUP (ORDER BY w))
     FROM d, unnest(d.waits) w) AS waits,
  (SELECT jsonb_build_object('count', count(*), 'median', percentile_cont(0.5) WITHIN GROUP (ORDER BY s), 'p90', percentile_cont(0.9) WITHIN GROUP (ORDER BY s))
     FROM d, unnest(d.services) s) AS services
  FROM d
`;
