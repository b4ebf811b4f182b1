/**
 * The summary before finishing: every step that applies with what was recorded and when it ran
 * (from the previous step, or the start of service, to its recording), the outcome codes of the
 * checklist, a reason where the outcome asks for one, and where the person goes next; after a DOC
 * handout, on a host that prints, the client's receipt.
 */
import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { completionProblem } from '../../../../shared/checklists/step-rules';
import type { OutcomeCode, ServiceCode } from '../../../../shared/domain/codes';
import type { LocalAppointment } from '../../db/desk-db';
import { useI18n } from '../../i18n/i18n';
import { HandoutReceipt, type ReceiptPrinting } from './handout-receipt';
import type { SendOn } from './visit-actions';
import type { PersonChecklist } from './visit-model';
import { stepValueText } from './step-value-text';

export interface SendOnChoice {
  readonly service: ServiceCode;
  /** The person already has an appointment for it today. */
  readonly booked: boolean;
}

interface VisitSummaryProps {
  readonly appointment: LocalAppointment;
  readonly checklist: PersonChecklist;
  readonly sendOnChoices: readonly SendOnChoice[];
  readonly otherDeskIds: readonly string[];
  readonly onFinish: (outcome: Exclude<OutcomeCode, 'no-show'>, reason: string | null, sendOn: SendOn | null) => Promise<string | null>;
  readonly registerFocus: (element: HTMLElement | null) => void;
  /** The host's printing of handouts; absent where the host cannot print (a plain browser). */
  readonly printing?: ReceiptPrinting;
}

/** Start and end of each recorded step: a step starts when the previous one (or the service) ended. */
function stepTimes(appointment: LocalAppointment): Map<string, { start: string | null; end: string }> {
  const recorded = Object.entries(appointment.steps).sort(([, a], [, b]) => Date.parse(a.recordedAt) - Date.parse(b.recordedAt));
  let previous = appointment.serviceStartedAt;
  const times = new Map<string, { start: string | null; end: string }>();
  for (const [stepId, step] of recorded) {
    times.set(stepId, { start: previous, end: step.recordedAt });
    previous = step.recordedAt;
  }
  return times;
}

export function VisitSummary({ appointment, checklist, sendOnChoices, otherDeskIds, onFinish, registerFocus, printing }: VisitSummaryProps) {
  const { t, language, formatTime } = useI18n();
  const { definition } = checklist;
  const [outcome, setOutcome] = useState<Exclude<OutcomeCode, 'no-show'>>('completed');
  const [reason, setReason] = useState('');
  const [sendOnService, setSendOnService] = useState<ServiceCode | ''>(sendOnChoices.find((choice) => choice.booked)?.service ?? '');
  const [sendOnDesk, setSendOnDesk] = useState('');
  const [error, setError] = useState<string | null>(null);
  const ids = { heading: useId(), outcome: useId(), reason: useId(), then: useId(), desk: useId(), error: useId() };
  const declared = definition.outcomes.find((candidate) => candidate.code === outcome);
  const times = stepTimes(appointment);

  // Whether every required step is done is left to the command, which checks the day as stored:
  // steps typed ahead a moment ago count even before this view shows them. The outcome's own rule
  // (a reason where the checklist asks one) is checked here, to say it in the clerk's words.
  const finish = async () => {
    const problem = outcome === 'completed' ? null : completionProblem(definition, checklist.subject, appointment.date, checklist.recorded, { code: outcome, reason });
    if (problem) {
      setError(problem.error.message[language]);
      return;
    }
    const sendOn = sendOnService === '' ? null : { service: sendOnService, deskId: sendOnDesk === '' ? null : sendOnDesk };
    setError(await onFinish(outcome, reason.trim() || null, sendOn));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    void finish();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && event.target instanceof HTMLInputElement && event.target.type === 'radio') {
      event.preventDefault();
      void finish();
    }
  };

  return (
    <section className="visit-summary" aria-labelledby={ids.heading}>
      <h3 id={ids.heading}>{t('visitSummary')}</h3>
      {appointment.serviceStartedAt && <p>{t('visitServiceStartedAt', { time: formatTime(appointment.serviceStartedAt) })}</p>}
      <table className="visit-summary__table">
        <thead>
          <tr>
            <th scope="col">{t('visitSummaryStep')}</th>
            <th scope="col">{t('visitSummaryValue')}</th>
            <th scope="col">{t('visitSummaryTime')}</th>
          </tr>
        </thead>
        <tbody>
          {checklist.steps.map((step) => {
            const value = checklist.recorded[step.id];
            const time = times.get(step.id);
            return (
              <tr key={step.id} className={value === undefined && step.required ? 'visit-summary__missing' : undefined}>
                <th scope="row">{step.title[language]}</th>
                <td>{value !== undefined ? stepValueText(step, value, language, t) : step.required ? t('checklistNotDone') : '—'}</td>
                <td>{time ? `${time.start ? `${formatTime(time.start)}–` : ''}${formatTime(time.end)}` : ''}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <form className="visit-finish" noValidate onSubmit={submit} onKeyDown={onKeyDown}>
        <fieldset>
          <legend id={ids.outcome}>{t('visitOutcome')}</legend>
          {definition.outcomes.map((candidate) => (
            <label key={candidate.code} className="visit-option">
              <input type="radio" name={ids.outcome} value={candidate.code} checked={outcome === candidate.code} onChange={() => setOutcome(candidate.code)} />
              {candidate.label[language]}
            </label>
          ))}
        </fieldset>
        <label htmlFor={ids.reason}>{t(declared?.reasonRequired ? 'visitOutcomeReasonRequired' : 'visitOutcomeReason')}</label>
        <textarea id={ids.reason} rows={2} maxLength={500} aria-required={declared?.reasonRequired ?? false} value={reason} onChange={(event) => setReason(event.target.value)} />
        <div className="visit-finish__send-on">
          <label htmlFor={ids.then}>{t('visitThenTo')}</label>
          <select id={ids.then} value={sendOnService} onChange={(event) => setSendOnService(event.target.value as ServiceCode | '')}>
            <option value="">{t('visitThenNone')}</option>
            {sendOnChoices.map((choice) => (
              <option key={choice.service} value={choice.service}>
                {choice.booked ? t('visitThenBooked', { service: t(`service_${choice.service}`) }) : t(`service_${choice.service}`)}
              </option>
            ))}
          </select>
          {sendOnService !== '' && (
            <>
              <label htmlFor={ids.desk}>{t('visitToDesk')}</label>
              <select id={ids.desk} value={sendOnDesk} onChange={(event) => setSendOnDesk(event.target.value)}>
                <option value="">{t('visitAnyDesk')}</option>
                {otherDeskIds.map((deskId) => (
                  <option key={deskId} value={deskId}>
                    {deskId}
                  </option>
                ))}
              </select>
            </>
          )}
        </div>
        <button type="submit" ref={registerFocus} className="visit-primary" aria-describedby={error ? ids.error : undefined}>
          {sendOnService === '' ? t('visitComplete') : t('visitCompleteAndTransfer', { service: t(`service_${sendOnService}`) })} <kbd aria-hidden="true">Enter</kbd>
        </button>
        {error && (
          <p id={ids.error} role="alert" className="visit-error">
            {error}
          </p>
        )}
      </form>
      {/* The client collecting a document takes a receipt home (the checklist's handover step asks for it). */}
      {printing && appointment.service === 'DOC' && <HandoutReceipt appointment={appointment} printing={printing} />}
    </section>
  );
}
