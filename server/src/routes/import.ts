import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { importQuerySchema, MAX_IMPORT_BYTES, type ImportFileError, type ImportReport } from '../../../shared/sync/import-api';
import { authorize, type Principal } from '../auth/principal';
import type { Database } from '../db/database';
import { importAppointments } from '../import/import-appointments';
import { parseOrReply } from './validation';

/**
 * `POST /api/v1/import/appointments?location=MAA` with the booking system's export as a `text/csv`
 * body (docs/import.md): admins only. The answer is the import report (200), the file's problems
 * (400, nothing imported) or an unknown location (404).
 */
export const importRoutes: FastifyPluginAsync<{ db: Database }> = async (app, { db }) => {
  // This plugin's own parser and limit: the rest of the API keeps JSON bodies and its smaller limit.
  app.addContentTypeParser('text/csv', { parseAs: 'buffer', bodyLimit: MAX_IMPORT_BYTES }, (_request, body, done) => done(null, body));
  const importers = new WeakMap<FastifyRequest, Principal>();

  app.post(
    '/api/v1/import/appointments',
    {
      bodyLimit: MAX_IMPORT_BYTES,
      // Checked before the body is read: a stranger cannot make the server take in 10 MB.
      onRequest: async (request, reply) => {
        const principal = await authorize(db, request, reply, { roles: ['admin'] });
        if (principal) importers.set(request, principal);
        return reply.sent ? reply : undefined;
      },
    },
    async (request, reply) => {
      const principal = importers.get(request)!;
      const query = parseOrReply(importQuerySchema, request.query, reply);
      if (!query) return reply;
      // Fastify's own JSON and plain-text parsers would hand over a decoded body: only the CSV parser gives the bytes.
      if (!Buffer.isBuffer(request.body)) {
        return reply.code(415).send({ error: 'unsupported-media-type', message: 'Send the export as text/csv.' });
      }
      const file = request.body;
      const result = await importAppointments(db, {
        locationId: query.location,
        file,
        now: new Date(),
        actor: { accountId: principal.accountId, source: 'api' },
      });
      if (result.ok) return result.report satisfies ImportReport;
      if (result.problem === 'unknown-location') {
        return reply.code(404).send({ error: 'not-found', message: `No location ${query.location}` });
      }
      const body: ImportFileError = { error: 'bad-file', reasons: [...result.reasons] };
      return reply.code(400).send(body);
    },
  );
};
