import { randomUUID } from 'node:crypto';
import type { AccountSummary, Role } from '../../../shared/sync/auth-api';
import type { Queryable } from '../db/database';
import { hashPassword } from '../auth/secrets';

export interface AccountRow {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  location_id: string | null;
  password_hash: string;
  pin_verifier: unknown;
  disabled_at: string | null;
}

export function accountSummary(row: AccountRow): AccountSummary {
  return { id: row.id, username: row.username, displayName: row.display_name, role: row.role, locationId: row.location_id };
}

export async function findAccountByUsername(db: Queryable, username: string): Promise<AccountRow | undefined> {
  const rows = await db.query<AccountRow>('SELECT * FROM accounts WHERE username = $1', [username]);
  return rows[0];
}

export interface NewAccount {
  username: string;
  displayName: string;
  role: Role;
  locationId: string | null;
  password: string;
}

/** Creates an account; the password is hashed here and never stored or logged as given. */
export async function createAccount(db: Queryable, account: NewAccount): Promise<AccountSummary> {
  const id = randomUUID();
  const rows = await db.query<AccountRow>(
    `INSERT INTO accounts (id, username, display_name, role, location_id, password_hash)
     VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
    [id, account.username, account.displayName, account.role, account.locationId, await hashPassword(account.password)],
  );
  return accountSummary(rows[0]!);
}
