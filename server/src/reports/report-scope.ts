/**
 * Which locations a supervisor's request may cover: a supervisor their own location only, an admin
 * any one location or (leaving `location` out) all of them. Answers are values, so every report
 * route says 403 or 404 the same way.
 */
import type { Principal } from '../auth/principal';
import { mayAccessLocation } from '../auth/principal';
import type { Queryable } from '../db/database';

/** Who may read reports and the steering report: supervisors (their location) and admins (every location). Clerks get 403. */
export const SUPERVISORS = { roles: ['supervisor', 'admin'] } as const;

export type ScopeResult =
  | { ok: true; locationIds: string[] }
  | { ok: false; status: 400 | 403 | 404; error: string; message: string };

/** The locations of a request; `single` when the route shows one location (the live view). */
export async function locationsInScope(
  db: Queryable,
  principal: Pick<Principal, 'role' | 'locationId'>,
  location: string | undefined,
  options: { single?: boolean } = {},
): Promise<ScopeResult> {
  const asked = location ?? principal.locationId ?? undefined;
  if (asked === undefined) {
    if (options.single) return { ok: false, status: 400, error: 'bad-request', message: 'Name the location (?location=MAA).' };
    const rows = await db.query<{ id: string }>('SELECT id FROM locations ORDER BY id');
    return { ok: true, locationIds: rows.map((row) => row.id) };
  }
  if (!mayAccessLocation(principal, asked)) {
    return { ok: false, status: 403, error: 'forbidden', message: 'This account works at another location.' };
  }
  const rows = await db.query('SELECT 1 FROM locations WHERE id = $1', [asked]);
  if (rows.length === 0) return { ok: false, status: 404, error: 'not-found', message: `No location ${asked}.` };
  return { ok: true, locationIds: [asked] };
}
