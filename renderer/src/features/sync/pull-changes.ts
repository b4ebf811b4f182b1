/**
 * One pull pass: fetches the location's changes since the stored cursor, page by page until
 * `hasMore` is false. Each page is parsed whole before anything is stored, then stored in ONE
 * transaction with the new cursor (a crash leaves both or neither), and the days it touches are
 * rebuilt in that same transaction: the server's state, with this desk's pending events on top.
 * Days with refused events in the outbox and days of new conflicts are rebuilt too, so an effect the
 * server did not take disappears from the view.
 */
import { parseChangeData, type ParsedChange } from '../../../../shared/sync/change-data';
import { MAX_PULL_LIMIT } from '../../../../shared/sync/push-pull';
import { datesInOutbox, projectionTables, rebuildDay, shownAppointmentRow } from '../../db/day-projection';
import type { DeskDatabase, LocalAppointment, LocalPerson } from '../../db/desk-db';
import { readMeta, writeMeta } from '../../db/desk-meta';
import { pullPage, type SyncConnection, type SyncFailure } from './sync-api';

export interface PullPassOptions {
  readonly limit?: number;
  readonly now?: () => Date;
}

export type PullPassResult = { ok: true; changes: number; cursor: string } | SyncFailure;

/**
 * What a page's changes read and write, held for the page: the rows they need are fetched in two
 * requests and the appointments written in one, instead of two reads and a write per change (an
 * offline day's answer is a thousand changes).
 */
interface PageRows {
  readonly appointments: Map<string, LocalAppointment | undefined>;
  readonly persons: Map<string, LocalPerson | undefined>;
  readonly written: Map<string, LocalAppointment>;
}

async function rowsOfPage(db: DeskDatabase, changes: readonly ParsedChange[]): Promise<PageRows> {
  const appointmentIds = [...new Set(changes.flatMap((change) => (change.entity === 'appointment' ? [change.id] : [])))];
  const personIds = [...new Set(changes.flatMap((change) => (change.entity === 'appointment' ? [change.data.personId] : change.entity === 'person' ? [change.id] : [])))];
  const [appointments, persons] = await Promise.all([db.appointments.bulkGet(appointmentIds), db.persons.bulkGet(personIds)]);
  return {
    appointments: new Map(appointmentIds.map((id, index) => [id, appointments[index]])),
    persons: new Map(personIds.map((id, index) => [id, persons[index]])),
    written: new Map(),
  };
}

/**
 * An appointment's new server state, kept in the page's rows (written in one request at the end).
 * Synchronous on purpose: the loop over a page awaits only Dexie's own requests, as a Dexie
 * transaction needs.
 */
function storeAppointment(rows: PageRows, change: Extract<ParsedChange, { entity: 'appointment' }>, touchedDates: Set<string>): void {
  const { data } = change;
  const previous = rows.appointments.get(change.id);
  if (previous) touchedDates.add(previous.date);
  touchedDates.add(data.date);
  // The server's state is shown as it is (a rebuild replays unsent events on it): no separate copy.
  const row = shownAppointmentRow(data, rows.persons.get(data.personId), previous) as LocalAppointment;
  rows.appointments.set(row.id, row);
  rows.written.set(row.id, row);
}

async function storeOtherChange(db: DeskDatabase, rows: PageRows, change: Exclude<ParsedChange, { entity: 'appointment' }>, receivedAt: string, touchedDates: Set<string>): Promise<void> {
  switch (change.entity) {
    case 'person': {
      const person: LocalPerson = { ...change.data, base: change.data };
      rows.persons.set(person.id, person);
      await db.persons.put(person);
      const dates = await db.appointments.where('personId').equals(change.id).toArray();
      for (const appointment of dates) touchedDates.add(appointment.date);
      return;
    }
    case 'desk':
      await db.desks.put({ ...change.data, base: change.data });
      return;
    case 'conflict': {
      await db.conflicts.put({ ...change.data, receivedAt });
      // The server kept its state: the desk's optimistic view of that appointment is rebuilt from it.
      const { appointmentId } = change.data;
      const appointment = appointmentId ? (rows.appointments.get(appointmentId) ?? (await db.appointments.get(appointmentId))) : undefined;
      if (appointment) touchedDates.add(appointment.date);
      return;
    }
    case 'checklist':
      await db.checklists.put({ key: change.id, definition: change.data });
      return;
  }
}

/** Parses every change of a page; one malformed change refuses the whole page. */
function parsePage(changes: Parameters<typeof parseChangeData>[0][]): { ok: true; changes: ParsedChange[] } | SyncFailure {
  const parsed: ParsedChange[] = [];
  for (const change of changes) {
    const result = parseChangeData(change);
    if (!result.ok) return { ok: false, reason: 'invalid-answer', detail: result.problems.join('; ') };
    parsed.push(result.change);
  }
  return { ok: true, changes: parsed };
}

async function storePage(db: DeskDatabase, changes: ParsedChange[], cursor: string, receivedAt: string): Promise<void> {
  await db.transaction('rw', [...projectionTables(db), db.conflicts, db.checklists], async () => {
    const touchedDates = new Set<string>();
    const rows = await rowsOfPage(db, changes);
    for (const change of changes) {
      if (change.entity === 'appointment') storeAppointment(rows, change, touchedDates);
      else await storeOtherChange(db, rows, change, receivedAt, touchedDates);
    }
    if (rows.written.size > 0) await db.appointments.bulkPut([...rows.written.values()]);
    await writeMeta(db.meta, 'pullCursor', cursor);
    for (const date of await datesInOutbox(db)) touchedDates.add(date);
    for (const date of touchedDates) await rebuildDay(db, date);
  });
}

export async function pullChanges(db: DeskDatabase, connection: SyncConnection, options: PullPassOptions = {}): Promise<PullPassResult> {
  const now = options.now ?? (() => new Date());
  let since = (await readMeta(db.meta, 'pullCursor')) ?? '0';
  let total = 0;
  for (;;) {
    const page = await pullPage(connection, since, options.limit ?? MAX_PULL_LIMIT);
    if (!page.ok) return page;
    const { nextCursor, hasMore } = page.answer;
    if (BigInt(nextCursor) < BigInt(since)) return { ok: false, reason: 'invalid-answer', detail: `cursor went back from ${since} to ${nextCursor}` };
    const parsed = parsePage(page.answer.changes);
    if (!parsed.ok) return parsed;
    await storePage(db, parsed.changes, nextCursor, now().toISOString());
    total += parsed.changes.length;
    since = nextCursor;
    if (!hasMore) return { ok: true, changes: total, cursor: since };
  }
}
