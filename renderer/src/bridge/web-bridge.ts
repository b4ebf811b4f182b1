/**
 * The DeskBridge for a plain browser: no secure storage and no printer, only configuration.
 * The server URL comes from `?server=` (remembered for the next reload, so the desk still knows
 * its server while the server is down) or, when the server itself serves the desk at /desk/,
 * from the page's own origin. Nothing secret is kept here.
 */
import { deskConfigSchema, type DeskBridge } from '../../../shared/ipc/desk-bridge';

const SERVER_URL_KEY = 'balie.serverUrl';
const DEVICE_ID_KEY = 'balie.deviceId';

export function createWebBridge(location: Location, storage: Storage, randomUUID: () => string): DeskBridge {
  return {
    async getConfig() {
      const fromQuery = new URLSearchParams(location.search).get('server');
      const serverUrl = fromQuery ?? storage.getItem(SERVER_URL_KEY) ?? location.origin;
      const config = deskConfigSchema.parse({
        serverUrl: serverUrl.replace(/\/+$/, ''),
        deviceId: storage.getItem(DEVICE_ID_KEY) ?? randomUUID(),
        host: 'web',
      });
      // Remembered only once valid, so one bad link cannot break the next reload.
      if (fromQuery) storage.setItem(SERVER_URL_KEY, config.serverUrl);
      storage.setItem(DEVICE_ID_KEY, config.deviceId);
      return config;
    },
  };
}
