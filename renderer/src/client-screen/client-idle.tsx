import { useI18n } from '../i18n/i18n';

/** Nobody at the desk: what the service point wants every client to know. */
export function ClientIdle() {
  const { t } = useI18n();
  return (
    <section className="client-panel" aria-labelledby="client-title">
      <h1 id="client-title" tabIndex={-1}>{t('clientIdleTitle')}</h1>
      <h2>{t('clientIdleHoursTitle')}</h2>
      <p className="client-lead">{t('clientIdleHours')}</p>
      <h2>{t('clientIdleBringTitle')}</h2>
      <ul className="client-list">
        <li>{t('clientIdleBringPassport')}</li>
        <li>{t('clientIdleBringLetter')}</li>
        <li>{t('clientIdleBringDocument')}</li>
      </ul>
      <p className="client-lead">{t('clientIdleWait')}</p>
    </section>
  );
}
