/**
 * The supervisors' reports over large stored datasets, on PGlite and (with DATABASE_URL)
 * PostgreSQL. The data is made in the database with bulk SQL (generate_series), not through push.
 *
 * The million: 10 locations × 250 days × 48 appointments, each checked in, called, started, four
 * checklist steps and completed (8 events), plus each desk's opening, pause and closing: 1,000,000
 * events. Then it times the main report, median of several runs:
 * - one location, one ISO week (4,000 of the 1,000,000 events);
 * - one location over its whole 250 days (100,000 events);
 * - every location over every day (all 1,000,000 events).
 *
 * The busy year (steering-year.ts): one location over the working days of 2025, 442 persons a day
 * (over 100,000 visits), with categories, sponsors, ratings and fast-track registrations. Then it
 * times the steering report (the period and the previous one) for the year and for a quarter (the
 * warm-up run summarises the days), and for the year each of its three parts on its own.
 * Not a test: it asserts nothing, it prints figures (BENCHMARKS.md).
 *
 *   npx tsx bench/reports.ts                                       (PGlite)
 *   DATABASE_URL=$(.ci/start-postgres.sh) npx tsx bench/reports.ts (PGlite and PostgreSQL)
 *
 * BALIE_BENCH_DATABASES=postgres picks engines, BALIE_BENCH_DATASETS=steering picks datasets
 * (million, steering), BALIE_BENCH_SCOPES=1 times the million's main report only,
 * BALIE_BENCH_EXPLAIN=1 prints the plan of the steering summary's read for the year, BALIE_BENCH_KEEP=1 keeps
 * the databases to look at plans (EXPLAIN ANALYZE).
 */
import { addDays } from '../shared/domain/calendar-date';
import { migrate } from '../server/src/db/migrate';
import { openDatabase } from '../server/src/db/open-database';
import type { Database } from '../server/src/db/database';
import { fastTrackFiguresOf } from '../server/src/fast-track/fast-track-query';
import { computeReport } from '../server/src/reports/report-query';
import { refreshSteeringDays } from '../server/src/steering/steering-days';
import { computeSteeringReport } from '../server/src/steering/steering-query';
import { STEERING_SUMMARY_SQL } from '../server/src/steering/steering-sql';
import { createTestDatabase, type DatabaseKind } from '../server/test/support/test-databases';
import { BUSY_LOCATION, BUSY_QUARTER, BUSY_TODAY, BUSY_YEAR, makeBusyYear } from './steering-year';

const LOCATIONS = 10;
const DAYS = 250;
const PER_DAY = 48;
const DESKS = 4;
const FIRST_DAY = '2025-01-06';
const LAST_DAY = addDays(FIRST_DAY, DAYS - 1);

/** Locations, desks, devices, and per location-day the bookings, persons and appointments. */
async function bookDays(db: Database): Promise<void> {
  await db.exec(`
    INSERT INTO locations (id, name) SELECT 'L' || lpad(l::text, 2, '0'), 'Location ' || l FROM generate_series(1, ${LOCATIONS}) l;
    INSERT INTO desks (id, location_id, name)
      SELECT 'L' || lpad(l::text, 2, '0') || '-D' || k, 'L' || lpad(l::text, 2, '0'), 'Balie ' || k
        FROM generate_series(1, ${LOCATIONS}) l, generate_series(1, ${DESKS}) k;
    INSERT INTO accounts (id, username, display_name, role, location_id, password_hash)
      SELECT 'clerk-' || d.id, 'clerk-' || d.id, 'Clerk', 'clerk', d.location_id, 'x' FROM desks d;
    INSERT INTO devices (id, location_id, kind, desk_id, name, secret_hash)
      SELECT 'device-' || d.id, d.location_id, 'desk', d.id, d.id, 'x' FROM desks d;
    CREATE TEMPORARY TABLE bench_appointments AS
      SELECT 'L' || lpad(l::text, 2, '0') AS loc, ('${FIRST_DAY}'::date + day) AS date, i,
             'L' || lpad(l::text, 2, '0') || '-' || day || '-' || i AS id,
             (ARRAY['BIO','DOC','VAA','TKV','BRP','INFO'])[1 + i % 6] AS service,
             time '09:00' + ((i / 2) * interval '15 minutes') AS slot,
             'L' || lpad(l::text, 2, '0') || '-D' || (1 + i % ${DESKS}) AS desk
        FROM generate_series(1, ${LOCATIONS}) l, generate_series(0, ${DAYS - 1}) day, generate_series(0, ${PER_DAY - 1}) i;
    INSERT INTO bookings (id, location_id, appointment_code, date, slot_start) SELECT id, loc, 'C' || id, date, slot FROM bench_appointments;
    INSERT INTO persons (id, booking_id, position, full_name, date_of_birth, nationality_category)
      SELECT id, id, 1, 'Person ' || id, date '1990-01-01', 'other' FROM bench_appointments;
    INSERT INTO appointments (id, booking_id, person_id, service) SELECT id, id, id, service FROM bench_appointments;
  `);
}

