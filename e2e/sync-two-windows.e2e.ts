import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { performOn, snapshotOf } from './support/harness-client';
import { signedInDeskPc, startSyncRig, today, untilStatus, type DeskPc, type SyncRig } from './support/sync-rig';

/** Counts the push and pull requests a window sends to the server. */
function countSyncRequests(page: Page): { pushes: number; pulls: number } {
  const counts = { pushes: 0, pulls: 0 };
  page.on('request', (request) => {
    if (request.url().includes('/api/v1/sync/push')) counts.pushes++;
    if (request.url().includes('/api/v1/sync/pull')) counts.pulls++;
  });
  return counts;
}

describe('one desk PC with two windows of the desk open', () => {
  let rig: SyncRig;
  let pc: DeskPc | undefined;

  beforeAll(async () => {
    rig = await startSyncRig();
  });
  afterAll(async () => {
    await pc?.browser.close().catch(() => undefined);
    await rig?.close();
  });

  it('syncs through one loop only; when that window closes, the other takes over and sends what was left', async () => {
    pc = await signedInDeskPc(rig, 'two-windows', 'MAA-D2', 'medewerker2');
    await untilStatus(pc.page, /^Gesynchroniseerd om/);
    const first = pc.page;
    const second = await pc.browser.newPage();
    await second.goto(first.url());
    await untilStatus(second, /^Gesynchroniseerd om/);
    const fromFirst = countSyncRequests(first);
    const fromSecond = countSyncRequests(second);

    const expected = (await snapshotOf(second)).base.filter((row) => row.date === today && row.status === 'expected' && !row.walkIn);
    const [anna, bram] = [...new Map(expected.sort((a, b) => a.id.localeCompare(b.id)).map((row) => [row.bookingId, row.id])).values()];

    // The clerk works in the second window; the first window's loop sends it.
    expect((await performOn(second, today, [{ kind: 'checkIn', appointmentId: anna! }])).done).toBe(1);
    await expect.poll(async () => (await rig.serverView()).appointments.get(anna!)?.status, { timeout: 30_000 }).toBe('arrived');
    await expect.poll(async () => (await snapshotOf(second)).pending, { timeout: 30_000 }).toBe(0);
    expect(fromFirst.pushes).toBeGreaterThan(0);
    expect(fromSecond).toEqual({ pushes: 0, pulls: 0 });

    // The first window closes: the second takes the desk's loop over and sends the next action.
    await first.close();
    expect((await performOn(second, today, [{ kind: 'checkIn', appointmentId: bram! }])).done).toBe(1);
    await expect.poll(async () => (await rig.serverView()).appointments.get(bram!)?.status, { timeout: 30_000 }).toBe('arrived');
    await expect.poll(async () => (await snapshotOf(second)).pending, { timeout: 30_000 }).toBe(0);
    expect(fromSecond.pushes).toBeGreaterThan(0);
  });
});
