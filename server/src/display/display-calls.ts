/**
 * What the waiting-room display shows, read from the appointments' current states
 * (`appointment_states`, kept with the change feed): the newest calls of the day and how many
 * clients wait. Only tickets, desk names and times leave this module: it never selects a name,
 * a V-number, a date of birth or an appointment code.
 */
import { AT_DESK_STATUSES, QUEUED_STATUSES, type AppointmentStatus } from '../../../shared/domain/codes';
import { DISPLAY_CALL_COUNT, type DisplayCall, type DisplayCalls } from '../../../shared/display/calls-api';
import type { Queryable } from '../db/database';

interface StateRow {
  ticket: string | null;
  desk_id: string | null;
  called_at: string | null;
  booking_id: string;
  person_id: string;
  status: AppointmentStatus;
}

const queued = new Set<AppointmentStatus>(QUEUED_STATUSES);
const atDesk = new Set<AppointmentStatus>(AT_DESK_STATUSES);

/** The newest calls, a family called together once; calls sent on to another desk since are left out. */
export function newestCalls(rows: readonly StateRow[], deskNames: ReadonlyMap<string, string>): DisplayCall[] {
  const calls = new Map<string, DisplayCall>();
  for (const row of rows) {
    if (row.called_at === null || row.desk_id === null || row.status === 'transferred') continue;
    const deskName = deskNames.get(row.desk_id);
    if (!deskName) continue;
    const calledAt = new Date(row.called_at).toISOString();
    calls.set(`${row.ticket ?? row.booking_id}|${row.desk_id}|${calledAt}`, { ticket: row.ticket, deskName, calledAt });
  }
  return [...calls.values()].sort((a, b) => Date.parse(b.calledAt) - Date.parse(a.calledAt)).slice(0, DISPLAY_CALL_COUNT);
}

/** Persons with a queued appointment who are not at a desk for another one. */
export function waitingPersons(rows: readonly StateRow[]): number {
  const busy = new Set(rows.filter((row) => atDesk.has(row.status)).map((row) => row.person_id));
  return new Set(rows.filter((row) => queued.has(row.status) && !busy.has(row.person_id)).map((row) => row.person_id)).size;
}

/** The display's answer for a location and day, or null when the location does not exist. */
export async function displayCallsOf(db: Queryable, locationId: string, date: string, now: Date): Promise<DisplayCalls | null> {
  const locations = await db.query<{ name: string }>('SELECT name FROM locations WHERE id = $1', [locationId]);
  const location = locations[0];
  if (!location) return null;
  const desks = await db.query<{ id: string; name: string }>('SELECT id, name FROM desks WHERE location_id = $1', [locationId]);
  const rows = await db.query<StateRow>(
    `SELECT state->>'ticket' AS ticket, state->>'deskId' AS desk_id, state->>'calledAt' AS called_at,
            state->>'bookingId' AS booking_id, state->>'personId' AS person_id, state->>'status' AS status
       FROM appointment_states WHERE location_id = $1 AND day = $2::date`,
    [locationId, date],
  );
  return {
    locationId,
    locationName: location.name,
    date,
    calls: newestCalls(rows, new Map(desks.map((desk) => [desk.id, desk.name]))),
    waiting: waitingPersons(rows),
    serverTime: now.toISOString(),
  };
}
