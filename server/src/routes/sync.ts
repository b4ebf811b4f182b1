import type { FastifyPluginAsync } from 'fastify';
import { pullQuerySchema, pushRequestSchema, type PullResponse } from '../../../shared/sync/push-pull';
import { authorize } from '../auth/principal';
import type { Database } from '../db/database';
import { changesSince } from '../sync/changes';
import type { DayStateStore } from '../sync/day-state-store';
import { ingestBatch } from '../sync/ingest';
import { parseOrReply } from './validation';

/** The sync protocol's push and pull, for clerks signed in on a registered desk. */
export const syncRoutes: FastifyPluginAsync<{ db: Database; days: DayStateStore }> = async (app, { db, days }) => {
  app.post('/api/v1/sync/push', async (request, reply) => {
    const principal = await authorize(db, request, reply, { roles: ['clerk', 'supervisor', 'admin'], device: 'required' });
    if (!principal) return reply;
    // Each event is checked on its own (storable included): one bad event must not block the batch.
    const batch = parseOrReply(pushRequestSchema, request.body, reply, { storableCheckedLater: true });
    if (!batch) return reply;
    const device = principal.device!;
    if (batch.deviceId !== device.id) {
      return reply.code(403).send({ error: 'other-device', message: 'A desk pushes only its own events.' });
    }
    return ingestBatch(db, days, device, batch);
  });

  app.get('/api/v1/sync/pull', async (request, reply) => {
    const principal = await authorize(db, request, reply, { roles: ['clerk', 'supervisor', 'admin'], device: 'required' });
    if (!principal) return reply;
    const query = parseOrReply(pullQuerySchema, request.query, reply);
    if (!query) return reply;
    const page = await changesSince(db, principal.device!.locationId, query.since, query.limit);
    const body: PullResponse = {
      changes: page.changes,
      nextCursor: page.changes.at(-1)?.seq ?? query.since,
      hasMore: page.hasMore,
    };
    return body;
  });
};
