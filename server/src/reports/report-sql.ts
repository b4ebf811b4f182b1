/**
 * The report in one SQL statement (PostgreSQL 15 dialect; PGlite runs it too). It measures what
 * shared/metrics/timeline.ts measures by replaying the reducer, but from the stored log: only
 * events the reducer applied (`outcome = 'accepted'`) count, in server order. Why each piece is
 * the same as the replay:
 *
 * - a **wait** ends with a call that has a wait start since the previous call of the appointment
 *   (a check-in or walk-in: the later of it and the slot; a transfer to this desk or this service:
 *   the transfer). A call back after parking has none, so it is no new wait;
 * - a **service episode** ends with an outcome or a transfer for the same service; its time is the
 *   sum of its in-service stretches (start of service → the next park, outcome or transfer);
 * - a **step** takes the time since the latest of the (re)start of service, the previous step, and
 *   its own `startedAt` (when the clerk turned to this person, if the desk sent it);
 * - **busy**: a call until the next park, no-show, outcome or same-service transfer;
 * - **open / paused**: deskOpened → deskClosed, pauseStarted → pauseEnded or deskClosed, per desk
 *   and day (the server keeps one state per day). Whatever still runs is closed at `now` or at the
 *   end of its day, whichever comes first;
 * - desk time is measured by one sweep over the start and end of every open, pause and busy
 *   interval: between two consecutive boundaries the desk is open, paused or busy when more of
 *   that kind have started than ended, so overlapping calls count once (the unions of the shared
 *   intervals); clerk time with the desk's pauses and busy time clipped to the clerk's open periods.
 *
 * Durations leave SQL as float8 seconds (milliseconds / 1000, as in JavaScript); medians and
 * 90th percentiles are `percentile_cont` (the same linear interpolation as shared statistics) and
 * sums are taken in ascending order, so the figures are the shared ones to the last bit.
 *
 * Parameters: $1 location ids (text[]), $2 first day, $3 last day (dates), $4 now (timestamptz),
 * $5 the last minute of the waiting-time histogram (longer waits count there).
 */
/**
 * The CTEs up to the wait and service samples (loc … services), which the steering report's per-day
 * summary (steering/steering-days.ts) reads too; same parameters as the report.
 */
