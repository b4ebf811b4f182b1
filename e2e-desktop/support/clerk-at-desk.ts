/**
 * What a clerk does at the packaged desk, shared by the scenarios: an admin's one-time code
 * registers the PC as a desk, the clerk signs in (both by keyboard), and the test reads what the
 * server and the desk's own outbox hold.
 */
import type { Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../server/src/demo/demo-staff';
import { postJson } from '../../server/test/support/accounts';
import { deskRegistrationCode, registerByKeyboard, signInByKeyboard } from '../../e2e/support/clerk-desk';

/** Signs the demo administrator in on the server itself; the token reads reports and makes codes. */
export async function adminToken(serverUrl: string): Promise<string> {
  const signIn = await postJson({ url: serverUrl }, '/api/v1/auth/sign-in', { username: 'beheerder', password: DEMO_PASSWORD });
  return ((await signIn.json()) as { token: string }).token;
}

/**
 * Registers the desk as `deskId` with a fresh one-time code and signs `username` in, by keyboard;
 * done when the day is synced. Returns the registration code (it must never reach the log).
 */
export async function registerAndSignIn(page: Page, options: { serverUrl: string; token: string; deskId: string; username: string }): Promise<string> {
  const code = await deskRegistrationCode(options.serverUrl, options.token, options.deskId);
  await page.getByLabel('Registratiecode').waitFor({ timeout: 30_000 });
  await registerByKeyboard(page, code, `${options.deskId} pc`);
  await signInByKeyboard(page, options.username);
  await page.getByText(/^Gesynchroniseerd om/).waitFor({ timeout: 20_000 });
  return code;
}

/** How often each event id occurs in the server's event log of MAA today (the supervisors' CSV export). */
export async function timesOnServer(serverUrl: string, token: string, date: string, eventIds: readonly string[]): Promise<number[]> {
  const response = await fetch(`${serverUrl}/api/v1/reports/events?location=MAA&date=${date}`, { headers: { authorization: `Bearer ${token}` } });
  if (response.status !== 200) throw new Error(`the event export answered ${response.status}`);
  const csv = await response.text();
  return eventIds.map((id) => csv.split(id).length - 1);
}

/** The desk's unsent events as its IndexedDB outbox holds them, read without the app's code. */
export function unsentEvents(page: Page): Promise<Array<{ id: string; type: string; appointmentId: string | null }>> {
  return page.evaluate(
    () =>
      new Promise((resolveRead, rejectRead) => {
        const opening = indexedDB.open('balie-desk');
        opening.onerror = () => rejectRead(opening.error);
        opening.onsuccess = () => {
          const reading = opening.result.transaction('outbox').objectStore('outbox').getAll();
          reading.onerror = () => rejectRead(reading.error);
          reading.onsuccess = () => {
            opening.result.close();
            const entries = reading.result as Array<{ state: string; event: { id: string; type: string; appointmentId: string | null } }>;
            resolveRead(entries.filter((entry) => entry.state === 'pending').map(({ event }) => ({ id: event.id, type: event.type, appointmentId: event.appointmentId })));
          };
        };
      }),
  );
}
