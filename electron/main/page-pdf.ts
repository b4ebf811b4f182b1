import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { WebContents } from 'electron';
import type { SavePageAsPdfRequest } from '../../shared/ipc/desk-bridge';
import type { DeskLog } from './desk-log';

export type SavePageAsPdfResult = { ok: true; path: string } | { ok: false; error: string };

/** The calling window's page, as far as saving it needs. */
export type PdfPage = Pick<WebContents, 'printToPDF'>;

/** Whether the bridge's caller came with a page that can be printed (the registration passes the sender). */
export function isPdfPage(candidate: unknown): candidate is PdfPage {
  return typeof (candidate as Partial<PdfPage> | null)?.printToPDF === 'function';
}

/**
 * A file name that is safe on every desk's file system, from the (already validated) title and
 * the moment it is saved: letters without accents, digits, dots, dashes; never a path.
 */
export function pagePdfFileName(title: string, at: Date): string {
  const base = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9.-]+/g, '-')
    .replace(/^[.-]+|[.-]+$/g, '')
    .slice(0, 80) || 'balie';
  const stamp = at.toISOString().slice(0, 19).replace('T', '-').replace(/:/g, '');
  return `${base}-${stamp}.pdf`;
}

/** Documents/Balie; where the user has no Documents folder (getPath throws), the user data folder's `pdf/`. */
export function pdfFolderOf(documents: () => string, userData: string): string {
  try {
    return join(documents(), 'Balie');
  } catch {
    return join(userData, 'pdf');
  }
}

/**
 * Saves the page of the window that asked (the supervisor's steering report) as an A4 PDF, laid
 * out by its print stylesheet, in `folder` (the user's Documents/Balie). Failures are answers, never
 * throws: no page, a page that could not be printed, a disk that is full.
 */
export function createPagePdfSaver(options: { folder: () => string; log: Pick<DeskLog, 'info' | 'warn'>; now?: () => Date }) {
  const now = options.now ?? (() => new Date());
  return async function savePageAsPdf(request: SavePageAsPdfRequest, page: unknown): Promise<SavePageAsPdfResult> {
    if (!isPdfPage(page)) return { ok: false, error: 'no page to save' };
    try {
      const pdf = await page.printToPDF({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
      const folder = options.folder();
      await mkdir(folder, { recursive: true });
      const path = join(folder, pagePdfFileName(request.title, now()));
      // `wx`: a file of the same name (the same second) is never overwritten.
      await writeFile(path, pdf, { flag: 'wx' });
      options.log.info(`A page was saved as PDF: ${path}`);
      return { ok: true, path };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      options.log.warn(`A page could not be saved as PDF: ${message}`);
      return { ok: false, error: message };
    }
  };
}
