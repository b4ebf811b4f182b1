import type { Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bigDayCsv, importDay } from './support/big-day';
import { snapshotOf, type HarnessSnapshot } from './support/harness-client';
import { appointmentsAsOf, cutOff, reconnect, signedInDeskPc, startSyncRig, stateHash, today, untilStatus, type DeskPc, type SyncRig } from './support/sync-rig';

/** The desk's copy of the server (`base`) is exactly the feed up to its own cursor: nothing skipped, nothing ahead. */
async function expectCopyUpToCursor(rig: SyncRig, desk: HarnessSnapshot): Promise<void> {
  const asOfCursor = appointmentsAsOf(await rig.serverView(), desk.cursor!);
  expect(desk.base.map((row) => row.id).sort()).toEqual([...asOfCursor.keys()].sort());
  expect(stateHash(desk.base)).toBe(stateHash(asOfCursor.values()));
}

describe('a pull interrupted in the middle of a page', () => {
  let rig: SyncRig;
  let pc: DeskPc;
  const PULL = (apiUrl: string) => `${apiUrl}/api/v1/sync/pull**`;

  beforeAll(async () => {
    rig = await startSyncRig();
    pc = await signedInDeskPc(rig, 'interrupted-pull', 'MAA-D3', 'medewerker3');
    await untilStatus(pc.page, /^Gesynchroniseerd om/);
  });
  afterAll(async () => {
    await pc?.browser.close();
    await rig?.close();
  });

  async function reopen(offline: boolean): Promise<HarnessSnapshot> {
    if (offline) await cutOff(pc.browser, rig.api.url);
    pc.page = await pc.browser.newPage();
    await pc.page.goto(rig.harnessUrl);
    return snapshotOf(pc.page);
  }

  it('never moves the cursor past a page the desk did not store, whether the page was delayed or being stored', async () => {
    const before = await snapshotOf(pc.page);
    let pulls = 0;
    await pc.browser.route(PULL(rig.api.url), async (route: Route) => {
      pulls++;
      // The first page arrives; the second hangs until the window is closed.
      if (pulls === 1) return route.continue();
      await pc.page.close();
    });
    // 600 new people (1,200 changes): the desk pulls them in pages of 500.
    await importDay(rig.api.url, rig.adminToken, bigDayCsv(today, 600));
    await expect.poll(() => pc.page.isClosed(), { timeout: 30_000 }).toBe(true);
    await pc.browser.unroute(PULL(rig.api.url));

    const afterDelayed = await reopen(true);
    expect(BigInt(afterDelayed.cursor!)).toBeGreaterThan(BigInt(before.cursor!));
    await expectCopyUpToCursor(rig, afterDelayed);

    // Now the next page arrives, and the window closes while the desk stores it.
    await pc.page.close();
    await pc.browser.unroute(`${rig.api.url}/**`);
    await pc.browser.route(PULL(rig.api.url), async (route: Route) => {
      await route.fulfill({ response: await route.fetch() });
      await pc.page.close();
    });
    pc.page = await pc.browser.newPage();
    await pc.page.goto(rig.harnessUrl);
    await expect.poll(() => pc.page.isClosed(), { timeout: 30_000 }).toBe(true);
    await pc.browser.unroute(PULL(rig.api.url));
    const afterStoring = await reopen(true);
    await expectCopyUpToCursor(rig, afterStoring);

    // Back online, the desk finishes the pull and holds exactly the server's day.
    await reconnect(pc, rig.api.url);
    const server = await rig.serverView();
    await expect.poll(async () => (await snapshotOf(pc.page)).cursor, { timeout: 30_000 }).toBe(server.cursor);
    const synced = await snapshotOf(pc.page);
    expect(stateHash(synced.base)).toBe(stateHash(server.appointments.values()));
    expect(stateHash(synced.shown)).toBe(stateHash(server.appointments.values()));
  });
});
