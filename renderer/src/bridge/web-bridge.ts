/**
 * The DeskBridge for a plain browser: configuration, and the session and device credential kept
 * as well as a browser allows. No printer, no crash recovery.
 *
 * The server URL comes from `?server=` (remembered for the next reload, so the desk still knows
 * its server while the server is down), from a first-run choice (chooseServerUrl, remembered the
 * same way), or, when the server itself serves the desk at /desk/, from the page's own origin.
 * A page elsewhere with none of these has no server yet: `serverUrlChosen` is false and the desk
 * asks for one.
 *
 * Why the browser desk differs from Electron's: Electron encrypts the session and the device
 * secret with the operating system's key store (safeStorage) in the main process, out of the
 * page's reach. A browser offers no such store to a page. So here:
 * - the session token lives in memory and in sessionStorage (it survives a reload of this tab,
 *   dies with the tab, and is never written to localStorage, which outlives every session and
 *   any other tab of the origin could read later);
 * - the device credential lives in localStorage: it must last as long as this browser's
 *   IndexedDB, whose outbox events carry the device's id and sequence numbers. It grants nothing
 *   alone (every session also needs a clerk's password) and an admin can revoke the device.
 * Counter PCs run the desktop app; the browser desk is for supervisors and the end-to-end suite.
 */
import { deskConfigSchema, deskSessionSchema, deviceSecretSchema, type DeskBridge, type DeskConfig, type DeskSession } from '../../../shared/ipc/desk-bridge';
import { checkBalieServer, normalizeServerUrl } from '../../../shared/ipc/server-choice';

const SERVER_URL_KEY = 'balie.serverUrl';
const DEVICE_ID_KEY = 'balie.deviceId';
const DEVICE_SECRET_KEY = 'balie.deviceSecret';
const SESSION_KEY = 'balie.session';
/** The Balie server publishes the desk under this path of its own origin. */
const SERVED_BY_SERVER_PATH = '/desk/';
const HEALTH_TIMEOUT_MS = 5_000;

/** A Storage that forgets everything when the page goes: the default place for the session. */
export function memoryStorage(): Storage {
  const items = new Map<string, string>();
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, value),
  };
}

function readSession(sessionStore: Storage): DeskSession | null {
  try {
    return deskSessionSchema.parse(JSON.parse(sessionStore.getItem(SESSION_KEY) ?? 'null'));
  } catch {
    return null;
  }
}

export function createWebBridge(
  location: Location,
  storage: Storage,
  randomUUID: () => string,
  sessionStore: Storage = memoryStorage(),
): DeskBridge {
  let session: DeskSession | null | undefined;
  const getConfig = async (): Promise<DeskConfig> => {
    const fromQuery = new URLSearchParams(location.search).get('server');
    const chosen = fromQuery ?? storage.getItem(SERVER_URL_KEY);
    const servedByServer = location.pathname.startsWith(SERVED_BY_SERVER_PATH);
    const serverUrl = chosen ?? location.origin;
    const config = deskConfigSchema.parse({
      serverUrl: serverUrl.replace(/\/+$/, ''),
      deviceId: storage.getItem(DEVICE_ID_KEY) ?? randomUUID(),
      host: 'web',
      serverUrlChosen: chosen !== null || servedByServer,
    });
    // Remembered only once valid, so one bad link cannot break the next reload.
    if (fromQuery) storage.setItem(SERVER_URL_KEY, config.serverUrl);
    storage.setItem(DEVICE_ID_KEY, config.deviceId);
    return config;
  };
  return {
    getConfig,
    async chooseServerUrl(typed) {
      if ((await getConfig()).serverUrlChosen) return { ok: false, error: 'already-chosen' };
      const serverUrl = normalizeServerUrl(typed);
      if (!serverUrl) return { ok: false, error: 'invalid-url' };
      const checked = await checkBalieServer(serverUrl, (url) => fetch(url, { signal: AbortSignal.timeout(HEALTH_TIMEOUT_MS) }));
      if (!checked.ok) return checked;
      storage.setItem(SERVER_URL_KEY, serverUrl);
      return { ok: true, serverUrl, reloadRequired: false };
    },
    async saveSession(next) {
      session = deskSessionSchema.parse(next);
      sessionStore.setItem(SESSION_KEY, JSON.stringify(session));
      return { ok: true };
    },
    async loadSession() {
      session ??= readSession(sessionStore);
      return { ok: true, session };
    },
    async clearSession() {
      session = null;
      sessionStore.removeItem(SESSION_KEY);
      return { ok: true };
    },
    async saveDeviceSecret(secret) {
      storage.setItem(DEVICE_SECRET_KEY, deviceSecretSchema.parse(secret));
      return { ok: true };
    },
    async loadDeviceSecret() {
      const stored = deviceSecretSchema.safeParse(storage.getItem(DEVICE_SECRET_KEY));
      return { ok: true, deviceSecret: stored.success ? stored.data : null };
    },
  };
}
