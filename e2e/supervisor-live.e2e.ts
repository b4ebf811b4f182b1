/**
 * The supervisor's page in Chromium against the real server: signed in by keyboard (a clerk is
 * turned away), the supervisor watches desk 4 go from idle to serving when its clerk, at the real
 * desk in a second browser context, opens it, checks a client in and presses N; she sees the
 * waiting alert appear when a client waits beyond the target and go when that client is called,
 * and reads a seeded week's report whose figures are the server's. axe finds no WCAG 2.1 AA
 * violation on any of it. With BALIE_SCREENSHOTS set, pictures of the live view and the report are saved there.
 */
import AxeBuilder from '@axe-core/playwright';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDesk, registerWalkIn, startPause } from '../shared/domain/commands-desk';
import type { AppointmentState } from '../shared/domain/appointment-state';
import type { DayState } from '../shared/domain/day-state';
import type { Person } from '../shared/domain/model';
import { reportSchema } from '../shared/reports/report-api';
import { dayResponseSchema, type DayAppointment } from '../shared/sync/day';
import type { BalieEvent } from '../shared/sync/events';
import { parseChangeData } from '../shared/sync/change-data';
import { pullResponseSchema } from '../shared/sync/push-pull';
import { DEMO_PASSWORD } from '../server/src/demo/demo-staff';
import { startServer, type RunningServer } from '../server/src/server';
import { postJson, registerDesk } from '../server/test/support/accounts';
import { bookDemoDay, initialDemoDay, planDay, playAndPush, WEEK, WEEK_DAYS, type PushingDesk, type WeekPlan } from '../server/test/reports/seeded-week';
import { simulatedRemoteDesk, type SimulatedDesk } from '../server/test/support/simulated-desk';
import { launchSharedBrowser } from './support/chromium';
import { checkInByScan, openClerkDesk, openTheDesk, reserveDeskOrigin, type ClerkDesk } from './support/clerk-desk';
import { DESK_BUILD_DIR } from './support/paths';
import { today } from './support/sync-rig';
import { keepScreenshot } from './support/screenshots';

const MINUTE = 60_000;

async function signInAs(url: string, username: string, device?: { deviceId: string; deviceSecret: string }) {
  const response = await postJson({ url }, '/api/v1/auth/sign-in', { username, password: DEMO_PASSWORD, device });
  if (response.status !== 200) throw new Error(`sign-in of ${username} answered ${response.status}`);
  return (await response.json()) as { token: string; account: { id: string } };
}

