import { useId, useState, type FormEvent } from 'react';
import { isCalendarDate } from '../../../../shared/domain/calendar-date';
import { MAX_REPORT_DAYS } from '../../../../shared/reports/report-api';
import { useI18n } from '../../i18n/i18n';
import type { ReportPeriod } from './supervisor-api';

/** The ISO week (`2026-W10`) of a calendar date. */
export function isoWeekOf(date: string): string {
  const day = new Date(`${date}T12:00:00Z`);
  const weekday = (day.getUTCDay() + 6) % 7;
  // The Thursday of the week decides its year.
  const thursday = new Date(day.getTime() + (3 - weekday) * 86_400_000);
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const week = 1 + Math.floor((thursday.getTime() - yearStart) / (7 * 86_400_000));
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

type Kind = ReportPeriod['kind'];

function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** Checks the typed period as the server would, so a mistake is said here, in the user's words. */
function periodOf(kind: Kind, form: FormData): { ok: true; period: ReportPeriod } | { ok: false; error: 'supervisorPeriodBadDate' | 'supervisorPeriodBadWeek' | 'supervisorPeriodOrder' | 'supervisorPeriodTooLong' } {
  const text = (name: string) => String(form.get(name) ?? '').trim();
  if (kind === 'day') return isCalendarDate(text('date')) ? { ok: true, period: { kind, date: text('date') } } : { ok: false, error: 'supervisorPeriodBadDate' };
  if (kind === 'week') return /^\d{4}-W(0[1-9]|[1-4]\d|5[0-3])$/.test(text('week')) ? { ok: true, period: { kind, week: text('week') } } : { ok: false, error: 'supervisorPeriodBadWeek' };
  const [from, to] = [text('from'), text('to')];
  if (!isCalendarDate(from) || !isCalendarDate(to)) return { ok: false, error: 'supervisorPeriodBadDate' };
  if (to < from) return { ok: false, error: 'supervisorPeriodOrder' };
  if (daysBetween(from, to) > MAX_REPORT_DAYS) return { ok: false, error: 'supervisorPeriodTooLong' };
  return { ok: true, period: { kind, from, to } };
}

/** Day, week or range: a radio group and the fields of the chosen kind; Enter shows the report. */
export function ReportPeriodForm({ today, onChoose }: { today: string; onChoose: (period: ReportPeriod) => void }) {
  const { t } = useI18n();
  const [kind, setKind] = useState<Kind>('day');
  const [error, setError] = useState<string | null>(null);
  const errorId = useId();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const checked = periodOf(kind, new FormData(event.currentTarget));
    if (!checked.ok) return setError(t(checked.error, { max: MAX_REPORT_DAYS }));
    setError(null);
    onChoose(checked.period);
  };
  const invalid = error ? { 'aria-invalid': true, 'aria-describedby': errorId } : {};
  return (
    <form className="supervisor__period" onSubmit={onSubmit} aria-label={t('supervisorPeriodTitle')}>
      <fieldset className="supervisor__kinds">
        <legend>{t('supervisorPeriodKind')}</legend>
        {(['day', 'week', 'range'] as const).map((option) => (
          <label key={option}>
            <input type="radio" name="kind" value={option} checked={kind === option} onChange={() => { setKind(option); setError(null); }} />
            {t(`supervisorPeriod_${option}`)}
          </label>
        ))}
      </fieldset>
      {kind === 'day' && (
        <label className="supervisor__field">{t('supervisorPeriodDate')}<input name="date" type="date" defaultValue={today} required {...invalid} /></label>
      )}
      {kind === 'week' && (
        <label className="supervisor__field">{t('supervisorPeriodWeek')}<input name="week" type="week" defaultValue={isoWeekOf(today)} required placeholder="2026-W10" {...invalid} /></label>
      )}
      {kind === 'range' && (
        <>
          <label className="supervisor__field">{t('supervisorPeriodFrom')}<input name="from" type="date" defaultValue={today} required {...invalid} /></label>
          <label className="supervisor__field">{t('supervisorPeriodTo')}<input name="to" type="date" defaultValue={today} required {...invalid} /></label>
        </>
      )}
      <button type="submit" className="supervisor__button">{t('supervisorPeriodShow')}</button>
      {error && <p id={errorId} role="alert" className="supervisor__error">{error}</p>}
    </form>
  );
}
