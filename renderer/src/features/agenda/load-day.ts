/**
 * Fetches the day's appointment book from the server and stores it in IndexedDB in one
 * transaction. The answer is parsed with the protocol's schema first: a malformed answer stores
 * nothing, and a failed fetch leaves the saved day as it was. A store that fails (a full disk, the
 * database closing as the window goes) is reported like any other failure, never thrown: the
 * loader runs on a timer and nobody would catch it.
 */
import { dayResponseSchema, type DayAppointment } from '../../../../shared/sync/day';
import { projectionTables, rebuildDay, serverStateOf } from '../../db/day-projection';
import type { DeskDatabase } from '../../db/desk-db';
import { readMeta } from '../../db/desk-meta';
import { baseFromDayAppointment, personFromDayAppointment } from '../../db/upgrade-v2';

export type DayLoadResult =
  | { ok: true; count: number; loadedAt: string }
  | { ok: false; reason: 'offline' | 'server-error' | 'invalid-answer' | 'not-stored'; detail: string };

const LOAD_TIMEOUT_MS = 10_000;

export function dayLoadedAtKey(date: string): string {
  return `dayLoadedAt:${date}`;
}

export async function loadDay(
  db: DeskDatabase,
  serverUrl: string,
  date: string,
  now: () => Date = () => new Date(),
): Promise<DayLoadResult> {
  let response: Response;
  try {
    response = await fetch(`${serverUrl}/api/v1/appointments?date=${encodeURIComponent(date)}`, {
      signal: AbortSignal.timeout(LOAD_TIMEOUT_MS),
    });
  } catch (error) {
    return { ok: false, reason: 'offline', detail: error instanceof Error ? error.message : String(error) };
  }
  if (!response.ok) return { ok: false, reason: 'server-error', detail: `HTTP ${response.status}` };

  const parsed = dayResponseSchema.safeParse(await response.json().catch(() => null));
  if (!parsed.success || parsed.data.date !== date) {
    return { ok: false, reason: 'invalid-answer', detail: parsed.error?.message ?? `answer for ${parsed.data?.date}` };
  }
  const { appointments } = parsed.data;
  const loadedAt = now().toISOString();
  try {
    await storeDay(db, date, appointments, loadedAt);
  } catch (error) {
    return { ok: false, reason: 'not-stored', detail: error instanceof Error ? error.message : String(error) };
  }
  return { ok: true, count: appointments.length, loadedAt };
}

/** The answer is the server's state (`base`); the shown rows are rebuilt with the unsent events. */
async function storeDay(db: DeskDatabase, date: string, appointments: DayAppointment[], loadedAt: string): Promise<void> {
  await db.transaction('rw', projectionTables(db), async () => {
    const pulled = (await readMeta(db.meta, 'pullCursor')) !== undefined;
    // Before the desk syncs, the answer is the whole day: a row it no longer lists was taken off
    // the book. Once the desk pulls, the feed is the server's word: the public day lists bookings
    // only, so a walk-in added at a desk (pulled) must not be deleted by it.
    if (!pulled) {
      const incoming = new Set(appointments.map((appointment) => appointment.id));
      const stale = await db.appointments
        .where('date')
        .equals(date)
        .filter((appointment) => !incoming.has(appointment.id) && appointment.base !== null)
        .primaryKeys();
      await db.appointments.bulkDelete(stale);
    }
    const known = new Map((await db.appointments.bulkGet(appointments.map((row) => row.id))).flatMap((row) => (row ? [[row.id, row]] : [])));
    await db.appointments.bulkPut(
      appointments.map((row) => {
        // A state the sync engine pulled is the server's word on the lifecycle; the agenda answer
        // only fills rows the desk knows nothing about yet.
        const stored = pulled ? known.get(row.id) : undefined;
        const base = (stored && serverStateOf(stored)) ?? baseFromDayAppointment(row);
        const { personName, dateOfBirth, nationalityCategory, vNumber } = row;
        // Shown as the server has it (no separate copy); the rebuild below replays unsent events on it.
        return { ...base, personName, dateOfBirth, nationalityCategory, vNumber };
      }),
    );
    await db.persons.bulkPut(appointments.map(personFromDayAppointment));
    await rebuildDay(db, date);
    await db.meta.put({ key: dayLoadedAtKey(date), value: loadedAt });
  });
}
