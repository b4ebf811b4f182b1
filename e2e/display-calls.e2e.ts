/**
 * The waiting-room display in Chromium against the real server (a child process): registered by
 * keyboard with an admin's one-time code, it shows a desk's call within a second, says it is stale
 * while the server is down, catches up by itself when the server is back (no reload), never shows
 * a name, V-number, date of birth or appointment code, and axe finds no WCAG 2.1 AA violation.
 */
import AxeBuilder from '@axe-core/playwright';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callNext, checkInBooking, markNoShow } from '../shared/domain/commands-queue';
import { openDesk } from '../shared/domain/commands-desk';
import { SERVICE_CODES } from '../shared/domain/codes';
import type { DayState } from '../shared/domain/day-state';
import type { Person } from '../shared/domain/model';
import type { AppointmentState } from '../shared/domain/appointment-state';
import { parseChangeData } from '../shared/sync/change-data';
import { pullResponseSchema } from '../shared/sync/push-pull';
import { postJson, registerDesk } from '../server/test/support/accounts';
import { freePort } from '../server/test/support/free-port';
import { startApiServer, type ApiServer } from '../server/test/support/server-process';
import { simulatedRemoteDesk, type SimulatedDesk } from '../server/test/support/simulated-desk';
import { launchDeskBrowser } from './support/chromium';
import { DEMO_PASSWORD, signInAs, today } from './support/sync-rig';
import { keepScreenshot } from './support/screenshots';


/** The desk's day as it pulls it: every appointment and person of today's feed. */
async function pulledDay(apiUrl: string, token: string): Promise<DayState> {
  const appointments: Record<string, AppointmentState> = {};
  const persons: Record<string, Person> = {};
  let since = '0';
  for (;;) {
    const response = await fetch(`${apiUrl}/api/v1/sync/pull?since=${since}&limit=1000`, { headers: { authorization: `Bearer ${token}` } });
    const page = pullResponseSchema.parse(await response.json());
    for (const change of page.changes) {
      const parsed = parseChangeData(change);
      if (!parsed.ok) throw new Error(parsed.problems.join('; '));
      if (parsed.change.entity === 'appointment' && parsed.change.data.date === today) appointments[change.id] = parsed.change.data;
      if (parsed.change.entity === 'person') persons[change.id] = parsed.change.data;
    }
    since = page.nextCursor;
    if (!page.hasMore) return { appointments, persons, desks: {}, seenEvents: {}, conflicts: [] };
  }
}

async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

