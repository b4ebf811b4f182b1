/**
 * The waiting queue of this desk: who is at the desk now, who waits (longest wait first, with the
 * waiting time and a warning past the 5-minute target), who is parked, and the call actions.
 */
import { memo, useCallback, useLayoutEffect, useMemo, useRef, type Ref } from 'react';
import { SERVICE_CODES, type ServiceCode } from '../../../../shared/domain/codes';
import { callAppointment, callNext, markNoShow, recall } from '../../../../shared/domain/commands-queue';
import type { BalieEvent } from '../../../../shared/sync/events';
import type { LocalAppointment } from '../../db/desk-db';
import { useI18n } from '../../i18n/i18n';
import { allOf } from './compose-commands';
import { arrivedLate, calledToDesk, minutesWaited, parkedAtDesk, pastTarget, waitingQueue } from './queue-view';
import { ShortcutButton } from '../../ui/shortcut-button';
import type { Perform } from './use-desk-actions';

export interface QueuePanelProps {
  rows: readonly LocalAppointment[];
  deskId: string;
  services: readonly ServiceCode[];
  onServicesChange(services: ServiceCode[]): void;
  /** The clock the waiting times are shown against (ticks in the app; fixed in tests). */
  now: Date;
  perform: Perform;
  /** Given while persons are at this desk but the visit screen was left: the way back to it. */
  onOpenVisit?: () => void;
  callNextRef?: Ref<HTMLButtonElement>;
}

/** The names of the persons the events are about, in event order, each once. */
export function namesOf(rows: readonly LocalAppointment[], events: readonly BalieEvent[]): string {
  const byId = new Map(rows.map((row) => [row.id, row.personName]));
  return [...new Set(events.flatMap((event) => (event.appointmentId ? (byId.get(event.appointmentId) ?? []) : [])))].join(', ');
}

/** Recalls everyone still called to this desk (a family comes together). */
export function recallCommand(called: readonly LocalAppointment[]) {
  return allOf(called.filter((row) => row.status === 'called').map((row) => (state, context) => recall(state, { appointmentId: row.id }, context)));
}

/** Marks everyone called to this desk who did not come as a no-show. */
export function noShowCommand(called: readonly LocalAppointment[]) {
  return allOf(called.filter((row) => row.status === 'called').map((row) => (state, context) => markNoShow(state, { appointmentId: row.id }, context)));
}

interface WaitingClientProps {
  row: LocalAppointment;
  minutes: number;
  onCall(appointmentId: string): void;
}

/**
 * One waiting client. Drawn again only when its row or its minutes change: on a busy day the queue
 * holds a hundred clients and an action changes one of them.
 */
const WaitingClient = memo(function WaitingClient({ row, minutes, onCall }: WaitingClientProps) {
  const { t } = useI18n();
  const long = pastTarget(minutes);
  return (
    <li className="queue__item" data-testid="waiting">
      <span className="queue__slot">{row.slotStart}</span>
      {row.ticket && <span className="queue__ticket">{t('queueTicket', { ticket: row.ticket })}</span>}
      <span className="queue__name">{row.personName}</span>
      <abbr title={t(`service_${row.service}`)}>{row.service}</abbr>
      <span className={long ? 'queue__wait queue__wait--long' : 'queue__wait'} data-testid="wait">
        {t(long ? 'queueWaitedLong' : 'queueWaited', { minutes })}
      </span>
      {arrivedLate(row) && <span className="tag">{t('queueLate')}</span>}
      {row.status === 'transferred' && <span className="tag">{t('queueTransferredIn')}</span>}
      <button type="button" className="button button--small" aria-label={t('queueCallPerson', { name: row.personName })} onClick={() => onCall(row.id)}>
        {t('queueCall')}
      </button>
    </li>
  );
});

