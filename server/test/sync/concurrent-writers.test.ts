import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { amsterdamDateOf } from '../../../shared/domain/calendar-date';
import { endPause, openDesk, startPause } from '../../../shared/domain/commands-desk';
import type { BalieEvent } from '../../../shared/sync/events';
import type { RunningServer } from '../../src/server';
import { rebuildDayState } from '../../src/sync/day-state-store';
import { createTestAccount, registerDesk, signIn } from '../support/accounts';
import { simulatedDesk, type SimulatedDesk } from '../support/simulated-desk';
import { createTestDatabase, databaseKindsUnderTest, type TestDatabase } from '../support/test-databases';
import { startTestServer } from '../support/test-server';

const today = amsterdamDateOf(new Date());
const WRITERS = 20;
const PULLERS = 3;
// `BALIE_CONCURRENCY_SECONDS` lengthens the run for a soak on demand.
const SECONDS = Number(process.env.BALIE_CONCURRENCY_SECONDS ?? 10);

describe.each(databaseKindsUnderTest())('%d concurrent writers while desks pull, on %s'.replace('%d', String(WRITERS)), (kind) => {
  let database: TestDatabase;
  let server: RunningServer;
  const desks: SimulatedDesk[] = [];
  /** Events a desk made before the race starts (opening the desk), sent with its first batch. */
  const opening = new Map<SimulatedDesk, BalieEvent[]>();

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    server = await startTestServer(database);
    await createTestAccount(server, 'admin', 'admin', null);
    const clerkId = (await createTestAccount(server, 'clerk', 'clerk', 'MAA')).id;
    const adminToken = await signIn(server, 'admin');
    for (let index = 1; index <= WRITERS; index++) {
      const deskId = `MAA-W${String(index).padStart(2, '0')}`;
      await server.db.query("INSERT INTO desks (id, location_id, name) VALUES ($1, 'MAA', $2)", [deskId, `Werkplek ${index}`]);
    }
    for (let index = 1; index <= WRITERS; index++) {
      const deskId = `MAA-W${String(index).padStart(2, '0')}`;
      const credential = await registerDesk(server, adminToken, 'MAA', deskId);
      const token = await signIn(server, 'clerk', credential);
      const desk = await simulatedDesk(server, { deviceId: credential.deviceId, deskId, token, clerkId, locationId: 'MAA', day: today });
      opening.set(desk, desk.act(openDesk));
      desks.push(desk);
    }
  });
  afterAll(async () => {
    await server?.stop();
    await database?.drop();
  });

  it('every pull sequence is gap-free and complete, and pulled state equals the server state', { timeout: 60_000 + SECONDS * 4000 }, async () => {
    const deadline = Date.now() + SECONDS * 1000;
    const statuses = new Map<string, number>();
    const write = async (desk: SimulatedDesk) => {
      let unsent = opening.get(desk) ?? [];
      while (Date.now() < deadline) {
        const batch: BalieEvent[] = [];
        const size = 1 + Math.floor(Math.random() * 4);
        for (let i = 0; i < size; i++) {
          const paused = desk.state.desks[desk.deskId]?.status === 'paused';
          batch.push(...desk.act(paused ? endPause : (state, context) => startPause(state, { reason: 'back-office', note: null }, context)));
        }
        const reply = await desk.push([...unsent, ...batch]);
        unsent = [];
        for (const result of reply.body.results) statuses.set(result.status, (statuses.get(result.status) ?? 0) + 1);
      }
    };
    const pulls = Array.from({ length: PULLERS }, () => ({ cursor: '0', seqs: [] as string[], desks: new Map<string, unknown>() }));
    /** Pulls page after page; stops at the end of the feed once `done()` says so. */
    const pull = async (puller: (typeof pulls)[number], done: () => boolean) => {
      for (let atEnd = false; !(atEnd && done()); ) {
        const page = await desks[0]!.pull(puller.cursor, 100);
        for (const change of page.changes) {
          puller.seqs.push(change.seq);
          if (change.entity === 'desk') puller.desks.set(change.id, change.data);
        }
        puller.cursor = page.nextCursor;
        atEnd = !page.hasMore;
      }
    };
    await Promise.all([...desks.map(write), ...pulls.map((puller) => pull(puller, () => Date.now() >= deadline))]);
    await Promise.all(pulls.map((puller) => pull(puller, () => true)));

    expect([...statuses.keys()]).toEqual(['accepted']);
    const feed = await server.db.query<{ seq: string }>("SELECT seq::text AS seq FROM changes WHERE location_id = 'MAA' ORDER BY changes.seq");
    const day = await rebuildDayState(server.db, 'MAA', today);
    for (const puller of pulls) {
      expect(puller.seqs).toEqual(feed.map((row) => row.seq));
      for (const desk of desks) expect(puller.desks.get(desk.deskId)).toEqual(day.desks[desk.deskId]);
    }
    const events = await server.db.query<{ count: number }>('SELECT count(*)::int AS count FROM events');
    console.log(`${kind}: ${events[0]!.count} events from ${WRITERS} writers in ${SECONDS} s, ${feed.length} changes pulled by ${PULLERS} desks`);
  });
});
