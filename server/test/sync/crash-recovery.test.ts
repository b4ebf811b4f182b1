import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { amsterdamDateOf } from '../../../shared/domain/calendar-date';
import { endPause, openDesk, startPause } from '../../../shared/domain/commands-desk';
import type { DayState } from '../../../shared/domain/day-state';
import type { BalieEvent } from '../../../shared/sync/events';
import { migrate } from '../../src/db/migrate';
import { openDatabase } from '../../src/db/open-database';
import { seedDemo } from '../../src/demo/seed';
import { rebuildDayState } from '../../src/sync/day-state-store';
import { createAccount } from '../../src/repositories/accounts';
import { storeDefaultChecklists } from '../../src/checklists/checklist-store';
import { registerDesk, signIn, TEST_PASSWORD } from '../support/accounts';
import { freePort } from '../support/free-port';
import { startApiServer, type ApiServer } from '../support/server-process';
import { simulatedRemoteDesk, type SimulatedDesk } from '../support/simulated-desk';
import { createTestDatabase, databaseKindsUnderTest, type TestDatabase } from '../support/test-databases';

const today = amsterdamDateOf(new Date());
const DESKS = 3;
/** At least this many per desk (the workload ends on a whole pause). */
const EVENTS_PER_DESK = 300;
const BATCH = 10;

/** A desk's workload: open, then pause and resume, over and over (always valid, always a change). */
function workload(desk: SimulatedDesk): BalieEvent[] {
  const events = desk.act(openDesk);
  while (events.length < EVENTS_PER_DESK) {
    events.push(...desk.act((state, context) => startPause(state, { reason: 'break', note: null }, context)));
    events.push(...desk.act(endPause));
  }
  return events;
}

describe.each(databaseKindsUnderTest())('a server killed with kill -9 on %s', (kind) => {
  let database: TestDatabase;
  let server: ApiServer | undefined;
  let clerkId: string;
  let initialDay: DayState;

  const start = async (port: number) =>
    startApiServer({
      port,
      dataDir: database.config.kind === 'pglite' ? database.config.dataDir : '',
      databaseUrl: database.config.kind === 'postgres' ? database.config.url : '',
      deskOrigins: [],
    });

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    // Accounts are made before the server process owns the database (PGlite has one owner).
    const db = await openDatabase(database.config);
    await migrate(db);
    await seedDemo(db, today);
    await db.transaction((tx) => storeDefaultChecklists(tx));
    await createAccount(db, { username: 'admin', displayName: 'Admin', role: 'admin', locationId: null, password: TEST_PASSWORD });
    clerkId = (await createAccount(db, { username: 'clerk', displayName: 'Clerk', role: 'clerk', locationId: 'MAA', password: TEST_PASSWORD })).id;
    initialDay = await rebuildDayState(db, 'MAA', today);
    await db.close();
  });
  afterAll(async () => {
    await server?.stop('SIGKILL');
    await database?.drop();
  });

  it('loses no acknowledged event, doubles none, and old cursors stay valid', { timeout: 120_000 }, async () => {
    const port = await freePort();
    server = await start(port);
    const adminToken = await signIn(server, 'admin');
    const desks: SimulatedDesk[] = [];
    for (let index = 1; index <= DESKS; index++) {
      const credential = await registerDesk(server, adminToken, 'MAA', `MAA-D${index}`);
      const token = await signIn(server, 'clerk', credential);
      desks.push(simulatedRemoteDesk(server.url, { deviceId: credential.deviceId, deskId: `MAA-D${index}`, token, clerkId, locationId: 'MAA', day: today }, initialDay));
    }
    const work = desks.map(workload);
    const acknowledged = new Set<string>();
    const pulled: string[] = [];
    let cursor = '0';
    let crashed = false;

    const pushLoop = async (desk: SimulatedDesk, events: BalieEvent[]) => {
      for (let offset = 0; offset < events.length && !crashed; offset += BATCH) {
        const reply = await desk.push(events.slice(offset, offset + BATCH)).catch(() => null);
        if (!reply || reply.status !== 200) return;
        for (const result of reply.body.results) if (result.status === 'accepted' && result.id) acknowledged.add(result.id);
      }
    };
    const pullLoop = async () => {
      while (!crashed) {
        const page = await desks[0]!.pull(cursor, 50).catch(() => null);
        if (!page) return;
        pulled.push(...page.changes.map((change) => change.seq));
        cursor = page.nextCursor;
      }
    };
    const loops = Promise.all([...desks.map((desk, index) => pushLoop(desk, work[index]!)), pullLoop()]);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    crashed = true;
    await server.stop('SIGKILL');
    await loops;
    expect(acknowledged.size).toBeGreaterThan(0);

    server = await start(port);
    // Every desk resends everything it made; the server answers each event as new or as known.
    for (const [index, desk] of desks.entries()) {
      for (let offset = 0; offset < work[index]!.length; offset += BATCH) {
        const reply = await desk.push(work[index]!.slice(offset, offset + BATCH));
        expect(reply.status).toBe(200);
        for (const result of reply.body.results) {
          expect(result.status === 'accepted' || (result.status === 'duplicate' && result.original === 'accepted')).toBe(true);
          if (acknowledged.has(result.id ?? '')) expect(result.status).toBe('duplicate');
        }
      }
    }
    // The cursor from before the crash still works and the pages add up to the whole feed.
    for (let page = await desks[0]!.pull(cursor, 500); ; page = await desks[0]!.pull(cursor, 500)) {
      pulled.push(...page.changes.map((change) => change.seq));
      cursor = page.nextCursor;
      if (!page.hasMore) break;
    }
    await server.stop('SIGTERM');
    server = undefined;

    const db = await openDatabase(database.config);
    try {
      const stored = await db.query<{ device_id: string; count: number }>('SELECT device_id, count(*)::int AS count FROM events GROUP BY device_id');
      expect(stored.map((row) => row.count).sort()).toEqual(work.map((events) => events.length).sort());
      const feed = await db.query<{ seq: string }>("SELECT seq::text AS seq FROM changes WHERE location_id = 'MAA' ORDER BY changes.seq");
      expect(pulled).toEqual(feed.map((row) => row.seq));
    } finally {
      await db.close();
    }
  });
});
