import type { App, BrowserWindow } from 'electron';
import type { DeskLog } from './desk-log';

type WindowToFront = Pick<BrowserWindow, 'isDestroyed' | 'isMinimized' | 'restore' | 'isVisible' | 'show' | 'focus'>;

/**
 * One desk app per desk PC: two windows would write the same IndexedDB and print on the same
 * printer. The first start holds the lock; a second start (a double click on the icon, a clerk
 * who thinks the app is gone) quits at once, and the first brings its window to the front.
 * Returns false when this process is the second start and must not open a window.
 */
export function holdSingleInstanceLock(
  app: Pick<App, 'requestSingleInstanceLock' | 'on' | 'quit'>,
  deskWindow: () => WindowToFront | null,
  log: Pick<DeskLog, 'info'>,
): boolean {
  if (!app.requestSingleInstanceLock()) {
    log.info('Balie is already running on this desk: this second start hands over to it and quits');
    app.quit();
    return false;
  }
  app.on('second-instance', () => {
    const window = deskWindow();
    if (!window || window.isDestroyed()) return;
    bringToFront(window);
    log.info('A second start of Balie was refused; the desk window was brought to the front');
  });
  return true;
}

export function bringToFront(window: WindowToFront): void {
  if (window.isMinimized()) window.restore();
  if (!window.isVisible()) window.show();
  window.focus();
}
