/**
 * The packaged desk in a real Electron window, as a clerk uses it on a new PC: the desk is
 * registered with an admin's one-time code and the clerk signs in, both by keyboard (the device
 * secret and the session go into the OS keyring through safeStorage); the clerk opens the desk,
 * scans the letter of a client who collects their residence card and checks them in; the real
 * server then has the client waiting. The clerk calls the client, hands the card over by keyboard
 * and prints the receipt with the visit's button: this desk has no printer, so an administrator
 * set receiptOutput to pdf, and the PDF holds the booking's code, the service and the desk.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { amsterdamDateOf } from '../shared/domain/calendar-date';
import { dayResponseSchema, type DayAppointment } from '../shared/sync/day';
import { adminToken as signInAdmin, registerAndSignIn } from './support/clerk-at-desk';
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
  let client: DayAppointment;

  /** Who waits at the location, as the supervisors' live view on the server has it. */
  async function waitingOnServer(): Promise<string[]> {
    const response = await fetch(`${serverUrl}/api/v1/reports/live?location=MAA`, { headers: { authorization: `Bearer ${adminToken}` } });
    return ((await response.json()) as { waiting: { appointmentId: string }[] }).waiting.map((row) => row.appointmentId);
  }

  beforeAll(async () => {
    desk = await launchDesk({ serverUrl, deskConfig: { receiptOutput: 'pdf' } });
    page = await desk.page();
  });
  afterAll(async () => {
    await desk?.close();
  });

  it('registers the desk with a one-time code and signs in, by keyboard, keeping the secrets in the keyring', async () => {
    adminToken = await signInAdmin(serverUrl);
    const code = await registerAndSignIn(page, { serverUrl, token: adminToken, deskId: 'MAA-D2', username: 'medewerker2' });
    expect(await desk.log()).not.toContain(code);
  });

  it('opens the desk, scans a letter and checks the client in: the server has the client waiting', async () => {
    client = (await dayOnServer()).find(
      (row, _index, day) => row.status === 'expected' && row.service === 'DOC' && day.filter((other) => other.bookingId === row.bookingId).length === 1,
    )!;
    await page.keyboard.press('o');
    await expect.poll(() => page.getByTestId('desk-status').textContent()).toBe('Open');

    await scan(page, client.appointmentCode);
    await page.getByRole('heading', { name: `Afspraak ${client.appointmentCode} om ${client.slotStart}` }).waitFor();
    await page.keyboard.press('Enter');
    await page.getByText(/aangemeld: nummer B-001\./).waitFor();

    await expect.poll(waitingOnServer, { timeout: 20_000 }).toContain(client.id);
    await expect.poll(() => page.getByText(/^Gesynchroniseerd om/).count(), { timeout: 20_000 }).toBe(1);
    // `BALIE_SCREENSHOTS=docs/screenshots npm run test:desktop` refreshes the picture in the docs.
    if (process.env.BALIE_SCREENSHOTS) await page.screenshot({ path: join(process.env.BALIE_SCREENSHOTS, 'desktop-clerk.png') });
  });

  it('hands the card over by keyboard and prints the receipt with Alt+R: a PDF with the code, the service and the desk', async () => {
    // From the waiting queue, by name: another scenario's client may be waiting longer.
    await page.getByTestId('waiting-queue').getByRole('button', { name: `${client.personName} oproepen` }).click();
    const visit = page.getByRole('region', { name: 'Bezoek aan deze balie' });
    await visit.getByRole('button', { name: /Klant zit aan de balie: beginnen/ }).waitFor();
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toMatch(/beginnen/);
    /** Waits until the focus is in the step with this title, as the clerk sees it move on. */
    const focusMovesTo = (step: RegExp) =>
      expect.poll(() => visit.getByRole('listitem', { name: step }).evaluate((item) => item.contains(document.activeElement))).toBe(true);
    await page.keyboard.press('Enter');
    await focusMovesTo(/Uitnodigingsbrief IND/);
    await page.keyboard.press('Enter');
    await focusMovesTo(/Identiteit tegen de pas/);
    await page.keyboard.press('Enter');
    await focusMovesTo(/Documentnummer op de pas/);
    await page.keyboard.type('V123AL568');
    await page.keyboard.press('Enter');
    await focusMovesTo(/Oude pas/);
    await page.keyboard.press('1');
    await focusMovesTo(/Overdracht bevestigd/);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toMatch(/^Afronden/);

    const print = visit.getByRole('button', { name: 'Ontvangstbewijs afdrukken' });
    expect(await print.getAttribute('aria-keyshortcuts')).toBe('Alt+R');
    expect(await print.textContent()).toContain('Alt+R');
    await page.keyboard.press('Alt+r');
    const said = visit.getByText(/^Ontvangstbewijs opgeslagen als PDF: /);
    await said.waitFor({ timeout: 30_000 });
    const path = ((await said.textContent()) ?? '').replace('Ontvangstbewijs opgeslagen als PDF: ', '');
    expect(path.startsWith(join(desk.userData, 'receipts'))).toBe(true);
    expect(readFileSync(path).subarray(0, 5).toString()).toBe('%PDF-');
    const text = execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
    expect(text).toContain(client.appointmentCode);
    expect(text).toContain('Document ophalen');
    expect(text).toContain('Ontvangstbewijs');
    expect(text).toContain('Balie 2');
    expect(text).toContain(client.slotStart);
    // Printing took nothing from the clerk's work: Enter still finishes the visit.
    expect(await page.evaluate(() => document.activeElement?.textContent ?? '')).toMatch(/^Afronden/);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Volgende oproepen' }).waitFor();
    expect(await desk.log()).toContain('A handout was printed (pdf)');
  });
});
