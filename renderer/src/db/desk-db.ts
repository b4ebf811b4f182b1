/**
 * The desk's IndexedDB database: the source of truth for everything the desk shows. Schema changes
 * are new Dexie versions with upgrade functions; a version never drops data.
 *
 * Version 2 holds the local projection (`appointments`, `persons`, `desks`): each row is what the
 * desk shows (the server's state with this desk's unsent events replayed on top) and keeps the
 * server's own copy in `base` where it differs, so the view can be rebuilt whenever the server's
 * state or the outbox changes. `outbox` holds this desk's events until the server acknowledges them.
 */
import { Dexie, type EntityTable } from 'dexie';
import type { AppointmentState } from '../../../shared/domain/appointment-state';
import type { EventConflict } from '../../../shared/domain/day-state';
import type { DeskState } from '../../../shared/domain/desk-machine';
import type { Person } from '../../../shared/domain/model';
import type { BalieEvent } from '../../../shared/sync/events';
import { DESK_DATABASE_NAME } from './database-name';
import { projectionStampMiddleware } from './projection-stamp';
import { upgradeToVersion2 } from './upgrade-v2';

/** Small facts about this desk's copy of the data (see desk-meta.ts for the keys). */
export interface MetaEntry {
  key: string;
  value: unknown;
}

/** The person's fields the agenda shows next to each appointment. */
export interface PersonFields {
  personName: string;
  dateOfBirth: string;
  nationalityCategory: Person['nationalityCategory'];
  vNumber: string | null;
}

/** One person's appointment for one service as the desk shows it. */
export type LocalAppointment = AppointmentState &
  PersonFields & {
    /**
     * The server's state as last pulled or loaded; null while only this desk knows it (a walk-in not
     * yet pulled). Absent when it is the shown state itself, as on most rows (no unsent event of
     * this desk changes them): half the bytes to read when the desk starts. Read it with
     * `serverStateOf` (day-projection.ts).
     */
    base?: AppointmentState | null;
  };

export type LocalPerson = Person & { base: Person | null };
export type LocalDesk = DeskState & { base: DeskState | null };

/**
 * An event not yet acknowledged by the server. `pending`: to send (and replayed on the view);
 * `rejected`: the server refused it for `reason`; kept and shown, never sent again, never dropped
 * silently.
 */
export interface OutboxEntry {
  deviceSeq: number;
  id: string;
  event: BalieEvent;
  /** The day the event belongs to: the view of that day is rebuilt with it. */
  date: string;
  state: 'pending' | 'rejected';
  reason: unknown;
}

/** A conflict the server reported for one of this location's events (from a push answer or the feed). */
export type StoredConflict = EventConflict & { receivedAt: string };

/** A checklist definition as the feed delivered it, keyed `<checklistId>@<version>`. */
export interface StoredChecklist {
  key: string;
  definition: unknown;
}

export type DeskDatabase = Dexie & {
  appointments: EntityTable<LocalAppointment, 'id'>;
  persons: EntityTable<LocalPerson, 'id'>;
  desks: EntityTable<LocalDesk, 'id'>;
  outbox: EntityTable<OutboxEntry, 'deviceSeq'>;
  conflicts: EntityTable<StoredConflict, 'eventId'>;
  checklists: EntityTable<StoredChecklist, 'key'>;
  meta: EntityTable<MetaEntry, 'key'>;
};

/** The version 1 tables, as they were: kept so the upgrade test can open an old database. */
export const VERSION_1_STORES = {
  appointments: 'id, [date+slotStart], bookingId, status, deskId, personName, vNumber, appointmentCode',
  meta: 'key',
};

export function openDeskDatabase(name = DESK_DATABASE_NAME): DeskDatabase {
  // Live queries share their results instead of cloning them for each reader (a day of 5,000 rows was
  // cloned on every change): rows read from the database are never changed in place here.
  const db = new Dexie(name, { cache: 'immutable' }) as DeskDatabase;
  db.version(1).stores(VERSION_1_STORES);
  db.version(2)
    .stores({
      // The agenda reads a day in slot order; the queue and search use the other indexes.
      appointments: 'id, date, [date+slotStart], bookingId, personId, status, deskId, personName, vNumber, appointmentCode',
      persons: 'id, name, vNumber',
      desks: 'id',
      outbox: 'deviceSeq, &id, state, date',
      conflicts: 'eventId, appointmentId, deskId, receivedAt',
      checklists: 'key',
      meta: 'key',
    })
    .upgrade(upgradeToVersion2);
  db.use(projectionStampMiddleware(db));
  return db;
}
