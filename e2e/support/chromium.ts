import { chromium, type BrowserContext } from 'playwright-core';
import { CHROMIUM_PATH } from './paths';

/**
 * Debian's Chromium with a profile folder of its own: reopening the same folder is a desk PC
 * that was closed and started again (its IndexedDB is still there).
 */
export function launchDeskBrowser(profileDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: { width: 1280, height: 800 },
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
  });
}
