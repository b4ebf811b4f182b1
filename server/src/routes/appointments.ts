import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { dayQuerySchema, type DayResponse } from '../../../shared/sync/day';
import { authorize, mayAccessLocation } from '../auth/principal';
import type { Database } from '../db/database';
import { DEMO_LOCATION, isDemoDatabase } from '../demo/seed';
import { listDayAppointments, locationExists } from '../repositories/day-appointments';
import { parseOrReply } from './validation';

// Until desks sign in (and so name their location), the day of the demo location is served.
export const appointmentsQuerySchema = dayQuerySchema.extend({
  location: z.string().regex(/^[A-Z]{3}$/, 'expected a location code such as MAA').default(DEMO_LOCATION.id),
});

/**
 * `GET /api/v1/appointments?date=YYYY-MM-DD`: the day's appointment book of a location. On a demo
 * database (invented people) anyone may read it, so the desk shows its day before sign-in exists on
 * it; on a real database only staff of the location (or an admin) may.
 */
export const appointmentRoutes: FastifyPluginAsync<{ db: Database }> = async (app, { db }) => {
  const demo = await isDemoDatabase(db);
  app.get('/api/v1/appointments', async (request, reply) => {
    const principal = demo ? null : await authorize(db, request, reply, { roles: ['clerk', 'supervisor', 'admin'] });
    if (!demo && !principal) return reply;
    const query = parseOrReply(appointmentsQuerySchema, request.query, reply);
    if (!query) return reply;
    if (principal && !mayAccessLocation(principal, query.location)) {
      return reply.code(403).send({ error: 'forbidden', message: 'This account works at another location.' });
    }
    if (!(await locationExists(db, query.location))) {
      return reply.code(404).send({ error: 'not-found', message: `No location ${query.location}` });
    }
    const body: DayResponse = {
      date: query.date,
      locationId: query.location,
      appointments: await listDayAppointments(db, query.location, query.date),
    };
    return body;
  });
};
