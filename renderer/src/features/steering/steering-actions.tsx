import { useState } from 'react';
import type { DeskBridge } from '../../../../shared/ipc/desk-bridge';
import { REPORT_LANGUAGES, type ReportLanguage } from '../../../../shared/reports/report-api';
import { useI18n } from '../../i18n/i18n';
import { fetchSteeringCsv, type SteeringPeriod, type SteeringSession } from './steering-client';

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

export interface SteeringActionsProps {
  readonly session: SteeringSession;
  readonly period: SteeringPeriod;
  /** What the PDF is named after: the report's title and period. */
  readonly pdfTitle: string;
  readonly bridge?: DeskBridge;
  /** How the page is printed and a file saved; the browser's own unless a test looks on. */
  readonly print?: () => void;
  readonly save?: (fileName: string, blob: Blob) => void;
}

/**
 * Print (the print stylesheet leaves only the report), the CSV in Dutch or English, and in the
 * desktop app a PDF kept in the user's Documents/Balie folder.
 */
export function SteeringActions({ session, period, pdfTitle, bridge, print = () => window.print(), save = download }: SteeringActionsProps) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const savePageAsPdf = bridge?.savePageAsPdf;
  const run = async (work: () => Promise<{ ok: boolean; text: string }>) => {
    setBusy(true);
    setMessage({ ok: true, text: t('steeringBusy') });
    setMessage(await work());
    setBusy(false);
  };
  const downloadCsv = (lang: ReportLanguage) =>
    run(async () => {
      const answer = await fetchSteeringCsv(session, period, lang);
      if (!answer.ok) return { ok: false, text: `${t(`steeringError_${answer.error}`)} ${answer.detail}`.trim() };
      save(answer.value.fileName, answer.value.csv);
      return { ok: true, text: t('steeringCsvDone', { file: answer.value.fileName }) };
    });
  const savePdf = (saver: NonNullable<typeof savePageAsPdf>) =>
    run(async () => {
      const answer = await saver({ title: pdfTitle }).catch((error: unknown) => ({ ok: false as const, error: error instanceof Error ? error.message : String(error) }));
      return answer.ok ? { ok: true, text: t('steeringPdfDone', { file: answer.path }) } : { ok: false, text: t('steeringPdfFailed', { detail: answer.error }) };
    });
  return (
    <section className="steering__actions" aria-labelledby="steering-actions-title">
      <h3 id="steering-actions-title">{t('steeringActions')}</h3>
      <div className="steering__buttons">
        <button type="button" className="supervisor__button" onClick={print}>{t('steeringPrint')}</button>
        {savePageAsPdf && (
          <button type="button" className="supervisor__button supervisor__button--secondary" disabled={busy} onClick={() => void savePdf(savePageAsPdf)}>{t('steeringPdf')}</button>
        )}
        {REPORT_LANGUAGES.map((lang) => (
          <button key={lang} type="button" className="supervisor__button supervisor__button--secondary" disabled={busy} onClick={() => void downloadCsv(lang)}>
            {t(`steeringCsv_${lang}`)}
          </button>
        ))}
      </div>
      <p role="status" className={message && !message.ok ? 'supervisor__error' : undefined}>{message?.text ?? ''}</p>
    </section>
  );
}
