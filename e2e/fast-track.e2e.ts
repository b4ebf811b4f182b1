/**
 * The GemeenteLoket's follow-up in Chromium against the real server: three demo days of the last
 * weeks served by desks on a known plan (server/test/reports/seeded-week.ts), their BRP
 * registrations on the clock; the municipality's back office signs in on /supervisor/ by keyboard,
 * sees only the follow-up list, records a BSN day by keyboard and sees the row and the counts
 * change. axe finds no WCAG 2.1 AA violation (colour contrast included, which jsdom cannot check).
 * With BALIE_SCREENSHOTS set, a picture of the list is saved there.
 */
import AxeBuilder from '@axe-core/playwright';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWorkingDays, isWorkingDay } from '../shared/calendar/working-days';
import { addDays } from '../shared/domain/calendar-date';
import { fastTrackListSchema, type FastTrackRegistration } from '../shared/fast-track/fast-track-api';
import { DEMO_PASSWORD } from '../server/src/demo/demo-staff';
import { startServer, type RunningServer } from '../server/src/server';
import { postJson, registerDesk } from '../server/test/support/accounts';
import { bookDemoDay, initialDemoDay, planDay, playAndPush, type PushingDesk, type WeekPlan } from '../server/test/reports/seeded-week';
import { launchDeskBrowser } from './support/chromium';
import { DESK_BUILD_DIR } from './support/paths';
import { keepScreenshot } from './support/screenshots';
import { today } from './support/sync-rig';

async function signInAs(url: string, username: string, device?: { deviceId: string; deviceSecret: string }) {
  const response = await postJson({ url }, '/api/v1/auth/sign-in', { username, password: DEMO_PASSWORD, device });
  if (response.status !== 200) throw new Error(`sign-in of ${username} answered ${response.status}`);
  return (await response.json()) as { token: string; account: { id: string } };
}

async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

/** The last working day on or before `date`: the desks serve on working days. */
function workingDayOnOrBefore(date: string): string {
  let day = date;
  while (!isWorkingDay(day)) day = addDays(day, -1);
  return day;
}

const nlDate = (date: string) => date.split('-').reverse().join('-');

