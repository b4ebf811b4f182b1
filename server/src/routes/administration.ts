import type { FastifyPluginAsync } from 'fastify';
import { closedDesk } from '../../../shared/domain/desk-machine';
import { newAccountSchema, newDeskSchema, newLocationSchema } from '../../../shared/sync/admin-api';
import { authorize } from '../auth/principal';
import { publishChecklistsToLocation } from '../checklists/checklist-store';
import type { Database } from '../db/database';
import { createAccount, findAccountByUsername } from '../repositories/accounts';
import { recordAudit } from '../repositories/audit';
import { locationExists } from '../repositories/day-appointments';
import { publishChanges } from '../sync/changes';
import { parseOrReply } from './validation';

/** What an administrator sets up: locations, their desks, and staff accounts. Admins only. */
export const administrationRoutes: FastifyPluginAsync<{ db: Database }> = async (app, { db }) => {
  app.post('/api/v1/locations', async (request, reply) => {
    const principal = await authorize(db, request, reply, { roles: ['admin'] });
    if (!principal) return reply;
    const location = parseOrReply(newLocationSchema, request.body, reply);
    if (!location) return reply;
    const created = await db.transaction(async (tx) => {
      const rows = await tx.query('INSERT INTO locations (id, name) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING 1', [location.id, location.name]);
      // A new location's desks need the checklists from their first pull.
      if (rows.length > 0) await publishChecklistsToLocation(tx, location.id);
      return rows.length > 0;
    });
    if (!created) return reply.code(409).send({ error: 'exists', message: `Location ${location.id} exists already.` });
    await recordAudit(db, { accountId: principal.accountId, deviceId: null, action: 'location-created', detail: { ...location } });
    return reply.code(201).send(location);
  });

  app.post<{ Params: { locationId: string } }>('/api/v1/locations/:locationId/desks', async (request, reply) => {
    const principal = await authorize(db, request, reply, { roles: ['admin'] });
    if (!principal) return reply;
    const desk = parseOrReply(newDeskSchema, request.body, reply);
    if (!desk) return reply;
    const { locationId } = request.params;
    if (!(await locationExists(db, locationId))) return reply.code(404).send({ error: 'not-found', message: `No location ${locationId}.` });
    if (!desk.id.startsWith(`${locationId}-`)) return reply.code(400).send({ error: 'bad-request', message: `A desk of ${locationId} has an id starting with ${locationId}-.` });
    const created = await db.transaction(async (tx) => {
      const rows = await tx.query('INSERT INTO desks (id, location_id, name, services) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING RETURNING 1', [
        desk.id, locationId, desk.name, desk.services,
      ]);
      if (rows.length > 0) await publishChanges(tx, locationId, [{ entity: 'desk', id: desk.id, data: closedDesk(desk.id, locationId) }]);
      return rows.length > 0;
    });
    if (!created) return reply.code(409).send({ error: 'exists', message: `Desk ${desk.id} exists already (or its name is taken).` });
    await recordAudit(db, { accountId: principal.accountId, deviceId: null, action: 'desk-created', detail: { locationId, ...desk } });
    return reply.code(201).send({ ...desk, locationId });
  });

  app.post('/api/v1/accounts', async (request, reply) => {
    const principal = await authorize(db, request, reply, { roles: ['admin'] });
    if (!principal) return reply;
    const account = parseOrReply(newAccountSchema, request.body, reply);
    if (!account) return reply;
    if (account.locationId && !(await locationExists(db, account.locationId))) {
      return reply.code(404).send({ error: 'not-found', message: `No location ${account.locationId}.` });
    }
    const taken = () => reply.code(409).send({ error: 'exists', message: `The user name ${account.username} is taken.` });
    if (await findAccountByUsername(db, account.username)) return taken();
    // Two admins creating the same name at once: the database's unique key decides.
    const created = await createAccount(db, account).catch((error: unknown) => {
      if ((error as { code?: string }).code === '23505') return null;
      throw error;
    });
    if (!created) return taken();
    await recordAudit(db, { accountId: principal.accountId, deviceId: null, action: 'account-created', detail: { id: created.id, role: created.role, locationId: created.locationId } });
    return reply.code(201).send(created);
  });
};
