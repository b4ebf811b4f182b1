/**
 * A signed-in desk that is reloaded (F5, or Electron's reload after a renderer crash) keeps what it
 * pulled: a walk-in added at the desk is not in the public day route, and once lost from the desk's
 * copy no later pull would bring it back (the cursor is already past it).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { performOn, snapshotOf } from './support/harness-client';
import { signedInDeskPc, startSyncRig, today, untilStatus, type DeskPc, type SyncRig } from './support/sync-rig';

let rig: SyncRig;
let pc: DeskPc;
beforeAll(async () => {
  rig = await startSyncRig();
  pc = await signedInDeskPc(rig, 'reload', 'MAA-D1', 'medewerker1');
}, 120_000);
afterAll(async () => {
  await pc?.browser.close();
  await rig?.close();
});

it('keeps a synced walk-in after the page is reloaded', async () => {
  await untilStatus(pc.page, /^Gesynchroniseerd om/);
  expect((await performOn(pc.page, today, [{ kind: 'walkIn', name: 'Loop Binnen' }])).done).toBe(1);
  await expect.poll(async () => (await snapshotOf(pc.page)).base.filter((row) => row.walkIn).length, { timeout: 20_000 }).toBe(1);
  await pc.page.reload();
  await untilStatus(pc.page, /^Gesynchroniseerd om/);
  const after = await snapshotOf(pc.page);
  expect(after.shown.filter((row) => row.walkIn)).toHaveLength(1);
  expect(after.base.filter((row) => row.walkIn)).toHaveLength(1);
}, 120_000);