describe('the waiting-room display', () => {
  let workDir: string;
  let apiPort: number;
  let api: ApiServer;
  let apiUrl: string;
  let browser: BrowserContext;
  let page: Page;
  let desk: SimulatedDesk;
  let adminToken: string;
  const serverOptions = () => ({ port: apiPort, dataDir: join(workDir, 'server-data'), deskOrigins: [] });

  /** The next family or client: checked in at the desk and called to it; returns the ticket. */
  async function callTheNextClient(): Promise<{ ticket: string; pushedAt: number }> {
    const [code] = Object.values(desk.state.appointments)
      .filter((appointment) => appointment.status === 'expected' && appointment.appointmentCode !== null)
      .sort((a, b) => a.slotStart.localeCompare(b.slotStart))
      .map((appointment) => appointment.appointmentCode!);
    const checkedIn = desk.act((state, context) => checkInBooking(state, { appointmentCode: code!, method: 'scan' }, context));
    const called = desk.act((state, context) => callNext(state, { services: [...SERVICE_CODES] }, context));
    const pushed = await desk.push([...checkedIn, ...called]);
    expect(pushed.body.results.every((result) => result.status === 'accepted')).toBe(true);
    return { ticket: desk.state.appointments[called[0]!.appointmentId!]!.ticket!, pushedAt: Date.now() };
  }

  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'balie-display-'));
    apiPort = await freePort();
    api = await startApiServer(serverOptions());
    apiUrl = api.url;
    adminToken = await signInAs(apiUrl, 'beheerder');
    const credential = await registerDesk({ url: apiUrl }, adminToken, 'MAA', 'MAA-D3');
    const signIn = await postJson({ url: apiUrl }, '/api/v1/auth/sign-in', { username: 'medewerker1', password: DEMO_PASSWORD, device: credential });
    const session = (await signIn.json()) as { token: string; account: { id: string } };
    const identity = { deviceId: credential.deviceId, deskId: 'MAA-D3', token: session.token, clerkId: session.account.id, locationId: 'MAA', day: today };
    desk = simulatedRemoteDesk(apiUrl, identity, await pulledDay(apiUrl, session.token));
    const opened = desk.act((state, context) => openDesk(state, context));
    expect((await desk.push(opened)).status).toBe(200);
    browser = await launchDeskBrowser(join(workDir, 'display-profile'));
    page = browser.pages()[0] ?? (await browser.newPage());
    await page.setViewportSize({ width: 1920, height: 1080 });
  });

  afterAll(async () => {
    await browser?.close();
    await api?.stop();
    await rm(workDir, { recursive: true, force: true });
  });

  it('is linked to its location by keyboard with a one-time display code, and refuses a desk code', async () => {
    await page.goto(`${apiUrl}/display/MAA?lang=nl`);
    await page.getByRole('heading', { name: 'Dit scherm koppelen' }).waitFor();
    expect(await violations(page)).toEqual([]);
    await keepScreenshot(page, 'display-setup.png');

    const deskCode = await postJson({ url: apiUrl }, '/api/v1/devices/registration-codes', { locationId: 'MAA', kind: 'desk', deskId: 'MAA-D2' }, adminToken);
    await page.keyboard.type(((await deskCode.json()) as { code: string }).code);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('alert').innerText()).toContain('niet voor een oproepscherm');

    const displayCode = await postJson({ url: apiUrl }, '/api/v1/devices/registration-codes', { locationId: 'MAA', kind: 'display', deskId: null }, adminToken);
    await page.getByLabel('Koppelcode').fill(((await displayCode.json()) as { code: string }).code);
    await page.getByLabel('Koppelcode').press('Enter');
    await page.getByText('Nog geen oproepen vandaag.').waitFor();
    await page.getByText('0 klanten wachten').waitFor();
    expect(await page.evaluate(() => Object.keys(localStorage))).toContain('balie-display:MAA');
  });

  it("shows a desk's call within a second, by ticket and desk, with how many wait", async () => {
    const first = await callTheNextClient();
    await page.getByText(first.ticket, { exact: true }).waitFor();
    const second = await callTheNextClientAfterFinishing();
    // The call reaches the screen through the stream's poke: well within the second a client waits for.
    await page.locator('.call-latest .call-ticket', { hasText: second.ticket }).waitFor({ timeout: 1_000 });
    console.info(`display: call shown ${Date.now() - second.pushedAt} ms after the push was answered`);
    expect(await page.locator('.call-latest').innerText()).toMatch(new RegExp(`${second.ticket}\\s*→\\s*Balie 3`));
    expect(await page.locator('.display-earlier').innerText()).toContain(first.ticket);
    // Two more families report and wait: the screen counts them per person.
    const waiting = await checkInTheNextBookings(2);
    await page.getByTestId('waiting').filter({ hasText: `${waiting} klanten wachten` }).waitFor();
    expect(await violations(page)).toEqual([]);
    await keepScreenshot(page, 'display-calls.png');
  });

  it('shows no name, V-number, date of birth or appointment code of the day', async () => {
    const persons = Object.values(desk.state.persons);
    const codes = Object.values(desk.state.appointments).map((appointment) => appointment.appointmentCode).filter((code): code is string => code !== null);
    expect(persons.length).toBeGreaterThan(10);
    const personal = [
      ...persons.flatMap((person) => [person.name, ...person.name.split(' ').filter((part) => part.length > 3), person.dateOfBirth, person.vNumber]),
      ...codes,
    ].filter((value): value is string => value !== null);
    const dom = await page.content();
    const text = await page.locator('body').innerText();
    const storage = await page.evaluate(() => JSON.stringify({ ...localStorage }));
    expect(personal.filter((value) => dom.includes(value) || text.includes(value) || storage.includes(value))).toEqual([]);
  });

  it('says it is stale while the server is down, and catches up by itself when it is back', async () => {
    await page.evaluate(() => {
      (window as unknown as { samePage: boolean }).samePage = true;
    });
    await api.stop();
    await page.getByRole('alert').filter({ hasText: 'Geen verbinding' }).waitFor({ timeout: 15_000 });
    expect(await page.locator('main').getAttribute('data-live')).toBe('false');
    expect(await violations(page)).toEqual([]);
    await keepScreenshot(page, 'display-stale.png');

    api = await startApiServer(serverOptions());
    await page.getByRole('alert').waitFor({ state: 'detached', timeout: 15_000 });
    expect(await page.locator('main').getAttribute('data-live')).toBe('true');
    // Live again: the next call arrives through the new stream, on the very same page.
    const next = await callTheNextClientAfterFinishing();
    await page.locator('.call-latest .call-ticket', { hasText: next.ticket }).waitFor({ timeout: 1_000 });
    expect(await page.evaluate(() => (window as unknown as { samePage?: boolean }).samePage)).toBe(true);
  });

  it('speaks English with ?lang=en, the desk as "Desk 3"', async () => {
    await page.goto(`${apiUrl}/display/MAA?lang=en`);
    await page.getByRole('heading', { name: 'Now serving' }).waitFor();
    expect(await page.locator('.call-latest').innerText()).toMatch(/→\s*Desk 3/);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await violations(page)).toEqual([]);
    await keepScreenshot(page, 'display-calls-en.png');
  });

  /** Checks in the next bookings at the desk without calling them; returns how many persons now wait. */
  async function checkInTheNextBookings(count: number): Promise<number> {
    const codes = [...new Set(Object.values(desk.state.appointments)
      .filter((appointment) => appointment.status === 'expected' && appointment.appointmentCode !== null)
      .sort((a, b) => a.slotStart.localeCompare(b.slotStart))
      .map((appointment) => appointment.appointmentCode!))].slice(0, count);
    const events = codes.flatMap((code) => desk.act((state, context) => checkInBooking(state, { appointmentCode: code, method: 'scan' }, context)));
    expect((await desk.push(events)).status).toBe(200);
    return new Set(Object.values(desk.state.appointments).filter((appointment) => appointment.status === 'arrived').map((appointment) => appointment.personId)).size;
  }

  /** The desk finishes whoever it has (a no-show keeps it short) and calls the next client. */
  async function callTheNextClientAfterFinishing() {
    const atDesk = Object.values(desk.state.appointments).filter((appointment) => appointment.status === 'called' && appointment.deskId === 'MAA-D3');
    const finished = atDesk.flatMap((appointment) => desk.act((state, context) => markNoShow(state, { appointmentId: appointment.id }, context)));
    if (finished.length > 0) expect((await desk.push(finished)).status).toBe(200);
    return callTheNextClient();
  }
});
