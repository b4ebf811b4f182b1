/**
 * The server's API as one table: per operation its method and path, who may call it, and the
 * shared zod schemas of its query, body and answers. `openapi-document.ts` turns the table into
 * the OpenAPI document served at `/api/v1/openapi.json`; a test fails when the app registers a
 * route the table lacks (or the table names a route the app does not have).
 *
 * Error answers every route shares are added by the generator, not listed here: 401 and 403 from
 * `authorize()` for protected routes, 400 from `parseOrReply()` when there is a query or a body,
 * 413 and 415 from Fastify's body parser when there is a body.
 */
import { z } from 'zod';
import { checklistDefinitionSchema, conditionSchema } from '../../../shared/checklists/definition-schema';
import {
  apiErrorSchema,
  ROLES,
  deviceRegistrationRequestSchema,
  deviceRegistrationResponseSchema,
  registrationCodeRequestSchema,
  registrationCodeResponseSchema,
  setPinRequestSchema,
  signInRequestSchema,
  signInResponseSchema,
} from '../../../shared/sync/auth-api';
import { createdAccountSchema, deskSummarySchema, newAccountSchema, newDeskSchema, newLocationSchema } from '../../../shared/sync/admin-api';
import { dayResponseSchema, healthResponseSchema } from '../../../shared/sync/day';
import { balieEventSchema } from '../../../shared/sync/events';
import { importFileErrorSchema, importQuerySchema, importReportSchema } from '../../../shared/sync/import-api';
import { pullQuerySchema, pullResponseSchema, pushRequestSchema, pushResponseSchema } from '../../../shared/sync/push-pull';
import type { AccessRule } from '../auth/principal';
import { DISPLAY_OPERATIONS, DISPLAY_RESPONSE_SCHEMAS } from '../display/display-operations';
import { REPORT_OPERATIONS, REPORT_REQUEST_SCHEMAS, REPORT_RESPONSE_SCHEMAS } from '../reports/report-operations';
import { appointmentsQuerySchema } from '../routes/appointments';
import { FAST_TRACK_OPERATIONS, FAST_TRACK_REQUEST_SCHEMAS, FAST_TRACK_RESPONSE_SCHEMAS } from '../fast-track/fast-track-operations';
import { STEERING_OPERATIONS, STEERING_RESPONSE_SCHEMAS } from '../steering/steering-operations';

/** Named schemas of request bodies, converted as the server reads them (before defaults apply). */
export const REQUEST_SCHEMAS = {
  SignInRequest: signInRequestSchema,
  SetPinRequest: setPinRequestSchema,
  NewLocation: newLocationSchema,
  NewDesk: newDeskSchema,
  NewAccount: newAccountSchema,
  RegistrationCodeRequest: registrationCodeRequestSchema,
  DeviceRegistrationRequest: deviceRegistrationRequestSchema,
  ChecklistDefinition: checklistDefinitionSchema,
  ChecklistCondition: conditionSchema,
  PushRequest: pushRequestSchema,
  /** Not a body of its own: what each item of `PushRequest.events` must be to be accepted. */
  BalieEvent: balieEventSchema,
  ...REPORT_REQUEST_SCHEMAS,
  ...FAST_TRACK_REQUEST_SCHEMAS,
} satisfies Record<string, z.ZodType>;

/** The stream's `changes` message: the location's newest change number. */
export const streamPokeSchema = z.object({ locationId: z.string(), cursor: z.string().regex(/^\d{1,19}$/) });

/** Named schemas of answers, converted as the server writes them. */
export const RESPONSE_SCHEMAS = {
  Location: newLocationSchema,
  Desk: deskSummarySchema,
  Account: createdAccountSchema,
  ApiError: apiErrorSchema,
  HealthResponse: healthResponseSchema,
  DayResponse: dayResponseSchema,
  SignInResponse: signInResponseSchema,
  RegistrationCodeResponse: registrationCodeResponseSchema,
  DeviceRegistrationResponse: deviceRegistrationResponseSchema,
  ChecklistList: z.object({ checklists: z.array(checklistDefinitionSchema) }),
  ChecklistDefinition: checklistDefinitionSchema,
  ChecklistCondition: conditionSchema,
  PushResponse: pushResponseSchema,
  PullResponse: pullResponseSchema,
  StreamPoke: streamPokeSchema,
  ImportReport: importReportSchema,
  ImportFileError: importFileErrorSchema,
  ...REPORT_RESPONSE_SCHEMAS,
  ...STEERING_RESPONSE_SCHEMAS,
  ...FAST_TRACK_RESPONSE_SCHEMAS,
  ...DISPLAY_RESPONSE_SCHEMAS,
} satisfies Record<string, z.ZodType>;

