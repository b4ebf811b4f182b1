import { useId, useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n/i18n';
import type { FastTrackPeriod } from './fast-track-client';
import { checkPeriod, FAST_TRACK_VIEWS, type FastTrackView } from './fast-track-list';

export interface FastTrackFilterProps {
  readonly view: FastTrackView;
  readonly period: FastTrackPeriod;
  readonly onChoose: (view: FastTrackView, period: FastTrackPeriod) => void;
}

/** Open or all states (applied at once), and the registration days (Enter or "Show"). A bad period is said here. */
export function FastTrackFilter({ view, period, onChoose }: FastTrackFilterProps) {
  const { t } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const errorId = useId();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const checked = checkPeriod(String(form.get('from') ?? '').trim(), String(form.get('to') ?? '').trim());
    if (!checked.ok) return setError(t(checked.problem === 'order' ? 'fastTrackPeriodOrder' : 'fastTrackPeriodBadDate'));
    setError(null);
    onChoose(form.get('view') === 'all' ? 'all' : 'open', checked.period);
  };
  const invalid = error ? { 'aria-invalid': true, 'aria-describedby': errorId } : {};
  return (
    <form className="fast-track__filter" aria-label={t('fastTrackFilterTitle')} onSubmit={onSubmit} noValidate>
      <fieldset className="fast-track__views">
        <legend>{t('fastTrackView')}</legend>
        {FAST_TRACK_VIEWS.map((option) => (
          <label key={option}>
            <input type="radio" name="view" value={option} defaultChecked={view === option} onChange={(event) => event.currentTarget.form?.requestSubmit()} />
            {t(`fastTrackView_${option}`)}
          </label>
        ))}
      </fieldset>
      <label className="fast-track__field">
        {t('fastTrackFrom')}
        <input name="from" type="date" defaultValue={period.from} required {...invalid} />
      </label>
      <label className="fast-track__field">
        {t('fastTrackTo')}
        <input name="to" type="date" defaultValue={period.to} required {...invalid} />
      </label>
      <button type="submit" className="fast-track__button">{t('fastTrackShow')}</button>
      {error && <p id={errorId} role="alert" className="fast-track__error">{error}</p>}
    </form>
  );
}
