/**
 * After the desktop host reloaded the desk's page because its renderer went away (a crash, out of
 * memory), the clerk is told why the screen flickered and that nothing was lost, with what still
 * waits in the outbox (live: it counts down as the desk sends). The notice is a polite status
 * line: it never takes the focus from the clerk's work. Dismissed, it stays away for that crash,
 * also after a later ordinary reload; a new crash brings a new notice. A plain browser has no such
 * host (no getRecoveryNotice) and never shows one.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import type { DeskBridge, RecoveryNotice as HostNotice } from '../../../../shared/ipc/desk-bridge';
import type { DeskDatabase } from '../../db/desk-db';
import { useI18n } from '../../i18n/i18n';
import './recovery-notice.css';

/** Where the last dismissed notice is remembered (this window's session: a new start has no notice anyway). */
export const DISMISSED_KEY = 'balie.recoveryNoticeDismissed';

/** A notice is told apart from the next by when and how often the host reloaded. */
const noticeKey = (notice: HostNotice) => `${notice.at}#${notice.count}`;

/** The host's notice, once it answered and unless the clerk dismissed this one; null otherwise. */
function useHostNotice(bridge: DeskBridge, storage: Pick<Storage, 'getItem'>): HostNotice | null {
  const [notice, setNotice] = useState<HostNotice | null>(null);
  useEffect(() => {
    let current = true;
    // Not there in a browser; a failing call is not worth a second warning on a desk that just recovered.
    void bridge.getRecoveryNotice?.().then(
      (answer) => current && setNotice(answer && storage.getItem(DISMISSED_KEY) !== noticeKey(answer) ? answer : null),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [bridge, storage]);
  return notice;
}

export function RecoveryNotice({ db, bridge, storage = sessionStorage }: { db: DeskDatabase; bridge: DeskBridge; storage?: Pick<Storage, 'getItem' | 'setItem'> }) {
  const { t, formatTime } = useI18n();
  const hostNotice = useHostNotice(bridge, storage);
  const [dismissed, setDismissed] = useState<string | null>(null);
  const notice = hostNotice && dismissed !== noticeKey(hostNotice) ? hostNotice : null;
  const waiting = useLiveQuery(() => (notice ? db.outbox.where('state').equals('pending').count() : 0), [db, notice]);

  const dismiss = () => {
    if (!notice) return;
    storage.setItem(DISMISSED_KEY, noticeKey(notice));
    setDismissed(noticeKey(notice));
  };
  const parts: string[] = [];
  if (notice) {
    parts.push(t('recoveryRestarted', { time: formatTime(notice.at) }));
    if (waiting !== undefined) {
      parts.push(waiting === 0 ? t('recoveryAllSent') : waiting === 1 ? t('recoveryWaitingOne') : t('recoveryWaitingMany', { count: waiting }));
    }
    if (notice.count > 1) parts.push(t('recoveryRepeated', { count: notice.count }));
  }
  // The live region is on the page from the start, so a screen reader announces the text when it comes.
  return (
    <div className={notice ? 'recovery-notice' : 'recovery-notice recovery-notice--empty'} data-testid="recovery-notice">
      <p role="status" className="recovery-notice__text">
        {parts.join(' ')}
      </p>
      {notice && (
        <button type="button" className="recovery-notice__dismiss" aria-label={t('recoveryDismissLabel')} onClick={dismiss}>
          {t('recoveryDismiss')}
        </button>
      )}
    </div>
  );
}
