import type { BrowserWindowConstructorOptions, Rectangle } from 'electron';
import { DEFAULT_WINDOW_SIZE, MIN_WINDOW_SIZE } from './window-state';

/**
 * The one desk window's options. The renderer gets no Node, no Electron and no shared JavaScript
 * world with the preload: everything it may do goes through the DeskBridge the preload exposes.
 * (There is no `enableRemoteModule` to turn off: Electron removed the remote module in v14.)
 */
export function deskWindowOptions(preloadPath: string, bounds?: Rectangle): BrowserWindowConstructorOptions {
  return {
    title: 'Balie',
    ...(bounds ?? DEFAULT_WINDOW_SIZE),
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    // Shown on 'ready-to-show', so the clerk never sees an empty white frame.
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
      // No middle-click 'auxclick' on links: one more way to ask for a new window, which the desk never opens.
      disableBlinkFeatures: 'Auxclick',
    },
  };
}
