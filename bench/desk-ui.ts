/**
 * The clerk's screen on a busy day, in Chromium: the real App on the browser suite's harness page,
 * signed in on the real server (PGlite) with a day of 5,000 imported appointments (plus the demo
 * day), synced. Measured in the page, with `performance.now()`:
 * - an action committed and painted: a check-in through the real `act()` (one Dexie transaction:
 *   outbox + shown rows), until the screen changed and the next frame was drawn;
 * - a keystroke in the agenda's search until the results are painted;
 * - a cold start (the signed-in desk opened in a new window) until the first agenda row is painted,
 *   and a reload of the page for comparison;
 * - the same action online one a second (the push and the pull after each are done before the next),
 *   and with the server cut off (no sync transaction takes turns with it);
 * - the floors: a bare IndexedDB readwrite transaction (one small put) in the same browser, and a
 *   bare DOM change until the next frame is drawn (what every "painted" figure includes).
 * "Painted" is the first frame after the change (requestAnimationFrame, then a task). Not a test:
 * it prints figures (BENCHMARKS.md).
 *
 *   npx tsx bench/desk-ui.ts
 *   BALIE_BENCH_APPOINTMENTS=300 npx tsx bench/desk-ui.ts
 *   BALIE_BENCH_PROFILE=/tmp/actions.cpuprofile npx tsx bench/desk-ui.ts   # also a CPU profile of the paced actions
 */
import type { Page } from 'playwright-core';
import { buildHarness } from '../e2e/harness/build-harness';
import { bigDayCsv, importDay } from '../e2e/support/big-day';
import { profiled } from '../e2e/support/cpu-profile';
import { snapshotOf } from '../e2e/support/harness-client';
import { cutOff, signedInDeskPc, startSyncRig, today, untilStatus, type DeskPc } from '../e2e/support/sync-rig';

/** The day's size: 5,000 by default; BALIE_BENCH_APPOINTMENTS=300 is a busy real counter's day. */
const APPOINTMENTS = Number(process.env.BALIE_BENCH_APPOINTMENTS ?? 5_000);
const ACTIONS = 150;
const PACED_ACTIONS = 40;
const SEARCHES = ['P0012', 'Proefpersoon 43', 'P00480'];
const COLD_STARTS = 7;
const FLOOR_TRANSACTIONS = 300;
const PAINT_FLOOR_CHANGES = 200;
/** Where to write a CPU profile of the page during the paced actions (Chrome DevTools format), if anywhere. */
const PROFILE_FILE = process.env.BALIE_BENCH_PROFILE;

declare global {
  interface Window {
    /** Set by this bench's init script: when the first agenda row was painted after the page load. */
    __agendaPaintedAt?: number;
  }
}

const quantile = (values: readonly number[], q: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
};
const figures = (values: readonly number[]) => `p50 ${quantile(values, 0.5).toFixed(1)} ms, p95 ${quantile(values, 0.95).toFixed(1)} ms (n = ${values.length})`;

/**
 * Each check-in: from the call of `act()` until it committed, and until the first frame after the
 * screen changed was drawn (the frame is asked for as soon as the DOM changes, so a frame drawn in
 * between is never skipped).
 */
async function actionTimes(page: Page, appointmentIds: readonly string[], pauseMs = 0): Promise<{ committed: number[]; painted: number[] }> {
  return page.evaluate(async ([day, ids, pause]) => {
    // No named functions in here: tsx would wrap them in a helper the page does not have.
    const committed: number[] = [];
    const times: number[] = [];
    for (const appointmentId of ids) {
      if (pause > 0) await new Promise((done) => setTimeout(done, pause));
      const painted = new Promise<number>((done) => {
        const observer = new MutationObserver(() => {
          observer.disconnect();
          requestAnimationFrame(() => setTimeout(() => done(performance.now()), 0));
        });
        observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
      });
      const started = performance.now();
      const result = await window.balieHarness!.perform(day, [{ kind: 'checkIn', appointmentId }]);
      if (result.done !== 1) throw new Error(`the check-in of ${appointmentId} was refused: ${JSON.stringify(result.refused)}`);
      committed.push(performance.now() - started);
      times.push((await painted) - started);
    }
    return { committed, painted: times };
  }, [today, appointmentIds, pauseMs] as const);
}

