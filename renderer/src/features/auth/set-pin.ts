/**
 * A clerk sets or changes the PIN for unlocking this desk offline. The server keeps its verifier
 * (PUT /api/v1/auth/pin) and hands it to desks at sign-in; this desk also makes its own verifier of
 * the new PIN at once, valid until the session ends, so the PIN works here without signing in again.
 */
import type { DeskBridge } from '../../../../shared/ipc/desk-bridge';
import { pinSchema } from '../../../../shared/sync/auth-api';
import { makeDeskVerifier } from './pin-verifier';

export type PinProblem = 'format' | 'guessable' | 'mismatch';
export type SetPinFailureReason = PinProblem | 'offline' | 'server-error' | 'session-expired' | 'no-secure-storage';

/** What is wrong with a typed PIN and its repetition, or null. The same rules as the server's. */
export function pinProblem(pin: string, repeated: string): PinProblem | null {
  if (!/^\d{5,8}$/.test(pin)) return 'format';
  if (!pinSchema.safeParse(pin).success) return 'guessable';
  return pin === repeated ? null : 'mismatch';
}

const TIMEOUT_MS = 15_000;

export async function setDeskPin(bridge: DeskBridge, pin: string, repeated: string): Promise<{ ok: true } | { ok: false; reason: SetPinFailureReason }> {
  const problem = pinProblem(pin, repeated);
  if (problem) return { ok: false, reason: problem };
  const kept = await bridge.loadSession?.();
  const session = kept?.ok ? kept.session : null;
  if (!session) return { ok: false, reason: 'session-expired' };
  const { serverUrl } = await bridge.getConfig();
  let status: number;
  try {
    const response = await fetch(`${serverUrl}/api/v1/auth/pin`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${session.token}` },
      body: JSON.stringify({ pin }),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    status = response.status;
  } catch {
    return { ok: false, reason: 'offline' };
  }
  if (status === 401) return { ok: false, reason: 'session-expired' };
  if (status === 400) return { ok: false, reason: 'guessable' };
  if (status !== 204) return { ok: false, reason: 'server-error' };
  const saved = await bridge.saveSession?.({ ...session, offlineUnlock: await makeDeskVerifier(pin, session.expiresAt) });
  return saved?.ok ? { ok: true } : { ok: false, reason: 'no-secure-storage' };
}
