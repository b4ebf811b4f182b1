/**
 * The display names of clerk accounts, for the supervisors' screens: a person reads "Medewerker 2",
 * not an account id. An id whose account is gone keeps no name (the screen shows the id).
 */
import type { Queryable } from '../db/database';

export async function clerkNamesOf(db: Queryable, accountIds: readonly string[]): Promise<Record<string, string>> {
  const unique = [...new Set(accountIds)];
  if (unique.length === 0) return {};
  const rows = await db.query<{ id: string; display_name: string }>('SELECT id, display_name FROM accounts WHERE id = ANY($1::text[])', [unique]);
  return Object.fromEntries(rows.map((row) => [row.id, row.display_name]));
}
