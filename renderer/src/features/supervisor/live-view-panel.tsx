import type { LiveDesk, LiveView } from '../../../../shared/reports/supervision-api';
import { useI18n } from '../../i18n/i18n';
import { formatDuration, secondsSince } from './figures-format';
import type { SupervisorSession } from './supervisor-api';
import { useLiveView, type LiveViewState, type LiveViewTiming } from './use-live-view';
import { useTickingNow } from './use-ticking-now';

/**
 * How a client is named on the supervisor's screen: the ticket number the waiting room knows them
 * by, with the booking's appointment code; a walk-in without either gets "walk-in" and the end of
 * the appointment id, enough to tell two apart.
 */
function clientLabel(client: { ticket: string | null; appointmentCode: string | null; appointmentId: string }, t: ReturnType<typeof useI18n>['t']): string {
  const code = client.appointmentCode ?? (client.ticket ? null : t('supervisorWalkIn', { id: client.appointmentId.slice(-4) }));
  return [client.ticket, code].filter(Boolean).join(' · ');
}

/** The server's time now: the view's instant moved on by the client's time since it was fetched. */
function serverNowOf(view: LiveView, fetchedAt: number, now: number): number {
  return Date.parse(view.at) + Math.max(0, now - fetchedAt);
}

function ConnectionLine({ state }: { state: LiveViewState }) {
  const { t, formatTime } = useI18n();
  const fetched = state.fetchedAt === null ? null : formatTime(new Date(state.fetchedAt));
  const text = {
    connecting: t('supervisorLiveConnecting'),
    live: fetched ? t('supervisorLiveOn', { time: fetched }) : t('supervisorLiveConnecting'),
    polling: fetched ? t('supervisorLivePolling', { time: fetched }) : t('supervisorLiveConnecting'),
    down: fetched ? t('supervisorLiveStale', { time: fetched }) : t('supervisorLiveDownNothing'),
  }[state.connection];
  const tone = state.connection === 'down' ? 'warning' : state.connection === 'connecting' ? 'plain' : 'ok';
  return (
    <p role="status" className={`supervisor__connection supervisor__connection--${tone}`} data-testid="live-connection">
      {text}
    </p>
  );
}

function DeskStatus({ desk, serverNow }: { desk: LiveDesk; serverNow: number }) {
  const { t, formatTime, language } = useI18n();
  switch (desk.status) {
    case 'paused':
      return <>{t('supervisorDeskPaused', { reason: desk.pause ? t(`pauseReason_${desk.pause.reason}`) : '', since: desk.pause ? formatTime(desk.pause.since) : '' })}{desk.pause?.note ? ` (${desk.pause.note})` : ''}</>;
    case 'serving': {
      const parts = desk.serving.map((client) => {
        const since = client.serviceStartedAt ?? client.calledAt;
        return t(client.status === 'called' ? 'supervisorDeskCalled' : 'supervisorDeskServing', {
          code: clientLabel(client, t),
          service: t(`service_${client.service}`),
          duration: since ? formatDuration(secondsSince(since, serverNow), language) : '–',
        });
      });
      return <>{parts.join('; ')}</>;
    }
    default:
      // The state column already says it: nobody at the desk.
      return <>–</>;
  }
}

