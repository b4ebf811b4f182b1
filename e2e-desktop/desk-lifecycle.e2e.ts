/**
 * The desk app's life on a desk PC: a second start hands over to the first window, and a page whose
 * renderer crashes is reloaded with nothing lost. The desk reaches the real server through a relay
 * the test can cut, so a clerk's actions wait in the app's own outbox while the network is away.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { amsterdamDateOf } from '../shared/domain/calendar-date';
import { recoveryNoticeSchema, type DesktopBridge } from '../shared/ipc/desk-bridge';
import { dayResponseSchema } from '../shared/sync/day';
import { scan } from '../e2e/support/scanner';
import { adminToken, registerAndSignIn, timesOnServer, unsentEvents } from './support/clerk-at-desk';
import { launchDesk, type DeskApp } from './support/desk-app';
import { startSwitchableProxy, type SwitchableProxy } from './support/switchable-proxy';

declare global {
  interface Window {
    deskBridge?: DesktopBridge;
  }
}

const serverUrl = inject('desktopServerUrl');
const today = amsterdamDateOf(new Date());
const wait = (ms: number) => new Promise((resolveWait) => setTimeout(resolveWait, ms));

describe('a desk that is started twice, or whose page crashes', () => {
  let desk: DeskApp;
  let page: Page;
  let network: SwitchableProxy;
  let token: string;

  beforeAll(async () => {
    network = await startSwitchableProxy(serverUrl);
    token = await adminToken(serverUrl);
    desk = await launchDesk({ serverUrl: network.url });
    page = await desk.page();
    await registerAndSignIn(page, { serverUrl, token, deskId: 'MAA-D3', username: 'medewerker3' });
  });
  afterAll(async () => {
    await desk?.close();
    await network?.close();
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

  it("keeps a check-in made while the server was unreachable through a crash of the page, tells the clerk, and sends it once", async () => {
    // A client nobody else's scenario touches: a single booking, not collecting a document.
    const { appointments } = dayResponseSchema.parse(await (await fetch(`${serverUrl}/api/v1/appointments?date=${today}`)).json());
    const client = appointments.find(
      (row) => row.status === 'expected' && row.service !== 'DOC' && appointments.filter((other) => other.bookingId === row.bookingId).length === 1,
    )!;
    expect(await page.evaluate(() => window.deskBridge?.getRecoveryNotice())).toBeNull();

    network.cut();
    await page.keyboard.press('o');
    await expect.poll(() => page.getByTestId('desk-status').textContent()).toBe('Open');
    await scan(page, client.appointmentCode);
    await page.getByRole('heading', { name: `Afspraak ${client.appointmentCode} om ${client.slotStart}` }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByText(/aangemeld: nummer [A-Z]-\d{3}\./).waitFor();
    await expect.poll(() => page.getByTestId('desk-sync-status').textContent(), { timeout: 30_000 }).toMatch(/^Offline.*wachtend op verzending/);
    const unsent = await unsentEvents(page);
    expect(unsent).toEqual(expect.arrayContaining([expect.objectContaining({ type: 'deskOpened' }), { id: expect.any(String), type: 'checkedIn', appointmentId: client.id }]));
    expect(await timesOnServer(serverUrl, token, today, unsent.map(({ id }) => id))).toEqual(unsent.map(() => 0));

    const cdp = await page.context().newCDPSession(page);
    // The renderer process dies at once; the call itself fails with it.
    await cdp.send('Page.crash').catch(() => undefined);
    await wait(500);

    const reloaded = await desk.page();
    const notice = recoveryNoticeSchema.parse(await reloaded.evaluate(() => window.deskBridge?.getRecoveryNotice()));
    expect(notice).toMatchObject({ reason: 'crashed', count: 1 });
    expect(Date.now() - Date.parse(notice.at)).toBeLessThan(60_000);
    // The clerk sees why the screen flickered, and that the actions still wait; the focus is not taken.
    const said = reloaded.getByTestId('recovery-notice').getByRole('status');
    await expect.poll(() => said.textContent(), { timeout: 30_000 }).toMatch(
      new RegExp(`^De balie is om \\d\\d:\\d\\d opnieuw gestart na een storing; er is niets verloren gegaan\\. ${unsent.length} acties wachten nog op verzending\\.$`),
    );
    expect(await reloaded.evaluate(() => Boolean(document.activeElement?.closest('[data-testid=recovery-notice]')))).toBe(false);
    expect(await unsentEvents(reloaded)).toEqual(unsent);

    // The network comes back: the reloaded desk sends what the crashed one could not, once.
    network.restore();
    await expect.poll(() => said.textContent(), { timeout: 45_000 }).toMatch(/Alle acties zijn verzonden\.$/);
    expect(await unsentEvents(reloaded)).toEqual([]);
    expect(await timesOnServer(serverUrl, token, today, unsent.map(({ id }) => id))).toEqual(unsent.map(() => 1));
    await expect.poll(() => reloaded.getByTestId('desk-sync-status').textContent(), { timeout: 30_000 }).toMatch(/^Gesynchroniseerd om/);

    await reloaded.getByRole('button', { name: 'Melding over de herstart sluiten' }).click();
    expect(await said.textContent()).toBe('');
    expect(await desk.log()).toMatch(/renderer is gone \(crashed, exit code -?\d+\); reload 1/);
  });
});
