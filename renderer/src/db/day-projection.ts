/**
 * The local projection: what the desk shows is the server's state (`base`) with this desk's pending
 * outbox events replayed on top by the shared reducer. These functions run inside a caller's Dexie
 * transaction over `appointments`, `persons`, `desks` and `outbox`; they never fetch.
 */
import type { AppointmentState } from '../../../shared/domain/appointment-state';
import type { DayState } from '../../../shared/domain/day-state';
import type { DeskState } from '../../../shared/domain/desk-machine';
import type { Person } from '../../../shared/domain/model';
import type { ChecklistDefinition } from '../../../shared/checklists/definition-schema';
import { appointmentIdsChangedSince } from '../../../shared/domain/appointment-trail';
import { reduceEvents } from '../../../shared/domain/day-reducer';
import type { DeskDatabase, LocalAppointment, LocalDesk, LocalPerson } from './desk-db';
import { sameValue } from './same-value';

/** The tables a projection write touches: take them all in the transaction. */
export const projectionTables = (db: DeskDatabase) => [db.appointments, db.persons, db.desks, db.outbox, db.meta];

function strip<Row extends { base?: unknown }>(row: Row): Omit<Row, 'base'> {
  const { base: _base, ...rest } = row;
  return rest;
}

/** The shared state of a stored row (without the person's details and the server's copy). */
export function appointmentOf(row: LocalAppointment): AppointmentState {
  const { personName: _name, dateOfBirth: _born, nationalityCategory: _nationality, vNumber: _vNumber, ...appointment } = strip(row);
  return appointment;
}

/** The server's state of a stored row: its `base`, or the shown state where it has none. Null while only this desk knows the row. */
export function serverStateOf(row: LocalAppointment): AppointmentState | null {
  return row.base === undefined ? appointmentOf(row) : row.base;
}

/** A shown row as stored: with the server's state beside it only where that differs (desk-db.ts). */
export function withServerState(shown: Omit<LocalAppointment, 'base'>, server: AppointmentState | null): LocalAppointment {
  return server !== null && sameValue(appointmentOf(shown), server) ? shown : { ...shown, base: server };
}

function dayStateOf(appointments: AppointmentState[], persons: Person[], desks: DeskState[]): DayState {
  return {
    appointments: Object.fromEntries(appointments.map((appointment) => [appointment.id, appointment])),
    persons: Object.fromEntries(persons.map((person) => [person.id, person])),
    desks: Object.fromEntries(desks.map((desk) => [desk.id, desk])),
    seenEvents: {},
    conflicts: [],
  };
}

async function rowsOfDay(db: DeskDatabase, date: string) {
  const appointments = await db.appointments.where('date').equals(date).toArray();
  const personIds = [...new Set(appointments.map((row) => row.personId))];
  const persons = (await db.persons.bulkGet(personIds)).filter((row): row is LocalPerson => row !== undefined);
  const desks = await db.desks.toArray();
  return { appointments, persons, desks };
}

/** The day as the desk shows it now (server state plus pending events): commands run against it. */
export async function readLocalDay(db: DeskDatabase, date: string): Promise<DayState> {
  const rows = await rowsOfDay(db, date);
  return dayStateOf(rows.appointments.map(appointmentOf), rows.persons.map(strip), rows.desks.map(strip));
}

/**
 * The rows of `now` that are not the very same objects in `before` (all of them without `before`).
 * A command leaves untouched records as they were, and the appointments' trail names the few
 * appointments it replaced: on a day of 5,000 an action looks at those, not at every row.
 */
function changedRows<Row>(
  now: Readonly<Record<string, Row>>,
  before: Readonly<Record<string, Row>> | undefined,
  idsChangedSince?: (now: Readonly<Record<string, Row>>, before: Readonly<Record<string, Row>>) => ReadonlySet<string> | null,
): Row[] {
  if (before === now) return [];
  const candidates = before && idsChangedSince ? idsChangedSince(now, before) : null;
  const ids = candidates ? [...candidates] : Object.keys(now);
  return ids.flatMap((id) => {
    const row = now[id];
    return row !== undefined && before?.[id] !== row ? [row] : [];
  });
}

/**
 * An appointment as stored for the screen: with its person's name and details beside it (the
 * agenda searches them). Where the person is not known, the details a stored row had (`earlier`).
 */
export function shownAppointmentRow(
  appointment: AppointmentState,
  person: Person | undefined,
  earlier?: Pick<LocalAppointment, 'personName' | 'dateOfBirth' | 'nationalityCategory' | 'vNumber'>,
): Omit<LocalAppointment, 'base'> {
  return {
    ...appointment,
    personName: person?.name ?? earlier?.personName ?? '?',
    dateOfBirth: person?.dateOfBirth ?? earlier?.dateOfBirth ?? '',
    nationalityCategory: person?.nationalityCategory ?? earlier?.nationalityCategory ?? 'other',
    vNumber: person?.vNumber ?? earlier?.vNumber ?? null,
  } as Omit<LocalAppointment, 'base'>;
}

