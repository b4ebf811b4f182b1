import { useI18n } from '../../i18n/i18n';
import type { DayLoadState } from './use-day-loader';

/** One line that always says whether the desk is connected and how fresh its day is. */
export function SyncStatusLine({ state, savedAt }: { state: DayLoadState; savedAt: string | undefined }) {
  const { t, formatTime } = useI18n();
  let text: string;
  let tone: 'neutral' | 'ok' | 'warning' = 'warning';
  if (state.ok === 'loading') {
    text = t('syncLoading');
    tone = 'neutral';
  } else if (state.ok) {
    text = t('syncOnline', { time: formatTime(state.loadedAt) });
    tone = 'ok';
  } else if (state.reason === 'invalid-answer') {
    text = t('syncInvalid');
  } else if (state.reason === 'not-stored') {
    text = t('syncNotStored', { detail: state.detail });
  } else if (state.reason === 'server-error') {
    text = t('syncServerError', { detail: state.detail });
  } else {
    text = savedAt ? t('syncOffline', { time: formatTime(savedAt) }) : t('syncOfflineNothing');
  }
  return (
    <p role="status" className={`sync-status sync-status--${tone}`} data-testid="sync-status">
      {text}
    </p>
  );
}