/**
 * The events, made in one statement: per appointment a check-in 5 minutes before the slot, a call
 * 0-10 minutes after it, service from a minute later for 5-10 minutes with four steps, an outcome
 * (every seventh partial); per desk and day its opening, lunch pause and closing. Then each
 * appointment's final state, as the change feed keeps it.
 */
async function makeEvents(db: Database): Promise<number> {
  await db.exec(`
    CREATE TEMPORARY TABLE bench_events AS
    WITH timed AS (
      SELECT a.*, (a.date + a.slot) AT TIME ZONE 'Europe/Amsterdam' AS slot_at,
             ((a.i * 37) % 600) * interval '1 second' AS wait, (300 + (a.i * 53) % 300) * interval '1 second' AS service_time
        FROM bench_appointments a
    ),
    appointment_events AS (
      SELECT t.loc, t.date, t.desk, t.id AS appt, e.n, e.type, e.at, e.payload
        FROM timed t, LATERAL (VALUES
          (1, 'checkedIn', t.slot_at - interval '5 minutes', jsonb_build_object('method', 'scan')),
          (2, 'called', t.slot_at + t.wait, jsonb_build_object('outOfOrder', false)),
          (3, 'serviceStarted', t.slot_at + t.wait + interval '1 minute', '{}'::jsonb),
          (4, 'stepRecorded', t.slot_at + t.wait + interval '2 minutes', jsonb_build_object('checklistId', lower(t.service), 'checklistVersion', 1, 'stepId', 'identity', 'value', jsonb_build_object('kind', 'confirmed'))),
          (5, 'stepRecorded', t.slot_at + t.wait + interval '3 minutes', jsonb_build_object('checklistId', lower(t.service), 'checklistVersion', 1, 'stepId', 'documents', 'value', jsonb_build_object('kind', 'confirmed'))),
          (6, 'stepRecorded', t.slot_at + t.wait + interval '4 minutes', jsonb_build_object('checklistId', lower(t.service), 'checklistVersion', 1, 'stepId', 'check', 'value', jsonb_build_object('kind', 'confirmed'))),
          (7, 'stepRecorded', t.slot_at + t.wait + interval '5 minutes', jsonb_build_object('checklistId', lower(t.service), 'checklistVersion', 1, 'stepId', 'handover', 'value', jsonb_build_object('kind', 'confirmed'))),
          (8, 'serviceCompleted', t.slot_at + t.wait + interval '1 minute' + t.service_time,
             jsonb_build_object('checklistId', lower(t.service), 'checklistVersion', 1, 'outcome', CASE WHEN t.i % 7 = 3 THEN 'partial' ELSE 'completed' END, 'reason', CASE WHEN t.i % 7 = 3 THEN 'document missing' END))
        ) AS e(n, type, at, payload)
    ),
    desk_events AS (
      SELECT d.location_id AS loc, ('${FIRST_DAY}'::date + day) AS date, d.id AS desk, NULL::text AS appt, e.n, e.type,
             (('${FIRST_DAY}'::date + day) + e.at) AT TIME ZONE 'Europe/Amsterdam' AS at, e.payload
        FROM desks d, generate_series(0, ${DAYS - 1}) day, LATERAL (VALUES
          (0, 'deskOpened', time '08:30', '{}'::jsonb),
          (0, 'pauseStarted', time '12:30', jsonb_build_object('reason', 'lunch', 'note', NULL)),
          (0, 'pauseEnded', time '13:15', '{}'::jsonb),
          (9, 'deskClosed', time '17:30', '{}'::jsonb)
        ) AS e(n, type, at, payload)
       WHERE d.location_id LIKE 'L%'
    )
    SELECT *, row_number() OVER (ORDER BY date, at, appt NULLS FIRST, n) AS seq FROM (
      SELECT * FROM appointment_events UNION ALL SELECT * FROM desk_events
    ) all_events;

    INSERT INTO events (device_id, device_seq, id, server_seq, outcome, location_id, type, appointment_id, day, occurred_at, body)
      SELECT 'device-' || desk, row_number() OVER (PARTITION BY desk ORDER BY seq), 'bench-' || seq, seq, 'accepted', loc, type, appt, date, at,
             jsonb_build_object('id', 'bench-' || seq, 'type', type, 'appointmentId', appt, 'deskId', desk, 'clerkId', 'clerk-' || desk,
                                'locationId', loc, 'occurredAt', at, 'payload', payload, 'v', 1)
        FROM bench_events;

    INSERT INTO appointment_states (appointment_id, location_id, day, state, last_server_seq)
      SELECT a.id, a.loc, a.date, jsonb_build_object(
               'id', a.id, 'personId', a.id, 'service', a.service, 'date', to_char(a.date, 'YYYY-MM-DD'), 'slotStart', to_char(a.slot, 'HH24:MI'),
               'walkIn', false, 'status', CASE WHEN a.i % 7 = 3 THEN 'partial' ELSE 'completed' END,
               'checkedInAt', to_char(((a.date + a.slot) AT TIME ZONE 'Europe/Amsterdam' - interval '5 minutes') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
               'finishedAt', to_char(((a.date + a.slot) AT TIME ZONE 'Europe/Amsterdam' + ((a.i * 37) % 600) * interval '1 second' + interval '1 minute'
                                      + (300 + (a.i * 53) % 300) * interval '1 second') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')), 0
        FROM bench_appointments a;
    ANALYZE;
  `);
  const [row] = await db.query<{ count: number }>('SELECT count(*)::int AS count FROM events');
  return row!.count;
}

