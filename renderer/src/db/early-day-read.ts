/**
 * The desk's first read of today's shown rows, asked of IndexedDB before the app's code runs.
 *
 * Why: at start the renderer spends ~100 ms evaluating the app's code (one long task), and only
 * then did the screen ask for the day; IndexedDB then took as long again to read 5,000 rows while
 * the renderer waited. Asked first, the database reads while the code runs. The entry
 * (start-desk.ts) starts this read and loads the app beside it; the shown day (shown-day-rows.ts)
 * takes the answer once, and checks the stored projection stamp afterwards, so a write made in
 * between is not missed.
 *
 * Plain IndexedDB, not Dexie: this module runs before the app's code, and it only reads. A database
 * that does not exist yet is not created (the upgrade is aborted), and an older schema without the
 * `date` index is left to Dexie to upgrade: both answer null, and the screen reads as before.
 */
import type { LocalAppointment } from './desk-db';

export interface EarlyDay {
  readonly stamp: string | undefined;
  readonly rows: LocalAppointment[];
}

interface PendingRead {
  readonly name: string;
  readonly date: string;
  readonly answer: Promise<EarlyDay | null>;
}

/** An answer nobody took (the desk is signed out) is let go after this long. */
const KEPT_MS = 10_000;

let pending: PendingRead | null = null;

/** Starts reading the day's shown rows and the projection stamp of database `name`, for takeEarlyDay. */
export function startEarlyDayRead(factory: IDBFactory, name: string, date: string): void {
  const read: PendingRead = { name, date, answer: readDay(factory, name, date) };
  pending = read;
  setTimeout(() => {
    if (pending === read) pending = null;
  }, KEPT_MS);
}

/** The early read of that database and day, once: null when there is none, it failed, or it was taken. */
export function takeEarlyDay(name: string, date: string): Promise<EarlyDay | null> {
  const read = pending;
  if (!read || read.name !== name || read.date !== date) return Promise.resolve(null);
  pending = null;
  return read.answer;
}

function readDay(factory: IDBFactory, name: string, date: string): Promise<EarlyDay | null> {
  return new Promise((resolve) => {
    let request: IDBOpenDBRequest;
    try {
      request = factory.open(name);
    } catch {
      return resolve(null);
    }
    // No database yet: abort, so that Dexie creates it with its own schema.
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onerror = () => resolve(null);
    request.onsuccess = () => {
      const db = request.result;
      // Let Dexie upgrade the schema whenever it needs to.
      db.onversionchange = () => db.close();
      try {
        resolve(readFromOpen(db, date).finally(() => db.close()));
      } catch {
        db.close();
        resolve(null);
      }
    };
  });
}

function readFromOpen(db: IDBDatabase, date: string): Promise<EarlyDay | null> {
  if (!db.objectStoreNames.contains('appointments') || !db.objectStoreNames.contains('meta')) return Promise.resolve(null);
  const transaction = db.transaction(['appointments', 'meta'], 'readonly');
  const appointments = transaction.objectStore('appointments');
  if (!appointments.indexNames.contains('date')) return Promise.resolve(null);
  const rows = appointments.index('date').getAll(date);
  const stamp = transaction.objectStore('meta').get('projectionStamp');
  return new Promise((resolve) => {
    transaction.oncomplete = () => resolve({ stamp: (stamp.result as { value?: string } | undefined)?.value, rows: rows.result as LocalAppointment[] });
    transaction.onerror = () => resolve(null);
    transaction.onabort = () => resolve(null);
  });
}
