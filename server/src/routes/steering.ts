import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { steeringExportQuerySchema, steeringQuerySchema } from '../../../shared/steering/steering-api';
import { steeringCsv } from '../../../shared/steering/steering-columns';
import { authorize, type Principal } from '../auth/principal';
import type { Database } from '../db/database';
import { locationsInScope } from '../reports/report-scope';
import { computeSteeringReport } from '../steering/steering-query';
import { parseOrReply } from './validation';

/** Who may read the steering report: supervisors (their location) and admins (one or all). */
const SUPERVISORS = { roles: ['supervisor', 'admin'] } as const;

/**
 * The steering report (issue #10): the pilot's numbers of a period beside the previous period's,
 * as JSON for the partners' dashboards and as CSV.
 */
export const steeringRoutes: FastifyPluginAsync<{ db: Database }> = async (app, { db }) => {
  async function scoped(principal: Principal, location: string | undefined, reply: FastifyReply) {
    const scope = await locationsInScope(db, principal, location);
    if (scope.ok) return scope.locationIds;
    void reply.code(scope.status).send({ error: scope.error, message: scope.message });
    return null;
  }

  app.get('/api/v1/steering', async (request, reply) => {
    const principal = await authorize(db, request, reply, SUPERVISORS);
    if (!principal) return reply;
    const query = parseOrReply(steeringQuerySchema, request.query, reply);
    if (!query) return reply;
    const locationIds = await scoped(principal, query.location, reply);
    if (!locationIds) return reply;
    reply.header('cache-control', 'no-store');
    return computeSteeringReport(db, { locationIds, from: query.from, to: query.to });
  });

  app.get('/api/v1/steering/export', async (request, reply) => {
    const principal = await authorize(db, request, reply, SUPERVISORS);
    if (!principal) return reply;
    const query = parseOrReply(steeringExportQuerySchema, request.query, reply);
    if (!query) return reply;
    const locationIds = await scoped(principal, query.location, reply);
    if (!locationIds) return reply;
    const report = await computeSteeringReport(db, { locationIds, from: query.from, to: query.to });
    const name = `steering-${locationIds.length === 1 ? locationIds[0] : 'all'}-${query.from}_${query.to}-${query.lang}`;
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${name}.csv"`)
      .header('cache-control', 'no-store')
      // A byte order mark, so spreadsheets read the UTF-8 headers right.
      .send(`\uFEFF${steeringCsv(report, query.lang)}`);
  });
};
