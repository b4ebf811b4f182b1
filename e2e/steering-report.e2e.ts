/**
 * The steering report page in Chromium against the real server: a quarter with two served days
 * and a quarter before with one (the seeded plan of server/test/reports/seeded-week.ts, pushed by
 * three desks), with client categories, sponsors on and off the location's list, the clients'
 * ratings and the municipality's BSN days. A supervisor opens the steering tab by keyboard, picks
 * the quarter, and reads the server's figures beside the previous quarter's. axe finds no WCAG 2.1
 * AA violation on screen nor with print media; printed, only the report is left (no tabs, no form,
 * no buttons); and Chromium makes an A4 PDF of it. With BALIE_SCREENSHOTS set, pictures of the page
 * on screen and as printed are saved there.
 */
import AxeBuilder from '@axe-core/playwright';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_CATEGORIES } from '../shared/domain/codes';
import { giveRating } from '../shared/domain/commands-rating';
import { addWorkingDays } from '../shared/calendar/working-days';
import { steeringReportSchema, type SteeringReport } from '../shared/steering/steering-api';
import type { BalieEvent } from '../shared/sync/events';
import { DEMO_PASSWORD } from '../server/src/demo/demo-staff';
import { startServer, type RunningServer } from '../server/src/server';
import { appointmentIdOf } from '../server/src/sync/booking-changes';
import { postJson, registerDesk } from '../server/test/support/accounts';
import { bookDemoDay, initialDemoDay, planDay, playAndPush, type PushingDesk, type WeekPlan } from '../server/test/reports/seeded-week';
import { launchDeskBrowser } from './support/chromium';
import { DESK_BUILD_DIR } from './support/paths';
import { keepScreenshot } from './support/screenshots';

/** The first quarter of 2026 (two days served) and the 90 days before it (one day served). */
const QUARTER = { from: '2026-01-01', to: '2026-03-31' };
const SERVED_DAYS = ['2025-12-09', '2026-02-10', '2026-03-05'];
const DESK_IDS = ['MAA-D1', 'MAA-D2', 'MAA-D3', 'MAA-D4'];
const SCORES = [10, 9, 8, 9, 7, 6, 9, 10, 4, 8];
const SPONSOR_LIST = [
  { name: 'Philips', kvk: '17001910' },
  { name: 'ASML', kvk: '17014545' },
  { name: 'Bakkerij de Vries', kvk: null },
  { name: 'Universiteit Maastricht', kvk: '50169181' },
];

async function signInAs(url: string, username: string, device?: { deviceId: string; deviceSecret: string }) {
  const response = await postJson({ url }, '/api/v1/auth/sign-in', { username, password: DEMO_PASSWORD, device });
  if (response.status !== 200) throw new Error(`sign-in of ${username} answered ${response.status}`);
  return (await response.json()) as { token: string; account: { id: string } };
}

async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

const nl = (value: number, decimals = 0) => new Intl.NumberFormat('nl-NL', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value);

