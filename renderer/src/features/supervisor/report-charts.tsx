import type { Report } from '../../../../shared/reports/report-api';
import { useI18n } from '../../i18n/i18n';
import { BarChart } from './bar-chart';
import { formatDuration, formatShare, NO_FIGURE } from './figures-format';

const byKey = <Value,>(record: Record<string, Value>) => Object.entries(record).sort(([a], [b]) => (a < b ? -1 : 1));

/** Throughput per hour, the waiting-time distribution, waiting time per hour and step time per service: pictures, each with its table. */
export function ReportCharts({ report }: { report: Report }) {
  const { t, language } = useI18n();
  const hours = byKey(report.byHour);
  const duration = (value: number | null) => formatDuration(value, language);
  const services = [...new Set(report.steps.map((step) => step.service))].sort();
  // The histogram up to its last non-empty minute: a quiet day needs no thirty empty rows.
  const filled = report.waitingTimeDistribution.map((bucket, index) => (bucket.count > 0 ? index : -1));
  const waits = report.waitingTimeDistribution.slice(0, Math.max(...filled, -1) + 1);
  const withinTarget = report.overall.serviceLevel.share === null ? NO_FIGURE : formatShare(report.overall.serviceLevel.share, language);
  const busiest = hours.reduce<[string, number] | null>((best, [hour, figures]) => (!best || figures.servicesFinished > best[1] ? [hour, figures.servicesFinished] : best), null);
  return (
    <div className="supervisor__charts">
      {hours.length > 0 && (
        <BarChart
          title={t('reportChartThroughput')}
          summary={busiest ? t('reportChartThroughputSummary', { hour: busiest[0], count: busiest[1] }) : ''}
          series={[t('reportServicesFinished')]}
          rows={hours.map(([hour, figures]) => ({ label: hour, values: [figures.servicesFinished] }))}
          format={(value) => (value === null ? NO_FIGURE : String(value))}
          rowHeader={t('reportKey_hours')}
          tableLabel={t('reportShowTable')}
        />
      )}
      {waits.length > 0 && (
        <BarChart
          title={t('reportChartDistribution')}
          summary={t('reportChartDistributionSummary', { count: report.overall.waitingTime.count, within: withinTarget, target: duration(report.targetWaitSeconds) })}
          series={[t('reportClients')]}
          rows={waits.map((bucket) => ({
            label: bucket.toMinute === null ? t('reportMinutesOrMore', { from: bucket.fromMinute }) : t('reportMinutesRange', { from: bucket.fromMinute, to: bucket.toMinute }),
            values: [bucket.count],
          }))}
          format={(value) => (value === null ? NO_FIGURE : String(value))}
          rowHeader={t('reportWaited')}
          tableLabel={t('reportShowTable')}
        />
      )}
      {hours.length > 0 && (
        <BarChart
          title={t('reportChartWaiting')}
          summary={t('reportChartWaitingSummary', { median: duration(report.overall.waitingTime.median), p90: duration(report.overall.waitingTime.p90), max: duration(report.overall.waitingTime.max) })}
          series={[t('reportMedian'), t('reportP90'), t('reportMax')]}
          rows={hours.map(([hour, figures]) => ({ label: hour, values: [figures.waitingTime.median, figures.waitingTime.p90, figures.waitingTime.max] }))}
          format={duration}
          rowHeader={t('reportKey_hours')}
          tableLabel={t('reportShowTable')}
        />
      )}
      {services.map((service) => {
        const slowest = report.slowestSteps[service];
        const serviceName = t(`service_${service}` as 'service_BIO');
        return (
          <BarChart
            key={service}
            title={t('reportChartSteps', { service: serviceName })}
            summary={slowest ? t('reportChartStepsSummary', { step: slowest.stepId, median: duration(slowest.time.median) }) : ''}
            series={[t('reportMedian'), t('reportP90')]}
            rows={report.steps.filter((step) => step.service === service).map((step) => ({ label: step.stepId, values: [step.time.median, step.time.p90] }))}
            format={duration}
            rowHeader={t('reportStep')}
            tableLabel={t('reportShowTable')}
            highlight={(row) => row.label === slowest?.stepId}
            highlightNote={t('reportSlowest')}
          />
        );
      })}
    </div>
  );
}
