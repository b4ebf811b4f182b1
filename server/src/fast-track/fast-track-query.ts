/**
 * The fast-track registrations (shared/fast-track/fast-track-api.ts): a BRP appointment whose
 * server state is `completed` is a registration on its day; `fast_track_completions` holds the day
 * the municipality issued the BSN. Where a registration stands is decided by the shared rule, so
 * the follow-up list and the steering report count alike.
 */
import { workingDaysBetween } from '../../../shared/calendar/working-days';
import {
  fastTrackDeadline,
  fastTrackFigures,
  fastTrackStateOf,
  type FastTrackFigures,
  type FastTrackRegistration,
  type FastTrackState,
} from '../../../shared/fast-track/fast-track-api';
import type { Queryable } from '../db/database';

/** Registrations among the appointment states `st`: $1 location ids, $2 first day, $3 last day. */
const IS_REGISTRATION = `st.location_id = ANY($1::text[]) AND st.day BETWEEN $2::date AND $3::date
     AND st.state->>'service' = 'BRP' AND st.state->>'status' = 'completed'`;

interface Scope {
  locationIds: readonly string[];
  from: string;
  to: string;
}

interface RegistrationRow {
  appointment_id: string;
  location_id: string;
  registered_on: string;
  appointment_code: string | null;
  person_name: string | null;
  date_of_birth: string | null;
  bsn_issued_on: string | null;
}

/** Every registration of the period with whom it concerns: booked persons from `persons`, walk-ins from their event. */
export async function fastTrackRegistrations(db: Queryable, scope: Scope, today: string): Promise<FastTrackRegistration[]> {
  const rows = await db.query<RegistrationRow>(
    `SELECT st.appointment_id, st.location_id, to_char(st.day, 'YYYY-MM-DD') AS registered_on,
            coalesce(b.appointment_code, w.body->'payload'->>'appointmentCode') AS appointment_code,
            coalesce(p.full_name, w.body->'payload'->'person'->>'name') AS person_name,
            coalesce(to_char(p.date_of_birth, 'YYYY-MM-DD'), w.body->'payload'->'person'->>'dateOfBirth') AS date_of_birth,
            to_char(c.bsn_issued_on, 'YYYY-MM-DD') AS bsn_issued_on
       FROM appointment_states st
       LEFT JOIN fast_track_completions c ON c.appointment_id = st.appointment_id
       LEFT JOIN persons p ON p.id = st.state->>'personId'
       LEFT JOIN bookings b ON b.id = st.state->>'bookingId'
       LEFT JOIN LATERAL (
         SELECT e.body FROM events e
          WHERE e.appointment_id = st.appointment_id AND e.type = 'walkInRegistered' AND e.outcome = 'accepted'
          LIMIT 1
       ) w ON p.id IS NULL
      WHERE ${IS_REGISTRATION}
      ORDER BY st.day, person_name, st.appointment_id`,
    [[...scope.locationIds], scope.from, scope.to],
  );
  return rows.map((row) => ({
    appointmentId: row.appointment_id,
    locationId: row.location_id,
    appointmentCode: row.appointment_code,
    personName: row.person_name ?? '?',
    dateOfBirth: row.date_of_birth,
    registeredOn: row.registered_on,
    deadline: fastTrackDeadline(row.registered_on),
    bsnIssuedOn: row.bsn_issued_on,
    workingDays: row.bsn_issued_on === null ? null : workingDaysBetween(row.registered_on, row.bsn_issued_on),
    state: fastTrackStateOf(row.registered_on, row.bsn_issued_on, today),
  }));
}

/**
 * The steering figure: registrations counted by (registration day, BSN day) in SQL, so a year of a
 * busy location brings a few hundred rows rather than every registration; each pair is judged once.
 */
export async function fastTrackFiguresOf(db: Queryable, scope: Scope, today: string): Promise<FastTrackFigures> {
  const rows = await db.query<{ registered_on: string; bsn_issued_on: string | null; n: number }>(
    `SELECT to_char(st.day, 'YYYY-MM-DD') AS registered_on, to_char(c.bsn_issued_on, 'YYYY-MM-DD') AS bsn_issued_on, count(*)::int AS n
       FROM appointment_states st
       LEFT JOIN fast_track_completions c ON c.appointment_id = st.appointment_id
      WHERE ${IS_REGISTRATION}
      GROUP BY 1, 2`,
    [[...scope.locationIds], scope.from, scope.to],
  );
  const tally: Partial<Record<FastTrackState, number>> = {};
  for (const row of rows) {
    const state = fastTrackStateOf(row.registered_on, row.bsn_issued_on, today);
    tally[state] = (tally[state] ?? 0) + Number(row.n);
  }
  return fastTrackFigures(tally);
}
