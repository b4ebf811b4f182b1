import type { Session } from 'electron';

/**
 * The desk needs no camera, microphone, location, notifications or clipboard reads from the web
 * platform; the few device features it will need (printing, secure storage) go through the main
 * process. So every permission is refused, both when asked and when merely checked.
 */
export function denyAllPermissions(
  session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>,
): void {
  session.setPermissionRequestHandler((_contents, _permission, grant) => grant(false));
  session.setPermissionCheckHandler(() => false);
}
