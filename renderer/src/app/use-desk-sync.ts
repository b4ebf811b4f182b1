/**
 * Where sign-in and sync meet (features meet only in app/): while a clerk's session is kept, the
 * sync engine runs with its token; when the server refuses the token, the session is forgotten
 * (the sign-in form comes back) and the outbox waits untouched for the next sign-in.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import type { DeskBridge } from '../../../shared/ipc/desk-bridge';
import type { DeskDatabase } from '../db/desk-db';
import { readMeta, type SessionSummary } from '../db/desk-meta';
import { forgetSession, sessionToken } from '../features/auth/desk-auth';
import { createSyncEngine } from '../features/sync/sync-engine';
import { createSyncStatusStore, type SyncStatusStore } from '../features/sync/sync-status-store';

export function useDeskSync(db: DeskDatabase, bridge: DeskBridge): { session: SessionSummary | null | undefined; status: SyncStatusStore } {
  const [status] = useState(createSyncStatusStore);
  const session = useLiveQuery(async () => (await readMeta(db.meta, 'session')) ?? null, [db]);
  const deviceId = session?.deviceId;
  const signedInAt = session?.signedInAt;
  useEffect(() => {
    if (!deviceId || !signedInAt) return;
    let stopped = false;
    let stop: (() => Promise<void>) | undefined;
    void bridge.getConfig().then(({ serverUrl }) => {
      if (stopped) return;
      const engine = createSyncEngine({ db, serverUrl, deviceId, status, token: () => sessionToken(bridge), onUnauthenticated: () => forgetSession(db, bridge) });
      engine.start();
      stop = () => engine.stop();
    });
    return () => {
      stopped = true;
      void stop?.();
    };
  }, [db, bridge, status, deviceId, signedInAt]);
  return { session, status };
}
