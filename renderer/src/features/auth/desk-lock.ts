/**
 * The desk's lock: after some minutes without input (or on request) the screen shows only the
 * lock. The session stays (the sync engine keeps sending in the background); the clerk unlocks
 * with the PIN, offline too, while the verifier from the last online sign-in is valid, or with the
 * password online. After MAX_WRONG_PINS wrong PINs only the password unlocks. The lock is kept in
 * IndexedDB, so a reload does not open the desk.
 */
import type { DeskBridge } from '../../../../shared/ipc/desk-bridge';
import type { DeskDatabase } from '../../db/desk-db';
import { readMeta, writeMeta } from '../../db/desk-meta';
import { signInOnDesk, type AuthFailure } from './desk-auth';
import { checkPin } from './pin-verifier';

export const DEFAULT_IDLE_LOCK_MINUTES = 5;
export const MAX_WRONG_PINS = 5;

/** Locks the desk if a clerk is signed in (and it is not locked yet). */
export async function lockDesk(db: DeskDatabase, now = new Date()): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    if (!(await readMeta(db.meta, 'session')) || (await readMeta(db.meta, 'lock'))) return;
    await writeMeta(db.meta, 'lock', { lockedAt: now.toISOString(), failedPins: 0 });
  });
}

export type PinUnlockFailure = { ok: false; reason: 'wrong-pin'; attemptsLeft: number } | { ok: false; reason: 'no-pin' | 'pin-expired' | 'too-many-pins' };

/** Unlocks with the PIN against the verifier kept with the session; works without the network. */
export async function unlockWithPin(db: DeskDatabase, bridge: DeskBridge, pin: string, now = new Date()): Promise<{ ok: true } | PinUnlockFailure> {
  const lock = await readMeta(db.meta, 'lock');
  if (!lock) return { ok: true };
  if (lock.failedPins >= MAX_WRONG_PINS) return { ok: false, reason: 'too-many-pins' };
  const kept = await bridge.loadSession?.();
  const verifier = kept?.ok ? kept.session?.offlineUnlock : null;
  if (!verifier) return { ok: false, reason: 'no-pin' };
  const check = await checkPin(pin, verifier, now);
  if (check === 'expired') return { ok: false, reason: 'pin-expired' };
  if (check === 'right') {
    await db.meta.delete('lock');
    return { ok: true };
  }
  const failedPins = lock.failedPins + 1;
  await writeMeta(db.meta, 'lock', { ...lock, failedPins });
  return failedPins >= MAX_WRONG_PINS ? { ok: false, reason: 'too-many-pins' } : { ok: false, reason: 'wrong-pin', attemptsLeft: MAX_WRONG_PINS - failedPins };
}

/** Unlocks with the signed-in clerk's password: an online sign-in, which also renews the PIN verifier. */
export async function unlockWithPassword(db: DeskDatabase, bridge: DeskBridge, password: string): Promise<{ ok: true } | AuthFailure> {
  const session = await readMeta(db.meta, 'session');
  if (!session) return { ok: true };
  const signedIn = await signInOnDesk(db, bridge, { username: session.username, password });
  if (!signedIn.ok) return signedIn;
  await db.meta.delete('lock');
  return { ok: true };
}

/** Whether the kept session has a PIN verifier that still counts, so the lock screen offers the PIN. */
export async function pinUnlockState(bridge: DeskBridge, now = new Date()): Promise<'usable' | 'no-pin' | 'pin-expired'> {
  const kept = await bridge.loadSession?.();
  const verifier = kept?.ok ? kept.session?.offlineUnlock : null;
  if (!verifier) return 'no-pin';
  return Date.parse(verifier.validUntil) > now.getTime() ? 'usable' : 'pin-expired';
}
