import { useId, useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n/i18n';
import { importBsnDays, type BsnImportResult, type FastTrackSession } from './fast-track-client';

/**
 * The municipality's list of BSN days as one CSV file (docs/import.md), for the session's
 * location: what was recorded, and each row left out with its line and reasons.
 */
export function BsnImportForm({ session, onImported }: { session: FastTrackSession; onImported: () => void }) {
  const { t, language } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<BsnImportResult | 'no-file' | null>(null);
  const fileId = useId();
  const helpId = useId();

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!file) return setResult('no-file');
    setBusy(true);
    const answer = await importBsnDays(session, file);
    setBusy(false);
    setResult(answer);
    if (answer.ok && answer.report.recorded > 0) onImported();
  };

  return (
    <form className="fast-track__import" aria-labelledby={`${fileId}-title`} onSubmit={(event) => void onSubmit(event)}>
      <h3 id={`${fileId}-title`}>{t('fastTrackImportTitle')}</h3>
      <p id={helpId} className="fast-track__muted">{t('fastTrackImportHelp')}</p>
      <label htmlFor={fileId} className="fast-track__field-label">{t('fastTrackImportFile')}</label>{' '}
      <input id={fileId} type="file" accept=".csv,text/csv" aria-describedby={helpId} onChange={(event) => setFile(event.target.files?.[0] ?? null)} />{' '}
      <button type="submit" className="fast-track__button" disabled={busy}>
        {busy ? t('fastTrackImportBusy') : t('fastTrackImportSubmit')}
      </button>
      {result === 'no-file' && <p role="alert">{t('fastTrackImportNoFile')}</p>}
      {result !== null && result !== 'no-file' && result.ok && (
        <div role="status">
          <p>{t('fastTrackImportDone', { rows: result.report.rows, recorded: result.report.recorded, unchanged: result.report.unchanged, bad: result.report.badRows.length })}</p>
          {result.report.badRows.length > 0 && (
            <ul aria-label={t('fastTrackImportBadRows')}>
              {result.report.badRows.map((row) => (
                <li key={row.line}>
                  {t('fastTrackImportLine', { line: row.line })}
                  {row.appointmentCode ? ` (${row.appointmentCode})` : ''}: {row.reasons.map((reason) => reason.message[language]).join(' ')}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {result !== null && result !== 'no-file' && !result.ok && (
        <p role="alert">
          {'fileReasons' in result ? `${t('fastTrackImportRefused')} ${result.fileReasons.map((reason) => reason.message[language]).join(' ')}` : t(`fastTrackError_${result.error}`)}
        </p>
      )}
    </form>
  );
}