async function timeReport(db: Database, scope: { locationIds: readonly string[]; from: string; to: string }, runs: number): Promise<{ median: number; events: number }> {
  const times: number[] = [];
  let events = 0;
  for (let run = 0; run < runs + 1; run++) {
    const started = performance.now();
    const report = await computeReport(db, { ...scope, now: new Date().toISOString() });
    const elapsed = performance.now() - started;
    if (run > 0) times.push(elapsed); // the first run warms the caches
    events = report.overall.servicesFinished;
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, events };
}

/** A fresh migrated database of `kind`, handed to `work`, then dropped (or kept with BALIE_BENCH_KEEP). */
async function withDatabase<T>(kind: DatabaseKind, work: (db: Database) => Promise<T>): Promise<T> {
  const database = await createTestDatabase(kind);
  const db = await openDatabase(database.config);
  try {
    await migrate(db);
    return await work(db);
  } finally {
    await db.close();
    // BALIE_BENCH_KEEP=1 keeps the database to look at its plans (EXPLAIN ANALYZE).
    if (process.env.BALIE_BENCH_KEEP) console.log(`kept: ${JSON.stringify(database.config)}`);
    else await database.drop();
  }
}

async function benchMillion(kind: DatabaseKind): Promise<string[]> {
  return withDatabase(kind, async (db) => {
    const generating = performance.now();
    await bookDays(db);
    const count = await makeEvents(db);
    const generated = ((performance.now() - generating) / 1000).toFixed(0);
    const week = { locationIds: ['L01'], from: '2025-06-02', to: '2025-06-08' };
    const lines = [`| ${kind} | ${count.toLocaleString('en')} events made in ${generated} s | | |`];
    const scopes = [
      ['main report: one location, one week', week, 9],
      ['one location, 250 days', { locationIds: ['L01'], from: FIRST_DAY, to: LAST_DAY }, 3],
      ['10 locations, 250 days (every event)', { locationIds: Array.from({ length: LOCATIONS }, (_, l) => `L${String(l + 1).padStart(2, '0')}`), from: FIRST_DAY, to: LAST_DAY }, 1],
    ] as const;
    for (const [label, scope, runs] of scopes.slice(0, Number(process.env.BALIE_BENCH_SCOPES ?? scopes.length))) {
      const timed = await timeReport(db, scope, runs);
      lines.push(`| ${kind} | ${label} | ${timed.events.toLocaleString('en')} services | ${timed.median.toFixed(0)} ms |`);
    }
    return lines;
  });
}

/** `runs` timings of `work` after one warm-up run (caches, plans), sorted; the warm-up's time; the last result. */
async function timed<T>(runs: number, work: () => Promise<T>): Promise<{ times: number[]; warmUp: number; result: T }> {
  const warming = performance.now();
  let result = await work();
  const warmUp = performance.now() - warming;
  const times: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    result = await work();
    times.push(performance.now() - started);
  }
  return { times: times.sort((a, b) => a - b), warmUp, result };
}

