import { useEffect, useState } from 'react';
import type { DeskBridge } from '../../../../shared/ipc/desk-bridge';
import type { SteeringReport } from '../../../../shared/steering/steering-api';
import { useI18n } from '../../i18n/i18n';
import { SteeringActions } from './steering-actions';
import { fetchSteeringReport, type SteeringFailure, type SteeringPeriod, type SteeringSession } from './steering-client';
import { formatDate } from './steering-format';
import { SteeringHeadlines } from './steering-headlines';
import { quickPeriod } from './steering-period';
import { SteeringPeriodForm } from './steering-period-form';
import { SteeringTables } from './steering-tables';
import './steering.css';

type Loaded = { state: 'loading' } | { state: 'ready'; report: SteeringReport } | { state: 'failed'; failure: SteeringFailure };
type Answer = { for: string; loaded: Loaded };

export interface SteeringPanelProps {
  /** Where the server is and who asks (a supervisor's or admin's session). */
  readonly session: SteeringSession;
  /** Today in Europe/Amsterdam (YYYY-MM-DD): the quick choices count from it, and it is the print date. */
  readonly today: string;
  /** The desktop app's bridge: with a PDF function, "Save as PDF" appears. */
  readonly bridge?: DeskBridge;
  /** How the page is printed; the browser's own unless a test looks on. */
  readonly print?: () => void;
  readonly save?: (fileName: string, blob: Blob) => void;
}

function ReportHeader({ report, today }: { report: SteeringReport; today: string }) {
  const { t, language } = useI18n();
  const date = (value: string) => formatDate(value, language);
  const locations = report.locationIds.join(', ');
  return (
    <header className="steering__header">
      <h2 id="steering-title">{report.locationIds.length === 1 ? t('steeringTitleAt', { location: locations }) : t('steeringTitle')}</h2>
      <p className="steering__period-line" data-testid="steering-period">
        {t('steeringPeriodLine', { from: date(report.current.from), to: date(report.current.to), previousFrom: date(report.previous.from), previousTo: date(report.previous.to) })}
      </p>
      <p className="supervisor__muted">
        {report.locationIds.length === 1 ? t('steeringLocation', { locations }) : t('steeringAllLocations', { locations })}
        <span className="steering__print-only"> · {t('steeringPrintedOn', { date: date(today) })}</span>
      </p>
    </header>
  );
}

/**
 * The steering report as a page a steering group reads: the period form, then the headline figures
 * and the tables, each figure beside the previous period's with the change; printable (only the
 * report is printed, see steering.css), as CSV, and as PDF in the desktop app.
 */
export function SteeringPanel({ session, today, bridge, print, save }: SteeringPanelProps) {
  const { t } = useI18n();
  const [period, setPeriod] = useState<SteeringPeriod>(() => quickPeriod('thisQuarter', today));
  const [answer, setAnswer] = useState<Answer | null>(null);
  const { serverUrl, token, locationId } = session;
  // An answer counts only for the question it answers: a new period shows "loading" until its own arrives.
  const question = JSON.stringify([serverUrl, locationId, period]);
  const loaded: Loaded = answer?.for === question ? answer.loaded : { state: 'loading' };
  useEffect(() => {
    let current = true;
    void fetchSteeringReport({ serverUrl, token, locationId }, period).then((result) => {
      if (current) setAnswer({ for: question, loaded: result.ok ? { state: 'ready', report: result.value } : { state: 'failed', failure: result } });
    });
    return () => { current = false; };
  }, [serverUrl, token, locationId, period, question]);
  const pdfTitle = `${t('steeringTitle')} ${locationId ?? 'all'} ${period.from} ${period.to}`;
  return (
    <div className="steering">
      <div className="steering__controls">
        <SteeringPeriodForm today={today} period={period} onChoose={setPeriod} />
      </div>
      {loaded.state === 'loading' && <p role="status">{t('steeringLoading')}</p>}
      {loaded.state === 'failed' && (
        <p role="alert" className="supervisor__error">{t(`steeringError_${loaded.failure.error}`)} {loaded.failure.detail}</p>
      )}
      {loaded.state === 'ready' && (
        <>
          <article className="steering__report" aria-labelledby="steering-title">
            <ReportHeader report={loaded.report} today={today} />
            <SteeringHeadlines report={loaded.report} />
            <SteeringTables report={loaded.report} />
            <p className="supervisor__muted steering__note">{t('steeringChangeNote')}</p>
          </article>
          <div className="steering__controls">
            <SteeringActions session={session} period={period} pdfTitle={pdfTitle} bridge={bridge} print={print} save={save} />
          </div>
        </>
      )}
    </div>
  );
}
