import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import type { z } from 'zod';
import {
  deskBridgeContract,
  type DeskBridgeFunction,
  type DeskBridgeHandlers,
  type RecoveryNotice,
  type SavePageAsPdfRequest,
} from '../../shared/ipc/desk-bridge';
import { isAppUrl } from './app-protocol';
import type { DeskSettings } from './desk-config';
import type { SavePageAsPdfResult } from './page-pdf';
import type { PrintReceiptRequest, PrintReceiptResult } from './receipt-printer';
import type { SecretStore } from './secret-store';

/** The table's entries, seen through what every entry has in common. */
type ContractEntry = { channel: string; args: z.ZodType<unknown[]>; result: z.ZodType };

/**
 * Only the app shell may call the bridge. A frame that is gone (null) or shows anything other than
 * balie://app/ (an injected frame, a page the window was somehow taken to) is refused.
 */
export function isAppSender(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): boolean {
  const url = event.senderFrame?.url;
  return url !== undefined && isAppUrl(url);
}

/**
 * Registers one `ipcMain.handle` per contract entry. Arguments and answers are parsed with the
 * contract's schemas on the way in and out. A refused sender, malformed arguments or an answer that
 * breaks the contract reject the call: each is a bug or an attack, never a case the renderer
 * should handle. Failures a clerk can meet are values in the function's result schema instead.
 */
export function registerDeskBridgeHandlers(
  ipcMain: Pick<IpcMain, 'handle'>,
  handlers: DeskBridgeHandlers,
  log: (message: string) => void,
): void {
  for (const name of Object.keys(deskBridgeContract) as DeskBridgeFunction[]) {
    const entry: ContractEntry = deskBridgeContract[name];
    const handler = handlers[name] as (...args: unknown[]) => unknown;
    ipcMain.handle(entry.channel, async (event, ...rawArgs: unknown[]) => {
      if (!isAppSender(event)) {
        log(`Refused ${entry.channel} from ${event.senderFrame?.url ?? 'a frame that is gone'}`);
        throw new Error(`${entry.channel} may only be called by the Balie app`);
      }
      const args = entry.args.safeParse(rawArgs);
      if (!args.success) {
        log(`Refused ${entry.channel}: malformed arguments`);
        throw new Error(`${entry.channel} got malformed arguments: ${args.error.message}`);
      }
      // The calling page goes last: the one function that acts on its own page (savePageAsPdf) needs it.
      return entry.result.parse(await handler(...args.data, event.sender));
    });
  }
}

export type DeskServices = {
  settings: () => DeskSettings;
  chooseServerUrl: DeskBridgeHandlers['chooseServerUrl'];
  recoveryNotice: () => RecoveryNotice | null;
  secrets: SecretStore;
  printReceipt: (request: PrintReceiptRequest) => Promise<PrintReceiptResult>;
  /** Saves the calling page (the sender) as a PDF; absent, the host answers that it cannot. */
  savePageAsPdf?: (request: SavePageAsPdfRequest, page: unknown) => Promise<SavePageAsPdfResult>;
};

/** The main process's side of the bridge: each function hands over to the service that owns it. */
export function createDeskBridgeHandlers(services: DeskServices): DeskBridgeHandlers {
  return {
    getConfig: () => {
      const { serverUrl, deviceId, serverUrlChosen, receiptOutput } = services.settings();
      return { serverUrl, deviceId, host: 'electron', serverUrlChosen, ...(receiptOutput ? { receiptOutput } : {}) };
    },
    chooseServerUrl: (typed) => services.chooseServerUrl(typed),
    getRecoveryNotice: () => services.recoveryNotice(),
    saveSession: (session) => services.secrets.saveSession(session),
    loadSession: () => services.secrets.loadSession(),
    clearSession: () => services.secrets.clearSession(),
    saveDeviceSecret: (deviceSecret) => services.secrets.saveDeviceSecret(deviceSecret),
    loadDeviceSecret: () => services.secrets.loadDeviceSecret(),
    printReceipt: (request) => services.printReceipt(request),
    savePageAsPdf: (request, ...caller: unknown[]) =>
      services.savePageAsPdf ? services.savePageAsPdf(request, caller[0]) : { ok: false, error: 'this host saves no PDF' },
  };
}
