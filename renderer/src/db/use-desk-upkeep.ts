/**
 * The desk's upkeep while it runs: at start it asks the browser to keep its data
 * (persistent storage) and purges old synced days; after that the purge runs again each time the
 * date has changed (checked every hour, so a PC that slept overnight catches up when it wakes).
 */
import { useEffect } from 'react';
import { amsterdamDateOf } from '../../../shared/domain/calendar-date';
import type { DeskDatabase } from './desk-db';
import { readMeta } from './desk-meta';
import { purgeOldDays } from './retention';
import { requestPersistentStorage } from './storage-guard';

const CHECK_EVERY_MS = 60 * 60_000;

/** Purges when this date has not been handled yet; an error is left for the next check. */
export async function purgeIfDue(db: DeskDatabase, now = new Date()): Promise<void> {
  const today = amsterdamDateOf(now);
  if ((await readMeta(db.meta, 'lastRetention'))?.today === today) return;
  await purgeOldDays(db, { today, now });
}

export function useDeskUpkeep(db: DeskDatabase, storage: StorageManager | undefined = globalThis.navigator?.storage): void {
  useEffect(() => {
    // Both are retried at the next start or check; a failure (e.g. the database closing as the
    // window goes) must not surface as an unhandled error.
    void requestPersistentStorage(db, storage).catch(() => undefined);
    // At start always (a kept day may have been sent since), later once per date.
    void purgeOldDays(db, { today: amsterdamDateOf(new Date()) }).catch(() => undefined);
    const timer = setInterval(() => void purgeIfDue(db).catch(() => undefined), CHECK_EVERY_MS);
    return () => clearInterval(timer);
  }, [db, storage]);
}
