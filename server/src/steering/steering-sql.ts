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
 * Parameters: $1 location ids (text[]), $2 first day, $3 last day (dates).
 */
/** A sponsor's name as a key: trimmed, lower case, runs of spaces as one. */
export const SPONSOR_NAME_KEY = (column: string) => `lower(regexp_replace(btrim(${column}), '\\s+', ' ', 'g'))`;

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
  SELECT coalesce(b.sponsor_kvk, ${SPONSOR_NAME_KEY('b.sponsor_name')}) AS sponsor, max(b.sponsor_kvk) AS kvk,
         min(${SPONSOR_NAME_KEY('b.sponsor_name')}) AS name_key, bool_or(b.sponsor_recognised) AS recognised
    FROM bookings b
   WHERE b.sponsor_name IS NOT NULL AND b.id IN (SELECT booking FROM helped)
   GROUP BY 1
),
sponsor_list AS (
  SELECT DISTINCT sponsor_key, kvk, name_key FROM location_sponsors WHERE location_id = ANY($1::text[])
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
  (SELECT count(*) FROM sponsors s WHERE EXISTS (SELECT 1 FROM sponsor_list l WHERE l.kvk = s.kvk OR l.name_key = s.name_key))::int AS sponsors_on_list,
  (SELECT count(DISTINCT sponsor_key) FROM sponsor_list)::int AS sponsor_list_size,
  (SELECT count(*) FROM st WHERE NOT walk_in)::int AS booked,
  (SELECT count(*) FROM st WHERE NOT walk_in AND status = 'no-show')::int AS no_shows
`;