/** Each keystroke typed into the agenda's search (then cleared again): keydown to the painted results. */
async function searchTimes(page: Page): Promise<number[]> {
  const search = page.locator('input[type="search"]').first();
  await search.focus();
  await page.evaluate(() => {
    const times: number[] = [];
    (window as unknown as { __searchTimes: number[] }).__searchTimes = times;
    const agenda = document.querySelector('.agenda')!;
    document.querySelector('input[type="search"]')!.addEventListener(
      'keydown',
      () => {
        const started = performance.now();
        const observer = new MutationObserver(() => {
          observer.disconnect();
          requestAnimationFrame(() => setTimeout(() => times.push(performance.now() - started), 0));
        });
        observer.observe(agenda, { subtree: true, childList: true, characterData: true, attributes: true });
        // A key that changes nothing on screen is not counted.
        setTimeout(() => observer.disconnect(), 2_000);
      },
      { capture: true },
    );
  });
  for (const text of SEARCHES) {
    for (const key of text) {
      await page.keyboard.type(key);
      await page.waitForTimeout(120);
    }
    for (let index = 0; index < text.length; index++) {
      await page.keyboard.press('Backspace');
      await page.waitForTimeout(120);
    }
  }
  await page.waitForTimeout(500);
  return page.evaluate(() => (window as unknown as { __searchTimes: number[] }).__searchTimes);
}

/** Marks, in every page of the desk PC, when the first agenda row was painted after the page load. */
async function markAgendaPainted(pc: DeskPc): Promise<void> {
  await pc.browser.addInitScript(() => {
    const observer = new MutationObserver(() => {
      if (!document.querySelector('[data-testid="agenda-row"]')) return;
      observer.disconnect();
      requestAnimationFrame(() => setTimeout(() => (window.__agendaPaintedAt = performance.now()), 0));
    });
    observer.observe(document, { subtree: true, childList: true });
  });
}

const agendaPainted = async (page: Page) => {
  await page.waitForFunction(() => window.__agendaPaintedAt !== undefined, undefined, { timeout: 60_000 });
  return page.evaluate(() => window.__agendaPaintedAt!);
};

/**
 * The signed-in desk opened in a new window until the first agenda row is painted (from the
 * window's navigation start): the desk PC starting the app. The window before it is closed first,
 * so one desk runs at a time. Returns the times and the window left open.
 */
async function newWindowStartTimes(pc: DeskPc): Promise<{ times: number[]; page: Page }> {
  const url = pc.page.url();
  const times: number[] = [];
  let page = pc.page;
  for (let run = 0; run < COLD_STARTS; run++) {
    await page.close();
    page = await pc.browser.newPage();
    await page.goto(url);
    times.push(await agendaPainted(page));
  }
  return { times, page };
}

/**
 * Reloads of the signed-in desk until the first agenda row is painted. A reload first takes the
 * last page of 5,000 rows down (~120 ms before the new page is parsed, navigation timing's
 * unloadEventStart), which a desk that starts has not: printed beside the new window's figure.
 */
async function reloadTimes(page: Page): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run < COLD_STARTS; run++) {
    await page.reload();
    times.push(await agendaPainted(page));
  }
  return times;
}

/**
 * The floor for every "painted" figure: a bare DOM change (one text node) until the next frame is
 * drawn, measured as the actions and keystrokes are (requestAnimationFrame, then a task). A frame
 * comes every ~16.7 ms, so this is mostly the wait for it; each change starts at a random moment
 * of the frame, as a key or a scan does.
 */
async function paintFloorTimes(page: Page): Promise<number[]> {
  return page.evaluate(async (count) => {
    const node = document.body.appendChild(document.createElement('span'));
    const times: number[] = [];
    for (let index = 0; index < count; index++) {
      await new Promise((done) => setTimeout(done, Math.random() * 40));
      const started = performance.now();
      node.textContent = String(index);
      await new Promise<void>((done) => requestAnimationFrame(() => setTimeout(done, 0)));
      times.push(performance.now() - started);
    }
    node.remove();
    return times;
  }, PAINT_FLOOR_CHANGES);
}

