import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DESK_CHANNEL_NAMES } from '../../shared/ipc/channel-names';
import { deskBridgeContract } from '../../shared/ipc/desk-bridge';
import { createDeskBridgeHandlers, registerDeskBridgeHandlers, type DeskServices } from './ipc-handlers';
import { createPagePdfSaver, pagePdfFileName, pdfFolderOf } from './page-pdf';

// The main process's modules import only types from 'electron' here; a real import would try to
// download Electron in plain Node, so it is mocked at the boundary all the same.
vi.mock('electron', () => ({}));

const AT = new Date('2026-11-25T08:32:05.000Z');
const TITLE = 'Stuurinformatie MAA 2026-07-01 2026-09-30';
let documents: string;
const log = { info: vi.fn(), warn: vi.fn() };

/** The supervisor's window as far as the handler sees it: its page prints to PDF bytes. */
function senderPage(pdf: () => Promise<Buffer> = async () => Buffer.from('%PDF-1.7 the steering report')) {
  return { printToPDF: vi.fn(pdf) };
}

beforeEach(async () => {
  documents = await mkdtemp(join(tmpdir(), 'balie-documents-'));
  log.info.mockClear();
  log.warn.mockClear();
});
afterEach(async () => {
  await rm(documents, { recursive: true, force: true });
});

/** The bridge as the main process registers it, with only the PDF saver real. */
function registeredSaver() {
  const listeners = new Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>();
  const services = {
    savePageAsPdf: createPagePdfSaver({ folder: () => pdfFolderOf(() => documents, '/nowhere'), log, now: () => AT }),
  } as Partial<DeskServices> as DeskServices;
  registerDeskBridgeHandlers({ handle: (channel, listener) => void listeners.set(channel, listener as never) }, createDeskBridgeHandlers(services), vi.fn());
  return (event: unknown, ...args: unknown[]) => listeners.get(DESK_CHANNEL_NAMES.savePageAsPdf)!(event, ...args);
}

describe('saving the calling page as a PDF in the main process', () => {
  it("prints the sender's own page on A4 with its backgrounds into Documents/Balie and names the file in the answer", async () => {
    const page = senderPage();
    const invoke = registeredSaver();
    const answer = await invoke({ senderFrame: { url: 'balie://app/index.html' }, sender: page }, { title: TITLE });
    const expected = join(documents, 'Balie', 'Stuurinformatie-MAA-2026-07-01-2026-09-30-2026-11-25-083205.pdf');
    expect(answer).toEqual({ ok: true, path: expected });
    expect(page.printToPDF).toHaveBeenCalledWith({ pageSize: 'A4', printBackground: true, preferCSSPageSize: true });
    expect(await readFile(expected, 'utf8')).toBe('%PDF-1.7 the steering report');
    expect(log.info).toHaveBeenCalledWith(expect.stringContaining(expected));
  });

  it('refuses a title that could name a path, and a page that is not the app, before anything is printed', async () => {
    const page = senderPage();
    const invoke = registeredSaver();
    for (const title of ['../../etc/passwd', 'a\\b', '', 'x'.repeat(121)]) {
      await expect(invoke({ senderFrame: { url: 'balie://app/index.html' }, sender: page }, { title })).rejects.toThrow(/malformed arguments/);
    }
    await expect(invoke({ senderFrame: { url: 'https://evil.example/' }, sender: page }, { title: TITLE })).rejects.toThrow(/only be called by the Balie app/);
    expect(page.printToPDF).not.toHaveBeenCalled();
    expect(await readdir(documents)).toEqual([]);
  });

  it('answers a failure in words when the page cannot be printed, or a file of that name exists, and overwrites nothing', async () => {
    const broken = registeredSaver();
    const failing = senderPage(async () => { throw new Error('Printing failed'); });
    expect(await broken({ senderFrame: { url: 'balie://app/index.html' }, sender: failing }, { title: TITLE })).toEqual({ ok: false, error: 'Printing failed' });
    expect(log.warn).toHaveBeenCalledWith(expect.stringContaining('Printing failed'));

    const earlier = join(documents, 'Balie', pagePdfFileName(TITLE, AT));
    await mkdir(join(documents, 'Balie'), { recursive: true });
    await writeFile(earlier, 'kept');
    const again = await broken({ senderFrame: { url: 'balie://app/index.html' }, sender: senderPage() }, { title: TITLE });
    expect(again).toMatchObject({ ok: false, error: expect.stringContaining('EEXIST') });
    expect(await readFile(earlier, 'utf8')).toBe('kept');
  });

  it('makes a plain file name of any title the contract lets through, and falls back to the user data folder without Documents', () => {
    expect(deskBridgeContract.savePageAsPdf.args.safeParse([{ title: 'Überblick Café (Q3) 2026' }]).success).toBe(true);
    expect(pagePdfFileName('Überblick Café (Q3) 2026', AT)).toBe('Uberblick-Cafe-Q3-2026-2026-11-25-083205.pdf');
    expect(pagePdfFileName('...', AT)).toBe('balie-2026-11-25-083205.pdf');
    expect(pdfFolderOf(() => { throw new Error('no documents folder'); }, '/home/desk/.config/Balie')).toBe(join('/home/desk/.config/Balie', 'pdf'));
  });
});
