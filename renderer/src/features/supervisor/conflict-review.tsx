import { useEffect, useId, useState, type FormEvent } from 'react';
import type { ConflictRecord } from '../../../../shared/reports/supervision-api';
import { useI18n } from '../../i18n/i18n';
import { nl, type MessageKey } from '../../i18n/messages';
import { fetchConflicts, resolveConflict, type ApiFailure, type SupervisorSession } from './supervisor-api';

type ConflictState = 'open' | 'resolved' | 'all';

const text = (record: Record<string, unknown> | null, field: string): string | null => {
  const value = record?.[field];
  return typeof value === 'string' ? value : null;
};

/** An event type in the reader's words where the desk has them (the review list's names), else as stored. */
function eventName(type: string | null, t: ReturnType<typeof useI18n>['t']): string {
  if (type === null) return '?';
  const key = `reviewEvent_${type}`;
  return key in nl ? t(key as MessageKey) : type;
}

/** The desk's side in words: what it did, to whom, where, when. */
function DeskSide({ conflict }: { conflict: ConflictRecord }) {
  const { t, formatTime } = useI18n();
  const event = conflict.event;
  const occurredAt = text(event, 'occurredAt');
  return (
    <p>
      <strong>{t('supervisorConflictDesk')}:</strong>{' '}
      {t('supervisorConflictDeskText', {
        type: eventName(text(event, 'type'), t),
        desk: text(event, 'deskId') ?? '?',
        clerk: text(event, 'clerkId') ?? '?',
        appointment: text(event, 'appointmentId') ?? '–',
        time: occurredAt ? formatTime(occurredAt) : '?',
      })}
    </p>
  );
}

function ServerSide({ conflict }: { conflict: ConflictRecord }) {
  const { t, language } = useI18n();
  const status = text(conflict.serverState, 'status');
  const desk = text(conflict.serverState, 'deskId');
  return (
    <>
      <p><strong>{t('supervisorConflictServer')}:</strong> {conflict.error.message[language]}</p>
      {status && <p>{desk ? t('reviewServerNowAtDesk', { status: t(`status_${status}` as 'status_arrived'), desk }) : t('reviewServerNow', { status: t(`status_${status}` as 'status_arrived') })}</p>}
    </>
  );
}

/** `onOutdated`: the server holds something else by now (another supervisor resolved it first). */
function ResolveForm({ conflict, session, onResolved, onOutdated }: { conflict: ConflictRecord; session: SupervisorSession; onResolved: () => void; onOutdated: () => void }) {
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const errorId = useId();
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const note = String(new FormData(event.currentTarget).get('note') ?? '').trim();
    if (!note) return setError(t('supervisorConflictNoteMissing'));
    setBusy(true);
    const answer = await resolveConflict(session, conflict.eventId, note);
    setBusy(false);
    if (answer.ok) return onResolved();
    if (answer.error === 'refused') return onOutdated();
    setError(t(`supervisorError_${answer.error}`));
  };
  return (
    <form className="supervisor__resolve" onSubmit={(event) => void onSubmit(event)}>
      <label className="supervisor__field">
        {t('supervisorConflictNote')}
        <textarea name="note" rows={2} maxLength={2000} aria-invalid={error ? true : undefined} aria-describedby={error ? errorId : undefined} />
      </label>
      <button type="submit" className="supervisor__button" disabled={busy}>{t('supervisorConflictResolve')}</button>
      {error && <p id={errorId} role="alert" className="supervisor__error">{error}</p>}
    </form>
  );
}

/** The conflicts the server recorded, both sides each; an open one is resolved with a note (the note becomes an event). */
export function ConflictReview({ session }: { session: SupervisorSession }) {
  const { t, formatTime } = useI18n();
  const [state, setState] = useState<ConflictState>('open');
  const [conflicts, setConflicts] = useState<ConflictRecord[] | null>(null);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [reloads, setReloads] = useState(0);
  const { serverUrl, token, locationId } = session;
  useEffect(() => {
    let current = true;
    void fetchConflicts({ serverUrl, token, locationId }, state).then((answer) => {
      if (!current) return;
      if (answer.ok) { setConflicts(answer.value); setFailure(null); } else setFailure(answer);
    });
    return () => { current = false; };
  }, [serverUrl, token, locationId, state, reloads]);
  const resolved = (conflict: ConflictRecord) => {
    setAnnouncement(t('supervisorConflictResolved', { event: conflict.eventId }));
    setReloads((count) => count + 1);
  };
  const outdated = () => {
    setAnnouncement(t('supervisorError_refused'));
    setReloads((count) => count + 1);
  };
  return (
    <section className="supervisor__section" aria-labelledby="conflicts-title">
      <h2 id="conflicts-title">{t('supervisorConflictsTitle')}</h2>
      <fieldset className="supervisor__kinds">
        <legend>{t('supervisorConflictsShow')}</legend>
        {(['open', 'resolved', 'all'] as const).map((option) => (
          <label key={option}>
            <input type="radio" name="conflict-state" value={option} checked={state === option} onChange={() => setState(option)} />
            {t(`supervisorConflicts_${option}`)}
          </label>
        ))}
      </fieldset>
      <p role="status">{announcement}</p>
      {failure && <p role="alert" className="supervisor__error">{t(`supervisorError_${failure.error}`)}</p>}
      {conflicts === null && !failure && <p>{t('reportLoading')}</p>}
      {conflicts?.length === 0 && <p>{t('supervisorConflictsNone')}</p>}
      {conflicts && conflicts.length > 0 && (
        <ul className="supervisor__conflicts" aria-label={t('supervisorConflictsTitle')}>
          {conflicts.map((conflict) => (
            <li key={conflict.eventId} className="supervisor__conflict" data-testid="conflict">
              <h3>{t('supervisorConflictHeading', { day: conflict.day, time: formatTime(conflict.detectedAt), code: conflict.error.code })}</h3>
              <DeskSide conflict={conflict} />
              <ServerSide conflict={conflict} />
              {conflict.resolution ? (
                <p><strong>{t('supervisorConflictResolution')}:</strong> {t('supervisorConflictResolutionText', { note: conflict.resolution.note, by: conflict.resolution.resolvedBy, time: formatTime(conflict.resolution.resolvedAt) })}</p>
              ) : (
                <ResolveForm conflict={conflict} session={session} onResolved={() => resolved(conflict)} onOutdated={outdated} />
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
