/**
 * The supervisor page's session: signed in with user name and password (no desk device), kept in
 * sessionStorage only, so it ends with the browser tab and never lingers on a shared PC.
 */
import { z } from 'zod';
import { accountSummarySchema, apiErrorSchema, signInResponseSchema } from '../../../shared/sync/auth-api';

const STORAGE_KEY = 'balie.supervisor.session';

export const storedSessionSchema = z.object({ token: z.string(), expiresAt: z.string(), account: accountSummarySchema });
export type StoredSession = z.infer<typeof storedSessionSchema>;

export type SignInFailure = 'offline' | 'bad-credentials' | 'too-many-attempts' | 'not-supervisor' | 'server-error' | 'invalid-answer';

/** The stored session, unless it is missing, unreadable or expired. */
export function readStoredSession(storage: Storage, now = Date.now()): StoredSession | null {
  try {
    const parsed = storedSessionSchema.safeParse(JSON.parse(storage.getItem(STORAGE_KEY) ?? 'null'));
    if (!parsed.success || Date.parse(parsed.data.expiresAt) <= now) return null;
    return parsed.data;
  } catch {
    return null;
  }
}

export function storeSession(storage: Storage, session: StoredSession | null): void {
  if (session) storage.setItem(STORAGE_KEY, JSON.stringify(session));
  else storage.removeItem(STORAGE_KEY);
}

/**
 * Signs a supervisor, an admin or a GemeenteLoket account (`municipality`, which works in the browser
 * only) in; a clerk is turned away here too (clerks work at a registered desk).
 */
export async function signInSupervisor(serverUrl: string, username: string, password: string): Promise<{ ok: true; session: StoredSession } | { ok: false; error: SignInFailure }> {
  let response: Response;
  try {
    response = await fetch(`${serverUrl}/api/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: username.trim(), password }),
    });
  } catch {
    return { ok: false, error: 'offline' };
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const code = apiErrorSchema.safeParse(body).data?.error;
    if (response.status === 400 || code === 'bad-credentials') return { ok: false, error: 'bad-credentials' };
    if (code === 'too-many-attempts') return { ok: false, error: 'too-many-attempts' };
    if (code === 'desk-required' || response.status === 403) return { ok: false, error: 'not-supervisor' };
    return { ok: false, error: 'server-error' };
  }
  const parsed = signInResponseSchema.safeParse(body);
  if (!parsed.success) return { ok: false, error: 'invalid-answer' };
  const { token, expiresAt, account } = parsed.data;
  if (account.role === 'clerk') return { ok: false, error: 'not-supervisor' };
  return { ok: true, session: { token, expiresAt, account } };
}

/** Ends the session on the server too (best effort: the stored copy is dropped regardless). */
export async function signOutSupervisor(serverUrl: string, token: string): Promise<void> {
  await fetch(`${serverUrl}/api/v1/auth/sign-out`, { method: 'POST', headers: { authorization: `Bearer ${token}` } }).catch(() => undefined);
}
