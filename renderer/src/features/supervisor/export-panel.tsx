import { useState } from 'react';
import type { ReportLanguage } from '../../../../shared/reports/report-api';
import { REPORT_TABLES } from '../../../../shared/reports/report-tables';
import { useI18n } from '../../i18n/i18n';
import { fetchCsv, type ExportKind, type ReportPeriod, type SupervisorSession } from './supervisor-api';

/** Hands a fetched file to the browser as a download (the bearer header rules out a plain link). */
function download(fileName: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** CSV of every report table and of the period's events, with Dutch or English headers. */
export function ExportPanel({ session, period, save = download }: { session: SupervisorSession; period: ReportPeriod; save?: (fileName: string, blob: Blob) => void }) {
  const { t, language } = useI18n();
  const [lang, setLang] = useState<ReportLanguage>(language);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const exportCsv = async (kind: ExportKind, name: string) => {
    setBusy(true);
    setMessage({ ok: true, text: t('reportExportBusy', { name }) });
    const answer = await fetchCsv(session, period, kind, lang);
    setBusy(false);
    if (!answer.ok) return setMessage({ ok: false, text: t(`supervisorError_${answer.error}`) });
    save(answer.value.fileName, answer.value.csv);
    setMessage({ ok: true, text: t('reportExportDone', { file: answer.value.fileName }) });
  };
  return (
    <section className="supervisor__section" aria-labelledby="report-export-title">
      <h3 id="report-export-title">{t('reportExportTitle')}</h3>
      <fieldset className="supervisor__kinds">
        <legend>{t('reportExportLanguage')}</legend>
        {(['nl', 'en'] as const).map((option) => (
          <label key={option}>
            <input type="radio" name="export-language" value={option} checked={lang === option} onChange={() => setLang(option)} />
            {t(`reportExportLanguage_${option}`)}
          </label>
        ))}
      </fieldset>
      <ul className="supervisor__exports">
        {REPORT_TABLES.map((table) => (
          <li key={table}>
            <button type="button" className="supervisor__button supervisor__button--secondary" disabled={busy} onClick={() => void exportCsv({ table }, t(`reportExport_${table}`))}>
              {t('reportExportCsv', { name: t(`reportExport_${table}`) })}
            </button>
          </li>
        ))}
        <li>
          <button type="button" className="supervisor__button supervisor__button--secondary" disabled={busy} onClick={() => void exportCsv({ events: true }, t('reportExport_events'))}>
            {t('reportExportCsv', { name: t('reportExport_events') })}
          </button>
        </li>
      </ul>
      <p role="status" className={message && !message.ok ? 'supervisor__error' : undefined}>{message?.text ?? ''}</p>
    </section>
  );
}
