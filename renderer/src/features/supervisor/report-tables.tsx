import type { DeskTimeFigures, GroupFigures, Report } from '../../../../shared/reports/report-api';
import { useI18n } from '../../i18n/i18n';
import { formatDuration, formatRate, formatShare, NO_FIGURE } from './figures-format';

export type GroupTableKind = 'desks' | 'clerks' | 'services' | 'hours' | 'days';

interface Row {
  key: string;
  label: string;
  figures: GroupFigures;
  time: DeskTimeFigures | null;
}

function rowsOf(report: Report, kind: GroupTableKind, serviceName: (code: string) => string): Row[] {
  const byKind = { desks: report.byDesk, clerks: report.byClerk, services: report.byService, hours: report.byHour, days: report.byDay }[kind];
  const times = kind === 'desks' ? report.deskTime : kind === 'clerks' ? report.clerkTime : {};
  return Object.entries(byKind)
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([key, figures]) => ({ key, label: kind === 'services' ? serviceName(key) : kind === 'clerks' ? (report.clerkNames[key] ?? key) : key, figures, time: times[key] ?? null }));
}

/** One report table: per desk, clerk, service or hour, every figure the server returns for it. */
export function GroupTable({ report, kind }: { report: Report; kind: GroupTableKind }) {
  const { t, language } = useI18n();
  const rows = rowsOf(report, kind, (code) => t(`service_${code}` as 'service_BIO'));
  const withTime = kind === 'desks' || kind === 'clerks';
  const titleId = `report-table-${kind}`;
  const count = (value: number | null) => (value === null ? NO_FIGURE : String(value));
  return (
    <section className="supervisor__report-table" aria-labelledby={titleId}>
      <h3 id={titleId}>{t(`reportTable_${kind}`)}</h3>
      {rows.length === 0 ? (
        <p>{t('reportNoRows')}</p>
      ) : (
        <div className="supervisor__scroll" tabIndex={0} role="group" aria-labelledby={titleId}>
          <table className="supervisor__table supervisor__table--numbers" data-testid={`report-${kind}`}>
            <thead>
              <tr>
                <th scope="col">{t(`reportKey_${kind}`)}</th>
                <th scope="col">{t('reportServicesFinished')}</th>
                <th scope="col">{t('reportPersonsServed')}</th>
                <th scope="col">{t('reportWaitMedian')}</th>
                <th scope="col">{t('reportWaitP90')}</th>
                <th scope="col">{t('reportWaitMax')}</th>
                <th scope="col">{t('reportServiceMedian')}</th>
                <th scope="col">{t('reportServiceP90')}</th>
                <th scope="col">{t('reportServiceLevel')}</th>
                {!withTime && <th scope="col">{t('reportNoShowRate')}</th>}
                {withTime && <th scope="col">{t('reportOpen')}</th>}
                {withTime && <th scope="col">{t('reportPause')}</th>}
                {withTime && <th scope="col">{t('reportIdle')}</th>}
                {withTime && <th scope="col">{t('reportPerOpenHour')}</th>}
              </tr>
            </thead>
            <tbody>
              {rows.map(({ key, label, figures, time }) => (
                <tr key={key}>
                  <th scope="row">{label}</th>
                  <td>{figures.servicesFinished}</td>
                  <td>{figures.personsServed}</td>
                  <td>{formatDuration(figures.waitingTime.median, language)}</td>
                  <td>{formatDuration(figures.waitingTime.p90, language)}</td>
                  <td>{formatDuration(figures.waitingTime.max, language)}</td>
                  <td>{formatDuration(figures.serviceTime.median, language)}</td>
                  <td>{formatDuration(figures.serviceTime.p90, language)}</td>
                  <td>{formatShare(figures.serviceLevel.share, language)}</td>
                  {!withTime && <td>{formatShare(figures.noShowRate, language)}{figures.noShows === null ? '' : ` (${count(figures.noShows)})`}</td>}
                  {withTime && <td>{formatDuration(time?.openSeconds ?? null, language)}</td>}
                  {withTime && <td>{formatDuration(time?.pauseSeconds ?? null, language)}</td>}
                  {withTime && <td>{formatDuration(time?.idleSeconds ?? null, language)}</td>}
                  {withTime && <td>{formatRate(time?.servicesPerOpenHour ?? null, language)}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** The period's key figures, as a supervisor would quote them. */
export function KeyFigures({ report }: { report: Report }) {
  const { t, language } = useI18n();
  const { overall, visits } = report;
  const figures: [string, string, string][] = [
    ['reportServicesFinished', String(overall.servicesFinished), 'services-finished'],
    ['reportServicesCompleted', String(overall.servicesCompleted), 'services-completed'],
    ['reportPersonsServed', String(overall.personsServed), 'persons-served'],
    ['reportPerDeskHour', formatRate(report.servicesPerDeskHour, language), 'per-desk-hour'],
    ['reportWaitMedian', formatDuration(overall.waitingTime.median, language), 'wait-median'],
    ['reportWaitP90', formatDuration(overall.waitingTime.p90, language), 'wait-p90'],
    ['reportWaitMax', formatDuration(overall.waitingTime.max, language), 'wait-max'],
    ['reportServiceMedian', formatDuration(overall.serviceTime.median, language), 'service-median'],
    ['reportServiceP90', formatDuration(overall.serviceTime.p90, language), 'service-p90'],
    ['reportServiceMax', formatDuration(overall.serviceTime.max, language), 'service-max'],
    ['reportServiceLevel', formatShare(overall.serviceLevel.share, language), 'service-level'],
    ['reportNoShowRate', formatShare(overall.noShowRate, language), 'no-show-rate'],
    ['reportFirstTimeRight', formatShare(visits.firstTimeRightShare, language), 'first-time-right'],
  ];
  return (
    <dl className="supervisor__figures supervisor__figures--report">
      {figures.map(([label, value, id]) => (
        <div key={id}>
          <dt>{t(label as 'reportServicesFinished')}</dt>
          <dd data-testid={`figure-${id}`}>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
