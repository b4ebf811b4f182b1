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
 * - **no-shows** over the booked (not walk-in, not cancelled) appointments, as in the report.
 *
 * Parameters: $1 location ids (text[]), $2 first day, $3 last day (dates).
 */
export const STEERING_SQL = `
WITH st AS MATERIALIZED (
  SELECT st.state->>'personId' AS person, st.state->>'bookingId' AS booking, st.state->>'service' AS service,
         st.state->>'status' AS status, st.state->>'date' AS day, (st.state->>'walkIn')::boolean AS walk_in, st.location_id AS loc
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
  SELECT coalesce(b.sponsor_kvk, lower(regexp_replace(btrim(b.sponsor_name), '\\s+', ' ', 'g'))) AS sponsor, bool_or(b.sponsor_recognised) AS recognised
    FROM bookings b
   WHERE b.sponsor_name IS NOT NULL AND b.id IN (SELECT booking FROM helped)
   GROUP BY 1
),
ratings AS (
  SELECT (e.body->'payload'->>'score')::int AS score
    FROM events e
   WHERE e.location_id = ANY($1::text[]) AND e.day BETWEEN $2::date AND $3::date AND e.outcome = 'accepted' AND e.type = 'ratingGiven'
)
SELECT
  (SELECT count(*) FROM helped_persons)::int AS helped,
  (SELECT coalesce(jsonb_object_agg(service, n), '{}') FROM (SELECT service, count(DISTINCT person)::int AS n FROM helped GROUP BY service) s) AS by_service,
  (SELECT coalesce(jsonb_object_agg(category, n), '{}') FROM (SELECT category, count(*)::int AS n FROM helped_persons GROUP BY category) c) AS by_category,
  (SELECT count(*) FROM (SELECT DISTINCT loc, person, day FROM st WHERE status NOT IN ('expected', 'no-show')) v)::int AS visits,
  (SELECT count(*) FROM (SELECT DISTINCT e.location_id, e.day FROM events e
    WHERE e.location_id = ANY($1::text[]) AND e.day BETWEEN $2::date AND $3::date AND e.outcome = 'accepted' AND e.type = 'deskOpened') d)::int AS days_open,
  (SELECT count(*) FROM ratings)::int AS ratings,
  (SELECT sum(score) FROM ratings)::int AS rating_sum,
  (SELECT count(*) FROM ratings WHERE score >= 7)::int AS satisfied,
  (SELECT count(*) FROM sponsors)::int AS sponsors,
  (SELECT count(*) FROM sponsors WHERE recognised)::int AS recognised_sponsors,
  (SELECT count(*) FROM st WHERE NOT walk_in)::int AS booked,
  (SELECT count(*) FROM st WHERE NOT walk_in AND status = 'no-show')::int AS no_shows
`;