const ms = (time: number) => (time >= 10_000 ? `${(time / 1000).toFixed(1)} s` : `${time.toFixed(0)} ms`);
/** Median, and min – max when there are several runs. */
const spread = (times: readonly number[]) =>
  `**${ms(times[Math.floor(times.length / 2)]!)}**${times.length > 1 ? ` (${ms(times[0]!)} – ${ms(times[times.length - 1]!)}, ${times.length} runs)` : ''}`;
const count = (n: number) => n.toLocaleString('en');

async function benchSteering(kind: DatabaseKind): Promise<string[]> {
  return withDatabase(kind, async (db) => {
    const generating = performance.now();
    const size = await makeBusyYear(db);
    const generated = ((performance.now() - generating) / 1000).toFixed(0);
    const lines = [
      `| ${kind} | made in ${generated} s: ${size.daysOpen} days open, ${count(size.bookings)} bookings, ${count(size.persons)} persons, ` +
        `${count(size.appointments)} appointments, ${count(size.events)} events | | | | |`,
    ];
    const locationIds = [BUSY_LOCATION];
    const eventsIn = async (period: { from: string; to: string }) =>
      (await db.query<{ n: number }>('SELECT count(*)::int AS n FROM events WHERE location_id = $1 AND day BETWEEN $2 AND $3', [BUSY_LOCATION, period.from, period.to]))[0]!.n;
    const periods = [
      ['year 2025 (previous year empty)', BUSY_YEAR, Number(process.env.BALIE_BENCH_YEAR_RUNS ?? 3)],
      ['quarter Q4 2025 (and Q3)', BUSY_QUARTER, 3],
    ] as const;
    for (const [label, period, runs] of periods) {
      const { times, warmUp, result } = await timed(runs, () => computeSteeringReport(db, { locationIds, ...period }, BUSY_TODAY));
      const figures = [result.current, result.previous].filter((f) => f.visits.total > 0);
      const events = (await Promise.all(figures.map((f) => eventsIn(f)))).reduce((a, b) => a + b, 0);
      const sum = (pick: (f: (typeof figures)[number]) => number) => count(figures.reduce((total, f) => total + pick(f), 0));
      lines.push(`| ${kind} | ${label} | ${sum((f) => f.visits.total)} | ${count(events)} | ${sum((f) => f.fastTrack.registered)} | ${spread(times)}; warm-up ${ms(warmUp)} |`);
    }
    // Where the year's time goes: each part on its own, once (the runs above warmed it), for the
    // period only, as computeSteeringReport runs them per period.
    const year = { locationIds, ...BUSY_YEAR };
    const parts: Array<readonly [string, () => Promise<unknown>]> = [
      ['year, part: refreshSteeringDays (every day fresh)', () => refreshSteeringDays(db, locationIds, year.from, year.to)],
      ['year, part: the summary read (STEERING_SUMMARY_SQL)', () => db.query(STEERING_SUMMARY_SQL, [locationIds, year.from, year.to])],
      ['year, part: fastTrackFiguresOf', () => fastTrackFiguresOf(db, year, BUSY_TODAY)],
    ];
    for (const [label, work] of parts) {
      const started = performance.now();
      await work();
      lines.push(`| ${kind} | ${label} | | | | ${spread([performance.now() - started])} |`);
    }
    if (process.env.BALIE_BENCH_EXPLAIN) {
      const plan = await db.query<Record<string, string>>(`EXPLAIN (ANALYZE, BUFFERS) ${STEERING_SUMMARY_SQL}`, [locationIds, year.from, year.to]);
      console.log(plan.map((row) => Object.values(row)[0]).join('\n'));
    }
    return lines;
  });
}

const kinds: DatabaseKind[] = (process.env.BALIE_BENCH_DATABASES?.split(',') as DatabaseKind[] | undefined) ?? (process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite']);
const datasets = process.env.BALIE_BENCH_DATASETS?.split(',') ?? ['million', 'steering'];
if (datasets.includes('million')) {
  console.log('| database | report | services in it | median time |');
  console.log('|---|---|---|---|');
  for (const kind of kinds) for (const line of await benchMillion(kind)) console.log(line);
}
if (datasets.includes('steering')) {
  console.log(`\nThe steering report of location ${BUSY_LOCATION} (computeSteeringReport: the period and the previous one), after a warm-up run:`);
  console.log('| database | period | visits | events | registrations | median (min – max); the warm-up run |');
  console.log('|---|---|---|---|---|---|');
  for (const kind of kinds) for (const line of await benchSteering(kind)) console.log(line);
}