describe('the steering report page in Chromium', () => {
  let workDir: string;
  let server: RunningServer;
  let browser: BrowserContext;
  let page: Page;
  let adminToken: string;

  /** Books, categorises, sponsors, serves and rates a day, and records the municipality's BSN days. */
  async function serveDay(date: string, desks: PushingDesk[]): Promise<void> {
    const bookings = await bookDemoDay(server.db, date);
    const sponsors = [
      { name: 'Philips', kvk: '17001910', recognised: true },
      { name: 'Universiteit Maastricht', kvk: '50169181', recognised: true },
      { name: 'Bakkerij de Vries', kvk: null, recognised: false },
      { name: 'Brightlands Start-up BV', kvk: '81234567', recognised: false },
    ];
    let personIndex = 0;
    for (const [index, booking] of bookings.entries()) {
      const sponsor = index % 3 === 2 ? null : sponsors[index % sponsors.length]!;
      if (sponsor) await server.db.query('UPDATE bookings SET sponsor_name = $2, sponsor_recognised = $3, sponsor_kvk = $4 WHERE id = $1', [booking.id, sponsor.name, sponsor.recognised, sponsor.kvk]);
      for (const person of booking.persons) {
        const category = personIndex % 7 === 6 ? null : CLIENT_CATEGORIES[personIndex % CLIENT_CATEGORIES.length]!;
        personIndex += 1;
        await server.db.query('UPDATE persons SET client_category = $2 WHERE id = $1', [person.id, category]);
      }
    }
    const plan: WeekPlan = { waits: [], served: {}, completed: 0, noShowAppointments: 0, lateAppointments: 0, desks: {}, firstStep: {} };
    const actions = planDay(date, bookings, desks, plan);
    // Every third served appointment is rated on the client screen, in the evening.
    const served = bookings.filter((_, index) => index % 9 !== 8).flatMap((b) => b.persons.flatMap((p) => b.services.map((s) => appointmentIdOf(p.id, s))));
    const evening = Date.parse(`${date}T19:00:00Z`);
    served.filter((_, index) => index % 3 === 0).forEach((appointmentId, index) => {
      const score = SCORES[index % SCORES.length]!;
      actions.push({ at: evening + index * 1000, order: actions.length, desk: desks[0]!, command: (state, context) => giveRating(state, { appointmentId, score, comment: null }, context) });
    });
    const events: BalieEvent[] = await playAndPush(server.url, initialDemoDay(bookings, DESK_IDS), actions);
    // The municipality issues most BSNs within 3 working days, every fourth a day late, every seventh not yet.
    const registrations = events.filter((e) => e.type === 'serviceCompleted' && e.payload.outcome === 'completed' && e.appointmentId?.endsWith('BRP')).map((e) => e.appointmentId!);
    for (const [index, appointmentId] of registrations.entries()) {
      if (index % 7 === 6) continue;
      const bsnIssuedOn = addWorkingDays(date, index % 4 === 3 ? 4 : 2);
      const response = await fetch(`${server.url}/api/v1/fast-track/${appointmentId}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
        body: JSON.stringify({ bsnIssuedOn }),
      });
      expect(response.status).toBe(204);
    }
  }

  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'balie-steering-e2e-'));
    server = await startServer(
      { port: 0, host: '127.0.0.1', database: { kind: 'pglite', dataDir: join(workDir, 'server-data') }, deskOrigins: [], rendererDir: DESK_BUILD_DIR, demo: true, logLevel: 'silent' },
      { logger: false },
    );
    adminToken = (await signInAs(server.url, 'beheerder')).token;
    const listed = await fetch(`${server.url}/api/v1/locations/MAA/sponsors`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${adminToken}` },
      body: JSON.stringify({ sponsors: SPONSOR_LIST }),
    });
    expect(listed.status).toBe(200);
    const desks: PushingDesk[] = [];
    for (const [deskId, username] of [['MAA-D1', 'medewerker1'], ['MAA-D2', 'medewerker2'], ['MAA-D3', 'medewerker3']] as const) {
      const credential = await registerDesk({ url: server.url }, adminToken, 'MAA', deskId);
      const session = await signInAs(server.url, username, credential);
      desks.push({ deskId, deviceId: credential.deviceId, clerkId: session.account.id, token: session.token, seq: 1 });
    }
    for (const date of SERVED_DAYS) await serveDay(date, desks);
    browser = await launchDeskBrowser(join(workDir, 'chromium-profile'));
    page = browser.pages()[0] ?? (await browser.newPage());
    await page.setViewportSize({ width: 1280, height: 960 });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await rm(workDir, { recursive: true, force: true });
  });

  let report: SteeringReport;

  it("opens the steering tab by keyboard, picks the first quarter and shows the server's figures beside the quarter before, without axe violations", async () => {
    await page.goto(`${server.url}/supervisor/`);
    await page.getByLabel('Gebruikersnaam').fill('teamleider');
    await page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
    await page.getByLabel('Wachtwoord').press('Enter');
    await page.getByRole('heading', { name: 'Balies en wachtrij van MAA' }).waitFor();
    const tab = page.getByRole('tab', { name: 'Stuurinformatie' });
    await tab.focus();
    await page.keyboard.press('Enter');
    expect(await tab.getAttribute('aria-selected')).toBe('true');
    await page.getByRole('heading', { name: 'Stuurinformatie MAA' }).waitFor();

    await page.getByLabel('Van', { exact: true }).fill(QUARTER.from);
    await page.getByLabel('Tot en met', { exact: true }).fill(QUARTER.to);
    await page.getByLabel('Tot en met', { exact: true }).press('Enter');
    const periodLine = page.getByTestId('steering-period');
    await expect.poll(() => periodLine.innerText()).toBe('1 januari 2026 tot en met 31 maart 2026, vergeleken met 3 oktober 2025 tot en met 31 december 2025');

    const token = (await signInAs(server.url, 'teamleider')).token;
    const answer = await fetch(`${server.url}/api/v1/steering?from=${QUARTER.from}&to=${QUARTER.to}`, { headers: { authorization: `Bearer ${token}` } });
    report = steeringReportSchema.parse(await answer.json());
    const { current, previous } = report;
    // Not empty by accident: both periods served, rated, met sponsors and registered in the BRP.
    expect(current.clientsHelped.total).toBeGreaterThan(previous.clientsHelped.total);
    expect(previous.clientsHelped.total).toBeGreaterThan(20);
    expect(current.rating.count).toBeGreaterThan(0);
    expect(current.sponsors.onList).toBe(3);
    expect(current.fastTrack.late + current.fastTrack.overdue).toBeGreaterThan(0);

    const value = (key: string) => page.getByTestId(`steering-headline-${key}-value`).innerText();
    expect(await value('clients')).toBe(nl(current.clientsHelped.total));
    expect(await value('rating')).toBe(nl(current.rating.mean!, 1));
    expect(await value('fastTrack')).toBe(`${nl(current.fastTrack.withinShare! * 100)}%`);
    expect(await value('sponsors')).toBe(nl(current.sponsors.served));
    expect(await value('visits')).toBe(nl(current.visits.perDayOpen!, 1));
    const clients = await page.getByTestId('steering-headline-clients').innerText();
    expect(clients).toContain(`Vorige periode: ${nl(previous.clientsHelped.total)}`);
    expect(clients).toContain(`Verandering: +${nl(current.clientsHelped.total - previous.clientsHelped.total)}`);
    expect(await page.getByTestId('steering-headline-sponsors').innerText()).toContain(`3 van de 4 referenten op de lijst van de locatie (75%)`);
    const serviceRow = page.getByTestId('steering-table-services').getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Biometrie (BIO)' }) });
    expect(await serviceRow.getByRole('cell').allInnerTexts()).toEqual([
      nl(current.clientsHelped.byService.BIO!), nl(previous.clientsHelped.byService.BIO!), expect.stringMatching(/^([+−]\d+|0)$/),
    ]);
    expect(await violations(page)).toEqual([]);
    await keepScreenshot(page, 'steering-report.png', { fullPage: true });
  });

  it('prints only the report: no page bar, tabs, form or buttons, the print date in its header, no axe violation, and an A4 PDF', async () => {
    await page.emulateMedia({ media: 'print' });
    try {
      await expect.poll(() => page.getByRole('tablist').isVisible()).toBe(false);
      for (const name of ['Afdrukken', 'CSV downloaden (Nederlands)', 'Toon stuurinformatie', 'Vorig kwartaal', 'Afmelden']) {
        expect(await page.getByRole('button', { name }).isVisible(), name).toBe(false);
      }
      expect(await page.getByLabel('Van', { exact: true }).isVisible()).toBe(false);
      expect(await page.getByRole('heading', { name: 'Stuurinformatie MAA' }).isVisible()).toBe(true);
      expect(await page.getByTestId('steering-table-noShows').isVisible()).toBe(true);
      const printedOn = page.getByText(/Afgedrukt op \d{1,2} \w+ \d{4}/);
      expect(await printedOn.isVisible()).toBe(true);
      // Black on white.
      expect(await page.getByTestId('steering-headline-clients-value').evaluate((element) => getComputedStyle(element).color)).toBe('rgb(0, 0, 0)');
      expect(await violations(page)).toEqual([]);
      await keepScreenshot(page, 'steering-report-print.png', { fullPage: true });

      const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
      const text = pdf.toString('latin1');
      expect(text.startsWith('%PDF-')).toBe(true);
      const pages = text.match(/\/Type\s*\/Page\b(?!s)/g) ?? [];
      expect(pages.length).toBeGreaterThanOrEqual(1);
      expect(pages.length).toBeLessThanOrEqual(4);
      // A4 is 210 × 297 mm: 595 × 842 points.
      const [width, height] = (/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(text) ?? []).slice(1).map(Number);
      expect([Math.round(width!), Math.round(height!)], String(/\/MediaBox[^\]]*\]/.exec(text))).toEqual([595, 842]);
    } finally {
      await page.emulateMedia({ media: 'screen' });
    }
  });
});
