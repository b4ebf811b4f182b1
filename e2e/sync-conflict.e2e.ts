import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { performOn, snapshotOf } from './support/harness-client';
import { cutOff, reconnect, signedInDeskPc, startSyncRig, stateHash, today, untilStatus, type DeskPc, type SyncRig } from './support/sync-rig';

describe('two desks call the same person while both are offline', () => {
  let rig: SyncRig;
  let first: DeskPc;
  let second: DeskPc;

  beforeAll(async () => {
    rig = await startSyncRig();
    first = await signedInDeskPc(rig, 'desk-1', 'MAA-D1', 'medewerker1');
    second = await signedInDeskPc(rig, 'desk-2', 'MAA-D2', 'medewerker2');
    await untilStatus(first.page, /^Gesynchroniseerd om/);
    await untilStatus(second.page, /^Gesynchroniseerd om/);
  });
  afterAll(async () => {
    await first?.browser.close();
    await second?.browser.close();
    await rig?.close();
  });

  it('keeps one outcome on the server, and shows the conflict to the losing desk, the other desk and supervisors', async () => {
    const expected = (await snapshotOf(first.page)).base.filter((row) => row.date === today && row.status === 'expected' && !row.walkIn);
    const person = expected.sort((a, b) => a.id.localeCompare(b.id))[0]!.id;
    // The person reports at desk 1; desk 2 learns it from the server.
    expect((await performOn(first.page, today, [{ kind: 'checkIn', appointmentId: person }])).done).toBe(1);
    await expect.poll(async () => (await snapshotOf(second.page)).base.find((row) => row.id === person)?.status, { timeout: 30_000 }).toBe('arrived');

    await cutOff(first.browser, rig.api.url);
    await cutOff(second.browser, rig.api.url);
    const [calledByFirst, calledBySecond] = await Promise.all([
      performOn(first.page, today, [{ kind: 'call', appointmentId: person }]),
      performOn(second.page, today, [{ kind: 'call', appointmentId: person }]),
    ]);
    // Offline, each desk believes it called the person.
    expect([calledByFirst.done, calledBySecond.done]).toEqual([1, 1]);
    expect((await snapshotOf(first.page)).shown.find((row) => row.id === person)).toMatchObject({ status: 'called', deskId: 'MAA-D1' });
    expect((await snapshotOf(second.page)).shown.find((row) => row.id === person)).toMatchObject({ status: 'called', deskId: 'MAA-D2' });

    // The network comes back at both desks at once: whichever reaches the server first wins.
    await Promise.all([reconnect(first, rig.api.url), reconnect(second, rig.api.url)]);
    await expect.poll(async () => (await snapshotOf(first.page)).pending + (await snapshotOf(second.page)).pending, { timeout: 60_000 }).toBe(0);

    const server = await rig.serverView();
    const outcome = server.appointments.get(person)!;
    expect(outcome).toMatchObject({ status: 'called', callCount: 1 });
    const [winner, loser] = outcome.deskId === 'MAA-D1' ? [first, second] : [second, first];
    const losingEvent = outcome.deskId === 'MAA-D1' ? calledBySecond.eventIds[0] : calledByFirst.eventIds[0];
    const losingDesk = outcome.deskId === 'MAA-D1' ? 'MAA-D2' : 'MAA-D1';

    // Supervisors: the server's conflict record names the losing desk's event.
    const recorded = server.conflicts.filter((conflict) => conflict.appointmentId === person);
    expect(recorded).toEqual([expect.objectContaining({ eventId: losingEvent, deskId: losingDesk, type: 'called' })]);
    // Both desks count it on their status line: the loser's call did not count, and the winner
    // serves a client whom another desk called too.
    await untilStatus(loser.page, /1 conflicten/);
    await untilStatus(winner.page, /1 conflicten/);
    // Both desks hold the conflict, for the review list, and show the same person at the same desk.
    for (const pc of [winner, loser]) {
      await expect.poll(async () => (await snapshotOf(pc.page)).conflicts.map((conflict) => conflict.eventId), { timeout: 30_000 }).toEqual([losingEvent]);
      await expect.poll(async () => stateHash((await snapshotOf(pc.page)).shown), { timeout: 30_000 }).toBe(stateHash((await rig.serverView()).appointments.values()));
    }
  });
});
