import type { FastifyPluginAsync } from 'fastify';
import { steeringExportQuerySchema, steeringQuerySchema } from '../../../shared/steering/steering-api';
import { steeringCsv } from '../../../shared/steering/steering-columns';
import { authorize } from '../auth/principal';
import type { Database } from '../db/database';
import { SUPERVISORS } from '../reports/report-scope';
import { computeSteeringReport } from '../steering/steering-query';
import { scopedLocations, sendCsv } from './supervision-support';
import { parseOrReply } from './validation';

/**
 * The steering report (issue #10): the pilot's numbers of a period beside the previous period's,
 * as JSON for the partners' dashboards and as CSV.
 */
export const steeringRoutes: FastifyPluginAsync<{ db: Database }> = async (app, { db }) => {
  app.get('/api/v1/steering', async (request, reply) => {
    const principal = await authorize(db, request, reply, SUPERVISORS);
    if (!principal) return reply;
    const query = parseOrReply(steeringQuerySchema, request.query, reply);
    if (!query) return reply;
    const locationIds = await scopedLocations(db, principal, query.location, reply);
    if (!locationIds) return reply;
    reply.header('cache-control', 'no-store');
    return computeSteeringReport(db, { locationIds, from: query.from, to: query.to });
  });

  app.get('/api/v1/steering/export', async (request, reply) => {
    const principal = await authorize(db, request, reply, SUPERVISORS);
    if (!principal) return reply;
    const query = parseOrReply(steeringExportQuerySchema, request.query, reply);
    if (!query) return reply;
    const locationIds = await scopedLocations(db, principal, query.location, reply);
    if (!locationIds) return reply;
    const report = await computeSteeringReport(db, { locationIds, from: query.from, to: query.to });
    const name = `steering-${locationIds.length === 1 ? locationIds[0] : 'all'}-${query.from}_${query.to}-${query.lang}`;
    return sendCsv(reply, name, steeringCsv(report, query.lang));
  });
};