export type RequestSchemaName = keyof typeof REQUEST_SCHEMAS;
export type ResponseSchemaName = keyof typeof RESPONSE_SCHEMAS;

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface ApiResponse {
  description: string;
  /** The answer's schema; none for an empty answer or a file. */
  schema?: ResponseSchemaName;
  /** Default `application/json` when there is a schema. */
  contentType?: string;
  headers?: Record<string, string>;
}

export interface ApiOperation {
  method: HttpMethod;
  /** As Fastify spells it: `/desk/*`, `/items/:id`. */
  path: string;
  operationId: string;
  tag: string;
  summary: string;
  description?: string;
  /** `public`, or the rule the route passes to `authorize()`. */
  access: 'public' | AccessRule;
  query?: z.ZodObject;
  /** A named schema (JSON), or a content type alone for a file such as CSV. */
  body?: { schema: RequestSchemaName; contentType?: 'application/json' } | { contentType: string; description: string };
  /** Answers of this route besides the shared error answers (see the file's comment). */
  responses: Record<number, ApiResponse>;
}

const SIGNED_IN = { roles: ['clerk', 'supervisor', 'admin'] } as const satisfies AccessRule;
const ANY_ACCOUNT = { roles: ROLES } as const satisfies AccessRule;
const ON_A_DESK = { roles: ['clerk', 'supervisor', 'admin'], device: 'required' } as const satisfies AccessRule;
const ADMIN = { roles: ['admin'] } as const satisfies AccessRule;

const error = (description: string): ApiResponse => ({ description, schema: 'ApiError' });

