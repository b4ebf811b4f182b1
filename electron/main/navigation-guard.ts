import type { WebContents } from 'electron';
import { isAppUrl } from './app-protocol';

type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/**
 * Keeps a web contents on the app shell: a link, a redirect or a script can never take the desk
 * window to another page, open a second window, or embed a <webview>. Nothing is handed to
 * `shell.openExternal` either: an address on a desk screen is read out, not clicked.
 */
export function guardNavigation(contents: GuardedContents, log: (message: string) => void): void {
  const stayOnApp = (event: { preventDefault: () => void }, url: string) => {
    if (isAppUrl(url)) return;
    event.preventDefault();
    log(`Blocked navigation to ${url}`);
  };
  contents.on('will-navigate', stayOnApp);
  contents.on('will-redirect', stayOnApp);
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log('Blocked a <webview>');
  });
  contents.setWindowOpenHandler(({ url }) => {
    log(`Blocked a new window for ${url}`);
    return { action: 'deny' };
  });
}
