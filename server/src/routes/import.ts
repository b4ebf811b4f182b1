import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { amsterdamDateOf } from '../../../shared/domain/calendar-date';
import type { BsnImportReport } from '../../../shared/fast-track/bsn-import-api';
import { importQuerySchema, MAX_IMPORT_BYTES, type ImportFileError, type ImportReport } from '../../../shared/sync/import-api';
import { authorize, type AccessRule, type Principal } from '../auth/principal';
import type { Database } from '../db/database';
import { importBsnDays } from '../fast-track/bsn-import';
import { FAST_TRACK_FOLLOWERS } from '../fast-track/fast-track-operations';
import { importAppointments } from '../import/import-appointments';
import { scopedLocations } from './supervision-support';
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
  /** Checked before the body is read: a stranger cannot make the server take in 10 MB. */
  const authorizeImporter = (rule: AccessRule) => async (request: FastifyRequest, reply: FastifyReply) => {
    const principal = await authorize(db, request, reply, rule);
    if (principal) importers.set(request, principal);
    return reply.sent ? reply : undefined;
  };

  app.post(
    '/api/v1/import/appointments',
    {
      bodyLimit: MAX_IMPORT_BYTES,
      onRequest: authorizeImporter({ roles: ['admin'] }),
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

  // The municipality's BSN days of fast-track registrations (docs/import.md).
  app.post('/api/v1/import/bsn-issued', { bodyLimit: MAX_IMPORT_BYTES, onRequest: authorizeImporter(FAST_TRACK_FOLLOWERS) }, async (request, reply) => {
    const principal = importers.get(request)!;
    const query = parseOrReply(importQuerySchema, request.query, reply);
    if (!query) return reply;
    if (!Buffer.isBuffer(request.body)) return reply.code(415).send({ error: 'unsupported-media-type', message: 'Send the list as text/csv.' });
    const locationIds = await scopedLocations(db, principal, query.location, reply);
    if (!locationIds) return reply;
    const result = await importBsnDays(db, { locationId: query.location, file: request.body, today: amsterdamDateOf(new Date()), accountId: principal.accountId });
    if (result.ok) return result.report satisfies BsnImportReport;
    return reply.code(400).send({ error: 'bad-file', reasons: result.reasons } satisfies ImportFileError);
  });
};
