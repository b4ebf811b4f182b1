import { useLiveQuery } from 'dexie-react-hooks';
import { useStore } from 'zustand';
import type { DeskDatabase } from '../../db/desk-db';
import { readMeta } from '../../db/desk-meta';
import { conflictsOfDesk, isOpenConflict } from './review-items';
import { clockSkewed, type SyncStatus, type SyncStatusStore } from './sync-status-store';

/** What the desk shows about sync: the engine's own state, and the counts read from IndexedDB. */
export interface DeskSyncStatus extends SyncStatus {
  /** Events in the outbox still to be sent (undefined while IndexedDB answers). */
  waiting: number | undefined;
  /** Events the server refused, kept with their reason. */
  rejected: number | undefined;
  /** Open conflicts this desk must know of: of its own events, or over a client it serves now. */
  conflicts: number | undefined;
  /** Those conflicts a supervisor has resolved (still in the review list, with the note). */
  resolvedConflicts: number | undefined;
  clockSkewed: boolean;
}

export function useSyncStatus(db: DeskDatabase, store: SyncStatusStore, deskId: string): DeskSyncStatus {
  const engine = useStore(store);
  const counts = useLiveQuery(
    async () => {
      const conflicts = await conflictsOfDesk(db, deskId);
      const open = conflicts.filter(isOpenConflict).length;
      return {
        waiting: await db.outbox.where('state').equals('pending').count(),
        rejected: await db.outbox.where('state').equals('rejected').count(),
        conflicts: open,
        resolvedConflicts: conflicts.length - open,
        // A second window of the desk runs no loop of its own: it shows the last sync the loop stored.
        storedLastSyncAt: (await readMeta(db.meta, 'lastSyncAt')) ?? null,
      };
    },
    [db, deskId],
  );
  // The loop stores each sync before it tells its own window; the later of the two is the last one.
  const stored = counts?.storedLastSyncAt ?? null;
  const lastSyncAt = stored !== null && (engine.lastSyncAt === null || stored > engine.lastSyncAt) ? stored : engine.lastSyncAt;
  return {
    ...engine,
    lastSyncAt,
    waiting: counts?.waiting,
    rejected: counts?.rejected,
    conflicts: counts?.conflicts,
    resolvedConflicts: counts?.resolvedConflicts,
    clockSkewed: clockSkewed(engine),
  };
}
