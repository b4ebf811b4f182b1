import type { FastifyPluginAsync } from 'fastify';
import type { HealthResponse } from '../../../shared/sync/day';
import type { Database } from '../db/database';
import { SERVER_VERSION } from '../version';

/** `GET /api/v1/health`: is the server up, and can it reach its database? */
export const healthRoutes: FastifyPluginAsync<{ db: Database }> = async (app, { db }) => {
  app.get('/api/v1/health', async (_request, reply) => {
    const databaseOk = await db.query('SELECT 1').then(() => true, () => false);
    const body: HealthResponse = {
      status: databaseOk ? 'ok' : 'degraded',
      database: { kind: db.kind, ok: databaseOk },
      version: SERVER_VERSION,
    };
    return reply.code(databaseOk ? 200 : 503).send(body);
  });
};
