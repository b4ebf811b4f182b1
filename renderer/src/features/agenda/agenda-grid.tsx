/**
 * The day as a keyboard grid that stays smooth at 10,000 rows: only the rows in view are in the
 * page (@tanstack/react-virtual), while the grid still tells assistive technology how many rows
 * there are (aria-rowcount, aria-rowindex). The grid keeps the focus and points at the active row
 * (aria-activedescendant), so a row scrolled out of the page never takes the focus with it.
 */
import { observeElementRect, useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { useEffect, useId, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import type { LocalAppointment } from '../../db/desk-db';
import { useI18n } from '../../i18n/i18n';

export const AGENDA_ROW_HEIGHT = 36;
const PAGE_ROWS = 10;
/** Where the page has no layout yet (or a test's DOM has none), assume a screenful of rows. */
const FALLBACK_VIEW_HEIGHT = 16 * AGENDA_ROW_HEIGHT;

function observeRectOrFallback(instance: Virtualizer<HTMLDivElement, Element>, callback: (rect: { width: number; height: number }) => void) {
  return observeElementRect(instance, (rect) => callback(rect.height > 0 ? rect : { width: rect.width, height: FALLBACK_VIEW_HEIGHT }));
}

export interface AgendaGridProps {
  rows: readonly LocalAppointment[];
  /** The booking opened elsewhere (by a scan or the queue): the grid moves to it. */
  selectedBookingId: string | null;
  onOpenBooking(bookingId: string): void;
  gridRef?: RefObject<HTMLDivElement | null>;
}

export function AgendaGrid({ rows, selectedBookingId, onOpenBooking, gridRef }: AgendaGridProps) {
  const { t } = useI18n();
  const id = useId();
  const scrollElement = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(0);
  // We use no React Compiler; the virtualizer's functions are read fresh on every render.
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollElement.current,
    estimateSize: () => AGENDA_ROW_HEIGHT,
    overscan: 8,
    observeElementRect: observeRectOrFallback,
    getItemKey: (index) => rows[index]?.id ?? index,
    // The header row scrolls with the grid (sticky on top): the rows start below it.
    scrollMargin: AGENDA_ROW_HEIGHT,
  });

  useEffect(() => {
    if (selectedBookingId === null) return;
    const index = rows.findIndex((row) => row.bookingId === selectedBookingId);
    if (index >= 0) {
      setActive(index);
      virtualizer.scrollToIndex(index, { align: 'auto' });
    }
    // Follow a newly selected booking, not every change of the rows.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [selectedBookingId]);

  const activeIndex = Math.min(active, Math.max(0, rows.length - 1));
  const moveTo = (index: number) => {
    const next = Math.max(0, Math.min(rows.length - 1, index));
    setActive(next);
    virtualizer.scrollToIndex(next, { align: 'auto' });
  };
  const onKeyDown = (event: KeyboardEvent) => {
    const moves: Record<string, number> = { ArrowDown: activeIndex + 1, ArrowUp: activeIndex - 1, PageDown: activeIndex + PAGE_ROWS, PageUp: activeIndex - PAGE_ROWS, Home: 0, End: rows.length - 1 };
    if (event.key in moves) {
      event.preventDefault();
      moveTo(moves[event.key]!);
    } else if (event.key === 'Enter' && rows[activeIndex]) {
      event.preventDefault();
      onOpenBooking(rows[activeIndex].bookingId);
    }
  };

  const items = virtualizer.getVirtualItems();
  const rowId = (index: number) => `${id}-row-${index}`;
  const activeShown = items.some((item) => item.index === activeIndex);
  const columns = ['columnTime', 'columnCode', 'columnName', 'columnService', 'columnStatus', 'columnDesk'] as const;

  return (
    <>
    <p id={`${id}-help`} className="visually-hidden">
      {t('agendaGridHelp')}
    </p>
    <div
      ref={(element) => {
        scrollElement.current = element;
        if (gridRef) gridRef.current = element;
      }}
      role="grid"
      className="agenda-grid"
      aria-label={t('agendaGridLabel')}
      aria-describedby={`${id}-help`}
      aria-rowcount={rows.length + 1}
      aria-colcount={columns.length}
      aria-activedescendant={activeShown && rows.length > 0 ? rowId(activeIndex) : undefined}
      tabIndex={0}
      onKeyDown={onKeyDown}
      data-testid="agenda-grid"
    >
      <div role="rowgroup">
        <div role="row" aria-rowindex={1} className="agenda-grid__row agenda-grid__row--head">
          {columns.map((column) => (
            <div role="columnheader" key={column}>
              {t(column)}
            </div>
          ))}
        </div>
      </div>
      <div role="rowgroup" className="agenda-grid__body" style={{ height: virtualizer.getTotalSize() - AGENDA_ROW_HEIGHT }}>
        <div>
          {items.map((item) => {
            const row = rows[item.index]!;
            const previous = rows[item.index - 1];
            const firstOfBooking = previous?.bookingId !== row.bookingId;
            const firstOfPerson = firstOfBooking || previous?.personId !== row.personId;
            // A booking holds at most 6 persons with at most 6 services each: its rows are within the next 36.
            const booking = firstOfBooking ? rows.slice(item.index, item.index + 36).filter((other) => other.bookingId === row.bookingId) : [];
            const family = new Set(booking.map((other) => other.personId)).size;
            const slot = (booking.find((other) => !other.walkIn) ?? row).slotStart;
            return (
              <div
                key={item.key}
                id={rowId(item.index)}
                role="row"
                aria-rowindex={item.index + 2}
                aria-selected={item.index === activeIndex}
                className={`agenda-grid__row${firstOfBooking ? ' agenda-grid__row--booking' : ''}${item.index === activeIndex ? ' agenda-grid__row--active' : ''}`}
                style={{ transform: `translateY(${item.start - AGENDA_ROW_HEIGHT}px)`, height: AGENDA_ROW_HEIGHT }}
                onClick={() => {
                  setActive(item.index);
                  onOpenBooking(row.bookingId);
                }}
                data-testid="agenda-row"
              >
                <div role="gridcell">{firstOfBooking ? slot : ''}</div>
                <div role="gridcell">
                  {firstOfBooking && (row.appointmentCode ?? t('agendaWalkIn'))}
                  {family > 1 && <span className="agenda__family"> · {t('familyOf', { count: family })}</span>}
                </div>
                <div role="gridcell">{firstOfPerson ? row.personName : ''}</div>
                <div role="gridcell">
                  <abbr title={t(`service_${row.service}`)}>{row.service}</abbr>
                </div>
                <div role="gridcell">
                  <span className={`status status--${row.status}`}>{t(`status_${row.status}`)}</span>
                </div>
                <div role="gridcell">{row.deskId ?? '–'}</div>
              </div>
            );
          })}
        </div>
      </div>
    </div>
    </>
  );
}
