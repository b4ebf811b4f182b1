/**
 * The server's copy of each location-day as the shared reducer sees it: the booked appointments,
 * persons and desks, plus every stored (accepted or conflicting) event in server order. Rebuilt
 * from the database when the cached copy is older than the location's change feed, so several
 * server processes on one PostgreSQL stay correct.
 */
import { transition } from '../../../shared/domain/appointment-machine';
import { initialDayState, type DayState } from '../../../shared/domain/day-state';
import { reduceEvents } from '../../../shared/domain/day-reducer';
import type { Appointment, Desk, Person } from '../../../shared/domain/model';
import type { ReducerOptions } from '../../../shared/domain/event-effects';
import type { BalieEvent } from '../../../shared/sync/events';
import { allChecklists } from '../checklists/checklist-store';
import type { Queryable } from '../db/database';

interface CachedDay {
  state: DayState;
  /** The location's latest change number when `state` was current. */
  changeSeq: string;
}

export interface DayStateStore {
  /** What the reducer checks events against: every stored checklist version. */
  reducerOptions(tx: Queryable): Promise<ReducerOptions>;
  /** The day's state; `changeSeq` must be read under the location's change lock. */
  load(tx: Queryable, locationId: string, day: string, changeSeq: string): Promise<DayState>;
  /** Remembers a state after its transaction committed. */
  remember(locationId: string, day: string, state: DayState, changeSeq: string): void;
}

export function createDayStateStore(maxDays = 64): DayStateStore {
  const cache = new Map<string, CachedDay>();
  // Versions are only ever added, so their count tells whether the cached list is current.
  let checklists: { count: number; options: ReducerOptions } | undefined;
  const store: DayStateStore = {
    async reducerOptions(tx) {
      const [{ count }] = (await tx.query<{ count: number }>('SELECT count(*)::int AS count FROM checklist_definitions')) as [{ count: number }];
      if (checklists?.count !== count) checklists = { count, options: { checklists: await allChecklists(tx) } };
      return checklists.options;
    },
    async load(tx, locationId, day, changeSeq) {
      const cached = cache.get(`${locationId}/${day}`);
      if (cached && cached.changeSeq === changeSeq) return cached.state;
      return rebuildDayState(tx, locationId, day, await store.reducerOptions(tx));
    },
    remember(locationId, day, state, changeSeq) {
      const key = `${locationId}/${day}`;
      cache.delete(key);
      cache.set(key, { state, changeSeq });
      // Oldest first in a Map: drop the least recently remembered days.
      while (cache.size > maxDays) cache.delete(cache.keys().next().value!);
    },
  };
  return store;
}

export async function rebuildDayState(
  db: Queryable,
  locationId: string,
  day: string,
  options?: ReducerOptions,
): Promise<DayState> {
  const appointments = await db.query<Appointment>(
    `SELECT a.id, b.id AS "bookingId", b.appointment_code AS "appointmentCode", b.location_id AS "locationId",
            to_char(b.date, 'YYYY-MM-DD') AS date, to_char(b.slot_start, 'HH24:MI') AS "slotStart",
            a.service, a.person_id AS "personId", false AS "walkIn"
       FROM appointments a JOIN bookings b ON b.id = a.booking_id
      WHERE b.location_id = $1 AND b.date = $2`,
    [locationId, day],
  );
  const persons = await db.query<Person>(
    `SELECT DISTINCT p.id, p.full_name AS name, to_char(p.date_of_birth, 'YYYY-MM-DD') AS "dateOfBirth",
            p.nationality_category AS "nationalityCategory", p.v_number AS "vNumber", NULL AS "lastCaptureDate"
       FROM persons p JOIN bookings b ON b.id = p.booking_id
      WHERE b.location_id = $1 AND b.date = $2`,
    [locationId, day],
  );
  const desks = await db.query<Desk>(
    'SELECT id, location_id AS "locationId", name, services, active FROM desks WHERE location_id = $1',
    [locationId],
  );
  const events = await db.query<{ body: BalieEvent }>(
    `SELECT body FROM events WHERE location_id = $1 AND day = $2 AND outcome IN ('accepted', 'conflict')
      ORDER BY server_seq`,
    [locationId, day],
  );
  // Bookings the booking system cancelled (appointment import, docs/import.md) start the day
  // cancelled, exactly as the import published them to the desks.
  const cancelledByImport = await db.query<{ id: string; cancelledAt: string }>(
    `SELECT a.id, to_char(b.cancelled_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "cancelledAt"
       FROM appointments a JOIN bookings b ON b.id = a.booking_id
      WHERE b.location_id = $1 AND b.date = $2 AND b.cancelled_at IS NOT NULL`,
    [locationId, day],
  );
  const start = withImportedCancellations(initialDayState({ appointments, persons, desks }), cancelledByImport);
  return reduceEvents(start, events.map((row) => row.body), options ?? { checklists: await allChecklists(db) });
}

/** The reducer's own cancel of each appointment, at its booking's `cancelled_at` (see import-store.ts). */
function withImportedCancellations(state: DayState, cancelled: ReadonlyArray<{ id: string; cancelledAt: string }>): DayState {
  if (cancelled.length === 0) return state;
  const appointments = { ...state.appointments };
  for (const { id, cancelledAt } of cancelled) {
    const next = transition(appointments[id]!, { kind: 'cancel' }, cancelledAt);
    if (next.ok) appointments[id] = next.state;
  }
  return { ...state, appointments };
}
