import { useEffect, useState, type ReactNode } from 'react';
import type { DeskBridge, DeskConfig } from '../../../../shared/ipc/desk-bridge';
import { useI18n } from '../../i18n/i18n';
import { LabelledForm } from './labelled-form';

/**
 * First run: while no server is chosen for this desk, asks for its address (checked by the host:
 * http(s) only, and a Balie server must answer); then shows `children`, which register the desk
 * with an admin's one-time code and sign in. Where the new server needs a new page (Electron: the
 * CSP names the server), the page is loaded again and starts straight into registration.
 */
export function DeskSetupGate({ bridge, reload = () => window.location.reload(), children }: { bridge: DeskBridge; reload?: () => void; children: ReactNode }) {
  const { t } = useI18n();
  const [config, setConfig] = useState<DeskConfig | 'unreadable' | null>(null);
  useEffect(() => {
    // An unreadable configuration (a bad ?server= link) is the app's to report, as before setup existed.
    void bridge.getConfig().then(setConfig, () => setConfig('unreadable'));
  }, [bridge]);
  if (!config) return null;
  if (config === 'unreadable' || config.serverUrlChosen !== false || !bridge.chooseServerUrl) return <>{children}</>;
  const chooseServerUrl = bridge.chooseServerUrl;
  return (
    <LabelledForm
      title={t('setupTitle')}
      help={t('setupHelp')}
      fields={[{ name: 'serverUrl', label: t('setupServerUrl'), inputMode: 'url', autoComplete: 'url' }]}
      submitLabel={t('setupSubmit')}
      busyLabel={t('setupBusy')}
      submit={async (form) => {
        const chosen = await chooseServerUrl(String(form.get('serverUrl')));
        if (!chosen.ok) return { ok: false, error: t(`setupError_${chosen.error}`) };
        if (chosen.reloadRequired) reload();
        else setConfig(await bridge.getConfig());
        return { ok: true };
      }}
    />
  );
}
