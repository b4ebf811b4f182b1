/**
 * The signed-in clerk's screens in Chromium against the real server: signed in by keyboard, a
 * family's booking opened by a scanner burst and checked in with Enter, a pause asked for, the
 * family called with N onto the visit screen. axe finds no violation on any of these screens, and
 * the server ends up with what the clerk did.
 */
import AxeBuilder from '@axe-core/playwright';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { amsterdamDateOf } from '../shared/domain/calendar-date';
import { dayResponseSchema, type DayAppointment } from '../shared/sync/day';
import { pullResponseSchema } from '../shared/sync/push-pull';
import { DEMO_PASSWORD } from '../server/src/demo/demo-staff';
import { postJson, registerDesk } from '../server/test/support/accounts';
import { freePort } from '../server/test/support/free-port';
import { startApiServer, type ApiServer } from '../server/test/support/server-process';
import { launchDeskBrowser } from './support/chromium';
import { startStaticDeskServer, type StaticDeskServer } from './support/static-desk-server';

const today = amsterdamDateOf(new Date());

async function signInAs(apiUrl: string, username: string, device?: { deviceId: string; deviceSecret: string }): Promise<string> {
  const response = await postJson({ url: apiUrl }, '/api/v1/auth/sign-in', { username, password: DEMO_PASSWORD, device });
  if (response.status !== 200) throw new Error(`sign-in of ${username} answered ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}

/** Takes the focus out of any field, as a clerk does with Esc or a click on the page. */
async function leaveFields(page: Page): Promise<void> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

/** The booking of the largest family booked for one service: call next calls them together. */
function familyBooking(day: readonly DayAppointment[]): DayAppointment[] {
  const bookings = new Map<string, DayAppointment[]>();
  for (const row of day) bookings.set(row.bookingId, [...(bookings.get(row.bookingId) ?? []), row]);
  const singleService = [...bookings.values()].filter((rows) => new Set(rows.map((row) => row.service)).size === 1);
  return singleService.sort((a, b) => b.length - a.length)[0]!;
}

/** What axe finds on the page as it is now (WCAG 2.1 A and AA rules). */
async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

/**
 * A keyboard-wedge scanner: the whole code within a few milliseconds, then Enter, sent to whatever
 * has the focus. Dispatched in the page, because a scanner's speed is what the desk tells it by.
 */
async function scan(page: Page, code: string): Promise<void> {
  await page.evaluate((text) => {
    const target = document.activeElement ?? document.body;
    for (const key of [...text, 'Enter']) {
      target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true }));
      target.dispatchEvent(new KeyboardEvent('keyup', { key, bubbles: true, cancelable: true }));
    }
  }, code);
}

describe("the clerk's screens in Chromium", () => {
  let workDir: string;
  let api: ApiServer;
  let desk: StaticDeskServer;
  let browser: BrowserContext;
  let page: Page;
  let adminToken: string;
  let day: DayAppointment[];
  const shots = process.env.BALIE_SCREENSHOTS;

  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'balie-clerk-e2e-'));
    const [apiPort, deskPort] = [await freePort(), await freePort()];
    api = await startApiServer({ port: apiPort, dataDir: join(workDir, 'server-data'), deskOrigins: [`http://127.0.0.1:${deskPort}`] });
    desk = await startStaticDeskServer(deskPort, api.url);
    adminToken = await signInAs(api.url, 'beheerder');
    day = dayResponseSchema.parse(await (await fetch(`${api.url}/api/v1/appointments?date=${today}`)).json()).appointments;
    browser = await launchDeskBrowser(join(workDir, 'chromium-profile'));
    page = browser.pages()[0] ?? (await browser.newPage());
    await page.setViewportSize({ width: 1440, height: 960 });
  });

  afterAll(async () => {
    await browser?.close();
    await api?.stop();
    await desk?.close();
    await rm(workDir, { recursive: true, force: true });
  });

  /** The server's appointments as a supervisor's device reads the change feed. */
  let supervisorToken: string | undefined;
  async function serverAppointments(): Promise<Map<string, { status: string; deskId: string | null }>> {
    supervisorToken ??= await signInAs(api.url, 'teamleider', await registerDesk({ url: api.url }, adminToken, 'MAA', 'MAA-D4'));
    const token = supervisorToken;
    const states = new Map<string, { status: string; deskId: string | null }>();
    let since = '0';
    for (;;) {
      const response = await fetch(`${api.url}/api/v1/sync/pull?since=${since}&limit=1000`, { headers: { authorization: `Bearer ${token}` } });
      const page = pullResponseSchema.parse(await response.json());
      for (const change of page.changes) if (change.entity === 'appointment') states.set(change.id, change.data as { status: string; deskId: string | null });
      since = page.nextCursor;
      if (!page.hasMore) return states;
    }
  }

  it('a clerk registers the desk and signs in by keyboard, and the signed-in desk has no axe violation', async () => {
    const codeResponse = await postJson({ url: api.url }, '/api/v1/devices/registration-codes', { locationId: 'MAA', kind: 'desk', deskId: 'MAA-D1' }, adminToken);
    const { code } = (await codeResponse.json()) as { code: string };
    await page.goto(`${desk.origin}/?server=${encodeURIComponent(api.url)}`);
    await page.getByLabel('Registratiecode').waitFor();
    expect(await violations(page)).toEqual([]);
    await page.getByLabel('Registratiecode').focus();
    await page.keyboard.type(code);
    await page.keyboard.press('Tab');
    await page.keyboard.type('Balie 1 pc');
    await page.keyboard.press('Enter');
    await page.getByLabel('Gebruikersnaam').waitFor();
    await page.getByLabel('Gebruikersnaam').focus();
    await page.keyboard.type('medewerker1');
    await page.keyboard.press('Tab');
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');

    await page.getByRole('button', { name: 'Volgende oproepen' }).waitFor();
    await expect.poll(() => page.getByTestId('agenda-row').count()).toBeGreaterThan(10);
    expect(await page.getByRole('grid').getAttribute('aria-rowcount')).toBe(String(day.length + 1));
    expect(await violations(page)).toEqual([]);
    if (shots) await page.screenshot({ path: join(shots, 'clerk-desk.png') });
  });

  it('opens the desk with O, a scanned code opens the family, Enter checks them in, P asks for a pause reason', async () => {
    await leaveFields(page);
    await page.keyboard.press('o');
    await expect.poll(() => page.getByTestId('desk-status').textContent()).toBe('Open');

    const members = familyBooking(day);
    const family = members[0]!;
    expect(members.length).toBeGreaterThanOrEqual(2);
    await scan(page, family.appointmentCode);
    await page.getByRole('heading', { name: `Afspraak ${family.appointmentCode} om ${family.slotStart}` }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toContain('Iedereen aanmelden');
    expect(await violations(page)).toEqual([]);
    if (shots) await page.screenshot({ path: join(shots, 'clerk-booking.png') });

    await page.keyboard.press('Enter');
    await page.getByText(/aangemeld: nummer A-001\./).waitFor();
    await expect.poll(() => page.getByTestId('waiting').count()).toBe(members.length);
    await page.keyboard.press('Escape');
    await page.getByTestId('booking-panel').waitFor({ state: 'detached' });
    // Back on the agenda's grid, where every shortcut works.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('grid');
    await page.keyboard.press('p');
    await page.getByRole('radio', { name: 'Korte pauze' }).waitFor();
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe('break');
    expect(await violations(page)).toEqual([]);
    if (shots) await page.screenshot({ path: join(shots, 'clerk-pause.png') });
    await page.keyboard.press('Escape');
    await page.getByRole('radio', { name: 'Korte pauze' }).waitFor({ state: 'detached' });
    await leaveFields(page);
  });

  it('N calls the family onto the visit screen, which has no axe violation; the server learns who was called where', async () => {
    await leaveFields(page);
    await page.keyboard.press('n');
    await page.getByRole('region', { name: 'Bezoek aan deze balie' }).waitFor();
    await expect.poll(() => page.evaluate(() => Boolean(document.activeElement?.closest('.clerk__visit')))).toBe(true);
    expect(await violations(page)).toEqual([]);
    if (shots) await page.screenshot({ path: join(shots, 'clerk-visit.png') });

    const called = await page.evaluate(() => [...document.querySelectorAll('.clerk__visit')].length);
    expect(called).toBe(1);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Volgende oproepen' }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent)).toContain('Volgende oproepen');
    await page.getByRole('button', { name: 'Naar het bezoek' }).waitFor();

    const ids = familyBooking(day).map((row) => row.id);
    await expect
      .poll(async () => {
        const states = await serverAppointments();
        return ids.map((id) => `${states.get(id)?.status}@${states.get(id)?.deskId}`);
      }, { timeout: 20_000 })
      .toEqual(ids.map(() => 'called@MAA-D1'));
  });
});
