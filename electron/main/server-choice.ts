import { checkBalieServer, normalizeServerUrl, type HealthAnswer } from '../../shared/ipc/server-choice';
import type { DeskBridgeHandlers } from '../../shared/ipc/desk-bridge';
import { writeDeskConfig, type DeskSettings } from './desk-config';

const HEALTH_TIMEOUT_MS = 5_000;

export type ServerChoiceSources = {
  /** The folder that holds desk-config.json. */
  folder: string;
  current: () => DeskSettings;
  /** Takes the new settings for everything that reads them later (the CSP of the next page load). */
  replace: (next: DeskSettings) => void;
  /** How the main process reaches the network (Electron's net.fetch: the system's proxy settings). */
  fetch: (url: string, init: { signal: AbortSignal }) => Promise<HealthAnswer>;
  log: (message: string) => void;
};

/**
 * First run, main-process side: the health check runs here, because the page's CSP lets it reach
 * only the server it was loaded for. Once a Balie server answers, the address is written into
 * desk-config.json and the page must be loaded again to get a CSP that names it.
 */
export function createServerChooser(sources: ServerChoiceSources): DeskBridgeHandlers['chooseServerUrl'] {
  return async (typed) => {
    if (sources.current().serverUrlChosen) {
      sources.log('Refused to change the server from the page: it was chosen already (edit desk-config.json to move the desk)');
      return { ok: false, error: 'already-chosen' };
    }
    const serverUrl = normalizeServerUrl(typed);
    if (!serverUrl) return { ok: false, error: 'invalid-url' };
    const checked = await checkBalieServer(serverUrl, (url) => sources.fetch(url, { signal: AbortSignal.timeout(HEALTH_TIMEOUT_MS) }));
    if (!checked.ok) {
      sources.log(`No Balie server answered at ${serverUrl} (${checked.error}); the desk keeps asking`);
      return checked;
    }
    const { deviceId, updateUrl, receiptOutput } = sources.current();
    await writeDeskConfig(sources.folder, { deviceId, serverUrl, ...(updateUrl ? { updateUrl } : {}), ...(receiptOutput ? { receiptOutput } : {}) });
    sources.replace({ ...sources.current(), serverUrl, serverUrlChosen: true });
    sources.log(`This desk now syncs with ${serverUrl}`);
    return { ok: true, serverUrl, reloadRequired: true };
  };
}
