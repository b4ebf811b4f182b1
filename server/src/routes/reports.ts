import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { z } from 'zod';
import { periodOf, reportExportQuerySchema, reportQuerySchema, type ReportLanguage } from '../../../shared/reports/report-api';
import { EVENT_COLUMNS, groupColumns, groupRows, STEP_COLUMNS, toCsv, WAIT_COLUMNS } from '../../../shared/reports/report-columns';
import {
  conflictQuerySchema,
  conflictResolutionRequestSchema,
  liveQuerySchema,
  reportSettingsSchema,
  type ConflictRecord,
  type LiveView,
} from '../../../shared/reports/supervision-api';
import { authorize, mayAccessLocation, type Principal } from '../auth/principal';
import type { Database } from '../db/database';
import { recordAudit } from '../repositories/audit';
import { findConflict, listConflicts, resolveConflict } from '../reports/conflict-review';
import { eventRows } from '../reports/event-export';
import { liveView } from '../reports/live-view';
import { computeReport } from '../reports/report-query';
import { SUPERVISORS } from '../reports/report-scope';
import { readReportSettings, writeReportSettings } from '../reports/report-settings';
import type { DayStateStore } from '../sync/day-state-store';
import { scopedLocations, sendCsv } from './supervision-support';
import { parseOrReply } from './validation';

const eventIdParams = z.object({ eventId: z.string().min(1).max(128) });

const fileName = (kind: string, locationIds: readonly string[], from: string, to: string, lang: ReportLanguage) =>
  `${kind}-${locationIds.length === 1 ? locationIds[0] : 'all'}-${from === to ? from : `${from}_${to}`}-${lang}`;

/**
 * The supervisors' routes (issue #7): reports of a day, week or range computed in SQL, their CSV
 * export and the events of a period, the live view of a location, the
 * report settings, and the review of recorded conflicts.
 */
export const reportRoutes: FastifyPluginAsync<{ db: Database; days: DayStateStore }> = async (app, { db, days }) => {
  const scoped = (principal: Principal, location: string | undefined, reply: FastifyReply, single = false) => scopedLocations(db, principal, location, reply, single);

  app.get('/api/v1/reports', async (request, reply) => {
    const principal = await authorize(db, request, reply, SUPERVISORS);
    if (!principal) return reply;
    const query = parseOrReply(reportQuerySchema, request.query, reply);
    if (!query) return reply;
    const locationIds = await scoped(principal, query.location, reply);
    if (!locationIds) return reply;
    return computeReport(db, { locationIds, ...periodOf(query) });
  });

  app.get('/api/v1/reports/export', async (request, reply) => {
    const principal = await authorize(db, request, reply, SUPERVISORS);
    if (!principal) return reply;
    const query = parseOrReply(reportExportQuerySchema, request.query, reply);
    if (!query) return reply;
    const locationIds = await scoped(principal, query.location, reply);
    if (!locationIds) return reply;
    const { from, to } = periodOf(query);
    const report = await computeReport(db, { locationIds, from, to });
    const csv =
      query.table === 'steps' ? toCsv(STEP_COLUMNS, report.steps, query.lang)
      : query.table === 'waits' ? toCsv(WAIT_COLUMNS, report.waitingTimeDistribution, query.lang)
      : toCsv(groupColumns(query.table), groupRows(report, query.table), query.lang);
    return sendCsv(reply, fileName(`report-${query.table}`, locationIds, from, to, query.lang), csv);
  });

  app.get('/api/v1/reports/events', async (request, reply) => {
    const principal = await authorize(db, request, reply, SUPERVISORS);
    if (!principal) return reply;
    const query = parseOrReply(reportQuerySchema, request.query, reply);
    if (!query) return reply;
    const locationIds = await scoped(principal, query.location, reply);
    if (!locationIds) return reply;
    const { from, to } = periodOf(query);
    const rows = await eventRows(db, locationIds, from, to);
    // The log holds personal data (notes, walk-ins): who exported which period is recorded.
    await recordAudit(db, { accountId: principal.accountId, deviceId: null, action: 'events-exported', detail: { locationIds, from, to, rows: rows.length } });
    return sendCsv(reply, fileName('events', locationIds, from, to, query.lang), toCsv(EVENT_COLUMNS, rows, query.lang));
  });

  app.get('/api/v1/reports/live', async (request, reply) => {
    const principal = await authorize(db, request, reply, SUPERVISORS);
    if (!principal) return reply;
    const query = parseOrReply(liveQuerySchema, request.query, reply);
    if (!query) return reply;
    const locationIds = await scoped(principal, query.location, reply, true);
    if (!locationIds) return reply;
    reply.header('cache-control', 'no-store');
    return (await liveView(db, locationIds[0]!)) satisfies LiveView | null;
  });

  app.get('/api/v1/reports/settings', async (request, reply) => {
    const principal = await authorize(db, request, reply, SUPERVISORS);
    if (!principal) return reply;
    const query = parseOrReply(liveQuerySchema, request.query, reply);
    if (!query) return reply;
    const locationIds = await scoped(principal, query.location, reply, true);
    if (!locationIds) return reply;
    return readReportSettings(db, locationIds[0]!);
  });

  app.put('/api/v1/reports/settings', async (request, reply) => {
    const principal = await authorize(db, request, reply, SUPERVISORS);
    if (!principal) return reply;
    const query = parseOrReply(liveQuerySchema, request.query, reply);
    if (!query) return reply;
    const settings = parseOrReply(reportSettingsSchema, request.body, reply);
    if (!settings) return reply;
    const locationIds = await scoped(principal, query.location, reply, true);
    if (!locationIds) return reply;
    await writeReportSettings(db, locationIds[0]!, settings);
    await recordAudit(db, { accountId: principal.accountId, deviceId: null, action: 'report-settings-changed', detail: { locationId: locationIds[0], ...settings } });
    return settings;
  });

  app.get('/api/v1/reports/conflicts', async (request, reply) => {
    const principal = await authorize(db, request, reply, SUPERVISORS);
    if (!principal) return reply;
    const query = parseOrReply(conflictQuerySchema, request.query, reply);
    if (!query) return reply;
    const locationIds = await scoped(principal, query.location, reply);
    if (!locationIds) return reply;
    return { conflicts: await listConflicts(db, locationIds, query.state) };
  });

  app.post('/api/v1/reports/conflicts/:eventId/resolution', async (request, reply) => {
    const principal = await authorize(db, request, reply, SUPERVISORS);
    if (!principal) return reply;
    const params = parseOrReply(eventIdParams, request.params, reply);
    if (!params) return reply;
    const body = parseOrReply(conflictResolutionRequestSchema, request.body, reply);
    if (!body) return reply;
    const conflict = await findConflict(db, params.eventId);
    if (!conflict) return reply.code(404).send({ error: 'not-found', message: `No conflict of event ${params.eventId}.` });
    if (!mayAccessLocation(principal, conflict.locationId)) {
      return reply.code(403).send({ error: 'forbidden', message: 'This conflict belongs to another location.' });
    }
    const resolved = await resolveConflict(db, days, { eventId: params.eventId, locationId: conflict.locationId, accountId: principal.accountId, note: body.note });
    if (!resolved.ok) return reply.code(409).send({ error: resolved.error.code, message: resolved.error.message.en });
    const record: ConflictRecord = resolved.conflict;
    return reply.code(201).send(record);
  });
};
