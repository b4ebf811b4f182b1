import type { FastifyPluginAsync } from 'fastify';
import { pinVerifierSchema, ROLES, setPinRequestSchema, signInRequestSchema, type SignInResponse } from '../../../shared/sync/auth-api';
import { makePinVerifier, offlineUnlockFor } from '../auth/pin-verifier';
import { authorize, mayAccessLocation } from '../auth/principal';
import { newToken, tokenHash, verifyAgainstDecoy, verifyPassword } from '../auth/secrets';
import { createSignInLimiter } from '../auth/sign-in-limiter';
import type { Database } from '../db/database';
import { accountSummary, findAccountByUsername } from '../repositories/accounts';
import { recordAudit } from '../repositories/audit';
import { verifyDevice } from '../repositories/devices';
import { parseOrReply } from './validation';

// A working day and then some: a clerk signs in once in the morning.
const SESSION_HOURS = 12;

/** Sign-in and sign-out. Clerks sign in on a registered desk; supervisors and admins anywhere. */
export const authRoutes: FastifyPluginAsync<{ db: Database }> = async (app, { db }) => {
  const limiter = createSignInLimiter();

  app.post('/api/v1/auth/sign-in', async (request, reply) => {
    const input = parseOrReply(signInRequestSchema, request.body, reply);
    if (!input) return reply;
    const limitKey = `${input.username}|${request.ip}`;
    const retryAfterMs = limiter.retryAfterMs(limitKey, Date.now());
    if (retryAfterMs > 0) {
      return reply
        .code(429)
        .header('retry-after', Math.ceil(retryAfterMs / 1000))
        .send({ error: 'too-many-attempts', message: 'Too many failed sign-ins. Wait a few minutes and try again.' });
    }
    const account = await findAccountByUsername(db, input.username);
    const passwordOk = account ? await verifyPassword(input.password, account.password_hash) : await verifyAgainstDecoy(input.password);
    if (!account || !passwordOk || account.disabled_at) {
      limiter.recordFailure(limitKey, Date.now());
      return reply.code(401).send({ error: 'bad-credentials', message: 'User name or password is not right.' });
    }
    const device = input.device ? await verifyDevice(db, input.device) : null;
    if (input.device && (!device || device.kind !== 'desk')) {
      return reply.code(401).send({ error: 'unknown-device', message: 'This desk is not registered (or was revoked).' });
    }
    const summary = accountSummary(account);
    if (!device && summary.role === 'clerk') {
      return reply.code(403).send({ error: 'desk-required', message: 'Clerks sign in on a registered desk.' });
    }
    if (device && summary.role === 'municipality') {
      return reply.code(403).send({ error: 'no-desk-work', message: 'This account records BSNs in the browser, not at a desk.' });
    }
    if (device && !mayAccessLocation(summary, device.location_id)) {
      return reply.code(403).send({ error: 'other-location', message: 'This account works at another location.' });
    }
    limiter.recordSuccess(limitKey);
    const token = newToken();
    const expiresAt = new Date(Date.now() + SESSION_HOURS * 3_600_000);
    await db.query('INSERT INTO sessions (token_hash, account_id, device_id, expires_at) VALUES ($1, $2, $3, $4)', [
      tokenHash(token),
      account.id,
      device?.id ?? null,
      expiresAt.toISOString(),
    ]);
    await recordAudit(db, { accountId: account.id, deviceId: device?.id ?? null, action: 'sign-in' });
    const body: SignInResponse = {
      token,
      expiresAt: expiresAt.toISOString(),
      account: summary,
      device: device ? { id: device.id, locationId: device.location_id, deskId: device.desk_id } : null,
      offlineUnlock: device ? offlineUnlockFor(pinVerifierSchema.nullable().parse(account.pin_verifier), expiresAt) : null,
    };
    return body;
  });

  // A clerk sets (or changes) the PIN for unlocking a desk offline; it reaches desks at next sign-in.
  app.put('/api/v1/auth/pin', async (request, reply) => {
    const principal = await authorize(db, request, reply, { roles: ['clerk', 'supervisor', 'admin'] });
    if (!principal) return reply;
    const input = parseOrReply(setPinRequestSchema, request.body, reply);
    if (!input) return reply;
    await db.query('UPDATE accounts SET pin_verifier = $2 WHERE id = $1', [principal.accountId, JSON.stringify(await makePinVerifier(input.pin))]);
    await recordAudit(db, { accountId: principal.accountId, deviceId: principal.device?.id ?? null, action: 'pin-set' });
    return reply.code(204).send();
  });

  app.post('/api/v1/auth/sign-out', async (request, reply) => {
    const principal = await authorize(db, request, reply, { roles: ROLES });
    if (!principal) return reply;
    const token = request.headers.authorization!.slice('Bearer '.length);
    await db.query('UPDATE sessions SET revoked_at = now() WHERE token_hash = $1', [tokenHash(token)]);
    await recordAudit(db, { accountId: principal.accountId, deviceId: principal.device?.id ?? null, action: 'sign-out' });
    return reply.code(204).send();
  });
};