/** A bare IndexedDB readwrite transaction with one small put, awaited until it completes. */
async function floorTimes(page: Page): Promise<number[]> {
  return page.evaluate(async (count) => {
    const db = await new Promise<IDBDatabase>((done, fail) => {
      const request = indexedDB.open('bench-floor', 1);
      request.onupgradeneeded = () => request.result.createObjectStore('rows', { keyPath: 'id' });
      request.onsuccess = () => done(request.result);
      request.onerror = () => fail(request.error);
    });
    const times: number[] = [];
    for (let index = 0; index < count; index++) {
      const started = performance.now();
      await new Promise<void>((done, fail) => {
        const transaction = db.transaction('rows', 'readwrite');
        transaction.objectStore('rows').put({ id: index, status: 'arrived', at: Date.now() });
        transaction.oncomplete = () => done();
        transaction.onerror = () => fail(transaction.error);
      });
      times.push(performance.now() - started);
    }
    db.close();
    return times;
  }, FLOOR_TRANSACTIONS);
}

/**
 * The floor for the same work: a bare IndexedDB readwrite transaction doing what a check-in does,
 * without Dexie, React or the shared rules. Reads the device sequence, the projection stamp and
 * the appointment; then adds the event to the outbox and puts the sequence, the appointment (with
 * its server copy) and a new stamp. In a database of its own with the desk's stores, indexes and
 * as many appointments as the desk holds.
 */
async function actionShapedFloorTimes(page: Page, sampleRow: Record<string, unknown>, rows: number): Promise<number[]> {
  return page.evaluate(
    async ([count, row, size]) => {
      const db = await new Promise<IDBDatabase>((done, fail) => {
        const request = indexedDB.open('bench-floor-action', 1);
        request.onupgradeneeded = () => {
          const appointments = request.result.createObjectStore('appointments', { keyPath: 'id' });
          for (const index of ['date', 'bookingId', 'personId', 'status', 'deskId', 'personName', 'vNumber', 'appointmentCode']) appointments.createIndex(index, index);
          appointments.createIndex('date+slotStart', ['date', 'slotStart']);
          const outbox = request.result.createObjectStore('outbox', { keyPath: 'deviceSeq' });
          outbox.createIndex('id', 'id', { unique: true });
          outbox.createIndex('state', 'state');
          outbox.createIndex('date', 'date');
          request.result.createObjectStore('meta', { keyPath: 'key' });
        };
        request.onsuccess = () => done(request.result);
        request.onerror = () => fail(request.error);
      });
      // No named functions in here: tsx would wrap them in a helper the page does not have.
      const fill = db.transaction(['appointments', 'meta'], 'readwrite');
      for (let index = 0; index < size; index++) fill.objectStore('appointments').put({ ...row, id: `row-${index}`, base: { ...row, id: `row-${index}` } });
      fill.objectStore('meta').put({ key: 'nextDeviceSeq', value: 1 });
      await new Promise((done) => (fill.oncomplete = done));
      const times: number[] = [];
      for (let index = 0; index < count; index++) {
        const started = performance.now();
        const transaction = db.transaction(['appointments', 'outbox', 'meta'], 'readwrite');
        const [appointments, outbox, meta] = ['appointments', 'outbox', 'meta'].map((name) => transaction.objectStore(name)) as [IDBObjectStore, IDBObjectStore, IDBObjectStore];
        const reads = [meta.get('nextDeviceSeq'), meta.get('projectionStamp'), appointments.get(`row-${index % size}`)];
        let answered = 0;
        for (const read of reads) {
          read.onsuccess = () => {
            if (++answered < reads.length) return;
            const deviceSeq = (reads[0]!.result as { value: number }).value;
            const stored = reads[2]!.result as Record<string, unknown>;
            const occurredAt = new Date().toISOString();
            outbox.add({ deviceSeq, id: crypto.randomUUID(), state: 'pending', date: stored.date, reason: null,
              event: { id: crypto.randomUUID(), v: 1, type: 'checkedIn', deviceId: 'device', deviceSeq, deskId: 'MAA-D1', clerkId: 'clerk', locationId: 'MAA', appointmentId: stored.id, occurredAt, payload: { method: 'manual', ticket: 'A-001' } } });
            meta.put({ key: 'nextDeviceSeq', value: deviceSeq + 1 });
            appointments.put({ ...stored, status: 'arrived', checkedInAt: occurredAt });
            meta.put({ key: 'projectionStamp', value: `${index}` });
          };
        }
        await new Promise((done, fail) => {
          transaction.oncomplete = done;
          transaction.onerror = () => fail(transaction.error);
        });
        times.push(performance.now() - started);
      }
      db.close();
      return times;
    },
    [FLOOR_TRANSACTIONS, sampleRow, rows] as const,
  );
}

