/**
 * The packaged desk in a real Electron window, as a clerk uses it on a new PC: the desk is
 * registered with an admin's one-time code and the clerk signs in, both by keyboard (the device
 * secret and the session go into the OS keyring through safeStorage); the clerk opens the desk,
 * scans a client's appointment letter and checks them in; the real server then has the client waiting.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { amsterdamDateOf } from '../shared/domain/calendar-date';
import { dayResponseSchema, type DayAppointment } from '../shared/sync/day';
import { DEMO_PASSWORD } from '../server/src/demo/demo-staff';
import { postJson } from '../server/test/support/accounts';
import { launchDesk, type DeskApp } from './support/desk-app';
import { scan } from '../e2e/support/scanner';

const serverUrl = inject('desktopServerUrl');
const today = amsterdamDateOf(new Date());

async function dayOnServer(): Promise<DayAppointment[]> {
  return dayResponseSchema.parse(await (await fetch(`${serverUrl}/api/v1/appointments?date=${today}`)).json()).appointments;
}

describe('a clerk at the packaged desk', () => {
  let desk: DeskApp;
  let page: Page;
  let adminToken: string;

  /** Who waits at the location, as the supervisors' live view on the server has it. */
  async function waitingOnServer(): Promise<string[]> {
    const response = await fetch(`${serverUrl}/api/v1/reports/live?location=MAA`, { headers: { authorization: `Bearer ${adminToken}` } });
    return ((await response.json()) as { waiting: { appointmentId: string }[] }).waiting.map((row) => row.appointmentId);
  }

  beforeAll(async () => {
    desk = await launchDesk({ serverUrl });
    page = await desk.page();
  });
  afterAll(async () => {
    await desk?.close();
  });

  it('registers the desk with a one-time code and signs in, by keyboard, keeping the secrets in the keyring', async () => {
    const signIn = await postJson({ url: serverUrl }, '/api/v1/auth/sign-in', { username: 'beheerder', password: DEMO_PASSWORD });
    ({ token: adminToken } = (await signIn.json()) as { token: string });
    const made = await postJson({ url: serverUrl }, '/api/v1/devices/registration-codes', { locationId: 'MAA', kind: 'desk', deskId: 'MAA-D2' }, adminToken);
    const { code } = (await made.json()) as { code: string };

    await page.getByLabel('Registratiecode').waitFor({ timeout: 30_000 });
    await page.getByLabel('Registratiecode').focus();
    await page.keyboard.type(code);
    await page.keyboard.press('Tab');
    await page.keyboard.type('Balie 2 pc');
    await page.keyboard.press('Enter');
    await page.getByLabel('Gebruikersnaam').waitFor();
    await page.getByLabel('Gebruikersnaam').focus();
    await page.keyboard.type('medewerker2');
    await page.keyboard.press('Tab');
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');

    await page.getByRole('button', { name: 'Volgende oproepen' }).waitFor();
    await page.getByText(/^Gesynchroniseerd om/).waitFor({ timeout: 20_000 });
    expect(await desk.log()).not.toContain(code);
  });

  it('opens the desk, scans a letter and checks the client in: the server has the client waiting', async () => {
    const single = (await dayOnServer()).find(
      (row, _index, day) => row.status === 'expected' && day.filter((other) => other.bookingId === row.bookingId).length === 1,
    )!;
    await page.keyboard.press('o');
    await expect.poll(() => page.getByTestId('desk-status').textContent()).toBe('Open');

    await scan(page, single.appointmentCode);
    await page.getByRole('heading', { name: `Afspraak ${single.appointmentCode} om ${single.slotStart}` }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByText(/aangemeld: nummer B-001\./).waitFor();

    await expect.poll(waitingOnServer, { timeout: 20_000 }).toContain(single.id);
    await expect.poll(() => page.getByText(/^Gesynchroniseerd om/).count(), { timeout: 20_000 }).toBe(1);
    // `BALIE_SCREENSHOTS=docs/screenshots npm run test:desktop` refreshes the picture in the docs.
    if (process.env.BALIE_SCREENSHOTS) await page.screenshot({ path: join(process.env.BALIE_SCREENSHOTS, 'desktop-clerk.png') });
  });
});
