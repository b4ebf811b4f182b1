/**
 * The supervisors' routes in the OpenAPI table (openapi/api-operations.ts spreads these in): their
 * schemas and operations, kept beside the reports so the table's file needs one line per list.
 */
import type { z } from 'zod';
import { reportExportQuerySchema, reportQuerySchema, reportSchema } from '../../../shared/reports/report-api';
import {
  conflictListSchema,
  conflictQuerySchema,
  conflictRecordSchema,
  conflictResolutionRequestSchema,
  liveQuerySchema,
  liveViewSchema,
  reportSettingsSchema,
} from '../../../shared/reports/supervision-api';
import { SUPERVISORS } from './report-scope';

/** Request bodies of the supervisors' routes. */
export const REPORT_REQUEST_SCHEMAS = {
  ReportSettings: reportSettingsSchema,
  ConflictResolutionRequest: conflictResolutionRequestSchema,
} satisfies Record<string, z.ZodType>;

/** Answers of the supervisors' routes. */
export const REPORT_RESPONSE_SCHEMAS = {
  Report: reportSchema,
  LiveView: liveViewSchema,
  ReportSettings: reportSettingsSchema,
  ConflictList: conflictListSchema,
  ConflictRecord: conflictRecordSchema,
} satisfies Record<string, z.ZodType>;

const error = (description: string) => ({ description, schema: 'ApiError' }) as const;
const scopeErrors = {
  403: error('A clerk (`forbidden`), or a supervisor asking for another location (`forbidden`).'),
  404: error('No such location (`not-found`).'),
} as const;
const csv = (description: string) => ({ description, contentType: 'text/csv', headers: { 'content-disposition': 'attachment; filename="….csv"' } }) as const;

export const REPORT_OPERATIONS = [
  {
    method: 'GET',
    path: '/api/v1/reports',
    operationId: 'report',
    tag: 'reports',
    summary: 'The report of a day, an ISO week or a range: per desk, clerk, service, hour and day, steps, visits, desk time.',
    description:
      'Computed in SQL from the applied events (the same figures as the shared metrics). Without `location`, a supervisor gets their own location and an admin every location. Open periods and waits still running count up to the present, or to the end of the last day.',
    access: SUPERVISORS,
    query: reportQuerySchema,
    responses: { 200: { description: 'The report.', schema: 'Report' }, ...scopeErrors },
  },
  {
    method: 'GET',
    path: '/api/v1/reports/export',
    operationId: 'reportExport',
    tag: 'reports',
    summary: 'One table of the report as CSV, headers in Dutch (`lang=nl`, default) or English (`lang=en`).',
    access: SUPERVISORS,
    query: reportExportQuerySchema,
    responses: { 200: csv('The table, UTF-8 with a byte order mark, comma separated, CRLF lines.'), ...scopeErrors },
  },
  {
    method: 'GET',
    path: '/api/v1/reports/events',
    operationId: 'eventExport',
    tag: 'reports',
    summary: 'Every stored event of the period (accepted, conflicting, rejected) as CSV, headers in Dutch or English.',
    access: SUPERVISORS,
    query: reportQuerySchema,
    responses: { 200: csv('The events in server order.'), ...scopeErrors },
  },
  {
    method: 'GET',
    path: '/api/v1/reports/live',
    operationId: 'liveView',
    tag: 'reports',
    summary: "A location's live view: every desk (serving whom since when, idle, paused with reason, offline), the queue, the longest wait, who waits beyond the target.",
    description: 'The figures are the shared `liveStatus` of today. Refetch it on the pokes of `GET /api/v1/sync/stream?location=`. An admin names the location.',
    access: SUPERVISORS,
    query: liveQuerySchema,
    responses: { 200: { description: 'The live view now.', schema: 'LiveView' }, 400: error('An admin without `location` (`bad-request`).'), ...scopeErrors },
  },
  {
    method: 'GET',
    path: '/api/v1/reports/settings',
    operationId: 'reportSettings',
    tag: 'reports',
    summary: "A location's waiting-time target and offline threshold.",
    access: SUPERVISORS,
    query: liveQuerySchema,
    responses: { 200: { description: 'The settings.', schema: 'ReportSettings' }, 400: error('An admin without `location` (`bad-request`).'), ...scopeErrors },
  },
  {
    method: 'PUT',
    path: '/api/v1/reports/settings',
    operationId: 'setReportSettings',
    tag: 'reports',
    summary: "Sets a location's waiting-time target and offline threshold (recorded in the audit log).",
    access: SUPERVISORS,
    query: liveQuerySchema,
    body: { schema: 'ReportSettings' },
    responses: { 200: { description: 'The new settings.', schema: 'ReportSettings' }, ...scopeErrors },
  },
  {
    method: 'GET',
    path: '/api/v1/reports/conflicts',
    operationId: 'conflicts',
    tag: 'reports',
    summary: 'The conflicts the server recorded (newest 500), with both sides: the desk\'s event and the server\'s state of the appointment.',
    access: SUPERVISORS,
    query: conflictQuerySchema,
    responses: { 200: { description: 'The conflicts.', schema: 'ConflictList' }, ...scopeErrors },
  },
  {
    method: 'POST',
    path: '/api/v1/reports/conflicts/:eventId/resolution',
    operationId: 'resolveConflict',
    tag: 'reports',
    summary: 'A supervisor resolves a conflict with a note, once: the server stores a `conflictResolved` event in the log, and desks pull the resolved conflict.',
    access: SUPERVISORS,
    body: { schema: 'ConflictResolutionRequest' },
    responses: {
      201: { description: 'Resolved: the conflict as it now reads.', schema: 'ConflictRecord' },
      403: error('A clerk, or a conflict of another location (`forbidden`).'),
      404: error('No conflict of this event (`not-found`).'),
      409: error('The conflict was already resolved (`conflict-already-resolved`), or is not known on its day (`conflict-unknown`).'),
    },
  },
] as const;
