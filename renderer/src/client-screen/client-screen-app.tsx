/**
 * The screen that faces the client at the desk. It shows only what the clerk's window tells it
 * (parsed, never trusted) and sends back only the client's rating and language. No personal data
 * is kept here: the name and date of birth of the DOC check are shown while the clerk's window
 * says so, and are gone with the next view.
 */
import { useEffect, useEffectEvent, useLayoutEffect, useRef, useState } from 'react';
import { clientViewSchema, deskMessageSchema, listen, type ClientChannel, type ClientMessage, type ClientView } from '../features/client-view/client-channel';
import { useI18n } from '../i18n/i18n';
import { ClientRating } from './client-rating';
import { ClientIdle } from './client-idle';

export function ClientScreenApp({ openChannel }: { openChannel: () => ClientChannel }) {
  const { t, language, setLanguage } = useI18n();
  const [view, setView] = useState<ClientView>({ kind: 'idle' });
  const channel = useRef<ClientChannel | null>(null);
  const sayHello = useEffectEvent((opened: ClientChannel) => opened.postMessage({ type: 'hello', language } satisfies ClientMessage));

  useEffect(() => {
    const opened = openChannel();
    channel.current = opened;
    const unlisten = listen(opened, deskMessageSchema, (message) => setView(clientViewSchema.parse(message.view)));
    sayHello(opened);
    return () => {
      unlisten();
      opened.close();
      channel.current = null;
    };
  }, [openChannel]);

  // Each new view starts at its heading: a screen reader reads it, and Tab goes on from there.
  const shownKey = viewKey(view);
  useLayoutEffect(() => {
    document.getElementById('client-title')?.focus();
  }, [shownKey]);

  const send = (message: ClientMessage) => channel.current?.postMessage(message);
  const switchLanguage = () => {
    const next = language === 'nl' ? 'en' : 'nl';
    setLanguage(next);
    send({ type: 'language', language: next });
  };

  return (
    <div className="client-screen">
      <header className="client-header">
        <p className="client-brand">IND · Balie</p>
        <button type="button" className="client-language" lang={language === 'nl' ? 'en' : 'nl'} aria-label={t('clientLanguageSwitchLabel')} onClick={switchLanguage}>
          {t('clientLanguageSwitch')}
        </button>
      </header>
      <main className="client-main" aria-live="polite">
        <ClientViewBody key={viewKey(view)} view={view} onRate={(score, comment) => view.kind === 'rating' && send({ type: 'rating', appointmentId: view.appointmentId, score, comment })} />
      </main>
    </div>
  );
}

/** A new view is a fresh screen: a half-typed comment of the previous client never stays behind. */
function viewKey(view: ClientView): string {
  return view.kind === 'rating' ? `rating:${view.appointmentId}` : view.kind;
}

function ClientViewBody({ view, onRate }: { view: ClientView; onRate: (score: number, comment: string | null) => void }) {
  const { t, language } = useI18n();
  switch (view.kind) {
    case 'idle':
      return <ClientIdle />;
    case 'welcome':
      return (
        <section className="client-panel" aria-labelledby="client-title">
          <h1 id="client-title" tabIndex={-1}>{t('clientWelcomeTitle')}</h1>
          <p className="client-lead">{t('clientWelcomeDesk', { desk: deskIn(language, view.desk) })}</p>
          {view.ticket && <p className="client-ticket">{t('clientWelcomeTicket', { ticket: view.ticket })}</p>}
        </section>
      );
    case 'confirm':
      return (
        <section className="client-panel" aria-labelledby="client-title">
          <h1 id="client-title" tabIndex={-1}>{t('clientConfirmTitle')}</h1>
          <dl className="client-details">
            <dt>{t('clientConfirmName')}</dt>
            <dd>{view.name}</dd>
            <dt>{t('clientConfirmBirth')}</dt>
            <dd>{formatBirthDate(view.dateOfBirth, language)}</dd>
          </dl>
          <p className="client-lead">{t('clientConfirmHelp')}</p>
        </section>
      );
    case 'rating':
      return <ClientRating desk={deskIn(language, view.desk)} onRate={onRate} />;
    case 'thanks':
      return (
        <section className="client-panel" aria-labelledby="client-title">
          <h1 id="client-title" tabIndex={-1}>{t('clientThanksTitle')}</h1>
          <p className="client-lead">{t('clientThanksText')}</p>
        </section>
      );
  }
}

/** "Balie 3" is "Desk 3" on the English screen; any other name stays as the desk wrote it. */
function deskIn(language: 'nl' | 'en', desk: string): string {
  const number = /^Balie (\S+)$/.exec(desk)?.[1];
  return number !== undefined && language === 'en' ? `Desk ${number}` : desk;
}

/** A date of birth as people say it ("3 maart 1990"), never shifted by the PC's time zone. */
export function formatBirthDate(date: string, language: 'nl' | 'en'): string {
  return new Intl.DateTimeFormat(language === 'nl' ? 'nl-NL' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}
