import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { dayQuerySchema, type DayResponse } from '../../../shared/sync/day';
import type { Database } from '../db/database';
import { DEMO_LOCATION } from '../demo/seed';
import { listDayAppointments, locationExists } from '../repositories/day-appointments';
import { parseOrReply } from './validation';

// Until desks sign in (and so name their location), the day of the demo location is served.
export const appointmentsQuerySchema = dayQuerySchema.extend({
  location: z.string().regex(/^[A-Z]{3}$/, 'expected a location code such as MAA').default(DEMO_LOCATION.id),
});

/** `GET /api/v1/appointments?date=YYYY-MM-DD`: the day's appointment book of a location. */
export const appointmentRoutes: FastifyPluginAsync<{ db: Database }> = async (app, { db }) => {
  app.get('/api/v1/appointments', async (request, reply) => {
    const query = parseOrReply(appointmentsQuerySchema, request.query, reply);
    if (!query) return reply;
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
