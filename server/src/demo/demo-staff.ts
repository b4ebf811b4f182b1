/**
 * People for the demo, so `npm start` can be tried end to end: an administrator, a supervisor, the
 * municipality's back office and four clerks of Mosae Forum, all with one published demo password, and at every start a fresh
 * one-time code per desk to register a browser or desktop desk. Only on a demo database.
 */
import { randomBytes } from 'node:crypto';
import type { Role } from '../../../shared/sync/auth-api';
import { tokenHash } from '../auth/secrets';
import type { Queryable } from '../db/database';
import { createAccount } from '../repositories/accounts';
import { newRegistrationCode, normaliseRegistrationCode } from '../repositories/devices';

/** Printed at start and in the README: this is invented data on a demo database only. */
export const DEMO_PASSWORD = 'balie-demo-2026';

const DEMO_STAFF: ReadonlyArray<{ username: string; displayName: string; role: Role; locationId: string | null }> = [
  { username: 'beheerder', displayName: 'Beheerder (demo)', role: 'admin', locationId: null },
  { username: 'teamleider', displayName: 'Teamleider (demo)', role: 'supervisor', locationId: 'MAA' },
  { username: 'gemeenteloket', displayName: 'GemeenteLoket (demo)', role: 'municipality', locationId: 'MAA' },
  ...[1, 2, 3, 4].map((number) => ({ username: `medewerker${number}`, displayName: `Medewerker ${number} (demo)`, role: 'clerk' as const, locationId: 'MAA' })),
];

export async function seedDemoStaff(tx: Queryable): Promise<void> {
  for (const person of DEMO_STAFF) await createAccount(tx, { ...person, password: DEMO_PASSWORD });
}

export interface DemoDeskCode {
  /** A desk's code names its desk; the waiting-room display's names none. */
  kind: 'desk' | 'display';
  deskId: string | null;
  code: string;
}

/**
 * A fresh registration code for each desk of the location and one for its waiting-room display,
 * valid 24 hours (older ones simply expire).
 */
export async function demoDeskCodes(tx: Queryable, locationId: string): Promise<DemoDeskCode[]> {
  const admins = await tx.query<{ id: string }>("SELECT id FROM accounts WHERE username = 'beheerder' AND role = 'admin'");
  const admin = admins[0];
  if (!admin) return [];
  const desks = await tx.query<{ id: string }>('SELECT id FROM desks WHERE location_id = $1 ORDER BY id', [locationId]);
  const codes: DemoDeskCode[] = [];
  for (const { kind, deskId } of [...desks.map((desk) => ({ kind: 'desk' as const, deskId: desk.id })), { kind: 'display' as const, deskId: null }]) {
    const code = newRegistrationCode(randomBytes(12));
    await tx.query(
      "INSERT INTO registration_codes (code_hash, location_id, kind, desk_id, created_by, expires_at) VALUES ($1, $2, $3, $4, $5, now() + interval '24 hours')",
      [tokenHash(normaliseRegistrationCode(code)), locationId, kind, deskId, admin.id],
    );
    codes.push({ kind, deskId, code });
  }
  return codes;
}
