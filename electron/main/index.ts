// Wiring only: each concern lives in its own module and is tested there.
import { join } from 'node:path';
import { app, BrowserWindow, ipcMain, net, protocol, safeStorage, screen, session } from 'electron';
import electronLog from 'electron-log/node';
import { autoUpdater } from 'electron-updater';
import { APP_ENTRY_URL, registerAppScheme, serveAppShell } from './app-protocol';
import { clientWindowOptions, openClientWindow, readClientScreenSetting } from './client-window';
import { recoverFromRendererCrash } from './crash-recovery';
import { loadDeskConfig, type DeskSettings } from './desk-config';
import { configureDeskLog } from './desk-log';
import { createDeskBridgeHandlers, registerDeskBridgeHandlers } from './ipc-handlers';
import { guardNavigation } from './navigation-guard';
import { denyAllPermissions } from './permission-guard';
import { createPagePdfSaver, pdfFolderOf } from './page-pdf';
import { createReceiptPrinter, receiptWindowOptions } from './receipt-printer';
import { createSecretStore } from './secret-store';
import { createServerChooser } from './server-choice';
import { holdSingleInstanceLock } from './single-instance';
import { startUpdateChecks } from './update-checks';
import { deskWindowOptions } from './window-options';
import {
  placeWindow,
  readWindowState,
  rememberWindowState,
  workAreasPrimaryFirst,
  writeWindowState,
} from './window-state';

// Paths are relative to this bundle, out/main/index.js.
const preloadPath = join(import.meta.dirname, '../preload/index.cjs');
const rendererRoot = join(import.meta.dirname, '../renderer');
/** An in-memory session of its own for the handout window: it shares no storage with the desk. */
const RECEIPT_PARTITION = 'balie-receipt';

const userData = app.getPath('userData');
const log = configureDeskLog(electronLog, userData);
let deskWindow: BrowserWindow | null = null;
let clientWindow: BrowserWindow | null = null;

registerAppScheme(protocol);

if (holdSingleInstanceLock(app, () => deskWindow, log)) {
  // Every web contents, not only the desk window's, is kept on the app shell.
  app.on('web-contents-created', (_event, contents) => guardNavigation(contents, log.warn));
  app.on('window-all-closed', () => app.quit());
  app.whenReady().then(openDesk).catch((error: unknown) => {
    log.error('The desk could not start', error);
    app.exit(1);
  });
}

async function openDesk(): Promise<void> {
  log.info(`Balie ${app.getVersion()} starts on Electron ${process.versions.electron}; user data in ${userData}`);
  // Changes once, on a first run, when the clerk's setup screen chooses the server.
  let settings: DeskSettings = await loadDeskConfig({ folder: userData, env: process.env, log: log.warn });
  denyAllPermissions(session.defaultSession);
  denyAllPermissions(session.fromPartition(RECEIPT_PARTITION));
  serveAppShell(protocol, { rendererRoot, serverOrigin: () => new URL(settings.serverUrl).origin });

  const placement = placeWindow(readWindowState(userData, log), workAreasPrimaryFirst(screen));
  const window = new BrowserWindow(deskWindowOptions(preloadPath, placement.bounds));
  deskWindow = window;
  window.on('closed', () => {
    deskWindow = null;
    // The client screen lives only as long as the desk: closing the desk closes both.
    clientWindow?.close();
  });
  rememberWindowState(window, (state) => writeWindowState(userData, state), log);
  const recovery = recoverFromRendererCrash(window.webContents, { entryUrl: APP_ENTRY_URL, log });

  registerDeskBridgeHandlers(
    ipcMain,
    createDeskBridgeHandlers({
      settings: () => settings,
      chooseServerUrl: createServerChooser({
        folder: userData,
        current: () => settings,
        replace: (next) => {
          settings = next;
        },
        fetch: (url, init) => net.fetch(url, init),
        log: log.info,
      }),
      recoveryNotice: recovery.notice,
      secrets: createSecretStore({ folder: userData, encryption: safeStorage, log }),
      printReceipt: createReceiptPrinter({
        folder: join(userData, 'receipts'),
        openWindow: () => new BrowserWindow(receiptWindowOptions(RECEIPT_PARTITION)),
        log,
      }),
      savePageAsPdf: createPagePdfSaver({ folder: () => pdfFolderOf(() => app.getPath('documents'), userData), log }),
    }),
    log.warn,
  );

  window.once('ready-to-show', () => {
    if (placement.maximized) window.maximize();
    window.show();
  });
  await window.loadURL(APP_ENTRY_URL);
  clientWindow = await openClientWindow(readClientScreenSetting(userData, process.env, log.warn), {
    displays: () => screen.getAllDisplays(),
    primaryId: () => screen.getPrimaryDisplay().id,
    createWindow: (bounds) => new BrowserWindow(clientWindowOptions(bounds)),
    log: log.info,
  });
  clientWindow?.on('closed', () => {
    clientWindow = null;
  });
  startUpdateChecks({ updater: () => autoUpdater, updateUrl: settings.updateUrl, isPackaged: app.isPackaged, log });
}
