/**
 * The signed-in clerk's agenda: search-as-you-type, filters by status and service, and the
 * virtualised grid of the day. Enter in the search opens the first booking found (a scanner typing
 * into the field lands there too); arrow down goes to the grid.
 */
import { useDeferredValue, useMemo, useRef, useState, type Ref, type RefObject } from 'react';
import { APPOINTMENT_STATUSES, SERVICE_CODES, type AppointmentStatus, type ServiceCode } from '../../../../shared/domain/codes';
import type { LocalAppointment } from '../../db/desk-db';
import { useI18n } from '../../i18n/i18n';
import { AgendaGrid } from './agenda-grid';
import { createAgendaIndexer, filterAgenda } from './agenda-search';

export interface AgendaWorkspaceProps {
  /** Every shown row of the day (any order). */
  rows: readonly LocalAppointment[];
  selectedBookingId: string | null;
  onOpenBooking(bookingId: string): void;
  searchRef?: Ref<HTMLInputElement>;
  /** The grid, for the app to put the focus back on it (e.g. after a booking is closed). */
  gridRef?: RefObject<HTMLDivElement | null>;
}

export function AgendaWorkspace({ rows, selectedBookingId, onOpenBooking, searchRef, gridRef }: AgendaWorkspaceProps) {
  const { t } = useI18n();
  const [query, setQuery] = useState('');
  const [status, setStatus] = useState<AppointmentStatus | 'all'>('all');
  const [service, setService] = useState<ServiceCode | 'all'>('all');
  const ownGrid = useRef<HTMLDivElement>(null);
  const grid = gridRef ?? ownGrid;
  const [indexer] = useState(createAgendaIndexer);
  const index = useMemo(() => indexer(rows), [indexer, rows]);
  const total = index.length;
  // Typing stays instant on a long day: the list follows as soon as the renderer is free.
  const deferredQuery = useDeferredValue(query);
  const shown = useMemo(() => filterAgenda(index, { query: deferredQuery, status, service }), [index, deferredQuery, status, service]);

  return (
    <section className="agenda panel" aria-labelledby="agenda-title">
      <header className="panel__header">
        <h2 id="agenda-title">{t('agendaTitle')}</h2>
        <p className="panel__count" role="status">
          {shown.length === total ? t('agendaCount', { count: total }) : t('agendaShown', { shown: shown.length, count: total })}
        </p>
      </header>
      <div className="agenda__tools">
        <label className="field agenda__search">
          <span>
            {t('agendaSearchLabel')} <kbd aria-hidden="true">/</kbd>
          </span>
          <input
            ref={searchRef}
            type="search"
            value={query}
            placeholder={t('agendaSearchPlaceholder')}
            aria-keyshortcuts="/"
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => setQuery(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                const found = filterAgenda(index, { query, status, service })[0];
                if (found) onOpenBooking(found.bookingId);
              } else if (event.key === 'ArrowDown') {
                event.preventDefault();
                grid.current?.focus();
              } else if (event.key === 'Escape') {
                // Esc clears the search, and a second Esc leaves the field for the grid (shortcuts work there).
                event.stopPropagation();
                if (query !== '') setQuery('');
                else grid.current?.focus();
              }
            }}
          />
        </label>
        <label className="field">
          <span>{t('agendaFilterStatus')}</span>
          <select value={status} onChange={(event) => setStatus(event.target.value as AppointmentStatus | 'all')}>
            <option value="all">{t('agendaFilterAll')}</option>
            {APPOINTMENT_STATUSES.map((option) => (
              <option key={option} value={option}>
                {t(`status_${option}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          <span>{t('agendaFilterService')}</span>
          <select value={service} onChange={(event) => setService(event.target.value as ServiceCode | 'all')}>
            <option value="all">{t('agendaFilterAll')}</option>
            {SERVICE_CODES.map((option) => (
              <option key={option} value={option}>
                {option} · {t(`service_${option}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {shown.length === 0 ? (
        <p>{total === 0 ? t('agendaEmpty') : t('agendaNoMatch')}</p>
      ) : (
        <AgendaGrid rows={shown} selectedBookingId={selectedBookingId} onOpenBooking={onOpenBooking} gridRef={grid} />
      )}
    </section>
  );
}
