/**
 * A year of one busy location for the steering report's benchmark (bench/reports.ts), made in the
 * database with bulk SQL (generate_series), as the desks' pushes and the imports would leave it:
 *
 * - every Dutch working day of 2025 is a day open (weekends and national holidays closed), with
 *   14 desks that open at 08:30, pause for lunch and close at 17:30;
 * - 340 bookings a day, every tenth a family of three and every tenth a couple (442 persons a day),
 *   each for one IND service (mostly BIO and DOC) and two in five also for the municipality's BRP
 *   registration right after it (680 appointments a day);
 * - persons with a client category (family members after the first person, one in ten unknown), one
 *   in 25 a no-show; bookings with one of 400 sponsors (one in seven none; a third known by name only,
 *   written with varying case and spaces; four in five recognised) and a sponsor list of 250 for the
 *   location (50 of them never came);
 * - per served appointment a check-in, a call, the start, three checklist steps and the outcome (one in
 *   nine partial); a rating (score 1-10) for a third of them; each completed BRP registration has its
 *   BSN day in `fast_track_completions`, mostly within 3 days, one in ten 8 days later, one in ten none;
 * - each appointment's final state (as the change feed keeps it, with its steps and rating).
 *
 * The report's SQL reads the same shapes as from real pushes (server/test/steering shows real data).
 */
import { isWorkingDay } from '../shared/calendar/working-days';
import { addDays } from '../shared/domain/calendar-date';
import type { Database } from '../server/src/db/database';

export const BUSY_LOCATION = 'EIN';
export const BUSY_YEAR = { from: '2025-01-01', to: '2025-12-31' };
export const BUSY_QUARTER = { from: '2025-10-01', to: '2025-12-31' };
/** The day the report is asked (registrations without a BSN day are judged against it). */
export const BUSY_TODAY = '2026-01-06';
const DESKS = 14;
const BOOKINGS_PER_DAY = 340;
const SPONSORS = 400;

/** The days open: Monday to Friday of the year, national holidays left out. */
export function openDaysOf(period: { from: string; to: string }): string[] {
  const days: string[] = [];
  for (let day = period.from; day <= period.to; day = addDays(day, 1)) if (isWorkingDay(day)) days.push(day);
  return days;
}