export const REPORT_SAMPLE_CTES = `
WITH loc AS (
  SELECT id, time_zone, target_wait_seconds FROM locations WHERE id = ANY($1::text[])
),
ev AS MATERIALIZED (
  SELECT e.server_seq AS seq, e.type, e.appointment_id AS appt, e.location_id AS loc, e.day,
         e.body->>'deskId' AS desk, e.body->>'clerkId' AS clerk, e.occurred_at,
         floor(extract(epoch FROM e.occurred_at) * 1000)::bigint AS at, e.body->'payload' AS payload,
         least(floor(extract(epoch FROM $4::timestamptz) * 1000),
               floor(extract(epoch FROM ((e.day + 1)::timestamp AT TIME ZONE l.time_zone)) * 1000))::bigint AS closing,
         floor(extract(epoch FROM (e.day::timestamp AT TIME ZONE l.time_zone)) * 1000)::bigint AS day_start,
         floor(extract(epoch FROM ((e.day + 1)::timestamp AT TIME ZONE l.time_zone)) * 1000)::bigint AS day_end
    FROM events e JOIN loc l ON l.id = e.location_id
   WHERE e.day BETWEEN $2::date AND $3::date AND e.outcome = 'accepted'
),
appt AS MATERIALIZED (
  SELECT a.id, a.service, a.person_id, b.location_id AS loc,
         floor(extract(epoch FROM ((b.date + b.slot_start) AT TIME ZONE l.time_zone)) * 1000)::bigint AS slot
    FROM appointments a JOIN bookings b ON b.id = a.booking_id JOIN loc l ON l.id = b.location_id
   WHERE b.date BETWEEN $2::date AND $3::date
  UNION ALL
  SELECT ev.appt, ev.payload->>'service', ev.payload->'person'->>'id', ev.loc,
         floor(extract(epoch FROM (((ev.payload->>'date')::date + (ev.payload->>'slotStart')::time) AT TIME ZONE l.time_zone)) * 1000)::bigint
    FROM ev JOIN loc l ON l.id = ev.loc
   WHERE ev.type = 'walkInRegistered'
),
aev AS MATERIALIZED (
  SELECT ev.*, ap.service, ap.person_id, ap.slot,
         (ev.type = 'transferred' AND ev.payload->>'toService' = ap.service) AS same_service_transfer
    FROM ev JOIN appt ap ON ap.id = ev.appt
),
wait_stream AS (
  SELECT appt, seq, false AS is_call, greatest(at, slot) AS at, NULL::text AS desk, NULL::text AS clerk, NULL::timestamptz AS occurred_at
    FROM aev WHERE type IN ('checkedIn', 'walkInRegistered')
  UNION ALL
  SELECT appt, seq, false, at, NULL, NULL, NULL FROM aev WHERE same_service_transfer
  UNION ALL
  SELECT payload->>'toAppointmentId', seq, false, at, NULL, NULL, NULL
    FROM aev WHERE type = 'transferred' AND NOT same_service_transfer
  UNION ALL
  SELECT appt, seq, true, at, desk, clerk, occurred_at FROM aev WHERE type = 'called'
),
wait_grouped AS (
  SELECT *, count(*) FILTER (WHERE is_call) OVER (PARTITION BY appt ORDER BY seq ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS grp
    FROM wait_stream
),
waits AS (
  SELECT w.appt, max(w.desk) AS desk, max(w.clerk) AS clerk, max(w.occurred_at) AS occurred_at,
         greatest(0, max(w.at) FILTER (WHERE w.is_call) - (array_agg(w.at ORDER BY w.seq DESC) FILTER (WHERE NOT w.is_call))[1])::float8 / 1000 AS sec
    FROM wait_grouped w
   GROUP BY w.appt, w.grp
  HAVING bool_or(w.is_call) AND bool_or(NOT w.is_call)
),
wait_samples AS (
  SELECT w.desk, w.clerk, ap.service, ap.loc, w.sec,
         to_char(w.occurred_at AT TIME ZONE l.time_zone, 'HH24') || ':00' AS hour,
         to_char(w.occurred_at AT TIME ZONE l.time_zone, 'YYYY-MM-DD') AS day,
         w.sec <= l.target_wait_seconds AS within
    FROM waits w JOIN appt ap ON ap.id = w.appt JOIN loc l ON l.id = ap.loc
),
svc_stream AS (
  SELECT appt, seq, type, at, desk, clerk, occurred_at, loc, person_id, service, payload->>'outcome' AS outcome,
         lead(at) OVER (PARTITION BY appt ORDER BY seq) AS next_at,
         count(*) FILTER (WHERE type = 'serviceCompleted' OR same_service_transfer)
           OVER (PARTITION BY appt ORDER BY seq ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS episode
    FROM aev
   WHERE type IN ('serviceStarted', 'parked', 'serviceCompleted') OR same_service_transfer
),
service_samples AS (
  SELECT s.loc, s.service, max(s.person_id) AS person_id,
         max(s.desk) FILTER (WHERE s.type <> 'serviceStarted' AND s.type <> 'parked') AS desk,
         max(s.clerk) FILTER (WHERE s.type <> 'serviceStarted' AND s.type <> 'parked') AS clerk,
         max(s.occurred_at) FILTER (WHERE s.type <> 'serviceStarted' AND s.type <> 'parked') AS occurred_at,
         CASE WHEN bool_or(s.type = 'transferred') THEN 'transferred'
              WHEN bool_or(s.type = 'serviceCompleted' AND s.outcome = 'completed') THEN 'completed'
              ELSE 'partial' END AS ending,
         coalesce(sum(greatest(0, s.next_at - s.at)) FILTER (WHERE s.type = 'serviceStarted'), 0)::float8 / 1000 AS sec
    FROM svc_stream s
   GROUP BY s.appt, s.episode, s.loc, s.service
  HAVING bool_or(s.type = 'serviceStarted') AND bool_or(s.type IN ('serviceCompleted', 'transferred'))
),
services AS (
  SELECT s.*, s.ending <> 'transferred' AS finished,
         to_char(s.occurred_at AT TIME ZONE l.time_zone, 'HH24') || ':00' AS hour,
         to_char(s.occurred_at AT TIME ZONE l.time_zone, 'YYYY-MM-DD') AS day
    FROM service_samples s JOIN loc l ON l.id = s.loc
)`;

