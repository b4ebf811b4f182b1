import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { FAST_TRACK_STATES, FAST_TRACK_WORKING_DAYS, type FastTrackList, type FastTrackRegistration } from '../../../../shared/fast-track/fast-track-api';
import { useI18n } from '../../i18n/i18n';
import { BsnImportForm } from './bsn-import-form';
import { fetchFastTrack, type FastTrackFailure, type FastTrackPeriod, type FastTrackSession } from './fast-track-client';
import { FastTrackFilter } from './fast-track-filter';
import { countsOf, defaultPeriod, formatDay, rowsOfView, withBsnDay, type FastTrackView } from './fast-track-list';
import { FastTrackRow } from './fast-track-row';
import './fast-track.css';

export interface FastTrackPanelProps {
  /** Where the server is and who asks: a GemeenteLoket account, a supervisor or an admin. */
  readonly session: FastTrackSession;
  /** Today in Europe/Amsterdam (YYYY-MM-DD): the default period ends on it. */
  readonly today: string;
}

/** `shown`: the view's rows in the order of the list as loaded, so a row recorded since stays put. */
type Loaded = { state: 'loading' } | { state: 'ready'; list: FastTrackList; shown: readonly string[] } | { state: 'failed'; failure: FastTrackFailure };
type Answer = { for: string; loaded: Loaded };
/** Where the keyboard goes once a row changed: the next open row's date after recording, the row's own after an undo. */
type FocusTarget = { after: string } | { on: string };

