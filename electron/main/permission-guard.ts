import type { Session } from 'electron';
import { APP_HOST, APP_SCHEME } from './app-protocol';

/** The one permission the desk's own page may have: that Chromium never evicts its IndexedDB. */
const KEEP_STORAGE = 'persistent-storage';

/** Is this URL or origin the desk's own page? (A custom scheme has the origin "null" in a URL.) */
function fromTheDesk(urlOrOrigin: string | undefined): boolean {
  try {
    const url = new URL(urlOrOrigin ?? '');
    return url.protocol === `${APP_SCHEME}:` && url.host === APP_HOST;
  } catch {
    return false;
  }
}

/**
 * The desk needs no camera, microphone, location, notifications or clipboard reads from the web
 * platform; the few device features it will need (printing, secure storage) go through the main
 * process. So every permission is refused, both when asked and when merely checked, except
 * persistent storage for the desk's own page: the outbox and the day live in IndexedDB, and under
 * disk pressure Chromium may otherwise evict "best-effort" data of an origin.
 */
export function denyAllPermissions(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>,
): void {
  session.setPermissionRequestHandler((_contents, permission, grant, details) => grant(permission === KEEP_STORAGE && fromTheDesk(details?.requestingUrl)));
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => permission === KEEP_STORAGE && fromTheDesk(requestingOrigin));
}