/** Puts the appointments, persons and desks of `state` as the shown rows, keeping each row's base. */
export async function writeLocalDay(db: DeskDatabase, state: DayState, previous?: DayState): Promise<void> {
  const changedAppointments = changedRows(state.appointments, previous?.appointments, appointmentIdsChangedSince);
  const changedPersons = changedRows(state.persons, previous?.persons);
  const changedDesks = changedRows(state.desks, previous?.desks);
  const [appointmentBases, personBases, deskBases] = await Promise.all([
    db.appointments.bulkGet(changedAppointments.map((row) => row.id)),
    db.persons.bulkGet(changedPersons.map((row) => row.id)),
    db.desks.bulkGet(changedDesks.map((row) => row.id)),
  ]);
  const appointmentRows = changedAppointments.map((appointment, index): LocalAppointment => {
    const stored = appointmentBases[index];
    return withServerState(shownAppointmentRow(appointment, state.persons[appointment.personId]), stored ? serverStateOf(stored) : null);
  });
  const personRows = changedPersons.map((person, index): LocalPerson => ({ ...person, base: personBases[index]?.base ?? null }));
  const deskRows = changedDesks.map((desk, index): LocalDesk => ({ ...desk, base: deskBases[index]?.base ?? null }));
  // Empty writes are skipped: each is a request, and an action on a big day changes a row or two.
  await Promise.all([
    appointmentRows.length > 0 && db.appointments.bulkPut(appointmentRows),
    personRows.length > 0 && db.persons.bulkPut(personRows),
    deskRows.length > 0 && db.desks.bulkPut(deskRows),
  ]);
}

/**
 * Rebuilds the shown rows of one day: the server's state of every row, then this desk's pending
 * events of that day in device order. Rows only this desk knew and that no pending event makes any
 * more (e.g. a walk-in the server refused) are removed.
 */
export async function rebuildDay(db: DeskDatabase, date: string, checklists?: readonly ChecklistDefinition[]): Promise<void> {
  const rows = await rowsOfDay(db, date);
  const base = dayStateOf(
    rows.appointments.flatMap((row) => serverStateOf(row) ?? []),
    rows.persons.flatMap((row) => (row.base ? [row.base] : [])),
    rows.desks.flatMap((row) => (row.base ? [row.base] : [])),
  );
  const pending = await db.outbox.where('date').equals(date).filter((entry) => entry.state === 'pending').sortBy('deviceSeq');
  const shown = reduceEvents(base, pending.map((entry) => entry.event), checklists ? { checklists } : {});
  const orphans = rows.appointments.filter((row) => !shown.appointments[row.id]).map((row) => row.id);
  if (orphans.length > 0) await db.appointments.bulkDelete(orphans);
  // Only the rows that differ from the stored ones are written: a pull that brought the answer to
  // one check-in rewrites that row, not the whole day (and the screen follows one row, not 5,000).
  const stored = dayStateOf(rows.appointments.map(appointmentOf), rows.persons.map(strip), rows.desks.map(strip));
  await writeLocalDay(db, withStoredRowsKept(shown, stored, rows.appointments), stored);
}

/**
 * `state` with every row that equals its stored row replaced by the stored object, so that
 * writeLocalDay skips it. An appointment counts as equal only with its person's details beside it.
 */
function withStoredRowsKept(state: DayState, stored: DayState, storedAppointments: readonly LocalAppointment[]): DayState {
  const storedRows = new Map(storedAppointments.map((row) => [row.id, strip(row)]));
  const keep = <Row>(rows: Readonly<Record<string, Row>>, same: (id: string, row: Row) => boolean, before: Readonly<Record<string, Row>>): Record<string, Row> =>
    Object.fromEntries(Object.entries(rows).map(([id, row]) => [id, same(id, row) ? before[id]! : row]));
  return {
    ...state,
    appointments: keep(state.appointments, (id, row) => storedRows.has(id) && sameValue(storedRows.get(id), shownAppointmentRow(row, state.persons[row.personId])), stored.appointments),
    persons: keep(state.persons, (id, row) => sameValue(stored.persons[id], row), stored.persons),
    desks: keep(state.desks, (id, row) => sameValue(stored.desks[id], row), stored.desks),
  };
}

/** The days of the events in the outbox (pending ones to replay, refused ones whose effect must go). */
export async function datesInOutbox(db: DeskDatabase): Promise<string[]> {
  return (await db.outbox.orderBy('date').uniqueKeys()) as string[];
}
