/**
 * The fast-track follow-up's routes and the location sponsor list's in the OpenAPI table
 * (openapi/api-operations.ts spreads these in).
 */
import type { z } from 'zod';
import { bsnImportReportSchema } from '../../../shared/fast-track/bsn-import-api';
import { importQuerySchema } from '../../../shared/sync/import-api';
import { fastTrackCompletionSchema, fastTrackListSchema, fastTrackQuerySchema } from '../../../shared/fast-track/fast-track-api';
import { sponsorListSchema, sponsorListStoredSchema } from '../../../shared/steering/sponsor-list-api';
import type { AccessRule } from '../auth/principal';
import { SUPERVISORS } from '../reports/report-scope';

/** Who follows the fast track up: the municipality's back office, supervisors and admins (their location; an admin any). */
export const FAST_TRACK_FOLLOWERS = { roles: ['municipality', 'supervisor', 'admin'] } as const satisfies AccessRule;

export const FAST_TRACK_REQUEST_SCHEMAS = {
  FastTrackCompletion: fastTrackCompletionSchema,
  SponsorList: sponsorListSchema,
} satisfies Record<string, z.ZodType>;

export const FAST_TRACK_RESPONSE_SCHEMAS = {
  FastTrackList: fastTrackListSchema,
  SponsorList: sponsorListSchema,
  SponsorListStored: sponsorListStoredSchema,
  BsnImportReport: bsnImportReportSchema,
} satisfies Record<string, z.ZodType>;

const error = (description: string) => ({ description, schema: 'ApiError' }) as const;

export const FAST_TRACK_OPERATIONS = [
  {
    method: 'GET',
    path: '/api/v1/fast-track',
    operationId: 'fastTrackRegistrations',
    tag: 'fast-track',
    summary:
      'The BRP fast-track registrations done at the desks in a period (by registration day), each with its deadline (3 Dutch working days), the day the BSN was issued and its state; `states=overdue` gives the follow-up list.',
    description: 'Without `location`, the account\'s own location (an admin: every location).',
    access: FAST_TRACK_FOLLOWERS,
    query: fastTrackQuerySchema,
    responses: {
      200: { description: 'The registrations, oldest first.', schema: 'FastTrackList' },
      403: error('Another location (`forbidden`).'),
      404: error('No such location (`not-found`).'),
    },
  },
  {
    method: 'PUT',
    path: '/api/v1/fast-track/:appointmentId',
    operationId: 'recordBsnIssued',
    tag: 'fast-track',
    summary: 'Records the day the municipality issued the BSN of a registration (`null` takes a wrong entry back); only the date is kept, never the BSN.',
    access: FAST_TRACK_FOLLOWERS,
    body: { schema: 'FastTrackCompletion' },
    responses: {
      204: { description: 'Recorded (and written to the audit log).' },
      400: error('A date before the registration or after today (`bad-request`).'),
      403: error('A registration of another location (`forbidden`).'),
      404: error('No completed BRP registration with this id (`not-found`).'),
    },
  },
  {
    method: 'POST',
    path: '/api/v1/import/bsn-issued',
    operationId: 'importBsnDays',
    tag: 'import',
    summary: "The municipality's list of BSN days as CSV (`appointment_code`, `date_of_birth`, `bsn_issued_on`): each row recorded for the person's completed BRP registration.",
    description: 'See docs/import.md. A file with a BSN column is refused: only the day is kept. The session is checked before the body is read.',
    access: FAST_TRACK_FOLLOWERS,
    query: importQuerySchema,
    body: { contentType: 'text/csv', description: 'The list, at most 10 MiB.' },
    responses: {
      200: { description: 'What the import did; rows left out with their reasons.', schema: 'BsnImportReport' },
      400: { description: 'The file cannot be read as a whole, nothing recorded (`bad-file`); or a bad query (`bad-request`, `ApiError`).', schema: 'ImportFileError' },
      403: error('Another location (`forbidden`).'),
      404: error('No such location (`not-found`).'),
      413: error('The file is larger than 10 MiB.'),
    },
  },
  {
    method: 'GET',
    path: '/api/v1/locations/:locationId/sponsors',
    operationId: 'sponsorList',
    tag: 'reports',
    summary: "The location's list of recognised sponsors in its region (the denominator of the steering report's sponsor share).",
    access: SUPERVISORS,
    responses: { 200: { description: 'The list.', schema: 'SponsorList' }, 403: error('Another location (`forbidden`).'), 404: error('No such location (`not-found`).') },
  },
  {
    method: 'PUT',
    path: '/api/v1/locations/:locationId/sponsors',
    operationId: 'replaceSponsorList',
    tag: 'administration',
    summary: "An admin replaces the location's sponsor list as a whole; a sponsor named twice (same KvK number, or same name without one) is kept once.",
    access: { roles: ['admin'] },
    body: { schema: 'SponsorList' },
    responses: { 200: { description: 'Stored.', schema: 'SponsorListStored' }, 404: error('No such location (`not-found`).') },
  },
] as const;
