import { useId, useRef, useState, type FormEvent } from 'react';
import { isCalendarDate } from '../../../../shared/domain/calendar-date';
import type { FastTrackRegistration } from '../../../../shared/fast-track/fast-track-api';
import { useI18n } from '../../i18n/i18n';
import { recordBsnDay, type FastTrackFailure, type FastTrackSession } from './fast-track-client';
import { formatDay } from './fast-track-list';

export interface FastTrackRowProps {
  readonly registration: FastTrackRegistration;
  readonly session: FastTrackSession;
  /** The server's today (YYYY-MM-DD): the default BSN day and the last allowed one. */
  readonly today: string;
  /** Several locations shown (an admin): the row names its location. */
  readonly showLocation: boolean;
  /** The server stored this BSN day (null: taken back); the panel updates the row and says so. */
  readonly onRecorded: (registration: FastTrackRegistration, bsnIssuedOn: string | null) => void;
}

type Problem = { kind: 'typed' } | { kind: 'refused' } | { kind: 'failed'; failure: FastTrackFailure };

/** The state in words (never colour alone); the class only repeats it. */
export function StateBadge({ state }: { state: FastTrackRegistration['state'] }) {
  const { t } = useI18n();
  return <span className={`fast-track__state fast-track__state--${state}`}>{t(`fastTrackState_${state}`)}</span>;
}

/**
 * One registration. Open: a date input (today by default; Enter records it) and "BSN issued today".
 * Recorded: the day and an undo. A refused day keeps what was typed, with the reason beside it.
 */
export function FastTrackRow({ registration, session, today, showLocation, onRecorded }: FastTrackRowProps) {
  const { t, language } = useI18n();
  const [typed, setTyped] = useState(today);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<Problem | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const problemId = useId();
  const day = (date: string | null) => (date === null ? t('fastTrackUnknown') : formatDay(date, language));
  const name = registration.personName;

  const record = async (bsnIssuedOn: string | null) => {
    if (bsnIssuedOn !== null && !isCalendarDate(bsnIssuedOn)) {
      setProblem({ kind: 'typed' });
      input.current?.focus();
      return;
    }
    setBusy(true);
    const answer = await recordBsnDay(session, registration.appointmentId, bsnIssuedOn);
    setBusy(false);
    if (!answer.ok) {
      setProblem(answer.error === 'bad-request' ? { kind: 'refused' } : { kind: 'failed', failure: answer });
      input.current?.focus();
      return;
    }
    setProblem(null);
    // A taken-back day is offered again, so a wrong digit is corrected rather than retyped.
    if (bsnIssuedOn === null && registration.bsnIssuedOn !== null) setTyped(registration.bsnIssuedOn);
    onRecorded(registration, bsnIssuedOn);
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void record(typed.trim());
  };

  const problemText =
    problem?.kind === 'typed' ? t('fastTrackBadDate')
    : problem?.kind === 'refused' ? t('fastTrackRefused', { registered: day(registration.registeredOn), today: day(today) })
    : problem?.kind === 'failed' ? t(`fastTrackError_${problem.failure.error}`)
    : null;
  const days = registration.workingDays;
  return (
    <tr data-testid="fast-track-row" data-appointment={registration.appointmentId} data-state={registration.state} className={`fast-track__row--${registration.state}`}>
      <th scope="row">{name}</th>
      {showLocation && <td>{registration.locationId}</td>}
      <td>{day(registration.dateOfBirth)}</td>
      <td>{registration.appointmentCode ?? t('fastTrackNoCode')}</td>
      <td>{day(registration.registeredOn)}</td>
      <td>{day(registration.deadline)}</td>
      <td className="fast-track__state-cell"><StateBadge state={registration.state} /></td>
      <td>{days === null ? '–' : days === 1 ? t('fastTrackOneDay') : t('fastTrackDays', { count: days })}</td>
      <td className="fast-track__bsn-cell">
        {registration.bsnIssuedOn !== null ? (
          <span className="fast-track__recorded">
            <span>{day(registration.bsnIssuedOn)}</span>
            <button type="button" className="fast-track__button fast-track__button--secondary" disabled={busy} aria-label={t('fastTrackUndoFor', { name })} onClick={() => void record(null)}>
              {busy ? t('fastTrackSaving') : t('fastTrackUndo')}
            </button>
          </span>
        ) : (
          <form className="fast-track__record" onSubmit={onSubmit} noValidate>
            <input
              ref={input}
              type="date"
              name="bsnIssuedOn"
              value={typed}
              onChange={(event) => { setTyped(event.target.value); setProblem(null); }}
              aria-label={t('fastTrackBsnDayLabel', { name })}
              aria-invalid={problem ? true : undefined}
              aria-describedby={problem ? problemId : undefined}
              data-fast-track-input=""
            />
            <button type="submit" className="fast-track__button" disabled={busy} aria-label={t('fastTrackSaveFor', { name })}>
              {busy ? t('fastTrackSaving') : t('fastTrackSave')}
            </button>
            <button type="button" className="fast-track__button fast-track__button--secondary" disabled={busy} aria-label={t('fastTrackTodayFor', { name })} onClick={() => void record(today)}>
              {t('fastTrackToday')}
            </button>
          </form>
        )}
        {problemText && <p id={problemId} role="alert" className="fast-track__error">{problemText}</p>}
      </td>
    </tr>
  );
}
