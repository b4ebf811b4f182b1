import { mkdir, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import type { z } from 'zod';
import type { printReceiptRequestSchema } from '../../shared/ipc/desk-bridge';
import type { DeskLog } from './desk-log';
import { receiptHtml } from './receipt-template';

export type PrintReceiptRequest = z.output<typeof printReceiptRequestSchema>;
export type PrintReceiptResult = { ok: true; path: string | null } | { ok: false; error: string };

/** PDFs of handouts are kept this long, then removed at the next print: they name appointments. */
export const RECEIPT_PDF_DAYS_KEPT = 7;

type PrintWindow = Pick<BrowserWindow, 'loadURL' | 'destroy' | 'isDestroyed'> & {
  webContents: Pick<BrowserWindow['webContents'], 'print' | 'printToPDF'>;
};

/**
 * The window a handout is rendered in: never shown, sandboxed, no preload, no JavaScript at all,
 * and its own in-memory session, so it shares nothing with the desk page.
 */
export function receiptWindowOptions(partition: string): BrowserWindowConstructorOptions {
  return {
    show: false,
    width: 420,
    height: 600,
    webPreferences: {
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      javascript: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      images: false,
      spellcheck: false,
      disableBlinkFeatures: 'Auxclick',
      partition,
    },
  };
}

export function receiptPdfName(request: PrintReceiptRequest): string {
  return `receipt-${request.date}-${request.time.replace(':', '')}-${request.appointmentCode}.pdf`;
}

async function removeOldPdfs(folder: string, now: number): Promise<void> {
  const oldest = now - RECEIPT_PDF_DAYS_KEPT * 24 * 60 * 60 * 1000;
  for (const name of await readdir(folder).catch(() => [] as string[])) {
    if (!name.endsWith('.pdf')) continue;
    const file = join(folder, name);
    const info = await stat(file).catch(() => null);
    if (info && info.mtimeMs < oldest) await rm(file, { force: true });
  }
}

/**
 * Prints a handout through a throw-away window: to the desk's default printer without a dialog
 * (`print`), or to a PDF kept in the receipts folder (`printToPDF`). Failures are answers, never
 * throws: no printer, a printer that refused the job, a disk that is full.
 */
export function createReceiptPrinter(options: {
  /** `receipts` in the user data folder. */
  folder: string;
  openWindow: () => PrintWindow;
  log: Pick<DeskLog, 'info' | 'warn'>;
  timeoutMs?: number;
  now?: () => number;
}) {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const now = options.now ?? Date.now;

  async function render(window: PrintWindow, request: PrintReceiptRequest): Promise<PrintReceiptResult> {
    await window.loadURL(`data:text/html;charset=utf-8,${encodeURIComponent(receiptHtml(request))}`);
    if (request.output === 'pdf') {
      const pdf = await window.webContents.printToPDF({ pageSize: 'A6', printBackground: false });
      await mkdir(options.folder, { recursive: true });
      await removeOldPdfs(options.folder, now());
      const path = join(options.folder, receiptPdfName(request));
      await writeFile(path, pdf);
      return { ok: true, path };
    }
    return new Promise((resolve) => {
      window.webContents.print({ silent: true, printBackground: false }, (success, failureReason) =>
        resolve(success ? { ok: true, path: null } : { ok: false, error: failureReason || 'the printer refused the job' }),
      );
    });
  }

  return async function printReceipt(request: PrintReceiptRequest): Promise<PrintReceiptResult> {
    const window = options.openWindow();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const timedOut = new Promise<PrintReceiptResult>((resolve) => {
      timer = setTimeout(() => resolve({ ok: false, error: `printing took longer than ${timeoutMs / 1000} s` }), timeoutMs);
    });
    try {
      const result = await Promise.race([
        render(window, request).catch((error: unknown): PrintReceiptResult => ({ ok: false, error: (error as Error).message })),
        timedOut,
      ]);
      if (result.ok) options.log.info(`A handout was printed (${request.output})`);
      else options.log.warn(`A handout could not be printed (${request.output}): ${result.error}`);
      return result;
    } finally {
      clearTimeout(timer);
      if (!window.isDestroyed()) window.destroy();
    }
  };
}