async function main(): Promise<void> {
  // Minified, as the desk ships.
  await buildHarness({ minify: true });
  const rig = await startSyncRig();
  try {
    await importDay(rig.api.url, rig.adminToken, bigDayCsv(today, APPOINTMENTS));
    const pc = await signedInDeskPc(rig, 'desk-ui', 'MAA-D1', 'medewerker1');
    await untilStatus(pc.page, /^Gesynchroniseerd om/, 120_000);
    const day = (await snapshotOf(pc.page)).shown;
    const expected = day.filter((row) => row.status === 'expected' && /^P\d{6}Q$/.test(row.appointmentCode ?? ''));
    console.info(`The desk holds ${day.length} appointments of ${today} (${APPOINTMENTS} imported and the demo day).`);

    const floor = await floorTimes(pc.page);
    const paintFloor = await paintFloorTimes(pc.page);
    const actionFloor = await actionShapedFloorTimes(pc.page, day[0] as unknown as Record<string, unknown>, day.length);
    await markAgendaPainted(pc);
    const reloads = await reloadTimes(pc.page);
    const { times: cold, page } = await newWindowStartTimes(pc);
    const search = await searchTimes(page);
    // A smaller day has fewer people to check in: each run of actions takes its own share.
    const count = Math.min(ACTIONS, Math.floor((expected.length - 2 * PACED_ACTIONS) / 2));
    const actions = await actionTimes(page, expected.slice(0, count).map((row) => row.id));
    // Online at a clerk's pace: each action's push and the pull after it are done before the next.
    const pacedOnlineIds = expected.slice(2 * count + PACED_ACTIONS, 2 * count + 2 * PACED_ACTIONS).map((row) => row.id);
    const pacedOnline = await actionTimes(page, pacedOnlineIds, 1_000);
    // The same action with the server out of reach: no push or pull transaction takes turns with it.
    await cutOff(pc.browser, rig.api.url);
    const offline = await actionTimes(page, expected.slice(count, 2 * count).map((row) => row.id));
    const pacedIds = expected.slice(2 * count, 2 * count + PACED_ACTIONS).map((row) => row.id);
    const paced = await profiled(page, PROFILE_FILE, () => actionTimes(page, pacedIds, 1_000));
    const ratio = quantile(actions.painted, 0.95) / quantile(floor, 0.95);
    console.info(`bare IndexedDB readwrite transaction (the floor): ${figures(floor)}`);
    console.info(`bare IndexedDB transaction doing a check-in's reads and writes (the action's floor): ${figures(actionFloor)}`);
    console.info(`a bare DOM change until the next frame is drawn (the floor of every "painted" figure): ${figures(paintFloor)}`);
    console.info(`cold start to agenda painted (the desk opened in a new window): ${figures(cold)} (aim: ≤ 400 ms)`);
    console.info(`reload to agenda painted (the page before it taken down first): ${figures(reloads)}`);
    console.info(`keystroke to search results painted: ${figures(search)} (aim: ≤ 16 ms)`);
    console.info(`action committed (check-in, act() resolved): ${figures(actions.committed)} (${(quantile(actions.committed, 0.95) / quantile(actionFloor, 0.95)).toFixed(1)}x the action's floor's p95)`);
    console.info(`action committed and painted (check-in): ${figures(actions.painted)} (aim: p95 ≤ 16 ms and ≤ 2x the floor; here ${ratio.toFixed(1)}x the floor's p95)`);
    console.info(`online, one action a second, committed: ${figures(pacedOnline.committed)}; painted: ${figures(pacedOnline.painted)}`);
    console.info(`offline, action committed: ${figures(offline.committed)} (${(quantile(offline.committed, 0.95) / quantile(actionFloor, 0.95)).toFixed(1)}x the action's floor's p95)`);
    console.info(`offline, one action a second, committed: ${figures(paced.committed)}; painted: ${figures(paced.painted)}`);
    console.info(`offline, action committed and painted: ${figures(offline.painted)} (${(quantile(offline.painted, 0.95) / quantile(floor, 0.95)).toFixed(1)}x the floor's p95)`);
    await pc.browser.close();
  } finally {
    await rig.close();
  }
}

await main();
