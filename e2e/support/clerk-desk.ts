/**
 * A clerk's desk PC as the clerk has it: the desk's built shell on an origin of its own (as
 * Electron serves it from its app protocol), in a browser context of its own (its own IndexedDB
 * and localStorage), registered with an admin's one-time code and signed in as a demo clerk, then
 * worked by keyboard: scan a letter and check the booking in, press a shortcut.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../server/src/demo/demo-staff';
import { postJson } from '../../server/test/support/accounts';
import { freePort } from '../../server/test/support/free-port';
import { scan } from './scanner';
import { startStaticDeskServer } from './static-desk-server';

/** Where a desk's shell will be served: the server must allow it (CORS) before it starts. */
export interface DeskOrigin {
  port: number;
  origin: string;
}

export async function reserveDeskOrigin(): Promise<DeskOrigin> {
  const port = await freePort();
  return { port, origin: `http://127.0.0.1:${port}` };
}

/** An admin's one-time code that registers a PC as desk `deskId` of MAA. */
export async function deskRegistrationCode(apiUrl: string, adminToken: string, deskId: string): Promise<string> {
  const response = await postJson({ url: apiUrl }, '/api/v1/devices/registration-codes', { locationId: 'MAA', kind: 'desk', deskId }, adminToken);
  if (response.status !== 201) throw new Error(`registration code answered ${response.status}`);
  return ((await response.json()) as { code: string }).code;
}

/** The first-run screen: the code and the PC's name typed, Enter; done when the sign-in form shows. */
export async function registerByKeyboard(page: Page, code: string, pcName: string): Promise<void> {
  await page.getByLabel('Registratiecode').focus();
  await page.keyboard.type(code);
  await page.keyboard.press('Tab');
  await page.keyboard.type(pcName);
  await page.keyboard.press('Enter');
  await page.getByLabel('Gebruikersnaam').waitFor();
}

/** The sign-in form: a demo clerk's name and password typed, Enter; done when the queue shows. */
export async function signInByKeyboard(page: Page, username: string): Promise<void> {
  await page.getByLabel('Gebruikersnaam').focus();
  await page.keyboard.type(username);
  await page.keyboard.press('Tab');
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Volgende oproepen' }).waitFor();
}

export interface ClerkDesk {
  context: BrowserContext;
  page: Page;
  close(): Promise<void>;
}

/** A new desk PC in `browser`: registered at `deskId` and signed in as `username`, the queue on screen. */
export async function openClerkDesk(
  browser: Browser,
  options: { deskOrigin: DeskOrigin; apiUrl: string; adminToken: string; deskId: string; username: string },
): Promise<ClerkDesk> {
  const shell = await startStaticDeskServer(options.deskOrigin.port, options.apiUrl);
  const context = await browser.newContext({ viewport: { width: 1440, height: 960 } });
  const page = await context.newPage();
  await page.goto(`${shell.origin}/?server=${encodeURIComponent(options.apiUrl)}`);
  await page.getByLabel('Registratiecode').waitFor();
  await registerByKeyboard(page, await deskRegistrationCode(options.apiUrl, options.adminToken, options.deskId), `PC ${options.deskId}`);
  await signInByKeyboard(page, options.username);
  // The day is in: the agenda lists the bookings.
  await page.getByTestId('agenda-row').first().waitFor();
  return {
    context,
    page,
    async close() {
      await context.close();
      await shell.close();
    },
  };
}

/** Opens the desk with O; done when the desk says it is open. */
export async function openTheDesk(page: Page): Promise<void> {
  await page.keyboard.press('o');
  await page.getByTestId('desk-status').filter({ hasText: /^Open$/ }).waitFor();
}

/**
 * Scans a client's appointment letter at the queue and checks the whole booking in with Enter,
 * then Esc back to the agenda. Returns the ticket the desk gave, as its status line says it
 * ("… aangemeld: nummer A-001."); `name` is someone of the booking, to tell this line from the last.
 */
export async function checkInByScan(page: Page, appointmentCode: string, name: string): Promise<string> {
  await scan(page, appointmentCode);
  await page.waitForFunction(() => document.activeElement?.textContent?.includes('Iedereen aanmelden'));
  await page.keyboard.press('Enter');
  const line = page.locator('.feedback__done').filter({ hasText: name }).filter({ hasText: 'aangemeld: nummer' });
  await line.waitFor();
  const ticket = /nummer (\S+)\.$/.exec((await line.innerText()).trim())?.[1];
  if (!ticket) throw new Error(`no ticket in "${await line.innerText()}"`);
  await page.keyboard.press('Escape');
  await page.getByTestId('booking-panel').waitFor({ state: 'detached' });
  return ticket;
}
