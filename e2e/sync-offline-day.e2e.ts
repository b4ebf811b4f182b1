import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ACTIONS_PER_SERVICE, bigDayCsv, importDay, NOTES_PER_SERVICE, serviceActions } from './support/big-day';
import { performOn, snapshotOf } from './support/harness-client';
import { cutOff, reconnect, restartDeskPc, signedInDeskPc, startSyncRig, stateHash, storedEvents, untilStatus, today, type DeskPc, type SyncRig } from './support/sync-rig';

// 250 people × 8 actions: a busy counter's whole day, done with the server out of reach.
const PEOPLE = 250;
const ACTIONS = PEOPLE * ACTIONS_PER_SERVICE;

describe('an offline day of 2,000 actions reaches the server exactly once', () => {
  let rig: SyncRig;
  let pc: DeskPc;
  let people: string[];
  const eventIds: string[] = [];

  beforeAll(async () => {
    rig = await startSyncRig();
    await importDay(rig.api.url, rig.adminToken, bigDayCsv(today, PEOPLE));
    pc = await signedInDeskPc(rig, 'offline-day', 'MAA-D1', 'medewerker1');
    await untilStatus(pc.page, /^Gesynchroniseerd om/, 30_000);
    const imported = (await snapshotOf(pc.page)).base.filter((row) => row.appointmentCode?.startsWith('P') && row.appointmentCode.endsWith('Q'));
    people = imported.sort((a, b) => a.appointmentCode!.localeCompare(b.appointmentCode!)).map((row) => row.id);
  });

  afterAll(async () => {
    await pc?.browser.close();
    await rig?.close();
  });

  const actionsFor = (from: number, to: number) => people.slice(from, to).flatMap((id, index) => serviceActions(id, `persoon ${from + index}`));

  it('keeps the first half of the day while the server is unreachable, and after the PC restarts', async () => {
    expect(people).toHaveLength(PEOPLE);
    await cutOff(pc.browser, rig.api.url);
    const first = await performOn(pc.page, today, actionsFor(0, PEOPLE / 2));
    expect(first.refused).toEqual([]);
    eventIds.push(...first.eventIds);
    await untilStatus(pc.page, /^Offline.*1000 wachtend op verzending/, 30_000);

    // The PC is restarted in the middle of the day; the server is still out of reach.
    pc = await restartDeskPc(rig, pc, (browser) => cutOff(browser, rig.api.url));
    await untilStatus(pc.page, /1000 wachtend op verzending/, 30_000);
    const kept = await snapshotOf(pc.page);
    expect(kept.pending).toBe(ACTIONS / 2);
    expect(kept.shown.filter((row) => people.slice(0, PEOPLE / 2).includes(row.id) && row.status === 'partial')).toHaveLength(PEOPLE / 2);
  });

  it('does the second half offline, then delivers all 2,000 once the network is back', async () => {
    const second = await performOn(pc.page, today, actionsFor(PEOPLE / 2, PEOPLE));
    expect(second.refused).toEqual([]);
    eventIds.push(...second.eventIds);
    expect(new Set(eventIds).size).toBe(ACTIONS);
    expect((await snapshotOf(pc.page)).pending).toBe(ACTIONS);

    const started = Date.now();
    await reconnect(pc, rig.api.url);
    await expect.poll(async () => (await snapshotOf(pc.page)).pending, { timeout: 120_000 }).toBe(0);
    await untilStatus(pc.page, /^Gesynchroniseerd om [^·]*$/, 30_000);
    console.info(`offline day: ${ACTIONS} events reconciled in ${Date.now() - started} ms`);

    const desk = await snapshotOf(pc.page);
    const server = await rig.serverView();
    expect(desk.rejected).toBe(0);
    expect(desk.conflicts).toEqual([]);
    // Desk and server agree on the whole day, not only on this desk's people.
    expect(stateHash(desk.shown)).toBe(stateHash(server.appointments.values()));
    expect(stateHash(desk.base)).toBe(stateHash(desk.shown));
    for (const [index, id] of people.entries()) {
      const served = server.appointments.get(id)!;
      expect(served).toMatchObject({ status: 'partial', callCount: 1, outcomeReason: `persoon ${index}: vervolgafspraak nodig` });
      expect(served.notes.map((note) => note.text)).toEqual(Array.from({ length: NOTES_PER_SERVICE }, (_, note) => `persoon ${index}: notitie ${note + 1}`));
    }
  });

  it('stored each of the 2,000 events once, and nothing else', async () => {
    await pc.browser.close();
    await rig.api.stop();
    const stored = await storedEvents(rig, eventIds);
    expect(stored.outcomes.size).toBe(ACTIONS);
    expect([...stored.outcomes.values()].every((outcomes) => outcomes.length === 1 && outcomes[0] === 'accepted')).toBe(true);
    expect(stored.total).toBe(ACTIONS);
  });
});