/** An ISO instant as the desks write it (UTC, milliseconds). */
const iso = (column: string) => `to_char((${column}) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

/** The location, its desks and clerks, and per day the bookings, persons and appointments. */
async function bookYear(db: Database, days: readonly string[]): Promise<void> {
  await db.exec(`
    INSERT INTO locations (id, name) VALUES ('${BUSY_LOCATION}', 'Busy location');
    INSERT INTO desks (id, location_id, name) SELECT '${BUSY_LOCATION}-D' || k, '${BUSY_LOCATION}', 'Balie ' || k FROM generate_series(1, ${DESKS}) k;
    INSERT INTO accounts (id, username, display_name, role, location_id, password_hash)
      SELECT 'clerk-' || d.id, 'clerk-' || d.id, 'Clerk ' || d.name, 'clerk', d.location_id, 'x' FROM desks d WHERE d.location_id = '${BUSY_LOCATION}';
    INSERT INTO devices (id, location_id, kind, desk_id, name, secret_hash)
      SELECT 'device-' || d.id, d.location_id, 'desk', d.id, d.id, 'x' FROM desks d WHERE d.location_id = '${BUSY_LOCATION}';

    CREATE TEMPORARY TABLE sy_days AS
      SELECT (n - 1)::int AS dn, d AS date FROM unnest('{${days.join(',')}}'::date[]) WITH ORDINALITY AS t(d, n);

    -- h: a stable pseudo-random number per booking, for everything that varies between bookings.
    CREATE TEMPORARY TABLE sy_bookings AS
      SELECT b.*, b.h % ${SPONSORS} AS sponsor, b.h % 7 = 0 AS no_sponsor
        FROM (SELECT d.dn, d.date, j, '${BUSY_LOCATION}-' || d.dn || '-' || j AS id,
                     CASE j % 10 WHEN 0 THEN 3 WHEN 1 THEN 2 ELSE 1 END AS size,
                     (ARRAY['BIO', 'DOC', 'BIO', 'VAA', 'DOC', 'TKV', 'BIO', 'INFO'])[1 + (j / 2 + d.dn) % 8] AS main_service,
                     j % 5 < 2 AS brp,
                     time '08:30' + j * interval '80 seconds' AS slot,
                     ((d.dn::bigint * 7919 + j * 104729) % 100003)::int AS h
                FROM sy_days d, generate_series(0, ${BOOKINGS_PER_DAY - 1}) j) b;
    INSERT INTO bookings (id, location_id, appointment_code, date, slot_start, sponsor_name, sponsor_recognised, sponsor_kvk)
      SELECT id, '${BUSY_LOCATION}', 'C' || id, date, slot,
             CASE WHEN NOT no_sponsor THEN
               CASE WHEN sponsor % 3 = 0 AND h % 3 = 1 THEN upper('Werkgever ' || sponsor || ' B.V.')
                    WHEN sponsor % 3 = 0 AND h % 3 = 2 THEN '  Werkgever  ' || sponsor || '   B.V. '
                    ELSE 'Werkgever ' || sponsor || ' B.V.' END END,
             CASE WHEN NOT no_sponsor THEN sponsor % 5 <> 4 END,
             CASE WHEN NOT no_sponsor AND sponsor % 3 <> 0 THEN (10000000 + sponsor * 7)::text END
        FROM sy_bookings;

    CREATE TEMPORARY TABLE sy_persons AS
      SELECT b.dn, b.date, b.j, b.id AS booking, b.main_service, b.brp, b.slot, b.h, p AS position, b.id || '-' || p AS id,
             CASE WHEN p > 1 THEN 'family-member'
                  ELSE (ARRAY['knowledge-migrant', 'knowledge-migrant', 'knowledge-migrant', 'knowledge-migrant', 'knowledge-migrant',
                              'knowledge-migrant', 'knowledge-migrant', 'knowledge-migrant', 'knowledge-migrant', 'knowledge-migrant',
                              'researcher', 'researcher', 'researcher', 'student', 'student', 'student', 'start-up', 'other',
                              NULL, NULL])[1 + b.h % 20] END AS category,
             (b.h * 13 + p) % 25 = 3 AS no_show
        FROM sy_bookings b, generate_series(1, b.size) p;
    INSERT INTO persons (id, booking_id, position, full_name, date_of_birth, nationality_category, client_category)
      SELECT id, booking, position, 'Person ' || id, date '1985-01-01' + (h % 9000), 'other', category FROM sy_persons;

    -- hh: a stable pseudo-random number per appointment.
    CREATE TEMPORARY TABLE sy_appointments AS
      SELECT a.*,
             CASE WHEN a.no_show THEN 'no-show' WHEN a.hh % 9 = 4 THEN 'partial' ELSE 'completed' END AS status,
             '${BUSY_LOCATION}-D' || (1 + (a.j * 3 + a.position + a.ord * 5) % ${DESKS}) AS desk
        FROM (SELECT p.dn, p.date, p.j, p.booking, p.id AS person, p.position, p.no_show, s.service, s.ord, p.id || '-' || s.service AS id,
                     p.slot AS booked_slot, p.slot + (s.ord - 1) * interval '20 minutes' AS slot,
                     ((p.dn::bigint * 7919 + p.j * 104729 + p.position * 1299709 + s.ord * 15485863) % 100003)::int AS hh
                FROM sy_persons p,
                     unnest(CASE WHEN p.brp THEN ARRAY[p.main_service, 'BRP'] ELSE ARRAY[p.main_service] END) WITH ORDINALITY AS s(service, ord)) a;
    INSERT INTO appointments (id, booking_id, person_id, service) SELECT id, booking, person, service FROM sy_appointments;
  `);
}

/**
 * The events of the year in one statement (check-in 5 minutes before the booked slot, the call after
 * a wait of 0-15 minutes, service of 4-12 minutes with three steps, the outcome, a rating half a minute
 * later; a no-show marked half an hour after the slot; each desk's day), then the final states, the
 * BSN days and the sponsor list.
 */
async function makeYearEvents(db: Database): Promise<void> {
  await db.exec(`
    CREATE TEMPORARY TABLE sy_timed AS
      SELECT a.*, t.*, t.started_at + t.service_time AS finished_at,
             a.status <> 'no-show' AND a.hh % 3 = 0 AS rated,
             (ARRAY[10, 9, 8, 9, 7, 6, 10, 8, 5, 9, 3, 8, 9])[1 + a.hh % 13] AS score
        FROM sy_appointments a,
             LATERAL (SELECT (a.date + a.booked_slot) AT TIME ZONE 'Europe/Amsterdam' - interval '5 minutes' AS checked_in_at,
                             (a.date + a.slot) AT TIME ZONE 'Europe/Amsterdam' + ((a.hh * 37) % 900) * interval '1 second' AS called_at,
                             (a.date + a.slot) AT TIME ZONE 'Europe/Amsterdam' + ((a.hh * 37) % 900 + 60) * interval '1 second' AS started_at,
                             (240 + (a.hh * 53) % 480) * interval '1 second' AS service_time,
                             (a.date + a.slot) AT TIME ZONE 'Europe/Amsterdam' + interval '30 minutes' AS no_show_at) t;

    CREATE TEMPORARY TABLE sy_events AS
    WITH checklist AS (
      SELECT lower(t.service) AS checklist_id, t.* FROM sy_timed t WHERE t.status <> 'no-show'
    ),
    appointment_events AS (
      SELECT c.date, c.desk, c.id AS appt, e.n, e.type, e.at, e.payload
        FROM checklist c, LATERAL (VALUES
          (1, 'checkedIn', c.checked_in_at, jsonb_build_object('method', 'scan', 'ticket', NULL)),
          (2, 'called', c.called_at, jsonb_build_object('outOfOrder', false)),
          (3, 'serviceStarted', c.started_at, '{}'::jsonb),
          (4, 'stepRecorded', c.started_at + c.service_time / 4, jsonb_build_object('checklistId', c.checklist_id, 'checklistVersion', 1, 'stepId', 'identity', 'value', jsonb_build_object('kind', 'confirmed'))),
          (5, 'stepRecorded', c.started_at + c.service_time / 2, jsonb_build_object('checklistId', c.checklist_id, 'checklistVersion', 1, 'stepId', 'documents', 'value', jsonb_build_object('kind', 'confirmed'))),
          (6, 'stepRecorded', c.started_at + c.service_time * 3 / 4, jsonb_build_object('checklistId', c.checklist_id, 'checklistVersion', 1, 'stepId', 'handover', 'value', jsonb_build_object('kind', 'confirmed'))),
          (7, 'serviceCompleted', c.finished_at,
             jsonb_build_object('checklistId', c.checklist_id, 'checklistVersion', 1, 'outcome', CASE WHEN c.status = 'partial' THEN 'partial' ELSE 'completed' END,
                                'reason', CASE WHEN c.status = 'partial' THEN 'document missing' END)),
          (8, CASE WHEN c.rated THEN 'ratingGiven' END, c.finished_at + interval '30 seconds', jsonb_build_object('score', c.score, 'comment', NULL))
        ) AS e(n, type, at, payload)
       WHERE e.type IS NOT NULL
      UNION ALL
      SELECT t.date, t.desk, t.id, 1, 'noShow', t.no_show_at, '{}'::jsonb FROM sy_timed t WHERE t.status = 'no-show'
    ),
    desk_events AS (
      SELECT d.date, k.id AS desk, NULL::text AS appt, e.n, e.type, (d.date + e.at) AT TIME ZONE 'Europe/Amsterdam' AS at, e.payload
        FROM sy_days d, desks k, LATERAL (VALUES
          (0, 'deskOpened', time '08:30', '{}'::jsonb),
          (0, 'pauseStarted', time '12:30', jsonb_build_object('reason', 'lunch', 'note', NULL)),
          (0, 'pauseEnded', time '13:15', '{}'::jsonb),
          (9, 'deskClosed', time '17:30', '{}'::jsonb)
        ) AS e(n, type, at, payload)
       WHERE k.location_id = '${BUSY_LOCATION}'
    )
    SELECT *, row_number() OVER (ORDER BY date, at, appt NULLS FIRST, n) AS seq FROM (
      SELECT * FROM appointment_events UNION ALL SELECT * FROM desk_events
    ) all_events;

    INSERT INTO events (device_id, device_seq, id, server_seq, outcome, location_id, type, appointment_id, day, occurred_at, body)
      SELECT 'device-' || desk, row_number() OVER (PARTITION BY desk ORDER BY seq), 'busy-' || seq, seq, 'accepted', '${BUSY_LOCATION}', type, appt, date, at,
             jsonb_build_object('id', 'busy-' || seq, 'type', type, 'appointmentId', appt, 'deskId', desk, 'clerkId', 'clerk-' || desk,
                                'locationId', '${BUSY_LOCATION}', 'occurredAt', ${iso('at')}, 'payload', payload, 'v', 1)
        FROM sy_events;

    INSERT INTO appointment_states (appointment_id, location_id, day, state, last_server_seq)
      SELECT t.id, '${BUSY_LOCATION}', t.date, jsonb_build_object(
               'id', t.id, 'bookingId', t.booking, 'appointmentCode', 'C' || t.booking, 'locationId', '${BUSY_LOCATION}',
               'date', to_char(t.date, 'YYYY-MM-DD'), 'slotStart', to_char(t.slot, 'HH24:MI'), 'service', t.service, 'personId', t.person,
               'walkIn', false, 'status', t.status, 'deskId', t.desk, 'clerkId', 'clerk-' || t.desk,
               'checkedInAt', CASE WHEN served THEN ${iso('t.checked_in_at')} END, 'ticket', NULL, 'waitingSince', NULL,
               'calledAt', CASE WHEN served THEN ${iso('t.called_at')} END, 'callCount', CASE WHEN served THEN 1 ELSE 0 END,
               'serviceStartedAt', CASE WHEN served THEN ${iso('t.started_at')} END,
               'finishedAt', CASE WHEN served THEN ${iso('t.finished_at')} ELSE ${iso('t.no_show_at')} END,
               'outcome', CASE WHEN served THEN t.status ELSE 'no-show' END, 'outcomeReason', CASE WHEN t.status = 'partial' THEN 'document missing' END,
               'parkReason', NULL, 'transferredTo', NULL, 'transferredFrom', NULL, 'notes', '[]'::jsonb,
               'steps', CASE WHEN served THEN (SELECT jsonb_object_agg(step, jsonb_build_object('checklistId', lower(t.service), 'checklistVersion', 1,
                                              'value', jsonb_build_object('kind', 'confirmed'), 'recordedAt', ${iso('t.started_at')}, 'clerkId', 'clerk-' || t.desk))
                                              FROM unnest(ARRAY['identity', 'documents', 'handover']) step) ELSE '{}'::jsonb END)
             || CASE WHEN t.rated THEN jsonb_build_object('rating', jsonb_build_object('score', t.score, 'ratedAt', ${iso("t.finished_at + interval '30 seconds'")}, 'deskId', t.desk))
                     ELSE '{}'::jsonb END, 0
        FROM (SELECT *, status <> 'no-show' AS served FROM sy_timed) t;

    -- The municipality's BSN day: mostly 0-3 days after the registration, one in ten 8 days, one in ten not (yet).
    INSERT INTO fast_track_completions (appointment_id, location_id, bsn_issued_on)
      SELECT id, '${BUSY_LOCATION}', date + CASE WHEN hh % 10 = 1 THEN 8 ELSE hh % 4 END
        FROM sy_timed
       WHERE service = 'BRP' AND status = 'completed' AND hh % 10 <> 0 AND date + CASE WHEN hh % 10 = 1 THEN 8 ELSE hh % 4 END <= date '${BUSY_TODAY}';

    -- The location's list: every second sponsor, by KvK number or by name as the bookings give them.
    INSERT INTO location_sponsors (location_id, sponsor_key, name, name_key, kvk)
      SELECT '${BUSY_LOCATION}', coalesce(kvk, name_key), name, name_key, kvk
        FROM (SELECT 'Werkgever ' || k || ' B.V.' AS name, lower('Werkgever ' || k || ' B.V.') AS name_key,
                     CASE WHEN k % 3 <> 0 THEN (10000000 + k * 7)::text END AS kvk
                FROM generate_series(0, ${SPONSORS + 99}, 2) k) s;

    DROP TABLE sy_events, sy_timed, sy_appointments, sy_persons, sy_bookings, sy_days;
    ANALYZE;
  `);
}

/** What was made, for the reader to see the size. */
export interface YearSize {
  daysOpen: number;
  bookings: number;
  persons: number;
  appointments: number;
  events: number;
}

/** Makes the year of the busy location in `db` (migrated, otherwise empty or holding other locations). */
export async function makeBusyYear(db: Database): Promise<YearSize> {
  const days = openDaysOf(BUSY_YEAR);
  await bookYear(db, days);
  await makeYearEvents(db);
  const [row] = await db.query<Omit<YearSize, 'daysOpen'>>(
    `SELECT (SELECT count(*) FROM bookings WHERE location_id = $1)::int AS bookings,
            (SELECT count(*) FROM persons p JOIN bookings b ON b.id = p.booking_id WHERE b.location_id = $1)::int AS persons,
            (SELECT count(*) FROM appointment_states WHERE location_id = $1)::int AS appointments,
            (SELECT count(*) FROM events WHERE location_id = $1)::int AS events`,
    [BUSY_LOCATION],
  );
  return { daysOpen: days.length, ...row! };
}