/** Each person's visit of a day from the appointment states (visit_facts, visits). */
export const REPORT_VISIT_CTES = `
visit_facts AS (
  SELECT st.state->>'date' AS day,
         bool_or(st.state->>'status' IN ('completed', 'partial')) AND bool_and(st.state->>'status' IN ('completed', 'partial', 'no-show')) AS finished,
         NOT bool_or(st.state->>'status' = 'partial') AS all_completed,
         min(floor(extract(epoch FROM (st.state->>'checkedInAt')::timestamptz) * 1000)) AS first_check_in,
         max(floor(extract(epoch FROM (st.state->>'finishedAt')::timestamptz) * 1000)) FILTER (WHERE st.state->>'status' IN ('completed', 'partial')) AS last_end
    FROM appointment_states st JOIN loc l ON l.id = st.location_id
   WHERE st.day BETWEEN $2::date AND $3::date AND st.state->>'status' <> 'cancelled'
   GROUP BY st.location_id, st.state->>'personId', st.state->>'date'
),
visits AS (
  SELECT day, finished, finished AND all_completed AS first_time_right,
         CASE WHEN finished AND first_check_in IS NOT NULL AND last_end IS NOT NULL
              THEN greatest(0, last_end - first_check_in)::float8 / 1000 END AS sec
    FROM visit_facts
)`;

