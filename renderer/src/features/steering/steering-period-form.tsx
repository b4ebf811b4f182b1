import { useId, useState, type FormEvent } from 'react';
import { MAX_REPORT_DAYS } from '../../../../shared/reports/report-api';
import { useI18n } from '../../i18n/i18n';
import type { SteeringPeriod } from './steering-client';
import { checkPeriod, QUICK_PERIODS, quickPeriod, type PeriodProblem } from './steering-period';

/**
 * The steering period: a quick choice (this quarter, last quarter, this year) shows it at once and
 * fills the dates; typed dates show on Enter. Every control is a plain button or field, so the
 * form works by keyboard alone. A period the server would refuse is refused here, in words, and
 * what was typed stays.
 */
export function SteeringPeriodForm({ today, period, onChoose }: { today: string; period: SteeringPeriod; onChoose: (period: SteeringPeriod) => void }) {
  const { t } = useI18n();
  const [from, setFrom] = useState(period.from);
  const [to, setTo] = useState(period.to);
  const [problem, setProblem] = useState<PeriodProblem | null>(null);
  const problemId = useId();
  const choose = (next: SteeringPeriod) => {
    setFrom(next.from);
    setTo(next.to);
    setProblem(null);
    onChoose(next);
  };
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const checked = checkPeriod(from.trim(), to.trim());
    if (!checked.ok) return setProblem(checked.problem);
    choose(checked.period);
  };
  const invalid = problem ? { 'aria-invalid': true, 'aria-describedby': problemId } : {};
  return (
    <form className="steering__period" onSubmit={onSubmit} aria-label={t('steeringPeriodForm')}>
      <fieldset className="steering__quick">
        <legend>{t('steeringQuick')}</legend>
        {QUICK_PERIODS.map((choice) => {
          const quick = quickPeriod(choice, today);
          return (
            <button
              key={choice}
              type="button"
              className="supervisor__button supervisor__button--secondary"
              aria-pressed={quick.from === period.from && quick.to === period.to}
              onClick={() => choose(quick)}
            >
              {t(`steeringQuick_${choice}`)}
            </button>
          );
        })}
      </fieldset>
      <label className="supervisor__field">
        {t('steeringFrom')}
        <input name="from" type="date" value={from} onChange={(event) => setFrom(event.target.value)} required {...invalid} />
      </label>
      <label className="supervisor__field">
        {t('steeringTo')}
        <input name="to" type="date" value={to} onChange={(event) => setTo(event.target.value)} required {...invalid} />
      </label>
      <button type="submit" className="supervisor__button">{t('steeringShow')}</button>
      {problem && <p id={problemId} role="alert" className="supervisor__error">{t(`steeringProblem_${problem}`, { max: MAX_REPORT_DAYS })}</p>}
    </form>
  );
}
