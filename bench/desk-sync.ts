/**
 * Reconciling an offline day: a desk in Chromium (the real App, Dexie and sync engine, through the
 * browser suite's harness page) makes 2,000 actions with the server out of reach, then the network
 * comes back; measured in the page from "online" until the outbox is empty and a sync (push and the
 * pull after it) finished. On PGlite, and on PostgreSQL when DATABASE_URL is set. In the same run,
 * PouchDB's browser build replicates the same 2,000 events as documents from the browser's
 * IndexedDB to pouchdb-server (in memory) on 127.0.0.1: the usual offline-first peer.
 * Not a test: it prints figures.
 *
 *   npx tsx bench/desk-sync.ts
 *   DATABASE_URL=$(.ci/start-postgres.sh) npx tsx bench/desk-sync.ts
 *   BALIE_BENCH_PROFILE=/tmp/reconcile npx tsx bench/desk-sync.ts   # also a CPU profile of each reconcile (/tmp/reconcile-<engine>.cpuprofile)
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildHarness } from '../e2e/harness/build-harness';
import { launchDeskBrowser } from '../e2e/support/chromium';
import { ACTIONS_PER_SERVICE, bigDayCsv, importDay, serviceActions } from '../e2e/support/big-day';
import { pendingEventsOf, performOn, reconcileOn, snapshotOf } from '../e2e/support/harness-client';
import { profiled } from '../e2e/support/cpu-profile';
import { REPOSITORY_ROOT } from '../e2e/support/paths';
import { cutOff, signedInDeskPc, startSyncRig, stateHash, today, untilStatus } from '../e2e/support/sync-rig';
import { freePort } from '../server/test/support/free-port';
import { createTestDatabase, type DatabaseKind } from '../server/test/support/test-databases';

const PEOPLE = 250;
const EVENTS = PEOPLE * ACTIONS_PER_SERVICE;
const POUCH_ROUNDS = 3;

interface BalieFigures {
  engine: DatabaseKind;
  reconcileMs: number;
  actionMs: number;
  events: { id: string }[];
}

async function balieOfflineDay(engine: DatabaseKind): Promise<BalieFigures> {
  const database = await createTestDatabase(engine);
  const rig = await startSyncRig(database.config.kind === 'postgres' ? { databaseUrl: database.config.url } : {});
  try {
    await importDay(rig.api.url, rig.adminToken, bigDayCsv(today, PEOPLE));
    const pc = await signedInDeskPc(rig, 'bench', 'MAA-D1', 'medewerker1');
    await untilStatus(pc.page, /^Gesynchroniseerd om/, 60_000);
    const people = (await snapshotOf(pc.page)).base.filter((row) => /^P\d{6}Q$/.test(row.appointmentCode ?? '')).map((row) => row.id);
    await cutOff(pc.browser, rig.api.url);
    const started = Date.now();
    const made = await performOn(pc.page, today, people.flatMap((id, index) => serviceActions(id, `persoon ${index}`)));
    const actionMs = (Date.now() - started) / EVENTS;
    if (made.eventIds.length !== EVENTS) throw new Error(`expected ${EVENTS} events, the desk made ${made.eventIds.length}`);
    const events = await pendingEventsOf(pc.page);
    await pc.browser.unroute(`${rig.api.url}/**`);
    const profile = process.env.BALIE_BENCH_PROFILE;
    const reconcileMs = await profiled(pc.page, profile && `${profile}-${engine}.cpuprofile`, () => reconcileOn(pc.page));
    // The figure counts only if the desk and the server agree afterwards.
    const desk = await snapshotOf(pc.page);
    const server = await rig.serverView();
    if (stateHash(desk.shown) !== stateHash(server.appointments.values())) throw new Error('the desk and the server disagree after the reconcile');
    await pc.browser.close();
    return { engine, reconcileMs, actionMs, events };
  } finally {
    await rig.close();
    await database.drop();
  }
}

async function startPouchServer(): Promise<{ url: string; stop(): Promise<void> }> {
  const port = await freePort();
  const workDir = await mkdtemp(join(tmpdir(), 'balie-pouch-'));
  // pouchdb-server writes its config and log in its working folder.
  const child = spawn(resolve(REPOSITORY_ROOT, 'node_modules/.bin/pouchdb-server'), ['--in-memory', '--host', '127.0.0.1', '--port', String(port)], { cwd: workDir, stdio: 'ignore' });
  const url = `http://127.0.0.1:${port}`;
  for (let attempt = 0; attempt < 150; attempt++) {
    if (await fetch(url).then((response) => response.ok, () => false)) break;
    await new Promise((done) => setTimeout(done, 200));
  }
  return {
    url,
    async stop() {
      await new Promise<void>((done) => {
        child.once('exit', () => done());
        child.kill('SIGTERM');
      });
      await rm(workDir, { recursive: true, force: true });
    },
  };
}

/** PouchDB in Chromium: the documents are written locally first (not timed), then replicated (timed). */
async function pouchReplication(events: { id: string }[]): Promise<number[]> {
  const pouch = await startPouchServer();
  const profile = await mkdtemp(join(tmpdir(), 'balie-pouch-profile-'));
  const browser = await launchDeskBrowser(profile);
  try {
    const page = browser.pages()[0] ?? (await browser.newPage());
    // Served from pouchdb-server's own origin, so replication needs no CORS set-up.
    await page.goto(pouch.url);
    await page.addScriptTag({ path: resolve(REPOSITORY_ROOT, 'node_modules/pouchdb/dist/pouchdb.min.js') });
    const timings: number[] = [];
    for (let round = 0; round < POUCH_ROUNDS; round++) {
      const docs = events.map((event) => ({ ...event, _id: event.id }));
      timings.push(
        await page.evaluate(
          async ([documents, remote]) => {
            const PouchDB = (window as unknown as { PouchDB: new (name: string) => { bulkDocs(d: unknown[]): Promise<unknown>; replicate: { to(target: string): Promise<{ docs_written: number }> } } }).PouchDB;
            const local = new PouchDB(`offline-day-${Date.now()}`);
            await local.bulkDocs(documents);
            const started = performance.now();
            const result = await local.replicate.to(remote);
            if (result.docs_written !== documents.length) throw new Error(`PouchDB wrote ${result.docs_written} of ${documents.length}`);
            return performance.now() - started;
          },
          [docs, `${pouch.url}/offline-day-${round}`] as const,
        ),
      );
    }
    return timings;
  } finally {
    await browser.close();
    await pouch.stop();
    await rm(profile, { recursive: true, force: true });
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main(): Promise<void> {
  await buildHarness();
  const engines: DatabaseKind[] = process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
  if (!process.env.DATABASE_URL) console.info('DATABASE_URL is not set: PGlite only (DATABASE_URL=$(.ci/start-postgres.sh) adds PostgreSQL).');
  const balie: BalieFigures[] = [];
  for (const engine of engines) {
    const figures = await balieOfflineDay(engine);
    balie.push(figures);
    console.info(`Balie on ${engine}: ${EVENTS} events reconciled in ${figures.reconcileMs.toFixed(0)} ms (${((EVENTS / figures.reconcileMs) * 1000).toFixed(0)} events/s); each offline action took ${figures.actionMs.toFixed(1)} ms on the desk`);
  }
  const pouch = await pouchReplication(balie[0]!.events);
  const pouchMs = median(pouch);
  console.info(`PouchDB → pouchdb-server: ${EVENTS} documents replicated in ${pouch.map((ms) => ms.toFixed(0)).join(' / ')} ms (median ${pouchMs.toFixed(0)} ms)`);
  for (const figures of balie) {
    const ratio = pouchMs / figures.reconcileMs;
    console.info(`ratio on ${figures.engine}: Balie is ${ratio >= 1 ? `${ratio.toFixed(2)}x faster` : `${(1 / ratio).toFixed(2)}x slower`} than PouchDB (aim: 3x faster)`);
  }
}

await main();
