import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { recoveryNoticeSchema, type DesktopBridge } from '../shared/ipc/desk-bridge';
import { launchDesk, type DeskApp } from './support/desk-app';

declare global {
  interface Window {
    deskBridge?: DesktopBridge;
  }
}

const serverUrl = inject('desktopServerUrl');
const wait = (ms: number) => new Promise((resolveWait) => setTimeout(resolveWait, ms));

/** An unsent event as the outbox will hold it: written in one IndexedDB transaction, then the renderer dies. */
const unsentEvent = { id: '0195f3d2-7c6a-7b1e-9c1a-3f2b5d6e7a8b', type: 'checked-in', appointmentId: 'a-1', at: '2026-03-02T09:14:00Z' };

describe('a desk that is started twice, or whose page crashes', () => {
  let desk: DeskApp;
  let page: Page;

  beforeAll(async () => {
    desk = await launchDesk({ serverUrl });
    page = await desk.page();
    await page.getByTestId('sync-status').filter({ hasText: /^Verbonden/ }).waitFor({ timeout: 30_000 });
  });
  afterAll(async () => {
    await desk?.close();
  });

  it('quits a second start at once and brings the first window back to the front', async () => {
    const deskFocus = desk.xdotool('getwindowfocus');
    // Another program takes the keyboard focus, as when the clerk was in another application.
    const other = desk.startOnDisplay('xmessage', ['-geometry', '300x100+0+0', 'another program']);
    await expect.poll(() => desk.xdotool('search', '--name', '^xmessage$').split('\n')[0] ?? '', { timeout: 10_000 }).not.toBe('');
    const otherWindow = desk.xdotool('search', '--name', '^xmessage$').split('\n')[0] ?? '';
    desk.xdotool('windowfocus', '--sync', otherWindow);
    expect(desk.xdotool('getwindowfocus')).not.toBe(deskFocus);

    const second = await desk.startAgain();
    expect(second.exitCode).toBe(0);
    expect(second.milliseconds).toBeLessThan(10_000);
    await expect.poll(() => desk.xdotool('getwindowfocus'), { timeout: 10_000 }).toBe(deskFocus);
    // Still the one desk window, still working.
    expect(page.context().pages()).toHaveLength(1);
    expect(await page.evaluate(() => location.href)).toBe('balie://app/index.html');
    const log = await desk.log();
    expect(log).toContain('this second start hands over to it and quits');
    expect(log).toContain('the desk window was brought to the front');
    other.kill();
  });

  it('reloads a crashed page with a notice for the clerk, and an event written before the crash is still there', async () => {
    await page.evaluate(
      (event) =>
        new Promise<void>((resolveWrite, rejectWrite) => {
          const opening = indexedDB.open('balie-e2e-crash-probe', 1);
          opening.onupgradeneeded = () => opening.result.createObjectStore('outbox', { keyPath: 'id' });
          opening.onerror = () => rejectWrite(opening.error);
          opening.onsuccess = () => {
            const transaction = opening.result.transaction('outbox', 'readwrite');
            transaction.objectStore('outbox').put(event);
            transaction.oncomplete = () => {
              opening.result.close();
              resolveWrite();
            };
            transaction.onerror = () => rejectWrite(transaction.error);
          };
        }),
      unsentEvent,
    );
    expect(await page.evaluate(() => window.deskBridge?.getRecoveryNotice())).toBeNull();

    const cdp = await page.context().newCDPSession(page);
    // The renderer process dies at once; the call itself fails with it.
    await cdp.send('Page.crash').catch(() => undefined);
    await wait(500);

    const reloaded = await desk.page();
    const notice = recoveryNoticeSchema.parse(await reloaded.evaluate(() => window.deskBridge?.getRecoveryNotice()));
    expect(notice).toMatchObject({ reason: 'crashed', count: 1 });
    expect(Date.now() - Date.parse(notice.at)).toBeLessThan(60_000);

    const kept = await reloaded.evaluate(
      (id) =>
        new Promise<unknown>((resolveRead, rejectRead) => {
          const opening = indexedDB.open('balie-e2e-crash-probe');
          opening.onerror = () => rejectRead(opening.error);
          opening.onsuccess = () => {
            const reading = opening.result.transaction('outbox').objectStore('outbox').get(id);
            reading.onsuccess = () => resolveRead(reading.result);
            reading.onerror = () => rejectRead(reading.error);
          };
        }),
      unsentEvent.id,
    );
    expect(kept).toEqual(unsentEvent);
    // The desk works again: the day is back on screen from IndexedDB and the server.
    await expect.poll(() => reloaded.getByTestId('sync-status').textContent(), { timeout: 30_000 }).toMatch(/^Verbonden/);
    expect(await desk.log()).toMatch(/renderer is gone \(crashed, exit code -?\d+\); reload 1/);
  });
});
