import { useLiveQuery } from 'dexie-react-hooks';
import { useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { DeskDatabase } from '../../db/desk-db';
import { readMeta } from '../../db/desk-meta';
import { retryStorage, storageFullError, storageGuard } from '../../db/storage-guard';
import { useI18n } from '../../i18n/i18n';
import { ReviewPanel } from './review-panel';
import type { SyncStatusStore } from './sync-status-store';
import { useSyncStatus } from './use-sync-status';

/**
 * The desk's storage, said where the clerk looks: a full disk (actions blocked, with a way to try
 * again), a browser that did not promise to keep the data, and old days kept because something of
 * them was not sent or was refused.
 */
function StorageNotices({ db }: { db: DeskDatabase }) {
  const { t, language } = useI18n();
  const { full, persistence } = useStore(storageGuard(db));
  const retention = useLiveQuery(() => readMeta(db.meta, 'lastRetention'), [db]);
  const [stillFull, setStillFull] = useState(false);
  return (
    <>
      {full && (
        <div role="alert" className="sync-status sync-status--warning">
          <p>{storageFullError.message[language]}</p>
          {stillFull && <p>{t('storageStillFull')}</p>}
          <button type="button" onClick={() => void retryStorage(db).then((ok) => setStillFull(!ok))}>
            {t('storageRetry')}
          </button>
        </div>
      )}
      {persistence === 'refused' && <p className="sync-status sync-status--warning">{t('storageNotPersisted')}</p>}
      {retention?.keptDates.map((kept) => (
        <p key={kept.date} className="sync-status">
          {t('storageKeptDay', { date: kept.date, pending: kept.pending, rejected: kept.rejected })}
        </p>
      ))}
    </>
  );
}

/** One line about the sync engine: connected or not, last sync, what waits, what went wrong; and the way to review it. */
export function SyncIndicator({ db, store, deskId }: { db: DeskDatabase; store: SyncStatusStore; deskId: string }) {
  const { t, formatTime } = useI18n();
  const status = useSyncStatus(db, store, deskId);
  const [reviewing, setReviewing] = useState(false);
  const reviewButton = useRef<HTMLButtonElement>(null);
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
  const toReview = (status.rejected ?? 0) + (status.conflicts ?? 0);
  const closeReview = () => {
    setReviewing(false);
    reviewButton.current?.focus();
  };
  return (
    <div className="sync-line">
      <p role="status" className={`sync-status sync-status--${tone}`} data-testid="desk-sync-status">
        {parts.join(' · ')}
      </p>
      {/* Resolved conflicts keep the way to the review open: the supervisor's note is read there. */}
      {(toReview > 0 || (status.resolvedConflicts ?? 0) > 0 || reviewing) && (
        <button ref={reviewButton} type="button" aria-expanded={reviewing} onClick={() => (reviewing ? closeReview() : setReviewing(true))}>
          {t('reviewOpen', { count: toReview })}
        </button>
      )}
      <StorageNotices db={db} />
      {reviewing && <ReviewPanel db={db} deskId={deskId} onClose={closeReview} />}
    </div>
  );
}
