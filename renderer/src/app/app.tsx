import type { DeskBridge } from '../../../shared/ipc/desk-bridge';
import type { DeskDatabase } from '../db/desk-db';
import { AgendaScreen } from '../features/agenda/agenda-screen';
import { useI18n } from '../i18n/i18n';

/** The desk's shell: header with the language switch, and the screen of the moment. */
export function App({ db, bridge, today }: { db: DeskDatabase; bridge: DeskBridge; today: string }) {
  const { t, language, setLanguage } = useI18n();
  return (
    <div className="shell">
      <header className="shell__bar">
        <span className="shell__title">{t('appTitle')}</span>
        <button
          type="button"
          className="shell__language"
          aria-label={t('switchLanguageLabel')}
          onClick={() => setLanguage(language === 'nl' ? 'en' : 'nl')}
        >
          {t('switchLanguage')}
        </button>
      </header>
      <main className="shell__main">
        <AgendaScreen db={db} bridge={bridge} date={today} />
      </main>
    </div>
  );
}