export function QueuePanel({ rows, deskId, services, onServicesChange, now, perform, onOpenVisit, callNextRef }: QueuePanelProps) {
  const { t } = useI18n();
  const waiting = useMemo(() => waitingQueue(rows, deskId, services), [rows, deskId, services]);
  const called = useMemo(() => calledToDesk(rows, deskId), [rows, deskId]);
  const parked = useMemo(() => parkedAtDesk(rows, deskId), [rows, deskId]);
  // The names are looked up when the call is stored: by then the rows may be newer than this render's.
  const latestRows = useRef(rows);
  useLayoutEffect(() => {
    latestRows.current = rows;
  }, [rows]);
  const calledText = useCallback((events: readonly BalieEvent[]) => t('queueCalled', { names: namesOf(latestRows.current, events) }), [t]);
  const callPerson = useCallback(
    (appointmentId: string) => void perform((state, context) => callAppointment(state, { appointmentId }, context), calledText),
    [perform, calledText],
  );
  const anyCalled = called.some((row) => row.status === 'called');

  const toggleService = (service: ServiceCode, on: boolean) => {
    const next = on ? [...services, service] : services.filter((served) => served !== service);
    if (next.length > 0) onServicesChange(SERVICE_CODES.filter((code) => next.includes(code)));
  };

  return (
    <section className="queue panel" aria-labelledby="queue-title">
      <header className="panel__header">
        <h2 id="queue-title">{t('queueTitle')}</h2>
        <p className="panel__count">{t('queueWaitingCount', { count: waiting.length })}</p>
      </header>
      <ShortcutButton
        ref={callNextRef}
        shortcut="N"
        className="button--primary queue__call-next"
        onClick={() => void perform((state, context) => callNext(state, { services }, context), calledText)}
      >
        {t('queueCallNext')}
      </ShortcutButton>

      <h3>{t('queueAtDesk')}</h3>
      {called.length === 0 ? (
        <p className="muted">{t('queueAtDeskNobody')}</p>
      ) : (
        <>
          <ul className="queue__list" aria-label={t('queueAtDesk')}>
            {called.map((row) => (
              <li key={row.id} className="queue__item">
                <span className="queue__name">{row.personName}</span>
                <abbr title={t(`service_${row.service}`)}>{row.service}</abbr>
                <span>{t(`status_${row.status}`)}</span>
                <span className="muted">{t('queueCalledCount', { count: row.callCount })}</span>
              </li>
            ))}
          </ul>
          <div className="button-row">
            {anyCalled && (
              <>
                <ShortcutButton shortcut="R" onClick={() => void perform(recallCommand(called), calledText)}>
                  {t('queueRecall')}
                </ShortcutButton>
                <ShortcutButton shortcut="X" onClick={() => void perform(noShowCommand(called))}>
                  {t('queueNoShow')}
                </ShortcutButton>
              </>
            )}
            {onOpenVisit && (
              <ShortcutButton shortcut="V" onClick={onOpenVisit}>
                {t('queueOpenVisit')}
              </ShortcutButton>
            )}
          </div>
        </>
      )}

      <h3 id="queue-waiting-title">{t('queueWaitingCount', { count: waiting.length })}</h3>
      {waiting.length === 0 ? (
        <p className="muted">{t('queueEmpty')}</p>
      ) : (
        <ol className="queue__list" aria-labelledby="queue-waiting-title" data-testid="waiting-queue">
          {waiting.map((row) => (
            <WaitingClient key={row.id} row={row} minutes={minutesWaited(row, now)} onCall={callPerson} />
          ))}
        </ol>
      )}

      {parked.length > 0 && (
        <>
          <h3 id="queue-parked-title">{t('queueParked')}</h3>
          <ul className="queue__list" aria-labelledby="queue-parked-title">
            {parked.map((row) => (
              <li key={row.id} className="queue__item">
                <span className="queue__name">{row.personName}</span>
                <abbr title={t(`service_${row.service}`)}>{row.service}</abbr>
                {row.parkReason && <span className="muted">{t('queueParkedReason', { reason: row.parkReason })}</span>}
                <button
                  type="button"
                  className="button button--small"
                  aria-label={`${t('queueCallAgain')}: ${row.personName}`}
                  onClick={() => callPerson(row.id)}
                >
                  {t('queueCallAgain')}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}

      <fieldset className="queue__services">
        <legend>{t('queueServicesLegend')}</legend>
        {SERVICE_CODES.map((service) => (
          <label key={service} className="checkbox">
            <input type="checkbox" checked={services.includes(service)} onChange={(event) => toggleService(service, event.target.checked)} />
            <abbr title={t(`service_${service}`)}>{service}</abbr>
          </label>
        ))}
      </fieldset>
    </section>
  );
}
