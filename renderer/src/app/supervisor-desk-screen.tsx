import { useEffect, useState } from 'react';
import type { DeskBridge } from '../../../shared/ipc/desk-bridge';
import { useI18n } from '../i18n/i18n';
import { SupervisorScreen } from './supervisor-screen';

type Access = { state: 'loading' } | { state: 'ready'; serverUrl: string; token: string } | { state: 'signed-out' };

/**
 * The supervisor's screens inside the desk app, for a supervisor or admin signed in on a desk: the
 * server and the session token come from the desk's bridge (the token never leaves it otherwise),
 * and the live view follows the desk's change stream, as the session is bound to a desk device.
 */
export function SupervisorDeskScreen({ bridge, locationId, today, sessionKey }: {
  bridge: DeskBridge;
  /** The desk's location: what the live view shows, and the reports' default. */
  locationId: string;
  today: string;
  /** Changes when another session starts on this desk (e.g. `${deviceId}/${signedInAt}`): the token is read again. */
  sessionKey: string;
}) {
  const { t } = useI18n();
  const [access, setAccess] = useState<{ for: string; access: Access } | null>(null);
  useEffect(() => {
    let current = true;
    void Promise.all([bridge.getConfig(), bridge.loadSession?.()]).then(([config, loaded]) => {
      if (!current) return;
      const token = loaded?.ok && loaded.session ? loaded.session.token : null;
      setAccess({ for: sessionKey, access: token ? { state: 'ready', serverUrl: config.serverUrl, token } : { state: 'signed-out' } });
    });
    return () => { current = false; };
  }, [bridge, sessionKey]);
  const shown: Access = access?.for === sessionKey ? access.access : { state: 'loading' };
  if (shown.state === 'loading') return <p role="status">{t('reportLoading')}</p>;
  if (shown.state === 'signed-out') return <p role="alert">{t('supervisorError_unauthenticated')}</p>;
  return <SupervisorScreen serverUrl={shown.serverUrl} token={shown.token} locationId={locationId} today={today} bridge={bridge} />;
}
