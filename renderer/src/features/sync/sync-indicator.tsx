import type { DeskDatabase } from '../../db/desk-db';
import { useI18n } from '../../i18n/i18n';
import type { SyncStatusStore } from './sync-status-store';
import { useSyncStatus } from './use-sync-status';

/** One line about the sync engine: connected or not, last sync, what waits, what went wrong. */
export function SyncIndicator({ db, store, deskId }: { db: DeskDatabase; store: SyncStatusStore; deskId: string }) {
  const { t, formatTime } = useI18n();
  const status = useSyncStatus(db, store, deskId);
  const parts: string[] = [];
  if (status.needsSignIn) parts.push(t('deskSyncSignInAgain'));
  else if (status.connection === 'offline') {
    parts.push(t('deskSyncOffline'));
    if (status.backoff) parts.push(t('deskSyncRetry', { time: formatTime(status.backoff.retryAt) }));
  } else parts.push(status.lastSyncAt ? t('deskSyncOnline', { time: formatTime(status.lastSyncAt) }) : t('deskSyncNever'));
  if (status.waiting) parts.push(t('deskSyncWaiting', { count: status.waiting }));
  if (status.rejected) parts.push(t('deskSyncRejected', { count: status.rejected }));
  if (status.conflicts) parts.push(t('deskSyncConflicts', { count: status.conflicts }));
  if (status.clockSkewed) parts.push(t('deskSyncClockSkew'));
  const tone = status.needsSignIn || status.connection === 'offline' || status.rejected || status.clockSkewed ? 'warning' : 'ok';
  return (
    <p role="status" className={`sync-status sync-status--${tone}`} data-testid="desk-sync-status">
      {parts.join(' · ')}
    </p>
  );
}
