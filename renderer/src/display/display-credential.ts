/**
 * The display device's credential, kept in the browser's localStorage per location. A TV stick or
 * kiosk browser has no key store like the desk app's; the credential only reads the calls of one
 * location (ticket numbers, desk names), and an admin can revoke it (docs/architecture.md).
 */
import { z } from 'zod';
import { deviceRegistrationResponseSchema } from '../../../shared/sync/auth-api';

const storedCredentialSchema = z.object({ deviceId: z.string().min(1), deviceSecret: z.string().min(32), locationId: z.string().min(1) });
/** What a registered display keeps. */
export type DisplayCredential = z.infer<typeof storedCredentialSchema>;

const keyOf = (locationId: string) => `balie-display:${locationId}`;

/** The stored credential of this location's display; a damaged entry is treated as none. */
export function loadDisplayCredential(storage: Storage, locationId: string): DisplayCredential | null {
  try {
    const parsed = storedCredentialSchema.safeParse(JSON.parse(storage.getItem(keyOf(locationId)) ?? 'null'));
    return parsed.success && parsed.data.locationId === locationId ? parsed.data : null;
  } catch {
    return null;
  }
}

export function saveDisplayCredential(storage: Storage, credential: DisplayCredential): void {
  storage.setItem(keyOf(credential.locationId), JSON.stringify(credential));
}

export function forgetDisplayCredential(storage: Storage, locationId: string): void {
  storage.removeItem(keyOf(locationId));
}

/** Why a registration did not give this page a display of its location. */
export type RegistrationProblem = 'badCode' | 'notADisplayCode' | 'otherLocation' | 'unreachable' | 'tooMany';

/**
 * Redeems an admin's one-time code for a display of `locationId` (the page's own origin is the
 * server). A code made for a desk, or for another location, is refused here with a clear reason.
 */
export async function registerDisplay(
  input: { code: string; name: string; locationId: string },
): Promise<{ ok: true; credential: DisplayCredential } | { ok: false; problem: RegistrationProblem; location?: string }> {
  let response: Response;
  try {
    response = await fetch('/api/v1/devices/register', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: input.code.trim(), name: input.name.trim() }),
    });
  } catch {
    return { ok: false, problem: 'unreachable' };
  }
  if (response.status === 429) return { ok: false, problem: 'tooMany' };
  if (response.status === 400) return { ok: false, problem: 'badCode' };
  if (response.status !== 201) return { ok: false, problem: 'unreachable' };
  const parsed = deviceRegistrationResponseSchema.safeParse(await response.json().catch(() => null));
  if (!parsed.success) return { ok: false, problem: 'unreachable' };
  if (parsed.data.kind !== 'display') return { ok: false, problem: 'notADisplayCode' };
  if (parsed.data.locationId !== input.locationId) return { ok: false, problem: 'otherLocation', location: parsed.data.locationId };
  return { ok: true, credential: { deviceId: parsed.data.deviceId, deviceSecret: parsed.data.deviceSecret, locationId: parsed.data.locationId } };
}
