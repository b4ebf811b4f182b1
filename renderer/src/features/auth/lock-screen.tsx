import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState, type ReactNode } from 'react';
import type { DeskBridge } from '../../../../shared/ipc/desk-bridge';
import type { DeskDatabase } from '../../db/desk-db';
import { readMeta, type SessionSummary } from '../../db/desk-meta';
import { useI18n } from '../../i18n/i18n';
import { signOutOfDesk } from './desk-auth';
import { lockDesk, MAX_WRONG_PINS, pinUnlockState, unlockWithPassword, unlockWithPin } from './desk-lock';
import { LabelledForm } from './labelled-form';
import { useIdleLock } from './use-idle-lock';

/** What the locked desk shows: who is signed in, the PIN (while it may unlock), the password, and sign-out. */
export function LockScreen({ db, bridge, session }: { db: DeskDatabase; bridge: DeskBridge; session: SessionSummary }) {
  const { t } = useI18n();
  const lock = useLiveQuery(() => readMeta(db.meta, 'lock'), [db]);
  const [pinState, setPinState] = useState<Awaited<ReturnType<typeof pinUnlockState>> | undefined>(undefined);
  useEffect(() => {
    void pinUnlockState(bridge).then(setPinState);
  }, [bridge]);
  if (pinState === undefined) return null;
  const tooManyPins = (lock?.failedPins ?? 0) >= MAX_WRONG_PINS;
  const offerPin = pinState === 'usable' && !tooManyPins;
  return (
    <section className="lock" aria-labelledby="lock-title">
      <h2 id="lock-title">{t('lockTitle')}</h2>
      <p>{t('lockWho', { name: session.displayName })}</p>
      {tooManyPins && <p role="alert">{t('lockError_too-many-pins')}</p>}
      {pinState !== 'usable' && <p>{t(`lockError_${pinState}`)}</p>}
      {offerPin && (
        <LabelledForm
          fields={[{ name: 'pin', label: t('lockPin'), type: 'password', inputMode: 'numeric', autoComplete: 'off' }]}
          submitLabel={t('lockPinSubmit')}
          busyLabel={t('lockBusy')}
          submit={async (form) => {
            const result = await unlockWithPin(db, bridge, String(form.get('pin')));
            if (result.ok) return { ok: true };
            return { ok: false, error: result.reason === 'wrong-pin' ? t('lockError_wrong-pin', { count: result.attemptsLeft }) : t(`lockError_${result.reason}`) };
          }}
        />
      )}
      <LabelledForm
        fields={[{ name: 'password', label: t('lockPassword'), type: 'password', autoComplete: 'current-password' }]}
        submitLabel={t('lockPasswordSubmit')}
        busyLabel={t('lockBusy')}
        autoFocus={!offerPin}
        submit={async (form) => {
          const result = await unlockWithPassword(db, bridge, String(form.get('password')));
          return result.ok ? { ok: true } : { ok: false, error: t(`authError_${result.reason}`) };
        }}
      />
      <button type="button" onClick={() => void signOutOfDesk(db, bridge)}>
        {t('lockSignOut')}
      </button>
    </section>
  );
}

/**
 * Shows `children` while the desk is open and the lock screen while it is locked, and locks it
 * after the idle minutes. While locked the content stays mounted but hidden and inert: no personal
 * data on screen, nothing reachable by keyboard, and the clerk finds the screen as it was (a
 * half-filled form included) after unlocking. `lockAtStart`: a desk that starts with a kept
 * session (the app was restarted) opens locked. Nothing while IndexedDB answers, so a locked desk
 * never flashes its content.
 */
export function DeskLockGate({ db, bridge, lockAtStart = false, children }: { db: DeskDatabase; bridge: DeskBridge; lockAtStart?: boolean; children: ReactNode }) {
  const state = useLiveQuery(async () => ({ session: (await readMeta(db.meta, 'session')) ?? null, lock: (await readMeta(db.meta, 'lock')) ?? null }), [db]);
  useIdleLock(db, Boolean(state?.session && !state.lock));
  useEffect(() => {
    // Where even that write fails, the idle lock tries again after its minutes.
    if (lockAtStart) void lockDesk(db).catch(() => undefined);
  }, [db, lockAtStart]);
  if (!state) return null;
  const locked = Boolean(state.session && state.lock);
  return (
    <>
      {locked && state.session && <LockScreen db={db} bridge={bridge} session={state.session} />}
      {/* display: contents keeps the shell's layout as if this wrapper were not there (set through the DOM, which the CSP allows). */}
      <div className="desk-lock__content" hidden={locked} inert={locked} style={locked ? undefined : { display: 'contents' }}>
        {children}
      </div>
    </>
  );
}