export const API_OPERATIONS: readonly ApiOperation[] = [
  {
    method: 'GET',
    path: '/api/v1/health',
    operationId: 'health',
    tag: 'server',
    summary: 'Is the server up, and can it reach its database?',
    access: 'public',
    responses: {
      200: { description: 'Up, database reachable.', schema: 'HealthResponse' },
      503: { description: 'Up, but the database does not answer (`status: degraded`).', schema: 'HealthResponse' },
    },
  },
  {
    method: 'GET',
    path: '/api/v1/openapi.json',
    operationId: 'openApiDocument',
    tag: 'server',
    summary: 'This document.',
    access: 'public',
    responses: { 200: { description: 'The OpenAPI document of this server.', contentType: 'application/json' } },
  },
  {
    method: 'GET',
    path: '/api/v1/appointments',
    operationId: 'dayOfAppointments',
    tag: 'day',
    summary: "The day's appointment book of a location.",
    description:
      'Public only on a demo database (invented people), so the desk shows its day before sign-in; on a real database a bearer session of staff of the location (or an admin) is required. Without `location`, the demo location (MAA) is served.',
    access: 'public',
    query: appointmentsQuerySchema,
    responses: {
      200: { description: 'The appointments of the day, in agenda order.', schema: 'DayResponse' },
      401: error('Not a demo database, and no valid session (`unauthenticated`).'),
      403: error('Not a demo database, and the account works at another location (`forbidden`).'),
      404: error('No such location (`not-found`).'),
    },
  },
  {
    method: 'POST',
    path: '/api/v1/auth/sign-in',
    operationId: 'signIn',
    tag: 'auth',
    summary: 'Sign in; a clerk signs in on a registered desk and gets a session bound to it.',
    description: 'The token is valid for 12 hours. Five failed tries for one user name from one address within 5 minutes lock that pair out for the rest of the window.',
    access: 'public',
    body: { schema: 'SignInRequest' },
    responses: {
      200: { description: 'Signed in: the bearer token and who it belongs to.', schema: 'SignInResponse' },
      401: error('Wrong user name or password (`bad-credentials`), or an unknown, revoked or non-desk device (`unknown-device`).'),
      403: error('A clerk without a desk (`desk-required`), or a desk of another location (`other-location`).'),
      429: { ...error('Too many failed sign-ins (`too-many-attempts`).'), headers: { 'retry-after': 'Seconds to wait.' } },
    },
  },
  {
    method: 'POST',
    path: '/api/v1/auth/sign-out',
    operationId: 'signOut',
    tag: 'auth',
    summary: "Ends the session of the request's bearer token.",
    access: ANY_ACCOUNT,
    responses: { 204: { description: 'Signed out: the token no longer works.' } },
  },
  {
    method: 'PUT',
    path: '/api/v1/auth/pin',
    operationId: 'setPin',
    tag: 'auth',
    summary: "Sets the signed-in account's PIN for unlocking a desk offline; desks get its verifier at the next sign-in.",
    access: SIGNED_IN,
    body: { schema: 'SetPinRequest' },
    responses: { 204: { description: 'The PIN is set.' }, 400: error('Not a PIN: 5 to 8 digits, not one digit repeated, not a run (`bad-request`).') },
  },
  {
    method: 'POST',
    path: '/api/v1/devices/registration-codes',
    operationId: 'createRegistrationCode',
    tag: 'devices',
    summary: 'An admin makes a one-time code (valid 24 hours) to register a desk or display of a location.',
    access: ADMIN,
    body: { schema: 'RegistrationCodeRequest' },
    responses: {
      201: { description: 'The code, shown once.', schema: 'RegistrationCodeResponse' },
      404: error('No such location, or no such desk at it (`not-found`).'),
    },
  },
  {
    method: 'POST',
    path: '/api/v1/devices/register',
    operationId: 'registerDevice',
    tag: 'devices',
    summary: 'A new device redeems a one-time code and gets its own credential.',
    access: 'public',
    body: { schema: 'DeviceRegistrationRequest' },
    responses: {
      201: { description: 'Registered: the device id and secret, shown once.', schema: 'DeviceRegistrationResponse' },
      400: error('Malformed (`bad-request`), or the code is unknown, used or expired (`bad-code`).'),
      429: error('Too many wrong codes from this address (`too-many-attempts`).'),
    },
  },
  {
    method: 'POST',
    path: '/api/v1/locations',
    operationId: 'createLocation',
    tag: 'administration',
    summary: 'An admin adds a service point; its desks get the current checklists from their first pull.',
    access: ADMIN,
    body: { schema: 'NewLocation' },
    responses: { 201: { description: 'Created.', schema: 'Location' }, 409: error('The location exists already (`exists`).') },
  },
  {
    method: 'POST',
    path: '/api/v1/locations/{locationId}/desks',
    operationId: 'createDesk',
    tag: 'administration',
    summary: 'An admin adds a desk to a location, with the services it serves.',
    access: ADMIN,
    body: { schema: 'NewDesk' },
    responses: {
      201: { description: 'Created.', schema: 'Desk' },
      404: error('No such location (`not-found`).'),
      409: error('The desk, or its name at this location, exists already (`exists`).'),
    },
  },
  {
    method: 'POST',
    path: '/api/v1/accounts',
    operationId: 'createAccount',
    tag: 'administration',
    summary: 'An admin creates a staff account (clerk or supervisor of a location, or another admin).',
    access: ADMIN,
    body: { schema: 'NewAccount' },
    responses: {
      201: { description: 'Created; the password is stored only as a scrypt hash.', schema: 'Account' },
      404: error('No such location (`not-found`).'),
      409: error('The user name is taken (`exists`).'),
    },
  },
  {
    method: 'GET',
    path: '/api/v1/checklists',
    operationId: 'currentChecklists',
    tag: 'checklists',
    summary: 'The newest version of every checklist definition.',
    access: SIGNED_IN,
    responses: { 200: { description: 'The current definitions.', schema: 'ChecklistList' } },
  },
  {
    method: 'POST',
    path: '/api/v1/checklists',
    operationId: 'publishChecklist',
    tag: 'checklists',
    summary: 'An admin publishes the next version of a checklist; desks get it through their pull.',
    access: ADMIN,
    body: { schema: 'ChecklistDefinition' },
    responses: {
      201: { description: 'Published.', schema: 'ChecklistDefinition' },
      409: error('Not the next version, or another service than the checklist has (`version-conflict`).'),
    },
  },
  {
    method: 'POST',
    path: '/api/v1/import/appointments',
    operationId: 'importAppointments',
    tag: 'import',
    summary: "An admin imports the booking system's CSV export into a location's appointment book.",
    description: 'See docs/import.md. The session is checked before the body is read.',
    access: ADMIN,
    query: importQuerySchema,
    body: { contentType: 'text/csv', description: "The booking system's export, at most 10 MiB." },
    responses: {
      200: { description: 'What the import did, row by row where something was left out.', schema: 'ImportReport' },
      400: { description: 'The file cannot be read as a whole, nothing imported (`bad-file`); or a bad query (`bad-request`, `ApiError`).', schema: 'ImportFileError' },
      404: error('No such location (`not-found`).'),
      413: error('The file is larger than 10 MiB.'),
    },
  },
  {
    method: 'POST',
    path: '/api/v1/sync/push',
    operationId: 'push',
    tag: 'sync',
    summary: "A desk sends its events (in device order); each gets an outcome. One transaction per batch.",
    description:
      'Each item of `events` is checked on its own against `BalieEvent` (components): one bad event is `rejected` and does not block the rest. See docs/sync-protocol.md.',
    access: ON_A_DESK,
    body: { schema: 'PushRequest' },
    responses: {
      200: { description: 'One result per event, in the order sent.', schema: 'PushResponse' },
      403: error('Not a session on a desk (`forbidden`), or `deviceId` is not the desk of the session (`other-device`).'),
    },
  },
  {
    method: 'GET',
    path: '/api/v1/sync/pull',
    operationId: 'pull',
    tag: 'sync',
    summary: "Changes of the desk's location after a cursor, in server order.",
    access: ON_A_DESK,
    query: pullQuerySchema,
    responses: { 200: { description: 'A page of changes and the next cursor.', schema: 'PullResponse' } },
  },
  {
    method: 'GET',
    path: '/api/v1/sync/stream',
    operationId: 'stream',
    tag: 'sync',
    summary: 'Server-Sent Events: `event: changes` (data `StreamPoke`) whenever the location has something new to pull.',
    description:
      "Sends `retry: 3000`, one poke at once, then one after every committed change (coalesced), and a comment line every 25 s. A desk's session streams its device's location; a supervisor or admin without a desk device names it with `?location=` (a supervisor their own only).",
    access: SIGNED_IN,
    query: z.object({ location: z.string().min(1).max(40).optional() }),
    responses: { 200: { description: 'An endless event stream.', schema: 'StreamPoke', contentType: 'text/event-stream' } },
  },
  {
    method: 'GET',
    path: '/',
    operationId: 'root',
    tag: 'desk shell',
    summary: 'Redirects to the desk at `/desk/`.',
    access: 'public',
    responses: { 302: { description: 'To `/desk/`.', headers: { location: '`/desk/`' } } },
  },
  {
    method: 'GET',
    path: '/supervisor',
    operationId: 'supervisorPageRedirect',
    tag: 'supervisor page',
    summary: 'Redirects to `/supervisor/` (the page addresses its files relative to the folder).',
    access: 'public',
    responses: { 302: { description: 'To `/supervisor/`.', headers: { location: '`/supervisor/`' } } },
  },
  {
    method: 'GET',
    path: '/supervisor/',
    operationId: 'supervisorPage',
    tag: 'supervisor page',
    summary: "The supervisors' page for a plain browser (sign-in, live view, reports, conflicts), under the desk shell CSP. It holds no data: the report routes check the role.",
    access: 'public',
    responses: {
      200: { description: 'The page.', contentType: 'text/html' },
      503: { description: 'The page is not built on this server.', contentType: 'text/plain' },
    },
  },
  {
    method: 'GET',
    path: '/supervisor/assets/*',
    operationId: 'supervisorFiles',
    tag: 'supervisor page',
    summary: "The supervisors' page's scripts and styles (static files of the renderer build).",
    access: 'public',
    responses: {
      200: { description: 'A file of the build.', contentType: '*/*' },
      404: { description: 'No such file.' },
      503: { description: 'The page is not built on this server.', contentType: 'text/plain' },
    },
  },
  {
    method: 'GET',
    path: '/desk/*',
    operationId: 'deskFiles',
    tag: 'desk shell',
    summary: 'The built desk renderer for plain browsers (static files under the desk shell CSP).',
    access: 'public',
    responses: {
      200: { description: 'A file of the desk build.', contentType: '*/*' },
      404: { description: 'No such file.' },
      503: { description: 'The desk is not built on this server.', contentType: 'text/plain' },
    },
  },
  ...REPORT_OPERATIONS,
  ...STEERING_OPERATIONS,
  ...FAST_TRACK_OPERATIONS,
  ...DISPLAY_OPERATIONS,
];
