import { lazy, Suspense, useEffect, useMemo, useState } from 'react';
import type { DeskBridge, DeskConfig } from '../../../shared/ipc/desk-bridge';
import { actorOf, type DeskActor } from '../db/desk-actor';
import type { DeskDatabase } from '../db/desk-db';
import { AgendaScreen } from '../features/agenda/agenda-screen';
import { useDeskUpkeep } from '../db/use-desk-upkeep';
import { signOutOfDesk } from '../features/auth/desk-auth';
import { DeskSetupGate } from '../features/auth/desk-setup';
import { DeskLockGate } from '../features/auth/lock-screen';
import { DeskSecuritySettings, LockNowButton } from '../features/auth/security-settings';
import { SignInPanel } from '../features/auth/sign-in-panel';
import { RecoveryNotice } from '../features/recovery/recovery-notice';
import { SyncIndicator } from '../features/sync/sync-indicator';
import { useI18n } from '../i18n/i18n';
import { ClerkDesk } from './clerk-desk';
import { printingOf } from './receipt-printing';
import { useDeskSync } from './use-desk-sync';
import { useToday } from './use-today';

// Only a supervisor signed in at a desk PC sees it: its code (live view, reports, steering,
// fast-track, with their schemas) loads then, not at every clerk's start.
const SupervisorDeskScreen = lazy(() => import('./supervisor-desk-screen').then(({ SupervisorDeskScreen: screen }) => ({ default: screen })));

/**
 * The desk's shell: header with the clerk and the language switch; a desk without a chosen server
 * first asks for one; then either the sign-in forms with the day's agenda (before sign-in) or the
 * signed-in clerk's desk with its sync line, behind the idle lock. Above it all, after the desktop
 * host reloaded a crashed page, the notice that says so. The day shown is today's, and moves on at
 * midnight unless `today` fixes it.
 */
export function App({ db, bridge, today: fixedToday }: { db: DeskDatabase; bridge: DeskBridge; today?: string }) {
  const { t, language, setLanguage } = useI18n();
  const today = useToday(fixedToday);
  const { session, status } = useDeskSync(db, bridge);
  const config = useBridgeConfig(bridge);
  const host = config?.host;
  const printReceipt = useMemo(() => printingOf(bridge, config), [bridge, config]);
  // Old synced days are purged and persistent storage is asked for, signed in or not.
  useDeskUpkeep(db);
  // The session row is read again on every sync (meta changes): keep one actor while it is the same clerk.
  const actorKey = session ? JSON.stringify(actorOf(session)) : null;
  const actor = useMemo(() => (actorKey ? (JSON.parse(actorKey) as DeskActor) : null), [actorKey]);
  return (
    <div className="shell">
      <header className="shell__bar">
        <span className="shell__title">{t('appTitle')}</span>
        {session && (
          <span className="shell__clerk">
            {t('signedInAs', { name: session.displayName, desk: session.deskId })}
            <button type="button" className="shell__language" onClick={() => void signOutOfDesk(db, bridge)}>
              {t('signOut')}
            </button>
            <LockNowButton db={db} />
          </span>
        )}
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
        {/* Outside the lock and the sign-in: after a crash the clerk learns what happened whatever the screen shows. */}
        <RecoveryNotice db={db} bridge={bridge} />
        <DeskSetupGate bridge={bridge}>
          {session && actor ? (
            <DeskLockGate db={db} bridge={bridge}>
              <SyncIndicator db={db} store={status} deskId={session.deskId} />
              {/* A supervisor or administrator signed in at a desk PC watches the location instead of serving. */}
              {session.role === 'clerk' ? (
                <ClerkDesk key={`${session.deviceId}/${session.signedInAt}`} db={db} actor={actor} date={today} opensClientWindow={host === 'web'} printReceipt={printReceipt} />
              ) : (
                <Suspense fallback={<p>{t('agendaLoading')}</p>}>
                  <SupervisorDeskScreen bridge={bridge} locationId={session.locationId} today={today} sessionKey={`${session.deviceId}/${session.signedInAt}`} />
                </Suspense>
              )}
              <details className="shell__settings">
                <summary>{t('settingsTitle')}</summary>
                <DeskSecuritySettings db={db} bridge={bridge} />
              </details>
            </DeskLockGate>
          ) : (
            // While the kept session is still being read (undefined), show nothing: the signed-out
            // agenda would load the public day over the synced one for a moment.
            session === null && (
              <>
                <SignInPanel db={db} bridge={bridge} />
                <AgendaScreen db={db} bridge={bridge} date={today} />
              </>
            )
          )}
        </DeskSetupGate>
      </main>
    </div>
  );
}

/** Where the desk runs (Electron or a browser, and where its handouts go); undefined until the bridge answers. */
function useBridgeConfig(bridge: DeskBridge): DeskConfig | undefined {
  const [config, setConfig] = useState<DeskConfig>();
  useEffect(() => {
    let current = true;
    void bridge.getConfig().then(
      (answer) => current && setConfig(answer),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [bridge]);
  return config;
}
