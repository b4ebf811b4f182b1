/**
 * The waiting-room display's API (issue #9): what a display device may read, and nothing more.
 * A display is a registered device of kind `display` (an admin's one-time code, like a desk); it
 * presents its credential as `Authorization: Display <deviceId>.<deviceSecret>` and reads the calls
 * of its own location. The answer carries ticket numbers and desk names only: never a name, a
 * V-number, a date of birth or an appointment code (DOMAIN.md §6).
 */
import { z } from 'zod';

/** The authorization scheme of display devices (never `Bearer`: a display has no session). */
export const DISPLAY_AUTH_SCHEME = 'Display';

/** The `Authorization` header value a display sends. */
export function displayAuthorization(credential: { readonly deviceId: string; readonly deviceSecret: string }): string {
  return `${DISPLAY_AUTH_SCHEME} ${credential.deviceId}.${credential.deviceSecret}`;
}

/** The credential in an `Authorization` header of the display scheme, or null. */
export function parseDisplayAuthorization(header: string | undefined): { deviceId: string; deviceSecret: string } | null {
  const match = /^Display ([A-Za-z0-9-]{1,128})\.([A-Za-z0-9_-]{32,128})$/.exec(header ?? '');
  return match ? { deviceId: match[1]!, deviceSecret: match[2]! } : null;
}

/** How many calls the display shows: the newest large, the rest as a short history. */
export const DISPLAY_CALL_COUNT = 6;

/** One call on the display: "A-017 → Balie 3". */
export const displayCallSchema = z.strictObject({
  /** The client's ticket number; null for a check-in made before tickets existed. */
  ticket: z.string().regex(/^[A-Z]{1,3}-\d{3,4}$/).nullable(),
  /** The desk's name as the client sees it, e.g. "Balie 3". */
  deskName: z.string().min(1).max(50),
  /** When the client was called (or called again). */
  calledAt: z.iso.datetime({ offset: true }),
});
/** One call on the display. */
export type DisplayCall = z.infer<typeof displayCallSchema>;

/** `GET /api/v1/display/calls`: the newest calls of the display's location today, and how many wait. */
export const displayCallsSchema = z.strictObject({
  locationId: z.string().min(1),
  locationName: z.string().min(1),
  /** The day shown (Europe/Amsterdam), `YYYY-MM-DD`. */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** Newest first, at most {@link DISPLAY_CALL_COUNT}; a family called together is one call. */
  calls: z.array(displayCallSchema).max(DISPLAY_CALL_COUNT),
  /** Clients checked in and waiting to be called (a family counts per person). */
  waiting: z.int().min(0),
  /** The server's clock when it answered. */
  serverTime: z.iso.datetime({ offset: true }),
});
/** The display's answer. */
export type DisplayCalls = z.infer<typeof displayCallsSchema>;

/** The display stream's `calls` message: something changed at the location, read the calls again. */
export const displayPokeSchema = z.strictObject({ locationId: z.string().min(1) });
