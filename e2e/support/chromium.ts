import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { CHROMIUM_PATH } from './paths';

const LAUNCH_OPTIONS = {
  executablePath: CHROMIUM_PATH,
  headless: true,
  // Without the background-networking flags Chromium floods the closed network with requests.
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

/**
 * Debian's Chromium with a profile folder of its own: reopening the same folder is a desk PC
 * that was closed and started again (its IndexedDB is still there).
 */
export function launchDeskBrowser(profileDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, { ...LAUNCH_OPTIONS, viewport: { width: 1280, height: 800 } });
}

/**
 * Debian's Chromium for several people at once: each `newContext()` is a machine of its own
 * (its own cookies, localStorage and IndexedDB for every origin), and one browser process keeps
 * the two shared cores for the server.
 */
export function launchSharedBrowser(): Promise<Browser> {
  return chromium.launch(LAUNCH_OPTIONS);
}
