/**
 * Who is asking: every protected route resolves the bearer token to a principal (the account,
 * and the desk device when the session is bound to one) and checks role and location.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Role } from '../../../shared/sync/auth-api';
import type { Queryable } from '../db/database';
import { tokenHash } from './secrets';

export interface Principal {
  accountId: string;
  username: string;
  role: Role;
  /** Null for an admin (every location). */
  locationId: string | null;
  device: { id: string; locationId: string; deskId: string | null } | null;
}

interface SessionRow {
  account_id: string;
  username: string;
  role: Role;
  location_id: string | null;
  device_id: string | null;
  device_location_id: string | null;
  desk_id: string | null;
}

/** The principal of a bearer token, or null when the token is unknown, expired, revoked or disabled. */
export async function principalOfToken(db: Queryable, token: string): Promise<Principal | null> {
  const rows = await db.query<SessionRow>(
    `SELECT a.id AS account_id, a.username, a.role, a.location_id,
            d.id AS device_id, d.location_id AS device_location_id, d.desk_id
       FROM sessions s
       JOIN accounts a ON a.id = s.account_id
       LEFT JOIN devices d ON d.id = s.device_id
      WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND s.expires_at > now()
        AND a.disabled_at IS NULL AND (s.device_id IS NULL OR d.revoked_at IS NULL)`,
    [tokenHash(token)],
  );
  const row = rows[0];
  if (!row) return null;
  return {
    accountId: row.account_id,
    username: row.username,
    role: row.role,
    locationId: row.location_id,
    device: row.device_id ? { id: row.device_id, locationId: row.device_location_id!, deskId: row.desk_id } : null,
  };
}

export interface AccessRule {
  roles: readonly Role[];
  /** `required`: only a session signed in on a registered desk device. */
  device?: 'required';
}

/**
 * Resolves the request's principal and checks the rule. On failure it answers 401 (no valid
 * session) or 403 (valid, but not allowed) and returns null.
 */
export async function authorize(
  db: Queryable,
  request: FastifyRequest,
  reply: FastifyReply,
  rule: AccessRule,
): Promise<Principal | null> {
  const header = request.headers.authorization ?? '';
  const token = /^Bearer ([A-Za-z0-9_-]{20,200})$/.exec(header)?.[1];
  const principal = token ? await principalOfToken(db, token) : null;
  if (!principal) {
    void reply.code(401).send({ error: 'unauthenticated', message: 'Sign in first (the session is missing or has expired).' });
    return null;
  }
  if (!rule.roles.includes(principal.role) || (rule.device === 'required' && !principal.device)) {
    void reply.code(403).send({ error: 'forbidden', message: 'This account may not do this here.' });
    return null;
  }
  return principal;
}

/** May this principal see or change data of `locationId`? Admins: every location. */
export function mayAccessLocation(who: Pick<Principal, 'role' | 'locationId'>, locationId: string): boolean {
  return who.role === 'admin' || who.locationId === locationId;
}
