import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { amsterdamDateOf } from '../shared/domain/calendar-date';
import { deskBridgeContract, type DesktopBridge } from '../shared/ipc/desk-bridge';
import { deskContentSecurityPolicy } from '../shared/security/csp';
import { launchDesk, type DeskApp } from './support/desk-app';

declare global {
  interface Window {
    deskBridge?: DesktopBridge;
  }
}

const serverUrl = inject('desktopServerUrl');
const handout = {
  appointmentCode: 'MAA-K7Q2M9',
  service: 'BIO',
  date: amsterdamDateOf(new Date()),
  time: '09:40',
  desk: 'Balie 3',
} as const;

describe('the packaged desk, as a clerk opens it', () => {
  let desk: DeskApp;
  let page: Page;

  beforeAll(async () => {
    desk = await launchDesk({ serverUrl });
    page = await desk.page();
  });
  afterAll(async () => {
    await desk?.close();
  });

  it("opens one window titled Balie with the day's agenda from the real server", async () => {
    await expect.poll(() => page.getByTestId('sync-status').textContent(), { timeout: 30_000 }).toMatch(/^Verbonden/);
    expect(await page.locator('[data-testid=booking]').count()).toBeGreaterThanOrEqual(20);
    expect(await page.title()).toBe('Balie');
    expect(page.context().pages()).toHaveLength(1);
    // `BALIE_SCREENSHOTS=docs/screenshots npm run test:desktop` refreshes the picture in the docs.
    if (process.env.BALIE_SCREENSHOTS) {
      await page.screenshot({ path: join(process.env.BALIE_SCREENSHOTS, 'desktop-window.png') });
    }
  });

  it('gives the page no Node and no Electron: exactly the DeskBridge functions, nothing else', async () => {
    const seen = await page.evaluate(() => ({
      require: typeof (window as unknown as { require?: unknown }).require,
      process: typeof (window as unknown as { process?: unknown }).process,
      module: typeof (window as unknown as { module?: unknown }).module,
      Buffer: typeof (window as unknown as { Buffer?: unknown }).Buffer,
      electron: typeof (window as unknown as { electron?: unknown }).electron,
      ipcRenderer: typeof (window as unknown as { ipcRenderer?: unknown }).ipcRenderer,
      bridgeKeys: Object.keys(window.deskBridge ?? {}),
      bridgeTypes: Object.values(window.deskBridge ?? {}).map((value) => typeof value),
      bridgeFrozen: Object.isFrozen(window.deskBridge),
    }));
    expect(seen).toMatchObject({ require: 'undefined', process: 'undefined', module: 'undefined', Buffer: 'undefined' });
    expect(seen.electron).toBe('undefined');
    expect(seen.ipcRenderer).toBe('undefined');
    expect(seen.bridgeKeys.sort()).toEqual(Object.keys(deskBridgeContract).sort());
    expect(new Set(seen.bridgeTypes)).toEqual(new Set(['function']));
  });

  it('is served from balie://app with the desk CSP, which stops an inline script', async () => {
    expect(page.url()).toBe('balie://app/index.html');
    const policy = await page.evaluate(async () => (await fetch(location.href)).headers.get('content-security-policy'));
    expect(policy).toBe(deskContentSecurityPolicy(new URL(serverUrl).origin));
    const inline = await page.evaluate(
      () =>
        new Promise<{ ran: boolean; violated: string | null }>((resolveProbe) => {
          let violated: string | null = null;
          document.addEventListener('securitypolicyviolation', (event) => {
            violated = event.violatedDirective;
          });
          const script = document.createElement('script');
          script.textContent = 'window.__inlineRan = true';
          document.body.append(script);
          setTimeout(() => resolveProbe({ ran: Boolean((window as unknown as { __inlineRan?: boolean }).__inlineRan), violated }), 200);
        }),
    );
    expect(inline).toEqual({ ran: false, violated: expect.stringMatching(/^script-src/) });
  });

  it('stays on the app when a script tries to leave it, and opens no second window', async () => {
    await page.evaluate((target) => {
      location.href = target;
    }, `${serverUrl}/api/v1/health`);
    await new Promise((resolveWait) => setTimeout(resolveWait, 1000));
    expect(await page.evaluate(() => location.href)).toBe('balie://app/index.html');
    expect(await page.evaluate(() => window.open('https://example.org/') === null)).toBe(true);
    expect(page.context().pages()).toHaveLength(1);
    const log = await desk.log();
    expect(log).toContain(`Blocked navigation to ${serverUrl}/api/v1/health`);
    expect(log).toContain('Blocked a new window for https://example.org/');
  });

  it('refuses a malformed call in the main process, before any service runs', async () => {
    const refused = await page.evaluate(async (broken) => {
      try {
        await window.deskBridge?.printReceipt(broken as never);
        return 'printed';
      } catch (error) {
        return (error as Error).message;
      }
    }, { ...handout, appointmentCode: '<script>', output: 'pdf' });
    expect(refused).toMatch(/malformed arguments/);
  });

  it('prints a handout to a PDF in the user data folder, and the PDF shows the appointment code', async () => {
    const answer = await page.evaluate((receipt) => window.deskBridge?.printReceipt({ ...receipt, output: 'pdf' }), handout);
    expect(answer).toEqual({ ok: true, path: expect.stringMatching(/\.pdf$/) });
    const path = (answer as { path: string }).path;
    expect(path.startsWith(join(desk.userData, 'receipts'))).toBe(true);
    expect(readFileSync(path).subarray(0, 5).toString()).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
    expect(text).toContain('MAA-K7Q2M9');
    expect(text).toContain('Biometrie');
    expect(text).toContain('Balie 3');
    expect(text).toContain('09:40');
  });

  it('saves the page it is called from as an A4 PDF in Documents/Balie, named after the title', async () => {
    const answer = await page.evaluate(() => window.deskBridge?.savePageAsPdf?.({ title: 'Stuurinformatie MAA 2026-Q1' }));
    expect(answer).toEqual({ ok: true, path: expect.stringMatching(/\.pdf$/) });
    const path = (answer as { path: string }).path;
    expect(path.startsWith(join(desk.documents, 'Balie', 'Stuurinformatie'))).toBe(true);
    expect(readFileSync(path).subarray(0, 5).toString()).toBe('%PDF-');
    // The page itself, as the desk shows it: its heading is in the PDF's text.
    const heading = await page.locator('h1').first().innerText();
    expect(execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' })).toContain(heading.trim().split('\n')[0]);
  });

  it('keeps a session only encrypted: stored through the OS key store, or refused with no file written', async () => {
    const session = { token: 'tok_e2e_7d41c9a0b3f2e6d8', accountId: 'clerk-anna', expiresAt: '2030-01-01T17:00:00.000Z' };
    const saved = await page.evaluate((value) => window.deskBridge?.saveSession(value), session);
    const secretsFile = join(desk.userData, 'secrets.bin');
    if (saved?.ok) {
      expect(readFileSync(secretsFile).toString('latin1')).not.toContain(session.token);
      expect(await page.evaluate(() => window.deskBridge?.loadSession())).toEqual({ ok: true, session });
    } else {
      // This machine has no keyring (Chromium would fall back to a built-in key): nothing is written.
      expect(saved).toMatchObject({ ok: false, error: 'encryption-unavailable' });
      expect(existsSync(secretsFile)).toBe(false);
    }
    expect(await desk.log()).not.toContain(session.token);
  });

  it('writes its log where an administrator finds it: logs/main.log in the user data folder', async () => {
    expect(await desk.log()).toMatch(/\[info\] +Balie \d+\.\d+\.\d+ starts on Electron \d+/);
  });
});
