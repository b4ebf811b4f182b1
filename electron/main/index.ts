// Wiring only: each concern lives in its own module and is tested there.
import { join } from 'node:path';
import { app, BrowserWindow, ipcMain, protocol, session } from 'electron';
import { APP_ENTRY_URL, registerAppScheme, serveAppShell } from './app-protocol';
import { loadDeskConfig, type DeskSettings } from './desk-config';
import { createDeskBridgeHandlers, registerDeskBridgeHandlers } from './ipc-handlers';
import { guardNavigation } from './navigation-guard';
import { denyAllPermissions } from './permission-guard';
import { deskWindowOptions } from './window-options';

const log = (message: string) => console.warn(`[balie] ${message}`);

// Paths are relative to this bundle, out/main/index.js.
const preloadPath = join(import.meta.dirname, '../preload/index.cjs');
const rendererRoot = join(import.meta.dirname, '../renderer');

registerAppScheme(protocol);

// Every web contents, not only the desk window's, is kept on the app shell.
app.on('web-contents-created', (_event, contents) => guardNavigation(contents, log));
app.on('window-all-closed', () => app.quit());

async function openDesk(): Promise<void> {
  const settings: DeskSettings = await loadDeskConfig({
    folder: app.getPath('userData'),
    env: process.env,
    log,
  });
  denyAllPermissions(session.defaultSession);
  serveAppShell(protocol, { rendererRoot, serverOrigin: () => new URL(settings.serverUrl).origin });
  registerDeskBridgeHandlers(ipcMain, createDeskBridgeHandlers(() => settings), log);

  const window = new BrowserWindow(deskWindowOptions(preloadPath));
  window.once('ready-to-show', () => window.show());
  await window.loadURL(APP_ENTRY_URL);
}

app.whenReady().then(openDesk).catch((error: unknown) => {
  console.error('[balie] The desk could not start:', error);
  app.exit(1);
});
