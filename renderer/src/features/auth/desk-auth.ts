/**
 * What the sync engine needs of identity: registering this desk once (an admin's one-time code →
 * the device's own credential, kept by the DeskBridge), a clerk's online sign-in with that
 * credential (the token is kept by the DeskBridge, only a summary goes into IndexedDB), and
 * forgetting the session when the server no longer accepts it. Nothing here touches the outbox:
 * unsent events wait for the next sign-in.
 */
import type { DeskBridge } from '../../../../shared/ipc/desk-bridge';
import { apiErrorSchema, deviceRegistrationResponseSchema, signInResponseSchema } from '../../../../shared/sync/auth-api';
import type { DeskDatabase } from '../../db/desk-db';
import { readMeta, writeMeta, type SessionSummary } from '../../db/desk-meta';

export type AuthFailureReason =
  | 'offline'
  | 'server-error'
  | 'bad-credentials'
  | 'bad-code'
  | 'too-many-attempts'
  | 'not-registered'
  | 'not-allowed'
  | 'no-secure-storage'
  | 'invalid-answer';
export type AuthFailure = { ok: false; reason: AuthFailureReason; detail: string };

const TIMEOUT_MS = 15_000;

async function postJson(serverUrl: string, path: string, body: unknown): Promise<{ ok: true; status: number; body: unknown } | AuthFailure> {
  try {
    const response = await fetch(`${serverUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    if (response.status >= 500) return { ok: false, reason: 'server-error', detail: `HTTP ${response.status}` };
    return { ok: true, status: response.status, body: await response.json().catch(() => null) };
  } catch (error) {
    return { ok: false, reason: 'offline', detail: error instanceof Error ? error.message : String(error) };
  }
}

function refusal(status: number, body: unknown): AuthFailure {
  const error = apiErrorSchema.safeParse(body).data?.error ?? `HTTP ${status}`;
  if (status === 429) return { ok: false, reason: 'too-many-attempts', detail: error };
  if (error === 'bad-credentials') return { ok: false, reason: 'bad-credentials', detail: error };
  if (error === 'bad-code') return { ok: false, reason: 'bad-code', detail: error };
  if (error === 'unknown-device') return { ok: false, reason: 'not-registered', detail: error };
  return { ok: false, reason: 'not-allowed', detail: error };
}

/** Redeems an admin's one-time code: this desk becomes a registered device of its location. */
export async function registerThisDesk(db: DeskDatabase, bridge: DeskBridge, input: { code: string; name: string }) {
  if (!bridge.saveDeviceSecret) return { ok: false, reason: 'no-secure-storage', detail: 'this host keeps no secrets' } satisfies AuthFailure;
  const { serverUrl } = await bridge.getConfig();
  const answer = await postJson(serverUrl, '/api/v1/devices/register', input);
  if (!answer.ok) return answer;
  if (answer.status !== 201) return refusal(answer.status, answer.body);
  const parsed = deviceRegistrationResponseSchema.safeParse(answer.body);
  if (!parsed.success || parsed.data.kind !== 'desk') return { ok: false, reason: 'invalid-answer', detail: 'not a desk registration' } satisfies AuthFailure;
  const saved = await bridge.saveDeviceSecret(parsed.data.deviceSecret);
  if (!saved.ok) return { ok: false, reason: 'no-secure-storage', detail: saved.error } satisfies AuthFailure;
  await writeMeta(db.meta, 'deviceId', parsed.data.deviceId);
  return { ok: true, deviceId: parsed.data.deviceId, deskId: parsed.data.deskId } as const;
}

/** A clerk signs in on this registered desk; the session is bound to the desk. */
export async function signInOnDesk(
  db: DeskDatabase,
  bridge: DeskBridge,
  input: { username: string; password: string },
  now: () => Date = () => new Date(),
): Promise<{ ok: true; session: SessionSummary } | AuthFailure> {
  const deviceId = await readMeta(db.meta, 'deviceId');
  const secret = await bridge.loadDeviceSecret?.();
  if (!deviceId || !secret?.ok || !secret.deviceSecret) return { ok: false, reason: 'not-registered', detail: 'this desk has no device credential' };
  const { serverUrl } = await bridge.getConfig();
  const answer = await postJson(serverUrl, '/api/v1/auth/sign-in', { ...input, device: { deviceId, deviceSecret: secret.deviceSecret } });
  if (!answer.ok) return answer;
  if (answer.status !== 200) return refusal(answer.status, answer.body);
  const parsed = signInResponseSchema.safeParse(answer.body);
  if (!parsed.success || !parsed.data.device?.deskId) return { ok: false, reason: 'invalid-answer', detail: 'no desk in the session' };
  const { token, expiresAt, account, device, offlineUnlock } = parsed.data;
  // The server refuses these at a desk already; a desk never keeps a session it cannot show.
  if (account.role === 'municipality') return { ok: false, reason: 'not-allowed', detail: 'no-desk-work' };
  // The PIN verifier (never the PIN) travels with the session: kept by the host, never in IndexedDB.
  const saved = await bridge.saveSession?.({ token, accountId: account.id, expiresAt, offlineUnlock });
  if (!saved?.ok) return { ok: false, reason: 'no-secure-storage', detail: saved?.error ?? 'this host keeps no session' };
  const session: SessionSummary = {
    accountId: account.id,
    username: account.username,
    displayName: account.displayName,
    role: account.role,
    deviceId: device.id,
    deskId: device.deskId!,
    locationId: device.locationId,
    expiresAt,
    signedInAt: now().toISOString(),
  };
  await writeMeta(db.meta, 'session', session);
  return { ok: true, session };
}

/** The token of the kept session, or null (none, or the host cannot read it). */
export async function sessionToken(bridge: DeskBridge): Promise<string | null> {
  const loaded = await bridge.loadSession?.();
  return loaded?.ok && loaded.session ? loaded.session.token : null;
}

/**
 * The server no longer accepts the session (401), or the clerk signs out: the token is forgotten
 * and the summary removed. The outbox and the day stay exactly as they are.
 */
export async function forgetSession(db: DeskDatabase, bridge: DeskBridge): Promise<void> {
  await bridge.clearSession?.();
  await db.meta.bulkDelete(['session', 'lock']);
}

/** The clerk signs out: the server ends the session when it can be reached; the desk forgets it anyway. */
export async function signOutOfDesk(db: DeskDatabase, bridge: DeskBridge): Promise<void> {
  const token = await sessionToken(bridge);
  if (token) {
    const { serverUrl } = await bridge.getConfig();
    await fetch(`${serverUrl}/api/v1/auth/sign-out`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(TIMEOUT_MS) }).catch(() => undefined);
  }
  await forgetSession(db, bridge);
}
