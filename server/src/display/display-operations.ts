/**
 * The waiting-room display's routes in the OpenAPI table (openapi/api-operations.ts spreads these
 * in). The API routes are `public` in the table's terms (no bearer session); they take the display
 * device's own credential instead, `Authorization: Display <deviceId>.<deviceSecret>`, and answer
 * 401 without it. That credential opens these two routes only: every other route answers 403.
 */
import type { z } from 'zod';
import { displayCallsSchema, displayPokeSchema } from '../../../shared/display/calls-api';

/** Answers of the display's routes. */
export const DISPLAY_RESPONSE_SCHEMAS = {
  DisplayCalls: displayCallsSchema,
  DisplayPoke: displayPokeSchema,
} satisfies Record<string, z.ZodType>;

const error = (description: string) => ({ description, schema: 'ApiError' }) as const;
const notADisplay = error('No display credential, or an unknown, revoked or non-display device (`unknown-display`).');
const notBuilt = { description: 'The display is not built on this server.', contentType: 'text/plain' } as const;

export const DISPLAY_OPERATIONS = [
  {
    method: 'GET',
    path: '/api/v1/display/calls',
    operationId: 'displayCalls',
    tag: 'display',
    summary: "The newest calls of the display's location today (ticket → desk) and how many clients wait; no personal data.",
    description: 'For display devices only: `Authorization: Display <deviceId>.<deviceSecret>` from `POST /api/v1/devices/register` with a code of kind `display`.',
    access: 'public',
    responses: {
      200: { description: 'The calls, newest first.', schema: 'DisplayCalls' },
      401: notADisplay,
      404: error('The location of this display no longer exists (`not-found`).'),
    },
  },
  {
    method: 'GET',
    path: '/api/v1/display/stream',
    operationId: 'displayStream',
    tag: 'display',
    summary: 'Server-Sent Events: `event: calls` (data `DisplayPoke`) at once and whenever the location changed; read the calls again.',
    description: 'For display devices only (as `displayCalls`). Sends `retry: 3000` and a comment line every 10 s, so a display hearing nothing for longer knows it is stale.',
    access: 'public',
    responses: {
      200: { description: 'An endless event stream.', schema: 'DisplayPoke', contentType: 'text/event-stream' },
      401: notADisplay,
    },
  },
  {
    method: 'GET',
    path: '/display/:location',
    operationId: 'displayPage',
    tag: 'display',
    summary: 'The full-screen waiting-room display of a location (e.g. `/display/MAA`), under the desk shell CSP; `?lang=nl|en` fixes the language.',
    access: 'public',
    responses: {
      200: { description: 'The display page.', contentType: 'text/html' },
      404: { description: 'No such location.', contentType: 'text/plain' },
      503: notBuilt,
    },
  },
  {
    method: 'GET',
    path: '/display/assets/*',
    operationId: 'displayFiles',
    tag: 'display',
    summary: "The display page's scripts and styles (static files of the renderer build).",
    access: 'public',
    responses: { 200: { description: 'A file of the build.', contentType: '*/*' }, 404: { description: 'No such file.' }, 503: notBuilt },
  },
] as const;
