import { useEffect, useState } from 'react';
import type { Report } from '../../../../shared/reports/report-api';
import { useI18n } from '../../i18n/i18n';
import { ExportPanel } from './export-panel';
import { ReportCharts } from './report-charts';
import { ReportPeriodForm } from './report-period-form';
import { GroupTable, KeyFigures } from './report-tables';
import { fetchReport, type ApiFailure, type ReportPeriod, type SupervisorSession } from './supervisor-api';

type Loaded = { state: 'loading' } | { state: 'ready'; report: Report } | { state: 'failed'; failure: ApiFailure };
type Answer = { for: string; loaded: Loaded };

function periodTitle(report: Report, t: ReturnType<typeof useI18n>['t']): string {
  return report.from === report.to ? t('reportTitleDay', { date: report.from }) : t('reportTitleRange', { from: report.from, to: report.to });
}

/** Reports of a day, a week or a range: key figures, charts, tables per desk, clerk, service and hour, and their CSV. */
export function ReportPanel({ session, today }: { session: SupervisorSession; today: string }) {
  const { t } = useI18n();
  const [period, setPeriod] = useState<ReportPeriod>({ kind: 'day', date: today });
  const [answer, setAnswer] = useState<Answer | null>(null);
  const { serverUrl, token, locationId } = session;
  // An answer counts only for the question it answers: a new period shows "loading" until its own arrives.
  const question = JSON.stringify([serverUrl, locationId, period]);
  const loaded: Loaded = answer?.for === question ? answer.loaded : { state: 'loading' };
  useEffect(() => {
    let current = true;
    void fetchReport({ serverUrl, token, locationId }, period).then((result) => {
      if (current) setAnswer({ for: question, loaded: result.ok ? { state: 'ready', report: result.value } : { state: 'failed', failure: result } });
    });
    return () => { current = false; };
  }, [serverUrl, token, locationId, period, question]);
  return (
    <section className="supervisor__section" aria-labelledby="report-title">
      <h2 id="report-title">{loaded.state === 'ready' ? periodTitle(loaded.report, t) : t('reportTitle')}</h2>
      <ReportPeriodForm today={today} onChoose={setPeriod} />
      {loaded.state === 'loading' && <p role="status">{t('reportLoading')}</p>}
      {loaded.state === 'failed' && <p role="alert" className="supervisor__error">{t(`supervisorError_${loaded.failure.error}`)} {loaded.failure.detail}</p>}
      {loaded.state === 'ready' && (
        <>
          <p className="supervisor__muted">{t('reportLocations', { locations: loaded.report.locationIds.join(', ') })}</p>
          <KeyFigures report={loaded.report} />
          <ReportCharts report={loaded.report} />
          <GroupTable report={loaded.report} kind="desks" />
          <GroupTable report={loaded.report} kind="clerks" />
          <GroupTable report={loaded.report} kind="services" />
          <GroupTable report={loaded.report} kind="hours" />
          {loaded.report.from !== loaded.report.to && <GroupTable report={loaded.report} kind="days" />}
        </>
      )}
      <ExportPanel session={session} period={period} />
    </section>
  );
}
