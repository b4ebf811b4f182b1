import type { Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { performOn, snapshotOf, sessionTokenOf, type HarnessAction } from './support/harness-client';
import { cutOff, DEMO_PASSWORD, reconnect, signedInDeskPc, startSyncRig, today, untilStatus, type DeskPc, type SyncRig } from './support/sync-rig';
import { postJson } from '../server/test/support/accounts';

/** Expected people of the demo day nobody else in this file acts on: one per booking, the `nth` of each test. */
async function personFor(pc: DeskPc, nth: number): Promise<string> {
  const rows = (await snapshotOf(pc.page)).base.filter((row) => row.date === today && row.status === 'expected' && !row.walkIn);
  const byBooking = [...new Map(rows.sort((a, b) => a.id.localeCompare(b.id)).map((row) => [row.bookingId, row.id])).values()];
  return byBooking[nth]!;
}

const checkInWithNotes = (appointmentId: string, label: string, notes: number): HarnessAction[] => [
  { kind: 'checkIn', appointmentId },
  ...Array.from({ length: notes }, (_, note) => ({ kind: 'note' as const, appointmentId, text: `${label} ${note + 1}` })),
];

describe('the desk loses nothing and doubles nothing when the connection fails', () => {
  let rig: SyncRig;
  const pcs: DeskPc[] = [];

  beforeAll(async () => {
    rig = await startSyncRig();
  });
  afterAll(async () => {
    for (const pc of pcs) await pc.browser.close().catch(() => undefined);
    await rig?.close();
  });

  async function syncedDesk(name: string, deskId: string, username: string): Promise<DeskPc> {
    const pc = await signedInDeskPc(rig, name, deskId, username);
    pcs.push(pc);
    await untilStatus(pc.page, /^Gesynchroniseerd om/);
    return pc;
  }

  it('resends a push whose answer was lost when the page died; the server answers duplicate and keeps one of each', async () => {
    const pc = await syncedDesk('lost-answer', 'MAA-D1', 'medewerker1');
    const person = await personFor(pc, 0);
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const killed: { sent: string[]; answer: { results: { id: string; status: string }[] } }[] = [];
    await pc.browser.route(`${rig.api.url}/api/v1/sync/push`, async (route: Route) => {
      await released;
      // The server commits the push; the page dies before the answer reaches it.
      const response = await route.fetch();
      killed.push({ sent: (route.request().postDataJSON() as { events: { id: string }[] }).events.map((event) => event.id), answer: await response.json() });
      await pc.page.close();
    });
    const made = await performOn(pc.page, today, checkInWithNotes(person, 'verloren antwoord', 2));
    expect(made.eventIds).toHaveLength(3);
    release();
    await expect.poll(() => pc.page.isClosed()).toBe(true);
    expect(killed).toHaveLength(1);
    expect(killed[0]!.answer.results.map((result) => result.status)).toEqual(killed[0]!.sent.map(() => 'accepted'));

    await pc.browser.unroute(`${rig.api.url}/api/v1/sync/push`);
    const resent: { id: string; status: string; original?: string }[] = [];
    await pc.browser.route(`${rig.api.url}/api/v1/sync/push`, async (route: Route) => {
      const response = await route.fetch();
      const answer = (await response.json()) as { results: typeof resent };
      resent.push(...answer.results);
      await route.fulfill({ response, json: answer });
    });
    pc.page = await pc.browser.newPage();
    await pc.page.goto(rig.harnessUrl);
    await expect.poll(async () => (await snapshotOf(pc.page)).pending, { timeout: 30_000 }).toBe(0);
    for (const id of killed[0]!.sent) expect(resent.find((result) => result.id === id)).toEqual({ id, status: 'duplicate', original: 'accepted' });

    const server = (await rig.serverView()).appointments.get(person)!;
    expect(server.status).toBe('arrived');
    expect(server.notes.map((note) => note.text)).toEqual(['verloren antwoord 1', 'verloren antwoord 2']);
    await pc.browser.unroute(`${rig.api.url}/api/v1/sync/push`);
  });

  it('backs off while the server answers 500, says when it tries again, and delivers everything once it recovers', async () => {
    const pc = await syncedDesk('server-errors', 'MAA-D2', 'medewerker2');
    const person = await personFor(pc, 1);
    let failures = 0;
    await pc.browser.route(`${rig.api.url}/api/v1/sync/**`, async (route: Route) => {
      if (route.request().url().includes('/sync/stream') || failures >= 3) return route.continue();
      failures++;
      await route.fulfill({ status: 500, json: { error: 'internal' } });
    });
    const made = await performOn(pc.page, today, checkInWithNotes(person, 'storing', 3));
    expect(made.done).toBe(4);
    const shown = await untilStatus(pc.page, /^Offline.*Nieuwe poging om \d\d:\d\d\..*4 wachtend op verzending/);
    expect(shown).toMatch(/Nieuwe poging om/);
    await expect.poll(async () => (await snapshotOf(pc.page)).pending, { timeout: 60_000 }).toBe(0);
    await untilStatus(pc.page, /^Gesynchroniseerd om [^·]*$/);
    expect(failures).toBe(3);
    const server = (await rig.serverView()).appointments.get(person)!;
    expect(server.status).toBe('arrived');
    expect(server.notes.map((note) => note.text)).toEqual(['storing 1', 'storing 2', 'storing 3']);
  });

  it('keeps the outbox when the session ends while offline, and delivers it once after the clerk signs in again', async () => {
    const pc = await syncedDesk('expired-session', 'MAA-D3', 'medewerker3');
    const person = await personFor(pc, 2);
    await cutOff(pc.browser, rig.api.url);
    const made = await performOn(pc.page, today, checkInWithNotes(person, 'na verlopen sessie', 2));
    expect(made.done).toBe(3);
    await untilStatus(pc.page, /^Offline.*3 wachtend op verzending/);
    // The session ends on the server while the desk cannot reach it (as when it expires).
    const token = (await sessionTokenOf(pc.page))!;
    expect((await postJson({ url: rig.api.url }, '/api/v1/auth/sign-out', {}, token)).status).toBe(204);

    await reconnect(pc, rig.api.url);
    // The server refuses the session: the desk asks the clerk to sign in, and keeps the three events.
    await pc.page.getByRole('heading', { name: 'Aanmelden aan de balie' }).waitFor({ timeout: 30_000 });
    expect(await sessionTokenOf(pc.page)).toBeNull();
    const kept = await snapshotOf(pc.page);
    expect([kept.pending, kept.rejected]).toEqual([3, 0]);
    expect(kept.shown.find((row) => row.id === person)?.notes).toHaveLength(2);

    await pc.page.getByLabel('Gebruikersnaam').fill('medewerker3');
    await pc.page.getByLabel('Wachtwoord').fill(DEMO_PASSWORD);
    await pc.page.getByLabel('Wachtwoord').press('Enter');
    await expect.poll(async () => (await snapshotOf(pc.page)).pending, { timeout: 30_000 }).toBe(0);
    await untilStatus(pc.page, /^Gesynchroniseerd om [^·]*$/);
    const server = (await rig.serverView()).appointments.get(person)!;
    expect(server.status).toBe('arrived');
    expect(server.notes.map((note) => note.text)).toEqual(['na verlopen sessie 1', 'na verlopen sessie 2']);
  });
});