function Counts({ registrations }: { registrations: readonly FastTrackRegistration[] }) {
  const { t } = useI18n();
  const counts = countsOf(registrations);
  return (
    <section aria-labelledby="fast-track-counts">
      <h3 id="fast-track-counts">{t('fastTrackCountsTitle')}</h3>
      <dl className="fast-track__counts" data-testid="fast-track-counts">
        {FAST_TRACK_STATES.map((state) => (
          <div key={state} className={`fast-track__count fast-track__count--${state}`} data-state={state}>
            <dt>{t(`fastTrackState_${state}`)}</dt>
            <dd>{counts[state]}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/**
 * The fast-track follow-up a GemeenteLoket employee works through: the open registrations of the
 * last three months (overdue first), counts per state, and per registration the day its BSN was
 * issued, recorded by keyboard (Enter) or with "BSN issued today", and taken back with "Undo".
 * Only the day is recorded, never the BSN.
 */
export function FastTrackPanel({ session, today }: FastTrackPanelProps) {
  const { t, language } = useI18n();
  const [view, setView] = useState<FastTrackView>('open');
  const [period, setPeriod] = useState<FastTrackPeriod>(() => defaultPeriod(today));
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [focusTarget, setFocusTarget] = useState<FocusTarget | null>(null);
  const [reloads, setReloads] = useState(0);
  const table = useRef<HTMLTableSectionElement>(null);
  const { serverUrl, token, locationId } = session;
  // An answer counts only for the question it answers: a new filter shows "loading" until its own arrives.
  const question = JSON.stringify([serverUrl, locationId, view, period, reloads]);
  const loaded: Loaded = answer?.for === question ? answer.loaded : { state: 'loading' };
  useEffect(() => {
    let current = true;
    void fetchFastTrack({ serverUrl, token, locationId }, period).then((result) => {
      if (!current) return;
      const shown = result.ok ? rowsOfView(result.value.registrations, view).map((row) => row.appointmentId) : [];
      setAnswer({ for: question, loaded: result.ok ? { state: 'ready', list: result.value, shown } : { state: 'failed', failure: result } });
    });
    return () => { current = false; };
  }, [serverUrl, token, locationId, view, period, question]);

  // The row just recorded lost its input: the keyboard goes on to the next open one (or back, after an undo).
  useLayoutEffect(() => {
    if (!focusTarget || !table.current) return;
    const rows = [...table.current.querySelectorAll<HTMLTableRowElement>('tr[data-appointment]')];
    const index = rows.findIndex((row) => row.dataset.appointment === ('on' in focusTarget ? focusTarget.on : focusTarget.after));
    const candidates = 'on' in focusTarget ? rows.slice(index, index + 1) : [...rows.slice(index + 1), ...rows.slice(0, index)];
    const next = candidates.map((row) => row.querySelector<HTMLInputElement>('[data-fast-track-input]')).find((input) => input !== null);
    next?.focus();
    setFocusTarget(null);
  }, [focusTarget]);

  const recorded = (today: string, row: FastTrackRegistration, bsnIssuedOn: string | null) => {
    const updated = withBsnDay(row, bsnIssuedOn, today);
    // Two rows may be saved at once: each answer updates the list as it then is.
    setAnswer((previous) => {
      if (previous?.loaded.state !== 'ready') return previous;
      const { list } = previous.loaded;
      const registrations = list.registrations.map((entry) => (entry.appointmentId === row.appointmentId ? updated : entry));
      return { ...previous, loaded: { ...previous.loaded, list: { ...list, registrations } } };
    });
    setAnnouncement(
      bsnIssuedOn === null
        ? t('fastTrackUndone', { name: row.personName })
        : t('fastTrackRecorded', { name: row.personName, date: formatDay(bsnIssuedOn, language), state: t(`fastTrackState_${updated.state}`) }),
    );
    setFocusTarget(bsnIssuedOn === null ? { on: row.appointmentId } : { after: row.appointmentId });
  };

  const choose = (nextView: FastTrackView, nextPeriod: FastTrackPeriod) => {
    setView(nextView);
    setPeriod(nextPeriod);
    setAnnouncement('');
    setReloads((count) => count + 1);
  };

  const list = loaded.state === 'ready' ? loaded.list : null;
  const byId = new Map(list?.registrations.map((row) => [row.appointmentId, row]));
  const rows = loaded.state === 'ready' ? loaded.shown.map((id) => byId.get(id)).filter((row) => row !== undefined) : [];
  const showLocation = locationId === null;
  return (
    <section className="fast-track" aria-labelledby="fast-track-title">
      <h2 id="fast-track-title">{locationId ? t('fastTrackTitleAt', { location: locationId }) : t('fastTrackTitle')}</h2>
      <p>{t('fastTrackRule', { days: FAST_TRACK_WORKING_DAYS })}</p>
      <p className="fast-track__privacy" data-testid="fast-track-privacy">{t('fastTrackPrivacy')}</p>
      <FastTrackFilter view={view} period={period} onChoose={choose} />
      <p role="status" className="fast-track__status">{announcement}</p>
      {loaded.state === 'loading' && <p>{t('fastTrackLoading')}</p>}
      {loaded.state === 'failed' && <p role="alert" className="fast-track__error">{t(`fastTrackError_${loaded.failure.error}`)}</p>}
      {list && (
        <>
          <Counts registrations={list.registrations} />
          <h3 id="fast-track-list-title">{t('fastTrackListTitle', { from: formatDay(period.from, language), to: formatDay(period.to, language) })}</h3>
          {rows.length === 0 ? (
            <p>{view === 'open' ? t('fastTrackNoneOpen') : t('fastTrackNone')}</p>
          ) : (
            <div className="fast-track__scroll">
              <p className="fast-track__muted">{t('fastTrackEnterHint')}</p>
              <table className="fast-track__table" aria-labelledby="fast-track-list-title">
                <thead>
                  <tr>
                    <th scope="col">{t('fastTrackColumnName')}</th>
                    {showLocation && <th scope="col">{t('fastTrackColumnLocation')}</th>}
                    <th scope="col">{t('fastTrackColumnBirth')}</th>
                    <th scope="col">{t('fastTrackColumnCode')}</th>
                    <th scope="col">{t('fastTrackColumnRegistered')}</th>
                    <th scope="col">{t('fastTrackColumnDeadline')}</th>
                    <th scope="col">{t('fastTrackColumnState')}</th>
                    <th scope="col">{t('fastTrackColumnDays')}</th>
                    <th scope="col">{t('fastTrackColumnBsnDay')}</th>
                  </tr>
                </thead>
                <tbody ref={table}>
                  {rows.map((row) => (
                    <FastTrackRow
                      key={row.appointmentId}
                      registration={row}
                      session={session}
                      today={list.today}
                      showLocation={showLocation}
                      onRecorded={(registration, bsnIssuedOn) => recorded(list.today, registration, bsnIssuedOn)}
                    />
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
      {/* An import names its location: an admin looking at every location chooses one first. */}
      {locationId !== null && <BsnImportForm session={session} onImported={() => setReloads((count) => count + 1)} />}
    </section>
  );
}
