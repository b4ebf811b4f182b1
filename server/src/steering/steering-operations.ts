/**
 * The steering report's routes in the OpenAPI table (openapi/api-operations.ts spreads these in).
 */
import type { z } from 'zod';
import { steeringExportQuerySchema, steeringQuerySchema, steeringReportSchema } from '../../../shared/steering/steering-api';
import { SUPERVISORS } from '../reports/report-scope';

/** Answers of the steering routes. */
export const STEERING_RESPONSE_SCHEMAS = {
  SteeringReport: steeringReportSchema,
} satisfies Record<string, z.ZodType>;

const error = (description: string) => ({ description, schema: 'ApiError' }) as const;
const scopeErrors = {
  403: error('A clerk (`forbidden`), or a supervisor asking for another location (`forbidden`).'),
  404: error('No such location (`not-found`).'),
} as const;

export const STEERING_OPERATIONS = [
  {
    method: 'GET',
    path: '/api/v1/steering',
    operationId: 'steeringReport',
    tag: 'reports',
    summary: "The steering report of a period (`from`-`to`, inclusive) beside the previous period of the same length: clients helped by service and category, visits per day open, rating, sponsors served (counts only), waiting and service time, first time right, no-shows.",
    description:
      'Without `location`, a supervisor gets their own location and an admin every location. Sponsors are never named. The fast-track follow-up and the share of the location\'s sponsor list are not part of it yet.',
    access: SUPERVISORS,
    query: steeringQuerySchema,
    responses: { 200: { description: 'The steering report.', schema: 'SteeringReport' }, ...scopeErrors },
  },
  {
    method: 'GET',
    path: '/api/v1/steering/export',
    operationId: 'steeringExport',
    tag: 'reports',
    summary: 'The steering report as CSV: figure, this period, previous period; headers in Dutch (`lang=nl`, default) or English (`lang=en`).',
    access: SUPERVISORS,
    query: steeringExportQuerySchema,
    responses: {
      200: { description: 'UTF-8 with a byte order mark, comma separated, CRLF lines.', contentType: 'text/csv', headers: { 'content-disposition': 'attachment; filename="….csv"' } },
      ...scopeErrors,
    },
  },
] as const;
