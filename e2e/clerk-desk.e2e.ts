/**
 * The signed-in clerk's screens in Chromium against the real server, and issue #6's "clerk's
 * morning", by keyboard only: sign in, open the desk, scan a family's letter and check them in
 * (their child added at the desk), call them, serve them through BIO step by step and send one on
 * to BRP at another desk, hand out two DOC cards by scanning, mark a no-show. axe finds no
 * violation on any screen on the way, and the server ends up with exactly what the clerk did.
 */
import AxeBuilder from '@axe-core/playwright';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIO_CHECKLIST } from '../shared/checklists/bio-checklist';
import { applicableSteps } from '../shared/checklists/applicable-steps';
import type { AppointmentState } from '../shared/domain/appointment-state';
import { addMonths, amsterdamDateOf } from '../shared/domain/calendar-date';
import { dayResponseSchema, type DayAppointment } from '../shared/sync/day';
import { pullResponseSchema } from '../shared/sync/push-pull';
import { DEMO_PASSWORD } from '../server/src/demo/demo-staff';
import { postJson, registerDesk } from '../server/test/support/accounts';
import { freePort } from '../server/test/support/free-port';
import { startApiServer, type ApiServer } from '../server/test/support/server-process';
import { launchDeskBrowser } from './support/chromium';
import { deskRegistrationCode, registerByKeyboard, signInByKeyboard } from './support/clerk-desk';
import { startStaticDeskServer, type StaticDeskServer } from './support/static-desk-server';
import { scan } from './support/scanner';

const today = amsterdamDateOf(new Date());
/** A five-year-old who came along with a family of two: photo only. */
const CHILD = { name: 'Mila Testkind', dateOfBirth: addMonths(today, -66) };
/** The residence document numbers the DOC cards carry (V + 8, never 0 or O). */
const CARD_NUMBERS = ['V123AL568', 'VZ9XK4N7P'];

/** The bookings of one person with one service, by service. */
function singles(day: readonly DayAppointment[], service: DayAppointment['service']): DayAppointment[] {
  const byBooking = new Map<string, DayAppointment[]>();
  for (const row of day) byBooking.set(row.bookingId, [...(byBooking.get(row.bookingId) ?? []), row]);
  return [...byBooking.values()].filter((rows) => rows.length === 1 && rows[0]!.service === service).map((rows) => rows[0]!);
}

/** A family booked for BIO only: two persons (a child will join them) or else three. */
function bioFamily(day: readonly DayAppointment[]): DayAppointment[] {
  const byBooking = new Map<string, DayAppointment[]>();
  for (const row of day) byBooking.set(row.bookingId, [...(byBooking.get(row.bookingId) ?? []), row]);
  const bio = [...byBooking.values()].filter((rows) => rows.every((row) => row.service === 'BIO'));
  return bio.find((rows) => rows.length === 2) ?? bio.find((rows) => rows.length === 3)!;
}

