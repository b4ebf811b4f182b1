import { useLiveQuery } from 'dexie-react-hooks';
import { useLayoutEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import type { DeskDatabase } from '../../db/desk-db';
import { useI18n } from '../../i18n/i18n';
import { readConflictItems, readRefusedItems, type ConflictItem, type DeskSide, type RefusedItem } from './review-items';

/** A list the arrow keys move through (one item in the tab order at a time: a roving tabindex). */
function ReviewList({ label, empty, children }: { label: string; empty: string; children: ReactNode[] }) {
  const listRef = useRef<HTMLUListElement>(null);
  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    const items = [...(listRef.current?.querySelectorAll<HTMLLIElement>(':scope > li') ?? [])];
    const current = items.indexOf(document.activeElement as HTMLLIElement);
    const target = { ArrowDown: current + 1, ArrowUp: current - 1, Home: 0, End: items.length - 1 }[event.key];
    if (target === undefined || current === -1) return;
    event.preventDefault();
    const next = items[Math.max(0, Math.min(items.length - 1, target))];
    items.forEach((item) => (item.tabIndex = item === next ? 0 : -1));
    next?.focus();
  };
  if (children.length === 0) return <p>{empty}</p>;
  return (
    <ul ref={listRef} className="review__list" aria-label={label} onKeyDown={onKeyDown}>
      {children}
    </ul>
  );
}

function useDeskSideText() {
  const { t, formatTime } = useI18n();
  return (side: DeskSide) =>
    t('reviewAction', {
      action: t(`reviewEvent_${side.type}`),
      subject: side.personName ?? (side.appointmentId ? t('reviewUnknownSubject') : t('reviewDeskSubject')),
      time: formatTime(side.occurredAt),
      desk: side.deskId,
    });
}

function RefusedEntry({ item, first }: { item: RefusedItem; first: boolean }) {
  const { t } = useI18n();
  const deskSide = useDeskSideText();
  const reason = item.reason.code === 'other' ? t('reviewReason_other', { code: item.reason.raw }) : t(`reviewReason_${item.reason.code}`);
  return (
    <li tabIndex={first ? 0 : -1} className="review__item">
      <p><strong>{t('reviewThisDesk')}:</strong> {deskSide(item.desk)}</p>
      <p><strong>{t('reviewServer')}:</strong> {reason}</p>
      {item.reason.detail && <p className="review__detail">{t('reviewDetail', { detail: item.reason.detail })}</p>}
    </li>
  );
}

function ConflictEntry({ item, first }: { item: ConflictItem; first: boolean }) {
  const { t, language, formatTime } = useI18n();
  const deskSide = useDeskSideText();
  const now = item.serverNow;
  return (
    <li tabIndex={first ? 0 : -1} className="review__item">
      <p><strong>{t('reviewThisDesk')}:</strong> {deskSide(item.desk)}</p>
      <p><strong>{t('reviewServer')}:</strong> {item.verdict[language]}</p>
      {now && <p>{now.deskId ? t('reviewServerNowAtDesk', { status: t(`status_${now.status}`), desk: now.deskId }) : t('reviewServerNow', { status: t(`status_${now.status}`) })}</p>}
      {item.resolution && <p>{t('reviewResolved', { time: formatTime(item.resolution.resolvedAt), note: item.resolution.note })}</p>}
    </li>
  );
}

/**
 * The events the server refused and this desk's conflicts, both sides each, reached from the sync
 * line. Opens with the focus on the first entry; Esc (or the close button) hands it back.
 */
export function ReviewPanel({ db, deskId, onClose }: { db: DeskDatabase; deskId: string; onClose: () => void }) {
  const { t } = useI18n();
  const items = useLiveQuery(async () => ({ refused: await readRefusedItems(db), conflicts: await readConflictItems(db, deskId) }), [db, deskId]);
  const panelRef = useRef<HTMLElement>(null);
  const loaded = items !== undefined;
  // A layout effect: the focus is on the first entry in the frame the list appears (see booking-panel).
  useLayoutEffect(() => {
    if (loaded) (panelRef.current?.querySelector<HTMLElement>('li[tabindex="0"]') ?? panelRef.current?.querySelector<HTMLElement>('button'))?.focus();
  }, [loaded]);
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.key !== 'Escape') return;
    event.preventDefault();
    onClose();
  };
  return (
    <section ref={panelRef} className="review" aria-labelledby="review-title" onKeyDown={onKeyDown}>
      <h2 id="review-title">{t('reviewTitle')}</h2>
      <p>{t('reviewHelp')}</p>
      {items && (
        <>
          <h3>{t('reviewRejectedTitle', { count: items.refused.length })}</h3>
          <ReviewList label={t('reviewRejectedTitle', { count: items.refused.length })} empty={t('reviewNoneRejected')}>
            {items.refused.map((item, index) => <RefusedEntry key={item.key} item={item} first={index === 0} />)}
          </ReviewList>
          <h3>{t('reviewConflictsTitle', { count: items.conflicts.length })}</h3>
          <ReviewList label={t('reviewConflictsTitle', { count: items.conflicts.length })} empty={t('reviewNoneConflicts')}>
            {items.conflicts.map((item, index) => <ConflictEntry key={item.key} item={item} first={index === 0} />)}
          </ReviewList>
        </>
      )}
      <button type="button" onClick={onClose}>
        {t('reviewClose')}
      </button>
    </section>
  );
}