export const REPORT_SQL = `${REPORT_SAMPLE_CTES},
step_stream AS (
  SELECT appt, seq, type, at, service, payload->>'checklistId' AS checklist, payload->>'stepId' AS step,
         floor(extract(epoch FROM (payload->>'startedAt')::timestamptz) * 1000)::bigint AS started,
         count(*) FILTER (WHERE type = 'serviceStarted') OVER (PARTITION BY appt ORDER BY seq ROWS UNBOUNDED PRECEDING) AS segment
    FROM aev WHERE type IN ('serviceStarted', 'stepRecorded')
),
steps AS (
  SELECT service, checklist, step, greatest(0, at - greatest(mark, started))::float8 / 1000 AS sec
    FROM (SELECT *, max(at) OVER (PARTITION BY appt, segment ORDER BY seq ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS mark
            FROM step_stream) marked
   WHERE type = 'stepRecorded' AND segment > 0
),
busy AS (
  SELECT desk, clerk, day, day_start, day_end, at AS s, greatest(at, coalesce(next_at, closing)) AS e
    FROM (SELECT type, desk, clerk, day, day_start, day_end, at, closing, lead(at) OVER (PARTITION BY appt ORDER BY seq) AS next_at
            FROM aev WHERE type IN ('called', 'parked', 'noShow', 'serviceCompleted') OR same_service_transfer) b
   WHERE type = 'called'
),
desk_events AS (
  SELECT desk, day, day_start, day_end, seq, type, at, clerk, closing FROM ev WHERE type IN ('deskOpened', 'deskClosed', 'pauseStarted', 'pauseEnded')
),
opens AS (
  SELECT desk, clerk, day, day_start, day_end, at AS s, greatest(at, coalesce(next_at, closing)) AS e
    FROM (SELECT *, lead(at) OVER (PARTITION BY desk, day ORDER BY seq) AS next_at FROM desk_events WHERE type IN ('deskOpened', 'deskClosed')) o
   WHERE type = 'deskOpened'
),
pauses AS (
  SELECT desk, day, day_start, day_end, at AS s, greatest(at, coalesce(next_at, closing)) AS e
    FROM (SELECT *, lead(at) OVER (PARTITION BY desk, day ORDER BY seq) AS next_at FROM desk_events WHERE type <> 'deskOpened') p
   WHERE type = 'pauseStarted'
),
occupied AS (
  SELECT desk, 'P' AS kind, s, e, day, s < day_start OR e > day_end AS crosses FROM pauses
  UNION ALL
  SELECT desk, 'B', s, e, day, s < day_start OR e > day_end FROM busy
),
open_periods AS (
  SELECT desk, clerk, s, e, day, s < day_start OR e > day_end AS crosses FROM opens
),
-- The desk's pauses and busy time within each clerk's open period. Two intervals that both stay
-- within their own day overlap only on the same day, so most pairs are found by desk and day;
-- the few that cross midnight (clock skew) are paired with everything of their desk.
clipped AS (
  SELECT o.clerk, x.kind, greatest(x.s, o.s) AS s, least(x.e, o.e) AS e
    FROM open_periods o JOIN occupied x ON x.desk = o.desk AND x.day = o.day AND x.e > o.s AND x.s < o.e
   WHERE NOT o.crosses AND NOT x.crosses
  UNION ALL
  SELECT o.clerk, x.kind, greatest(x.s, o.s), least(x.e, o.e)
    FROM open_periods o JOIN occupied x ON x.desk = o.desk AND x.e > o.s AND x.s < o.e
   WHERE x.crosses
  UNION ALL
  SELECT o.clerk, x.kind, greatest(x.s, o.s), least(x.e, o.e)
    FROM open_periods o JOIN occupied x ON x.desk = o.desk AND x.e > o.s AND x.s < o.e
   WHERE o.crosses AND NOT x.crosses
),
intervals AS (
  SELECT 'desk' AS dim, desk AS key, 'O' AS kind, s, e FROM opens
  UNION ALL
  SELECT 'desk', desk, kind, s, e FROM occupied
  UNION ALL
  SELECT 'clerk', clerk, 'O', s, e FROM opens
  UNION ALL
  SELECT 'clerk', clerk, kind, s, e FROM clipped
),
boundaries AS (
  SELECT dim, key, s AS t, CASE kind WHEN 'O' THEN 1 ELSE 0 END AS o, CASE kind WHEN 'P' THEN 1 ELSE 0 END AS p,
         CASE kind WHEN 'B' THEN 1 ELSE 0 END AS b
    FROM intervals WHERE e > s
  UNION ALL
  SELECT dim, key, e, CASE kind WHEN 'O' THEN -1 ELSE 0 END, CASE kind WHEN 'P' THEN -1 ELSE 0 END, CASE kind WHEN 'B' THEN -1 ELSE 0 END
    FROM intervals WHERE e > s
),
sweep AS (
  SELECT dim, key, coalesce(lead(t) OVER w - t, 0) AS length,
         sum(o) OVER w > 0 AS open, sum(p) OVER w > 0 AS paused, sum(b) OVER w > 0 AS busy
    FROM boundaries
  WINDOW w AS (PARTITION BY dim, key ORDER BY t ROWS UNBOUNDED PRECEDING)
),
measures AS (
  SELECT dim, key,
         coalesce(sum(length) FILTER (WHERE open), 0)::bigint AS open,
         coalesce(sum(length) FILTER (WHERE open AND paused), 0)::bigint AS pause,
         coalesce(sum(length) FILTER (WHERE open AND busy), 0)::bigint AS busy,
         coalesce(sum(length) FILTER (WHERE open AND (paused OR busy)), 0)::bigint AS occupied
    FROM sweep
   GROUP BY dim, key
),
booked AS (
  SELECT st.state->>'service' AS service, st.state->>'date' AS day, left(st.state->>'slotStart', 2) || ':00' AS hour,
         st.state->>'status' = 'no-show' AS no_show,
         (st.state->>'checkedInAt')::timestamptz > ((st.day + (st.state->>'slotStart')::time) AT TIME ZONE l.time_zone) AS late
    FROM appointment_states st JOIN loc l ON l.id = st.location_id
   WHERE st.day BETWEEN $2::date AND $3::date AND NOT (st.state->>'walkIn')::boolean AND st.state->>'status' <> 'cancelled'
),
${REPORT_VISIT_CTES}
SELECT
  (SELECT coalesce(jsonb_agg(g), '[]') FROM (
     SELECT CASE WHEN grouping(desk) = 0 THEN 'desk' WHEN grouping(clerk) = 0 THEN 'clerk' WHEN grouping(service) = 0 THEN 'service'
                 WHEN grouping(hour) = 0 THEN 'hour' WHEN grouping(day) = 0 THEN 'day' ELSE 'all' END AS dim,
            coalesce(desk, clerk, service, hour, day, 'all') AS key,
            count(*) AS count, sum(sec ORDER BY sec) AS total, percentile_cont(0.5) WITHIN GROUP (ORDER BY sec) AS median,
            percentile_cont(0.9) WITHIN GROUP (ORDER BY sec) AS p90, max(sec) AS max, count(*) FILTER (WHERE within) AS within
       FROM wait_samples GROUP BY GROUPING SETS ((desk), (clerk), (service), (hour), (day), ())) g) AS waits,
  (SELECT coalesce(jsonb_agg(g), '[]') FROM (
     SELECT CASE WHEN grouping(desk) = 0 THEN 'desk' WHEN grouping(clerk) = 0 THEN 'clerk' WHEN grouping(service) = 0 THEN 'service'
                 WHEN grouping(hour) = 0 THEN 'hour' WHEN grouping(day) = 0 THEN 'day' ELSE 'all' END AS dim,
            coalesce(desk, clerk, service, hour, day, 'all') AS key,
            count(*) AS count, sum(sec ORDER BY sec) AS total, percentile_cont(0.5) WITHIN GROUP (ORDER BY sec) AS median,
            percentile_cont(0.9) WITHIN GROUP (ORDER BY sec) AS p90, max(sec) AS max,
            count(*) FILTER (WHERE finished) AS finished, count(*) FILTER (WHERE ending = 'completed') AS completed,
            count(DISTINCT person_id) FILTER (WHERE finished) AS persons
       FROM services GROUP BY GROUPING SETS ((desk), (clerk), (service), (hour), (day), ())) g) AS services,
  (SELECT coalesce(jsonb_agg(g), '[]') FROM (
     SELECT CASE WHEN grouping(service) = 0 THEN 'service' WHEN grouping(hour) = 0 THEN 'hour' WHEN grouping(day) = 0 THEN 'day' ELSE 'all' END AS dim,
            coalesce(service, hour, day, 'all') AS key,
            count(*) AS booked, count(*) FILTER (WHERE no_show) AS no_shows, count(*) FILTER (WHERE late) AS late
       FROM booked GROUP BY GROUPING SETS ((service), (hour), (day), ())) g) AS booked,
  (SELECT coalesce(jsonb_agg(g), '[]') FROM (
     SELECT service, checklist AS "checklistId", step AS "stepId", count(*) AS count, sum(sec ORDER BY sec) AS total,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY sec) AS median, percentile_cont(0.9) WITHIN GROUP (ORDER BY sec) AS p90, max(sec) AS max
       FROM steps GROUP BY service, checklist, step) g) AS steps,
  (SELECT coalesce(jsonb_agg(g), '[]') FROM (
     SELECT CASE WHEN grouping(day) = 0 THEN 'day' ELSE 'all' END AS dim, coalesce(day, 'all') AS key,
            count(*) AS visits, count(*) FILTER (WHERE finished) AS finished, count(*) FILTER (WHERE first_time_right) AS first_time_right,
            count(sec) AS count, sum(sec ORDER BY sec) AS total, percentile_cont(0.5) WITHIN GROUP (ORDER BY sec) AS median,
            percentile_cont(0.9) WITHIN GROUP (ORDER BY sec) AS p90, max(sec) AS max
       FROM visits GROUP BY GROUPING SETS ((day), ())) g) AS visits,
  (SELECT coalesce(jsonb_agg(m), '[]') FROM measures m) AS measures,
  (SELECT coalesce(jsonb_agg(DISTINCT desk), '[]') FROM (SELECT desk FROM desk_events UNION SELECT desk FROM busy) d) AS desks,
  (SELECT coalesce(jsonb_agg(DISTINCT clerk), '[]') FROM opens) AS clerks,
  (SELECT coalesce(jsonb_agg(DISTINCT target_wait_seconds), '[]') FROM loc) AS targets,
  (SELECT coalesce(jsonb_agg(h), '[]') FROM (
     SELECT least(floor(sec / 60), $5::int)::int AS minute, count(*) AS count FROM wait_samples GROUP BY 1) h) AS wait_histogram
`;
