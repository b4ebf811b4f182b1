/**
 * When the disk is full: an action that cannot be stored is refused as a whole (its transaction
 * aborts, so the outbox and the day keep exactly what they had), and every later action is
 * refused at once with the same clear message, until a test write shows there is room again.
 * Nothing already stored is touched. Also asks the browser to keep this desk's data
 * (`navigator.storage.persist()`), so that it is not evicted when the disk runs low.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import { domainError, fail, type Failure } from '../../../shared/domain/messages';
import type { DeskDatabase } from './desk-db';

export interface StorageState {
  /** An action failed for lack of room: new actions are blocked. */
  full: boolean;
  /** Whether the browser promised to keep the data: unknown until asked. */
  persistence: 'unknown' | 'granted' | 'refused' | 'unsupported';
}

export const storageFullError = domainError(
  'storage-full',
  'De opslag van deze pc is vol. Deze handeling is niet bewaard; alles wat al bewaard was blijft bewaard. Nieuwe handelingen zijn geblokkeerd tot er weer ruimte is: waarschuw de beheerder.',
  'The storage of this PC is full. This action was not saved; everything saved before is kept. New actions are blocked until there is room again: call the administrator.',
);

const guards = new WeakMap<DeskDatabase, StoreApi<StorageState>>();

/** The storage state of one desk database (one per database, shared by every screen). */
export function storageGuard(db: DeskDatabase): StoreApi<StorageState> {
  let guard = guards.get(db);
  if (!guard) {
    guard = createStore<StorageState>()(() => ({ full: false, persistence: 'unknown' }));
    guards.set(db, guard);
  }
  return guard;
}

/**
 * A failure for lack of room, however it arrives: the DOMException of IndexedDB, or Dexie's error
 * of the same name, possibly wrapped (an aborted transaction names its cause in `inner`).
 */
export function isQuotaError(error: unknown): boolean {
  for (let current = error, depth = 0; current && depth < 5; depth++) {
    const candidate = current as { name?: unknown; inner?: unknown; cause?: unknown; failures?: unknown };
    if (candidate.name === 'QuotaExceededError') return true;
    // Dexie's BulkError lists the failure of each row.
    if (Array.isArray(candidate.failures) && candidate.failures.some(isQuotaError)) return true;
    current = candidate.inner ?? candidate.cause;
  }
  return false;
}

/** Blocks new actions after a write failed for lack of room (the sync engine's writes can report it too). */
export function markStorageFull(db: DeskDatabase): void {
  storageGuard(db).setState({ full: true });
}

/** Runs one write of a clerk's action; a full disk blocks it and every later one (see above). */
export async function guardStorage<Result>(db: DeskDatabase, write: () => Promise<Result>): Promise<Result | Failure> {
  const guard = storageGuard(db);
  if (guard.getState().full) return fail(storageFullError);
  try {
    return await write();
  } catch (error) {
    if (!isQuotaError(error)) throw error;
    markStorageFull(db);
    return fail(storageFullError);
  }
}

/** The clerk asks to try again: a small test write decides whether actions may go on. */
export async function retryStorage(db: DeskDatabase, now = new Date()): Promise<boolean> {
  try {
    await db.meta.put({ key: 'storageCheckedAt', value: now.toISOString() });
    await db.meta.delete('storageCheckedAt');
    storageGuard(db).setState({ full: false });
    return true;
  } catch (error) {
    if (!isQuotaError(error)) throw error;
    return false;
  }
}

/** Asks the browser once, at start, to keep this desk's data even when the disk runs low. */
export async function requestPersistentStorage(db: DeskDatabase, storage: Pick<StorageManager, 'persist' | 'persisted'> | undefined): Promise<StorageState['persistence']> {
  let persistence: StorageState['persistence'] = 'unsupported';
  if (storage?.persist) {
    persistence = (await storage.persisted().catch(() => false)) || (await storage.persist().catch(() => false)) ? 'granted' : 'refused';
  }
  storageGuard(db).setState({ persistence });
  return persistence;
}