describe("the GemeenteLoket's fast-track follow-up in Chromium", () => {
  let workDir: string;
  let server: RunningServer;
  let browser: BrowserContext;
  let page: Page;
  let municipalityToken: string;
  /** Served days: five weeks ago and two weeks ago (long overdue by now) and yesterday's working day (still running). */
  const days = [workingDayOnOrBefore(addDays(today, -35)), workingDayOnOrBefore(addDays(today, -14)), workingDayOnOrBefore(addDays(today, -1))];

  const registrations = async (): Promise<FastTrackRegistration[]> => {
    const response = await fetch(`${server.url}/api/v1/fast-track?from=${days[0]}&to=${today}`, { headers: { authorization: `Bearer ${municipalityToken}` } });
    return fastTrackListSchema.parse(await response.json()).registrations;
  };

  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'balie-fast-track-e2e-'));
    server = await startServer(
      { port: 0, host: '127.0.0.1', database: { kind: 'pglite', dataDir: join(workDir, 'server-data') }, deskOrigins: [], rendererDir: DESK_BUILD_DIR, demo: true, logLevel: 'silent' },
      { logger: false },
    );
    const adminToken = (await signInAs(server.url, 'beheerder')).token;
    const plan: WeekPlan = { waits: [], served: {}, completed: 0, noShowAppointments: 0, lateAppointments: 0, desks: {}, firstStep: {} };
    const desks: PushingDesk[] = [];
    for (const [deskId, username] of [['MAA-D1', 'medewerker1'], ['MAA-D2', 'medewerker2'], ['MAA-D3', 'medewerker3']] as const) {
      const credential = await registerDesk({ url: server.url }, adminToken, 'MAA', deskId);
      const session = await signInAs(server.url, username, credential);
      desks.push({ deskId, deviceId: credential.deviceId, clerkId: session.account.id, token: session.token, seq: 1 });
    }
    for (const date of days) {
      const booked = await bookDemoDay(server.db, date);
      await playAndPush(server.url, initialDemoDay(booked, ['MAA-D1', 'MAA-D2', 'MAA-D3', 'MAA-D4']), planDay(date, booked, desks, plan));
    }
    municipalityToken = (await signInAs(server.url, 'gemeenteloket')).token;
    // The municipality answered the oldest day's first registrations already: one in time, one late.
    const oldest = (await registrations()).filter((row) => row.registeredOn === days[0]);
    for (const [row, issued] of [[oldest[0]!, addWorkingDays(days[0]!, 2)], [oldest[1]!, addWorkingDays(days[0]!, 6)]] as const) {
      const response = await fetch(`${server.url}/api/v1/fast-track/${row.appointmentId}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${municipalityToken}` },
        body: JSON.stringify({ bsnIssuedOn: issued }),
      });
      expect(response.status).toBe(204);
    }
    browser = await launchDeskBrowser(join(workDir, 'chromium-profile'));
    page = browser.pages()[0] ?? (await browser.newPage());
    await page.setViewportSize({ width: 1440, height: 960 });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await rm(workDir, { recursive: true, force: true });
  });

  it('signs the GemeenteLoket in by keyboard to the follow-up list only: overdue first, the counts of the period, no axe violation', async () => {
    await page.goto(`${server.url}/supervisor/`);
    await page.getByRole('heading', { name: 'Aanmelden als teamleider, beheerder of GemeenteLoket' }).waitFor();
    await page.keyboard.type('gemeenteloket');
    await page.keyboard.press('Tab');
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Snelle inschrijving: BSN opvolgen (MAA)' }).waitFor();
    await page.getByTestId('fast-track-row').first().waitFor();
    expect(await page.getByRole('tablist').count()).toBe(0);

    const all = await registrations();
    const open = all.filter((row) => row.state === 'overdue' || row.state === 'pending');
    expect(open.some((row) => row.state === 'pending')).toBe(true);
    const shownStates = await page.getByTestId('fast-track-row').evaluateAll((rows) => rows.map((row) => (row as HTMLElement).dataset.state));
    expect(shownStates).toEqual([...open.filter((row) => row.state === 'overdue'), ...open.filter((row) => row.state === 'pending')].map((row) => row.state));
    for (const state of ['overdue', 'pending', 'within', 'late'] as const) {
      expect(await page.locator(`[data-testid="fast-track-counts"] [data-state="${state}"] dd`).innerText()).toBe(String(all.filter((row) => row.state === state).length));
    }
    expect(await violations(page)).toEqual([]);
  });

  it('records a BSN day by keyboard: the row turns in time, the next open row has the focus, the server has the day, and still no axe violation', async () => {
    const first = page.getByTestId('fast-track-row').first();
    const appointmentId = (await first.getAttribute('data-appointment'))!;
    const registered = (await registrations()).find((row) => row.appointmentId === appointmentId)!;
    const issued = addWorkingDays(registered.registeredOn, 3);
    const input = first.getByLabel(`Datum BSN uitgegeven voor ${registered.personName}`);
    // A date field's parts come in the order of Chromium's own language (here only en-US is installed,
    // so month first; a Dutch PC shows dd-mm-jjjj): the value is filled whole, then Enter as typed.
    await input.fill(issued);
    expect(await input.inputValue()).toBe(issued);
    await input.press('Enter');

    await page.getByText(`Vastgelegd voor ${registered.personName}: BSN uitgegeven op ${nlDate(issued)} (BSN op tijd).`).waitFor();
    expect(await first.getAttribute('data-state')).toBe('within');
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.closest('tr')?.dataset.appointment)).toBe(
      await page.getByTestId('fast-track-row').nth(1).getAttribute('data-appointment'),
    );
    expect((await registrations()).find((row) => row.appointmentId === appointmentId)).toMatchObject({ bsnIssuedOn: issued, state: 'within', workingDays: 3 });
    expect(await violations(page)).toEqual([]);
    await page.mouse.move(0, 0);
    await keepScreenshot(page, 'fast-track-follow-up.png', { fullPage: true });
  });
});
