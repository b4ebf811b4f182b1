import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { amsterdamDateOf } from '../../../shared/domain/calendar-date';
import { fastTrackCompletionSchema, fastTrackQuerySchema, type FastTrackList } from '../../../shared/fast-track/fast-track-api';
import { sponsorListSchema } from '../../../shared/steering/sponsor-list-api';
import { authorize } from '../auth/principal';
import type { Database } from '../db/database';
import { fastTrackRegistrations } from '../fast-track/fast-track-query';
import { FAST_TRACK_FOLLOWERS } from '../fast-track/fast-track-operations';
import { recordBsnIssued } from '../fast-track/record-completion';
import { readSponsorList, replaceSponsorList } from '../fast-track/sponsor-list';
import { SUPERVISORS } from '../reports/report-scope';
import { scopedLocations } from './supervision-support';
import { parseOrReply } from './validation';

const appointmentIdSchema = z.object({ appointmentId: z.string().min(1).max(128) });
const locationParamsSchema = z.object({ locationId: z.string().regex(/^[A-Z]{3}$/, 'expected a location code such as MAA') });

/**
 * The fast-track follow-up (issue #10): the registrations with their BSN clock, and the
 * municipality recording the day a BSN was issued; and the location's sponsor list.
 */
export const fastTrackRoutes: FastifyPluginAsync<{ db: Database }> = async (app, { db }) => {
  app.get('/api/v1/fast-track', async (request, reply) => {
    const principal = await authorize(db, request, reply, FAST_TRACK_FOLLOWERS);
    if (!principal) return reply;
    const query = parseOrReply(fastTrackQuerySchema, request.query, reply);
    if (!query) return reply;
    const locationIds = await scopedLocations(db, principal, query.location, reply);
    if (!locationIds) return reply;
    const today = amsterdamDateOf(new Date());
    const registrations = await fastTrackRegistrations(db, { locationIds, from: query.from, to: query.to }, today);
    reply.header('cache-control', 'no-store');
    return { today, registrations: query.states ? registrations.filter((entry) => query.states!.includes(entry.state)) : registrations } satisfies FastTrackList;
  });

  app.put('/api/v1/fast-track/:appointmentId', async (request, reply) => {
    const principal = await authorize(db, request, reply, FAST_TRACK_FOLLOWERS);
    if (!principal) return reply;
    const params = parseOrReply(appointmentIdSchema, request.params, reply);
    const body = params && parseOrReply(fastTrackCompletionSchema, request.body, reply);
    if (!params || !body) return reply;
    const result = await recordBsnIssued(db, principal, { appointmentId: params.appointmentId, bsnIssuedOn: body.bsnIssuedOn, today: amsterdamDateOf(new Date()) });
    if (!result.ok) return reply.code(result.status).send({ error: result.error, message: result.message });
    return reply.code(204).send();
  });

  app.get('/api/v1/locations/:locationId/sponsors', async (request, reply) => {
    const principal = await authorize(db, request, reply, SUPERVISORS);
    if (!principal) return reply;
    const params = parseOrReply(locationParamsSchema, request.params, reply);
    if (!params) return reply;
    const locationIds = await scopedLocations(db, principal, params.locationId, reply);
    if (!locationIds) return reply;
    return { sponsors: await readSponsorList(db, params.locationId) };
  });

  app.put('/api/v1/locations/:locationId/sponsors', async (request, reply) => {
    const principal = await authorize(db, request, reply, { roles: ['admin'] });
    if (!principal) return reply;
    const params = parseOrReply(locationParamsSchema, request.params, reply);
    const body = params && parseOrReply(sponsorListSchema, request.body, reply);
    if (!params || !body) return reply;
    const locationIds = await scopedLocations(db, principal, params.locationId, reply);
    if (!locationIds) return reply;
    const size = await replaceSponsorList(db, principal.accountId, params.locationId, body.sponsors);
    return { locationId: params.locationId, size };
  });
};
