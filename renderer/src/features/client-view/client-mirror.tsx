/**
 * A small mirror of the client screen on the clerk's screen: the clerk always knows what the
 * client is looking at, in which language, and what became of the client's score.
 */
import type { ClientScreenSnapshot } from './client-screen-link';
import type { ClientView } from './client-channel';
import { useI18n } from '../../i18n/i18n';

export interface ClientMirrorProps {
  readonly snapshot: ClientScreenSnapshot;
  /** Opens the client screen (browser desk only; absent where the host opens it). */
  readonly onOpenWindow?: () => void;
  readonly onShow: (view: ClientView) => void;
  /** The appointment the client may rate now (served at this desk), with the desk's name. */
  readonly ratable?: { readonly appointmentId: string; readonly desk: string } | null;
}

export function ClientMirror({ snapshot, onOpenWindow, onShow, ratable }: ClientMirrorProps) {
  const { t, language } = useI18n();
  const { view, clientLanguage, lastRating } = snapshot;
  return (
    <section className="client-mirror" aria-labelledby="client-mirror-title">
      <h2 id="client-mirror-title">{t('clientMirrorTitle')}</h2>
      <p role="status" data-testid="client-mirror-view">
        {mirrorText(view, t)}
      </p>
      <p>{clientLanguage ? t('clientMirrorLanguage', { language: clientLanguage === 'nl' ? 'Nederlands' : 'English' }) : t('clientMirrorNotConnected')}</p>
      {lastRating && (
        <p role="status">
          {'ok' in lastRating ? t('clientMirrorRatingRefused', { reason: lastRating.error.message[language] }) : t('clientMirrorRated', { score: lastRating.score })}
        </p>
      )}
      <div className="client-mirror-actions">
        {onOpenWindow && (
          <button type="button" onClick={onOpenWindow}>
            {t('clientMirrorOpen')}
          </button>
        )}
        <button type="button" onClick={() => onShow({ kind: 'idle' })}>
          {t('clientMirrorShowIdle')}
        </button>
        {ratable && (
          <button type="button" onClick={() => onShow({ kind: 'rating', appointmentId: ratable.appointmentId, desk: ratable.desk })}>
            {t('clientMirrorAskRating')}
          </button>
        )}
      </div>
    </section>
  );
}

function mirrorText(view: ClientView, t: ReturnType<typeof useI18n>['t']): string {
  switch (view.kind) {
    case 'idle': return t('clientMirrorIdle');
    case 'welcome': return t('clientMirrorWelcome', { desk: view.desk });
    case 'confirm': return t('clientMirrorConfirm', { name: view.name, dateOfBirth: view.dateOfBirth });
    case 'rating': return t('clientMirrorRating');
    case 'thanks': return t('clientMirrorThanks');
  }
}
