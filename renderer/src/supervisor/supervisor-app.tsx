import { useId, useState, type FormEvent } from 'react';
import { FastTrackPanel } from '../features/fast-track/fast-track-panel';
import { SupervisorScreen } from '../app/supervisor-screen';
import { useToday } from '../app/use-today';
import type { LiveViewTiming } from '../features/supervisor/use-live-view';
import { useI18n } from '../i18n/i18n';
import { readStoredSession, signInSupervisor, signOutSupervisor, storeSession, type SignInFailure, type StoredSession } from './supervisor-session';
import './supervisor-page.css';

const failureText: Record<SignInFailure, Parameters<ReturnType<typeof useI18n>['t']>[0]> = {
  offline: 'authError_offline',
  'bad-credentials': 'authError_bad-credentials',
  'too-many-attempts': 'authError_too-many-attempts',
  'not-supervisor': 'fastTrackSignInNotForClerks',
  'server-error': 'authError_server-error',
  'invalid-answer': 'authError_invalid-answer',
};

function SignInForm({ serverUrl, onSignedIn }: { serverUrl: string; onSignedIn: (session: StoredSession) => void }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<SignInFailure | null>(null);
  const titleId = useId();
  const errorId = useId();
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    const answer = await signInSupervisor(serverUrl, String(form.get('username') ?? ''), String(form.get('password') ?? ''));
    setBusy(false);
    if (answer.ok) onSignedIn(answer.session);
    else setError(answer.error);
  };
  const described = error ? { 'aria-describedby': errorId } : {};
  return (
    <form className="supervisor-page__sign-in" aria-labelledby={titleId} onSubmit={(event) => void onSubmit(event)}>
      <h1 id={titleId}>{t('fastTrackSignInTitle')}</h1>
      <label className="supervisor-page__field">
        {t('signInUsername')}
        <input name="username" autoComplete="username" required autoFocus {...described} />
      </label>
      <label className="supervisor-page__field">
        {t('signInPassword')}
        <input name="password" type="password" autoComplete="current-password" required {...described} />
      </label>
      <button type="submit" disabled={busy}>{busy ? t('signInBusy') : t('signInSubmit')}</button>
      {error && <p id={errorId} role="alert" className="supervisor-page__error">{t(failureText[error])}</p>}
    </form>
  );
}

/**
 * The supervisor's page in a plain browser: its own sign-in, then the supervisor's screens; a
 * GemeenteLoket account (`municipality`) sees the fast-track follow-up only.
 */
export function SupervisorApp({ serverUrl, today: fixedToday, storage = sessionStorage, liveTiming }: { serverUrl: string; today?: string; storage?: Storage; liveTiming?: LiveViewTiming }) {
  const today = useToday(fixedToday);
  const { t, language, setLanguage } = useI18n();
  const [session, setSession] = useState<StoredSession | null>(() => readStoredSession(storage));
  const signedIn = (next: StoredSession) => {
    storeSession(storage, next);
    setSession(next);
  };
  const municipality = session?.account.role === 'municipality';
  const signOut = () => {
    if (session) void signOutSupervisor(serverUrl, session.token);
    storeSession(storage, null);
    setSession(null);
  };
  return (
    <>
      <header className="supervisor-page__bar">
        <span className="supervisor-page__title">{municipality ? `${t('appTitle')} · ${t('fastTrackPageTitle')}` : t('appTitle')}</span>
        <span className="supervisor-page__actions">
          {session && <span>{t('supervisorSignedInAs', { name: session.account.displayName })}</span>}
          {session && <button type="button" onClick={signOut}>{t('signOut')}</button>}
          <button type="button" lang={language === 'nl' ? 'en' : 'nl'} aria-label={t('switchLanguageLabel')} onClick={() => setLanguage(language === 'nl' ? 'en' : 'nl')}>
            {t('switchLanguage')}
          </button>
        </span>
      </header>
      <main className="supervisor-page__main">
        {session && municipality ? (
          <FastTrackPanel session={{ serverUrl, token: session.token, locationId: session.account.locationId }} today={today} />
        ) : session ? (
          <SupervisorScreen serverUrl={serverUrl} token={session.token} locationId={session.account.locationId} today={today} liveTiming={liveTiming} />
        ) : (
          <SignInForm serverUrl={serverUrl} onSignedIn={signedIn} />
        )}
      </main>
    </>
  );
}
