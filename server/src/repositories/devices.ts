import { randomUUID, timingSafeEqual } from 'node:crypto';
import type { DeviceCredential } from '../../../shared/sync/auth-api';
import type { Queryable } from '../db/database';
import { newToken, tokenHash } from '../auth/secrets';

export interface DeviceRow {
  id: string;
  location_id: string;
  kind: 'desk' | 'display';
  desk_id: string | null;
  name: string;
  secret_hash: string;
  revoked_at: string | null;
}

/** The device that presents this credential, if it is registered, not revoked, and the secret matches. */
export async function verifyDevice(db: Queryable, credential: DeviceCredential): Promise<DeviceRow | null> {
  const rows = await db.query<DeviceRow>('SELECT * FROM devices WHERE id = $1 AND revoked_at IS NULL', [credential.deviceId]);
  const device = rows[0];
  if (!device) return null;
  const given = Buffer.from(tokenHash(credential.deviceSecret));
  const stored = Buffer.from(device.secret_hash);
  return given.length === stored.length && timingSafeEqual(given, stored) ? device : null;
}

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

/** A one-time code an admin reads out: 12 characters in groups of four, no 0/O or 1/I to confuse. */
export function newRegistrationCode(random: Uint8Array): string {
  const characters = [...random.slice(0, 12)].map((byte) => CODE_ALPHABET[byte % CODE_ALPHABET.length]);
  return [0, 4, 8].map((start) => characters.slice(start, start + 4).join('')).join('-');
}

/** Codes are typed by people: compare them without case, spaces or dashes. */
export function normaliseRegistrationCode(code: string): string {
  return code.toUpperCase().replace(/[\s-]/g, '');
}

export async function registerDevice(
  tx: Queryable,
  input: { code: string; name: string },
): Promise<{ device: DeviceRow; secret: string } | null> {
  const codes = await tx.query<{ code_hash: string; location_id: string; kind: 'desk' | 'display'; desk_id: string | null }>(
    `SELECT code_hash, location_id, kind, desk_id FROM registration_codes
      WHERE code_hash = $1 AND used_at IS NULL AND expires_at > now() FOR UPDATE`,
    [tokenHash(normaliseRegistrationCode(input.code))],
  );
  const code = codes[0];
  if (!code) return null;
  const secret = newToken();
  const rows = await tx.query<DeviceRow>(
    `INSERT INTO devices (id, location_id, kind, desk_id, name, secret_hash)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
    [randomUUID(), code.location_id, code.kind, code.desk_id, input.name, tokenHash(secret)],
  );
  const device = rows[0]!;
  await tx.query('UPDATE registration_codes SET used_at = now(), used_by_device = $2 WHERE code_hash = $1', [
    code.code_hash,
    device.id,
  ]);
  return { device, secret };
}
