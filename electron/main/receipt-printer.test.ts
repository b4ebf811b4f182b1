import { mkdtemp, readdir, readFile, rm, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { printReceiptRequestSchema } from '../../shared/ipc/desk-bridge';
import { createReceiptPrinter, receiptPdfName, receiptWindowOptions, type PrintReceiptRequest } from './receipt-printer';
import { receiptHtml } from './receipt-template';

const handout: PrintReceiptRequest = printReceiptRequestSchema.parse({
  appointmentCode: 'MAA-K7Q2M9',
  service: 'BIO',
  date: '2026-03-02',
  time: '09:40',
  desk: 'Balie 3',
  output: 'pdf',
});

let folder: string;
const log = { info: vi.fn(), warn: vi.fn() };

function fakeWindow(behaviour: { printed?: [boolean, string]; pdf?: () => Promise<Buffer>; load?: () => Promise<void> } = {}) {
  const window = {
    loadURL: vi.fn<(url: string) => Promise<void>>(behaviour.load ?? (async () => undefined)),
    destroyed: false,
    destroy: vi.fn(() => void (window.destroyed = true)),
    isDestroyed: () => window.destroyed,
    webContents: {
      printToPDF: vi.fn(behaviour.pdf ?? (async () => Buffer.from('%PDF-1.4 fake'))),
      print: vi.fn((_options: unknown, done: (success: boolean, reason: string) => void) =>
        done(...(behaviour.printed ?? [true, ''])),
      ),
    },
  };
  return window;
}

const printerWith = (window: ReturnType<typeof fakeWindow>, timeoutMs?: number) =>
  createReceiptPrinter({ folder, openWindow: () => window as never, log, timeoutMs });

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'balie-receipts-'));
  log.info.mockClear();
  log.warn.mockClear();
});
afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('the handout', () => {
  it('shows the appointment code, the service, the date, the time and the desk, in Dutch and English', () => {
    const html = receiptHtml(handout);
    expect(html).toContain('MAA-K7Q2M9');
    expect(html).toContain('Biometrie');
    expect(html).toContain('Biometrics');
    expect(html).toContain('maandag 2 maart 2026');
    expect(html).toMatch(/Monday,? 2 March 2026/);
    expect(html).toContain('09:40');
    expect(html).toContain('Balie 3');
  });

  it('is the appointment slip before a service, and a receipt for the document after a DOC handout', () => {
    expect(receiptHtml(handout)).toContain('Bewaar dit briefje tot u geholpen bent.');
    const doc = receiptHtml({ ...handout, service: 'DOC' });
    expect(doc).toContain('Ontvangstbewijs');
    expect(doc).toContain('Your residence document was handed to you.');
    expect(doc).toContain('Document ophalen');
    expect(doc).not.toContain('tot u geholpen bent');
  });

  it('has no scripts and forbids them, and escapes what it shows', () => {
    const html = receiptHtml({ ...handout, desk: '<img src=x onerror=alert(1)>' });
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain('<img');
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62;');
    expect(html).toContain(`content="default-src 'none'; style-src 'unsafe-inline'"`);
  });

  it('is rendered in a hidden, sandboxed window without preload, JavaScript or shared storage', () => {
    const { show, webPreferences } = receiptWindowOptions('balie-receipt');
    expect(show).toBe(false);
    expect(webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      javascript: false,
      webSecurity: true,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(webPreferences).not.toHaveProperty('preload');
    expect(webPreferences?.partition).not.toMatch(/^persist:/);
  });
});

describe('printing a handout', () => {
  it('to PDF writes the file into the receipts folder and answers its path', async () => {
    const window = fakeWindow();
    const answer = await printerWith(window)(handout);
    expect(answer).toEqual({ ok: true, path: join(folder, receiptPdfName(handout)) });
    expect(await readFile(join(folder, 'receipt-2026-03-02-0940-MAA-K7Q2M9.pdf'), 'utf8')).toBe('%PDF-1.4 fake');
    expect(window.loadURL.mock.calls[0]?.[0]).toMatch(/^data:text\/html;charset=utf-8,/);
    expect(window.destroy).toHaveBeenCalledOnce();
  });

  it('to the printer prints silently on the default printer and answers without a path', async () => {
    const window = fakeWindow();
    await expect(printerWith(window)({ ...handout, output: 'printer' })).resolves.toEqual({ ok: true, path: null });
    expect(window.webContents.print).toHaveBeenCalledWith(expect.objectContaining({ silent: true }), expect.any(Function));
    expect(window.destroy).toHaveBeenCalledOnce();
  });

  it('answers the printer\'s reason when there is no printer, and closes the window', async () => {
    const window = fakeWindow({ printed: [false, 'Invalid deviceName provided'] });
    await expect(printerWith(window)({ ...handout, output: 'printer' })).resolves.toEqual({
      ok: false,
      error: 'Invalid deviceName provided',
    });
    expect(window.destroy).toHaveBeenCalledOnce();
    expect(log.warn).toHaveBeenCalledWith(expect.stringContaining('could not be printed'));
  });

  it('answers a failure instead of throwing when the PDF cannot be made', async () => {
    const window = fakeWindow({ pdf: async () => Promise.reject(new Error('Failed to generate PDF')) });
    await expect(printerWith(window)(handout)).resolves.toEqual({ ok: false, error: 'Failed to generate PDF' });
    expect(window.destroy).toHaveBeenCalledOnce();
  });

  it('gives up on a print that never finishes', async () => {
    const window = fakeWindow({ load: () => new Promise(() => undefined) });
    await expect(printerWith(window, 20)(handout)).resolves.toMatchObject({ ok: false, error: expect.stringMatching(/longer than/) });
    expect(window.destroy).toHaveBeenCalledOnce();
  });

  it('removes handout PDFs older than a week when it prints the next one', async () => {
    const old = join(folder, 'receipt-2026-02-01-0900-AAAA1111.pdf');
    await writeFile(old, '%PDF old');
    const aMonthAgo = new Date(Date.now() - 30 * 24 * 60 * 60 * 1000);
    await utimes(old, aMonthAgo, aMonthAgo);
    await printerWith(fakeWindow())(handout);
    expect(await readdir(folder)).toEqual([receiptPdfName(handout)]);
  });
});
