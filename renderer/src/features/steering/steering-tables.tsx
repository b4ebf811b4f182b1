import type { SteeringReport } from '../../../../shared/steering/steering-api';
import { useI18n } from '../../i18n/i18n';
import { formatChange, formatDate, formatFigure } from './steering-format';
import { rowName, steeringSections, type Section, type SectionRow } from './steering-sections';

function RowLabel({ row }: { row: SectionRow }) {
  const { t, language } = useI18n();
  if (!row.service) return <>{rowName(row, language)}</>;
  return <>{t(`service_${row.service}`)} ({row.service})</>;
}

function SectionTable({ report, section }: { report: SteeringReport; section: Section }) {
  const { t, language } = useI18n();
  const titleId = `steering-section-${section.key}`;
  const period = (from: string, to: string) => `${formatDate(from, language)} – ${formatDate(to, language)}`;
  return (
    <section aria-labelledby={titleId} className="steering__block steering__table-block">
      <h3 id={titleId}>{t(`steeringSection_${section.key}`)}</h3>
      <table className="supervisor__table supervisor__table--numbers steering__table" data-testid={`steering-table-${section.key}`} aria-labelledby={titleId}>
        <thead>
          <tr>
            <th scope="col">{t('steeringColumnFigure')}</th>
            <th scope="col" title={period(report.current.from, report.current.to)}>{t('steeringColumnCurrent')}</th>
            <th scope="col" title={period(report.previous.from, report.previous.to)}>{t('steeringColumnPrevious')}</th>
            <th scope="col">{t('steeringColumnChange')}</th>
          </tr>
        </thead>
        <tbody>
          {section.rows.map((row) => {
            const current = row.figure.value(report.current);
            const previous = row.figure.value(report.previous);
            return (
              <tr key={row.figure.en}>
                <th scope="row"><RowLabel row={row} /></th>
                <td>{formatFigure(row.kind, current, language)}</td>
                <td>{formatFigure(row.kind, previous, language)}</td>
                <td>{formatChange(row.kind, current, previous, language)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}

/** Every figure of the report (the CSV's list), table by table, beside the previous period. */
export function SteeringTables({ report }: { report: SteeringReport }) {
  return (
    <>
      {steeringSections(report).map((section) => (
        <SectionTable key={section.key} report={report} section={section} />
      ))}
    </>
  );
}