/** Today's day as a desk pulls it. */
async function pulledDay(url: string, token: string): Promise<DayState> {
  const appointments: Record<string, AppointmentState> = {};
  const persons: Record<string, Person> = {};
  let since = '0';
  for (;;) {
    const response = await fetch(`${url}/api/v1/sync/pull?since=${since}&limit=1000`, { headers: { authorization: `Bearer ${token}` } });
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

/** A clerk's desk device at `deskId`, simulated: signed in and working on today's day over HTTP. */
async function clerkAt(url: string, adminToken: string, deskId: string, username: string): Promise<SimulatedDesk> {
  const credential = await registerDesk({ url }, adminToken, 'MAA', deskId);
  const session = await signInAs(url, username, credential);
  return simulatedRemoteDesk(url, { deviceId: credential.deviceId, deskId, token: session.token, clerkId: session.account.id, locationId: 'MAA', day: today }, await pulledDay(url, session.token));
}

async function send(desk: SimulatedDesk, events: readonly BalieEvent[]): Promise<void> {
  const pushed = await desk.push(events);
  expect(pushed.body.results.map((result) => result.status)).toEqual(events.map(() => 'accepted'));
}

async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

describe("the supervisor's page in Chromium", () => {
  let workDir: string;
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let adminToken: string;
  /** Desk 1, simulated over HTTP: the walk-ins who have waited long, and the desk at lunch. */
  let desk: SimulatedDesk;
  /** Desk 4: the real desk, signed in as medewerker4 in a browser context of its own. */
  let clerk: ClerkDesk;
  /** A booked client who comes alone for one service, for the clerk to check in. */
  let booked: DayAppointment;

  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'balie-supervisor-e2e-'));
    const deskOrigin = await reserveDeskOrigin();
    server = await startServer(
      {
        port: 0,
        host: '127.0.0.1',
        database: { kind: 'pglite', dataDir: join(workDir, 'server-data') },
        deskOrigins: [deskOrigin.origin],
        rendererDir: DESK_BUILD_DIR,
        demo: true,
        logLevel: 'silent',
      },
      { logger: false },
    );
    adminToken = (await signInAs(server.url, 'beheerder')).token;
    // Week 2026-W10 served by three desks on a known plan (server/test/reports/seeded-week.ts): the report to read.
    const plan: WeekPlan = { waits: [], served: {}, completed: 0, noShowAppointments: 0, lateAppointments: 0, desks: {}, firstStep: {} };
    const weekDesks: PushingDesk[] = [];
    for (const [deskId, username] of [['MAA-D1', 'medewerker1'], ['MAA-D2', 'medewerker2'], ['MAA-D3', 'medewerker3']] as const) {
      const credential = await registerDesk({ url: server.url }, adminToken, 'MAA', deskId);
      const session = await signInAs(server.url, username, credential);
      weekDesks.push({ deskId, deviceId: credential.deviceId, clerkId: session.account.id, token: session.token, seq: 1 });
    }
    for (const date of WEEK_DAYS) {
      const day = await bookDemoDay(server.db, date);
      await playAndPush(server.url, initialDemoDay(day, ['MAA-D1', 'MAA-D2', 'MAA-D3', 'MAA-D4']), planDay(date, day, weekDesks, plan));
    }
    desk = await clerkAt(server.url, adminToken, 'MAA-D1', 'medewerker1');
    const day = dayResponseSchema.parse(await (await fetch(`${server.url}/api/v1/appointments?date=${today}`)).json()).appointments;
    booked = day.find((row) => day.filter((other) => other.bookingId === row.bookingId).length === 1)!;
    // Two machines: the supervisor's page here, the clerk's desk in a context of its own.
    browser = await launchSharedBrowser();
    page = await (await browser.newContext({ viewport: { width: 1440, height: 960 } })).newPage();
    clerk = await openClerkDesk(browser, { deskOrigin, apiUrl: server.url, adminToken, deskId: 'MAA-D4', username: 'medewerker4' });
  }, 240_000);

  afterAll(async () => {
    await clerk?.close();
    await browser?.close();
    await server?.stop();
    await rm(workDir, { recursive: true, force: true });
  });

  /** A walk-in the desk registered (checked in at once) `minutesAgo` while offline, sent now; returns her appointment id. */
  async function walkIn(name: string, minutesAgo: number): Promise<string> {
    const cameIn = new Date(Date.now() - minutesAgo * MINUTE).toISOString();
    const events = desk.act((state, context) =>
      registerWalkIn(state, { person: { name, dateOfBirth: '1991-05-17', nationalityCategory: 'other', vNumber: null }, service: 'BIO', reason: 'ind-invited', bookingId: null }, { ...context, now: cameIn }),
    );
    await send(desk, events);
    tickets.set(events[0]!.appointmentId!, (events[0]!.payload as { ticket: string }).ticket);
    return events[0]!.appointmentId!;
  }
  /** The ticket number each walk-in got: how the supervisor's screen names them. */
  const tickets = new Map<string, string>();
  const deskRow = (deskId: string) => page.locator(`[data-testid="live-desk"][data-desk="${deskId}"]`);

  it('turns a clerk away and signs a supervisor in by keyboard, on a page without axe violations', async () => {
    // The page comes from the server itself, under the shell's strict policy: no inline script, no other host.
    const served = await fetch(`${server.url}/supervisor/`);
    expect(served.headers.get('content-security-policy')).toMatch(/default-src 'none'.*script-src 'self'.*connect-src 'self'/);
    await page.goto(`${server.url}/supervisor`);
    expect(page.url()).toBe(`${server.url}/supervisor/`);
    await page.getByRole('heading', { name: 'Aanmelden als teamleider' }).waitFor();
    expect(await violations(page)).toEqual([]);
    // The user name has the focus: a supervisor types straight away.
    await page.keyboard.type('medewerker1');
    await page.keyboard.press('Tab');
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('alert').innerText()).toContain('Dit scherm is voor teamleiders en beheerders');

    await page.getByLabel('Gebruikersnaam').fill('teamleider');
    await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
    await page.getByLabel('Wachtwoord').press('Enter');
    await page.getByRole('heading', { name: 'Balies en wachtrij van MAA' }).waitFor();
    // The token lives in this tab only.
    expect(await page.evaluate(() => [Object.keys(sessionStorage), Object.keys(localStorage)])).toEqual([['balie.supervisor.session'], []]);
  });

  it('sees desk 4 go from idle to serving when its clerk opens it, checks a client in and presses N, and the waiting alert appear and go', async () => {
    await expect.poll(() => deskRow('MAA-D4').getAttribute('data-status')).toBe('closed');
    await openTheDesk(clerk.page);
    await expect.poll(() => deskRow('MAA-D4').getAttribute('data-status'), { timeout: 30_000 }).toBe('idle');
    expect(await deskRow('MAA-D4').innerText()).toContain('Vrij');
    expect(await page.getByTestId('waiting-alert').count()).toBe(0);

    // The alert needs a client who has waited beyond the five-minute target. The real desk stamps
    // a check-in with the present time, so it cannot make such a wait without five minutes going
    // by: instead desk 1, simulated over HTTP, registered two walk-ins while its network was down,
    // Anna nine minutes ago and Bas two (checked in at once), and sends them now.
    const anna = await walkIn('Anna Inloop', 9);
    await walkIn('Bas Inloop', 2);
    const annaLabel = tickets.get(anna)!;
    const alert = page.getByRole('alert').filter({ hasText: 'Wachttijd overschreden.' });
    await alert.waitFor({ timeout: 30_000 });
    expect(await alert.innerText()).toBe(`Wachttijd overschreden. 1 klant wacht langer dan 5 min: ${annaLabel}.`);
    expect(await page.getByTestId('live-waiting').first().innerText()).toMatch(new RegExp(`${annaLabel}.*9 min · boven de norm`, 's'));
    expect(await violations(page)).toEqual([]);

    // The clerk scans a client's letter and checks her in: three wait, the newcomer last.
    const ticket = await checkInByScan(clerk.page, booked.appointmentCode, booked.personName);
    await expect.poll(() => page.getByTestId('queue-length').innerText(), { timeout: 30_000 }).toBe('3');
    expect(await deskRow('MAA-D4').getAttribute('data-status')).toBe('idle');
    // Her desk has the walk-ins too (Anna over the target), then she presses N: Anna waited longest.
    await expect.poll(() => clerk.page.getByTestId('waiting').count(), { timeout: 30_000 }).toBe(3);
    expect(await clerk.page.getByTestId('waiting').first().innerText()).toMatch(new RegExp(`${annaLabel}[\\s\\S]*boven de norm`));
    await clerk.page.keyboard.press('n');
    await clerk.page.getByRole('region', { name: 'Bezoek aan deze balie' }).waitFor();
    await expect.poll(() => deskRow('MAA-D4').getAttribute('data-status'), { timeout: 30_000 }).toBe('serving');
    expect(await deskRow('MAA-D4').innerText()).toMatch(new RegExp(`Bezig\\s+heeft ${annaLabel} \\(Biometrie\\) opgeroepen, \\d+ s`));
    await alert.waitFor({ state: 'detached' });
    expect(await page.getByTestId('queue-length').innerText()).toBe('2');
    expect((await page.getByTestId('live-waiting').allInnerTexts()).join('\n')).toContain(ticket);

    // For the picture: a client who has waited long again, and desk 1 gone to lunch.
    await walkIn('Carla Inloop', 7);
    await send(desk, desk.act(openDesk));
    await send(desk, desk.act((state, context) => startPause(state, { reason: 'lunch', note: null }, context)));
    await alert.waitFor({ timeout: 30_000 });
    await expect.poll(() => deskRow('MAA-D1').getAttribute('data-status'), { timeout: 30_000 }).toBe('paused');
    expect(await deskRow('MAA-D1').innerText()).toContain('Lunch sinds');
    expect(await violations(page)).toEqual([]);
    await keepScreenshot(page, 'supervisor-live.png', { fullPage: true });
  });

  it("reads the seeded week's report by keyboard: the server's figures, charts with their tables, and no axe violation", async () => {
    const tab = page.getByRole('tab', { name: 'Nu' });
    await tab.focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.getByRole('tab', { name: 'Rapportages' }).getAttribute('aria-selected')).toBe('true');
    await page.getByRole('heading', { name: `Rapportage van ${today}` }).waitFor();
    await page.getByRole('radio', { name: 'Week' }).check();
    await page.getByLabel('Week (jjjj-Www)').fill(WEEK);
    await page.getByLabel('Week (jjjj-Www)').press('Enter');
    await page.getByRole('heading', { name: 'Rapportage van 2026-03-02 tot en met 2026-03-08' }).waitFor();

    const token = (await signInAs(server.url, 'teamleider')).token;
    const response = await fetch(`${server.url}/api/v1/reports?week=${WEEK}`, { headers: { authorization: `Bearer ${token}` } });
    const report = reportSchema.parse(await response.json());
    expect(report.overall.servicesFinished).toBeGreaterThan(50);
    expect(await page.getByTestId('figure-services-finished').innerText()).toBe(String(report.overall.servicesFinished));
    expect(await page.getByTestId('figure-persons-served').innerText()).toBe(String(report.overall.personsServed));
    for (const deskId of ['MAA-D1', 'MAA-D2', 'MAA-D3']) {
      const row = page.getByTestId('report-desks').getByRole('row').filter({ has: page.getByRole('rowheader', { name: deskId, exact: true }) });
      expect(await row.getByRole('cell').first().innerText()).toBe(String(report.byDesk[deskId]!.servicesFinished));
    }
    const perDay = page.getByTestId('report-days').getByRole('row').filter({ has: page.getByRole('rowheader', { name: WEEK_DAYS[0], exact: true }) });
    expect(await perDay.getByRole('cell').first().innerText()).toBe(String(report.byDay[WEEK_DAYS[0]]!.servicesFinished));
    expect(await page.getByRole('img', { name: 'Afgesloten diensten per uur' }).count()).toBe(1);
    expect(await page.getByRole('img', { name: 'Verdeling van de wachttijd' }).count()).toBe(1);
    expect(await page.getByRole('img', { name: /^Tijd per stap: / }).count()).toBeGreaterThan(0);
    // A chart's numbers as a table, opened by keyboard.
    const disclosure = page.getByText('Toon de cijfers als tabel').first();
    await disclosure.focus();
    await page.keyboard.press('Enter');
    const hourRows = page.locator('details[open] tbody tr');
    expect(await hourRows.count()).toBe(Object.keys(report.byHour).length);
    expect(await violations(page)).toEqual([]);
    await page.keyboard.press('Enter');
    await keepScreenshot(page, 'supervisor-report.png', { fullPage: true });
  });
});