function DeskTable({ view, serverNow }: { view: LiveView; serverNow: number }) {
  const { t, formatTime } = useI18n();
  if (view.desks.length === 0) return <p>{t('supervisorNoDesks')}</p>;
  return (
    <table className="supervisor__table" aria-labelledby="supervisor-desks-title">
      <thead>
        <tr>
          <th scope="col">{t('columnDesk')}</th>
          <th scope="col">{t('supervisorColumnState')}</th>
          <th scope="col">{t('supervisorColumnWhat')}</th>
          <th scope="col">{t('supervisorColumnClerk')}</th>
          <th scope="col">{t('supervisorColumnLastSync')}</th>
        </tr>
      </thead>
      <tbody>
        {view.desks.map((desk) => (
          <tr key={desk.deskId} data-testid="live-desk" data-desk={desk.deskId} data-status={desk.status}>
            <th scope="row">{desk.name}</th>
            <td><span className={`supervisor__badge supervisor__badge--${desk.status}`}>{t(`supervisorDeskStatus_${desk.status}`)}</span></td>
            <td><DeskStatus desk={desk} serverNow={serverNow} /></td>
            <td>{desk.clerkName ?? desk.clerkId ?? '–'}</td>
            <td>{desk.lastSyncAt ? formatTime(desk.lastSyncAt) : t('supervisorNeverSynced')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function WaitingTable({ view, serverNow, elapsed }: { view: LiveView; serverNow: number; elapsed: number }) {
  const { t, formatTime, language } = useI18n();
  if (view.waiting.length === 0) return <p>{t('supervisorNobodyWaiting')}</p>;
  return (
    <table className="supervisor__table" aria-labelledby="supervisor-queue-title">
      <thead>
        <tr>
          <th scope="col">{t('supervisorColumnClient')}</th>
          <th scope="col">{t('columnService')}</th>
          <th scope="col">{t('supervisorColumnWaitingSince')}</th>
          <th scope="col">{t('supervisorColumnWait')}</th>
        </tr>
      </thead>
      <tbody>
        {view.waiting.map((person) => {
          const wait = person.waitingSince ? secondsSince(person.waitingSince, serverNow) : person.waitSeconds + elapsed;
          const over = wait > view.targetWaitSeconds;
          return (
            <tr key={person.appointmentId} data-testid="live-waiting" className={over ? 'supervisor__row--over' : undefined}>
              <th scope="row">{clientLabel(person, t)}</th>
              <td>{t(`service_${person.service}`)}{person.status === 'transferred' ? ` (${t('status_transferred').toLowerCase()})` : ''}</td>
              <td>{person.waitingSince ? formatTime(person.waitingSince) : '–'}</td>
              <td>{formatDuration(wait, language)}{over ? ` · ${t('supervisorOverTarget')}` : ''}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** Who waits beyond the target: said in words (role=alert), not by colour alone. */
function WaitingAlert({ view, serverNow }: { view: LiveView; serverNow: number }) {
  const { t, language } = useI18n();
  const over = view.waiting.filter((person) => (person.waitingSince ? secondsSince(person.waitingSince, serverNow) : person.waitSeconds) > view.targetWaitSeconds);
  if (over.length === 0) return null;
  const longest = over[0]!;
  return (
    <div role="alert" className="supervisor__alert" data-testid="waiting-alert">
      <strong>{t('supervisorAlertTitle')}</strong>{' '}
      {t(over.length === 1 ? 'supervisorAlertOne' : 'supervisorAlertMany', {
        count: over.length,
        target: formatDuration(view.targetWaitSeconds, language),
        code: clientLabel(longest, t),
      })}
    </div>
  );
}

/** What the live view shows, given its state (the hook is apart, so tests and stories can hand a state in). */
export function LiveViewContent({ state }: { state: LiveViewState }) {
  const { t, language } = useI18n();
  const now = useTickingNow();
  const { view, fetchedAt, failure } = state;
  return (
    <section aria-labelledby="supervisor-live-title" className="supervisor__section">
      <h2 id="supervisor-live-title">{view ? t('supervisorLiveTitleAt', { location: view.locationId }) : t('supervisorLiveTitle')}</h2>
      <ConnectionLine state={state} />
      {failure && failure.error !== 'offline' && <p role="alert" className="supervisor__error">{t(`supervisorError_${failure.error}`)}</p>}
      {view && fetchedAt !== null && (
        <>
          <WaitingAlert view={view} serverNow={serverNowOf(view, fetchedAt, now)} />
          <dl className="supervisor__figures">
            <div><dt>{t('supervisorQueueLength')}</dt><dd data-testid="queue-length">{view.queueLength}</dd></div>
            <div><dt>{t('supervisorLongestWait')}</dt><dd>{view.queueLength === 0 ? '–' : formatDuration(view.longestWaitSeconds + Math.max(0, now - fetchedAt) / 1000, language)}</dd></div>
            <div><dt>{t('supervisorTarget')}</dt><dd>{formatDuration(view.targetWaitSeconds, language)}</dd></div>
          </dl>
          <h3 id="supervisor-desks-title">{t('supervisorDesksTitle')}</h3>
          <DeskTable view={view} serverNow={serverNowOf(view, fetchedAt, now)} />
          <h3 id="supervisor-queue-title">{t('supervisorQueueTitle')}</h3>
          <WaitingTable view={view} serverNow={serverNowOf(view, fetchedAt, now)} elapsed={Math.max(0, now - fetchedAt) / 1000} />
        </>
      )}
    </section>
  );
}

/** The live view of the session's location: desks, queue and the waiting alert, live through the change stream. */
export function LiveViewPanel({ session, timing }: { session: SupervisorSession; timing?: LiveViewTiming }) {
  const state = useLiveView(session, timing);
  return <LiveViewContent state={state} />;
}