async function signInAs(apiUrl: string, username: string, device?: { deviceId: string; deviceSecret: string }): Promise<string> {
  const response = await postJson({ url: apiUrl }, '/api/v1/auth/sign-in', { username, password: DEMO_PASSWORD, device });
  if (response.status !== 200) throw new Error(`sign-in of ${username} answered ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}

/** What axe finds on the page as it is now (WCAG 2.1 A and AA rules). */
async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}


describe("the clerk's screens in Chromium", () => {
  let workDir: string;
  let api: ApiServer;
  let desk: StaticDeskServer;
  let browser: BrowserContext;
  let page: Page;
  let adminToken: string;
  let day: DayAppointment[];
  let family: DayAppointment[];
  let docClients: DayAppointment[];
  let noShow: DayAppointment;
  let sentOn: string | undefined;
  const shots = process.env.BALIE_SCREENSHOTS;

  const focusedText = () => page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
  /** Presses a key on the visit screen and waits until the focus has moved on (to the next step). */
  async function pressAndWait(key: string): Promise<void> {
    const before = await page.evaluate(() => document.activeElement?.outerHTML ?? '');
    await page.keyboard.press(key);
    await expect.poll(() => page.evaluate(() => document.activeElement?.outerHTML ?? '')).not.toBe(before);
  }
  /** The BIO steps that apply to this member of the family (or to the child added at the desk). */
  function bioStepsOf(name: string): string[] {
    const member = family.find((row) => row.personName === name);
    const subject = member ?? { dateOfBirth: CHILD.dateOfBirth, nationalityCategory: family[0]!.nationalityCategory };
    return applicableSteps(BIO_CHECKLIST, { ...subject, lastCaptureDate: null }, today).map((step) => step.id);
  }

  beforeAll(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'balie-clerk-e2e-'));
    const [apiPort, deskPort] = [await freePort(), await freePort()];
    api = await startApiServer({ port: apiPort, dataDir: join(workDir, 'server-data'), deskOrigins: [`http://127.0.0.1:${deskPort}`] });
    desk = await startStaticDeskServer(deskPort, api.url);
    adminToken = await signInAs(api.url, 'beheerder');
    day = dayResponseSchema.parse(await (await fetch(`${api.url}/api/v1/appointments?date=${today}`)).json()).appointments;
    family = bioFamily(day);
    docClients = singles(day, 'DOC').slice(0, 2);
    noShow = singles(day, 'VAA')[0]!;
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
  async function serverAppointments(): Promise<Map<string, AppointmentState>> {
    supervisorToken ??= await signInAs(api.url, 'teamleider', await registerDesk({ url: api.url }, adminToken, 'MAA', 'MAA-D4'));
    const token = supervisorToken;
    const states = new Map<string, AppointmentState>();
    let since = '0';
    for (;;) {
      const response = await fetch(`${api.url}/api/v1/sync/pull?since=${since}&limit=1000`, { headers: { authorization: `Bearer ${token}` } });
      const page = pullResponseSchema.parse(await response.json());
      for (const change of page.changes) if (change.entity === 'appointment') states.set(change.id, change.data as AppointmentState);
      since = page.nextCursor;
      if (!page.hasMore) return states;
    }
  }

  it('a clerk registers the desk and signs in by keyboard, and the signed-in desk has no axe violation', async () => {
    const code = await deskRegistrationCode(api.url, adminToken, 'MAA-D1');
    await page.goto(`${desk.origin}/?server=${encodeURIComponent(api.url)}`);
    await page.getByLabel('Registratiecode').waitFor();
    expect(await violations(page)).toEqual([]);
    await registerByKeyboard(page, code, 'Balie 1 pc');
    expect(await violations(page)).toEqual([]);
    await signInByKeyboard(page, 'medewerker1');
    await expect.poll(() => page.getByTestId('agenda-row').count()).toBeGreaterThan(10);
    expect(await page.getByRole('grid').getAttribute('aria-rowcount')).toBe(String(day.length + 1));
    expect(await violations(page)).toEqual([]);
    if (shots) await page.screenshot({ path: join(shots, 'clerk-desk.png') });
  });

  it('opens the desk with O; a scanned code opens a family, Enter checks them in, W adds their child; P asks for a pause reason', async () => {
    await page.keyboard.press('o');
    await expect.poll(() => page.getByTestId('desk-status').textContent()).toBe('Open');

    await scan(page, family[0]!.appointmentCode);
    await page.getByRole('heading', { name: `Afspraak ${family[0]!.appointmentCode} om ${family[0]!.slotStart}` }).waitFor();
    await expect.poll(focusedText).toContain('Iedereen aanmelden');
    expect(await violations(page)).toEqual([]);
    if (shots) await page.screenshot({ path: join(shots, 'clerk-booking.png') });
    await page.keyboard.press('Enter');
    await page.getByText(/aangemeld: nummer A-001\./).waitFor();
    if (family.length === 2) {
      // A family of two booked; their five-year-old came along and is added at the desk.
      await page.keyboard.press('w');
      await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('autocomplete'))).toBe('off');
      await page.keyboard.type(CHILD.name);
      await page.keyboard.press('Tab');
      await page.keyboard.type(CHILD.dateOfBirth);
      await page.keyboard.press('Enter');
      await page.getByText(`${CHILD.name} toegevoegd en aangemeld.`).waitFor();
    }
    await expect.poll(() => page.getByTestId('waiting').count()).toBe(3);
    await page.keyboard.press('Escape');
    await page.getByTestId('booking-panel').waitFor({ state: 'detached' });
    // Back on the agenda's grid, where every shortcut works.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('grid');
    if (shots) await page.screenshot({ path: join(shots, 'clerk-queue.png') });

    await page.keyboard.press('p');
    await page.getByRole('radio', { name: 'Korte pauze' }).waitFor();
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value)).toBe('break');
    expect(await violations(page)).toEqual([]);
    if (shots) await page.screenshot({ path: join(shots, 'clerk-pause.png') });
    await page.keyboard.press('Escape');
    await page.getByRole('radio', { name: 'Korte pauze' }).waitFor({ state: 'detached' });
  });

  it('N calls the family of three onto the visit screen, which has no axe violation; Esc goes back to the queue and V returns', async () => {
    await page.keyboard.press('n');
    await page.getByRole('region', { name: 'Bezoek aan deze balie' }).waitFor();
    await expect.poll(() => page.getByRole('tab').count()).toBe(3);
    await expect.poll(() => page.evaluate(() => Boolean(document.activeElement?.closest('.clerk__visit')))).toBe(true);
    expect(await violations(page)).toEqual([]);
    if (shots) await page.screenshot({ path: join(shots, 'clerk-visit.png') });

    await page.keyboard.press('Escape');
    await expect.poll(focusedText).toContain('Volgende oproepen');
    await page.keyboard.press('v');
    await page.getByRole('region', { name: 'Bezoek aan deze balie' }).waitFor();
  });

  it("the clerk's morning: serves the family through BIO step by step, sends one on to BRP at desk 2, all by keyboard", async () => {
    await expect.poll(focusedText).toMatch(/aan de balie: beginnen \(3\)/);
    await pressAndWait('Enter');
    for (let person = 0; person < 3; person++) {
      // The person on screen: their name heads the visit (tabs appear only while several are left).
      const name = (await page.getByRole('region', { name: 'Bezoek aan deze balie' }).getByRole('heading', { level: 2 }).first().textContent())!;
      const steps = bioStepsOf(name);
      for (let step = 0; step < steps.length; step++) await pressAndWait('Enter');
      await expect.poll(focusedText).toMatch(/^Afronden/);
      if (person === 0) {
        // The summary before finishing: every step with what was recorded.
        expect(await violations(page)).toEqual([]);
        if (shots) await page.screenshot({ path: join(shots, 'clerk-summary.png'), fullPage: true });
        sentOn = name;
        // The next service, then the desk that serves it; the button then says where the client goes.
        await page.keyboard.press('Shift+Tab');
        await page.keyboard.press('ArrowDown');
        await page.keyboard.press('Tab');
        await page.keyboard.press('ArrowDown');
        await page.keyboard.press('Tab');
        await expect.poll(focusedText).toMatch(/doorsturen naar Inschrijving BRP/);
        await page.keyboard.press('Enter');
        await page.getByText(`${name} is doorgestuurd naar Inschrijving BRP.`).waitFor();
      } else {
        await page.keyboard.press('Enter');
        // After the last person the visit closes at once; before that it says who is done.
        if (person < 2) await page.getByText(`${name}: Afgerond.`).waitFor();
      }
    }
    // Everyone served: the desk is back on "call next".
    await expect.poll(focusedText, { timeout: 10_000 }).toContain('Volgende oproepen');
  });

  it('hands out two DOC cards by scanning: the appointment letter at the queue, the card number on the visit', async () => {
    for (const [index, client] of docClients.entries()) {
      await scan(page, client.appointmentCode);
      await expect.poll(focusedText).toContain('Iedereen aanmelden');
      await page.keyboard.press('Enter');
      await page.getByText(new RegExp(`${client.personName} aangemeld`)).waitFor();
      await page.keyboard.press('Escape');
      await page.keyboard.press('n');
      await page.getByRole('region', { name: 'Bezoek aan deze balie' }).waitFor();
      await expect.poll(focusedText).toMatch(/aan de balie: beginnen/);
      await pressAndWait('Enter'); // the client sits down
      await pressAndWait('Enter'); // the invitation letter
      await pressAndWait('Enter'); // identity against the card
      await page.keyboard.type(CARD_NUMBERS[index]!); // the scanner types into the focused field
      await pressAndWait('Enter');
      await pressAndWait('1'); // the old card handed in
      await pressAndWait('Enter'); // handover confirmed
      await expect.poll(focusedText).toMatch(/^Afronden/);
      await page.keyboard.press('Enter');
      await expect.poll(focusedText, { timeout: 10_000 }).toContain('Volgende oproepen');
    }
  });

  it('marks a client who does not come as a no-show: called, called again, X', async () => {
    await scan(page, noShow.appointmentCode);
    await expect.poll(focusedText).toContain('Iedereen aanmelden');
    await page.keyboard.press('Enter');
    await page.getByText(new RegExp(`${noShow.personName} aangemeld`)).waitFor();
    await page.keyboard.press('Escape');
    await page.keyboard.press('n');
    await page.getByRole('region', { name: 'Bezoek aan deze balie' }).waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(focusedText).toContain('Volgende oproepen');
    await page.keyboard.press('r');
    await page.getByText('2× opgeroepen').waitFor();
    await page.keyboard.press('x');
    await page.getByText('Er is niemand opgeroepen.').waitFor();
  });

  it("the server's state matches the morning", async () => {
    const bookingId = family[0]!.bookingId;
    const outcome = async () => {
      const states = await serverAppointments();
      const line = (state: AppointmentState) => {
        const next = state.transferredTo ? states.get(state.transferredTo) : undefined;
        return `${state.status}@${state.deskId}${next ? ` → ${next.service} ${next.status}@${next.deskId}` : ''}`;
      };
      const bio = [...states.values()].filter((state) => state.bookingId === bookingId && state.service === 'BIO');
      return {
        family: bio.map((state) => [state.walkIn ? CHILD.name : family.find((member) => member.id === state.id)?.personName, line(state)]).sort(),
        cards: docClients.map((client) => `${line(states.get(client.id)!)} ${(states.get(client.id)!.steps['document-number']?.value as { text?: string } | undefined)?.text}`),
        noShow: line(states.get(noShow.id)!),
      };
    };
    const names = family.length === 2 ? [...family.map((member) => member.personName), CHILD.name] : family.map((member) => member.personName);
    await expect
      .poll(outcome, { timeout: 30_000 })
      .toEqual({
        family: names.map((name) => [name, name === sentOn ? 'completed@MAA-D1 → BRP transferred@MAA-D2' : 'completed@MAA-D1']).sort(),
        cards: CARD_NUMBERS.map((number) => `completed@MAA-D1 ${number}`),
        noShow: 'no-show@MAA-D1',
      });
    // Each person gave exactly the steps their age and nationality call for.
    const states = [...(await serverAppointments()).values()].filter((state) => state.bookingId === bookingId && state.service === 'BIO');
    for (const state of states) {
      const name = state.walkIn ? CHILD.name : family.find((member) => member.id === state.id)!.personName;
      expect(Object.keys(state.steps).sort(), name).toEqual(bioStepsOf(name).sort());
    }
  });

  it('speaks English when the clerk switches, with no axe violation either', async () => {
    await page.getByRole('button', { name: 'Switch to English' }).press('Enter');
    await page.getByRole('button', { name: 'Call next' }).waitFor();
    expect(await page.getByRole('heading', { name: "Today's agenda" }).count()).toBe(1);
    expect(await violations(page)).toEqual([]);
    if (shots) await page.screenshot({ path: join(shots, 'clerk-desk-en.png') });
  });
});
