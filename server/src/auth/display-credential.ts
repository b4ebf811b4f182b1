/**
 * Display devices (the waiting-room screen) authenticate with their own device credential in the
 * `Display` scheme (shared/display/calls-api.ts), never with a session: a display has no account.
 * The credential reads the calls of the display's location and nothing else. Every route outside
 * `/api/v1/display/` refuses it with 403 before the route runs, so no route written later can
 * forget to; a display secret sent as a `Bearer` token is no session and gets 401 from `authorize()`.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DISPLAY_AUTH_SCHEME, parseDisplayAuthorization } from '../../../shared/display/calls-api';
import type { Queryable } from '../db/database';
import { verifyDevice } from '../repositories/devices';

/** What a display may read: the calls of its location. */
export interface DisplayPrincipal {
  deviceId: string;
  locationId: string;
}

/** The only routes a display credential opens. */
export const DISPLAY_API_PREFIX = '/api/v1/display/';

const usesDisplayScheme = (header: string | undefined) => header?.startsWith(`${DISPLAY_AUTH_SCHEME} `) ?? false;

/** `onRequest` hook of the whole app: a display credential anywhere but the display's routes is refused. */
export async function refuseDisplayCredentialElsewhere(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (!usesDisplayScheme(request.headers.authorization) || request.url.startsWith(DISPLAY_API_PREFIX)) return;
  await reply.code(403).send({ error: 'display-calls-only', message: 'A display may read the calls of its location, nothing else.' });
}

/**
 * The display behind the request's credential, or null after answering 401: no display credential,
 * an unknown or revoked device, a wrong secret, or a device that is a desk rather than a display.
 */
export async function authorizeDisplay(db: Queryable, request: FastifyRequest, reply: FastifyReply): Promise<DisplayPrincipal | null> {
  const credential = parseDisplayAuthorization(request.headers.authorization);
  const device = credential ? await verifyDevice(db, credential) : null;
  if (!device || device.kind !== 'display') {
    void reply.code(401).send({ error: 'unknown-display', message: 'This display is not registered (or was revoked): register it again with a new code.' });
    return null;
  }
  return { deviceId: device.id, locationId: device.location_id };
}
