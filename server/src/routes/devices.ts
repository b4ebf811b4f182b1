import { randomBytes } from 'node:crypto';
import type { FastifyPluginAsync } from 'fastify';
import {
  deviceRegistrationRequestSchema,
  registrationCodeRequestSchema,
} from '../../../shared/sync/auth-api';
import { authorize } from '../auth/principal';
import { tokenHash } from '../auth/secrets';
import { createSignInLimiter } from '../auth/sign-in-limiter';
import type { Database } from '../db/database';
import { recordAudit } from '../repositories/audit';
import { newRegistrationCode, normaliseRegistrationCode, registerDevice } from '../repositories/devices';
import { parseOrReply } from './validation';

const CODE_VALID_HOURS = 24;

/** Device registration: an admin makes a one-time code, the new desk or display redeems it. */
export const deviceRoutes: FastifyPluginAsync<{ db: Database }> = async (app, { db }) => {
  const limiter = createSignInLimiter();

  app.post('/api/v1/devices/registration-codes', async (request, reply) => {
    const principal = await authorize(db, request, reply, { roles: ['admin'] });
    if (!principal) return reply;
    const input = parseOrReply(registrationCodeRequestSchema, request.body, reply);
    if (!input) return reply;
    const desks = await db.query('SELECT 1 FROM locations l LEFT JOIN desks d ON d.location_id = l.id AND d.id = $2 WHERE l.id = $1 AND ($2::text IS NULL OR d.id IS NOT NULL)', [
      input.locationId,
      input.deskId,
    ]);
    if (desks.length === 0) return reply.code(404).send({ error: 'not-found', message: 'No such location or desk.' });
    const code = newRegistrationCode(randomBytes(12));
    const expiresAt = new Date(Date.now() + CODE_VALID_HOURS * 3_600_000).toISOString();
    await db.query(
      'INSERT INTO registration_codes (code_hash, location_id, kind, desk_id, created_by, expires_at) VALUES ($1, $2, $3, $4, $5, $6)',
      [tokenHash(normaliseRegistrationCode(code)), input.locationId, input.kind, input.deskId, principal.accountId, expiresAt],
    );
    await recordAudit(db, { accountId: principal.accountId, deviceId: null, action: 'registration-code', detail: { ...input } });
    return reply.code(201).send({ code, expiresAt });
  });

  app.post('/api/v1/devices/register', async (request, reply) => {
    const input = parseOrReply(deviceRegistrationRequestSchema, request.body, reply);
    if (!input) return reply;
    if (limiter.retryAfterMs(request.ip, Date.now()) > 0) {
      return reply.code(429).send({ error: 'too-many-attempts', message: 'Too many wrong codes. Wait a few minutes.' });
    }
    const registered = await db.transaction((tx) => registerDevice(tx, input));
    if (!registered) {
      limiter.recordFailure(request.ip, Date.now());
      return reply.code(400).send({ error: 'bad-code', message: 'This code is unknown, used or expired. Ask an administrator for a new one.' });
    }
    const { device, secret } = registered;
    await recordAudit(db, { accountId: null, deviceId: device.id, action: 'device-registered', detail: { name: device.name } });
    return reply.code(201).send({
      deviceId: device.id,
      deviceSecret: secret,
      locationId: device.location_id,
      kind: device.kind,
      deskId: device.desk_id,
    });
  });
};
