/**
 * Push throughput and latency of the sync server, on PGlite and (with DATABASE_URL) PostgreSQL:
 * 1, 20 and 200 simulated desks push their events in batches over HTTP on 127.0.0.1, all at once.
 * Prints events/s ingested and p50/p99 push latency. Not a test: it asserts nothing.
 *
 *   npx tsx bench/server-sync.ts                 (PGlite only)
 *   DATABASE_URL=postgres://… npx tsx bench/server-sync.ts
 */
import { amsterdamDateOf } from '../shared/domain/calendar-date';
import { endPause, openDesk, startPause } from '../shared/domain/commands-desk';
import type { BalieEvent } from '../shared/sync/events';
import { createAccount } from '../server/src/repositories/accounts';
import type { RunningServer } from '../server/src/server';
import { rebuildDayState } from '../server/src/sync/day-state-store';
import { registerDesk, signIn, TEST_PASSWORD } from '../server/test/support/accounts';
import { simulatedDesk, type SimulatedDesk } from '../server/test/support/simulated-desk';
import { createTestDatabase, type DatabaseKind } from '../server/test/support/test-databases';
import { startTestServer } from '../server/test/support/test-server';

const today = amsterdamDateOf(new Date());
const EVENTS_PER_RUN = 20_000;
const BATCH = 100;
const SCENARIOS = [
  { desks: 1, locations: 1 },
  { desks: 20, locations: 1 },
  { desks: 200, locations: 10 },
];

async function prepareDesks(server: RunningServer, count: number, locations: number): Promise<SimulatedDesk[]> {
  await createAccount(server.db, { username: 'admin', displayName: 'Admin', role: 'admin', locationId: null, password: TEST_PASSWORD });
  const adminToken = await signIn(server, 'admin');
  const desks: SimulatedDesk[] = [];
  for (let l = 0; l < locations; l++) {
    const locationId = l === 0 ? 'MAA' : `L${String(l).padStart(2, '0')}`;
    if (l > 0) await server.db.query('INSERT INTO locations (id, name) VALUES ($1, $1)', [locationId]);
    const clerk = await createAccount(server.db, { username: `clerk${l}`, displayName: 'Clerk', role: 'clerk', locationId, password: TEST_PASSWORD });
    for (let d = 0; d < count / locations; d++) {
      const deskId = `${locationId}-B${d}`;
      await server.db.query('INSERT INTO desks (id, location_id, name) VALUES ($1, $2, $1)', [deskId, locationId]);
      const credential = await registerDesk(server, adminToken, locationId, deskId);
      const token = await signIn(server, `clerk${l}`, credential);
      desks.push(await simulatedDesk(server, { deviceId: credential.deviceId, deskId, token, clerkId: clerk.id, locationId, day: today }));
    }
  }
  return desks;
}

/** Each desk's share of the run: open the desk, then pause and resume (cheap to make, real to ingest). */
function makeEvents(desk: SimulatedDesk, count: number): BalieEvent[] {
  const events = desk.act(openDesk);
  while (events.length < count) {
    events.push(...desk.act((state, context) => startPause(state, { reason: 'break', note: null }, context)), ...desk.act(endPause));
  }
  return events;
}

async function run(kind: DatabaseKind, scenario: (typeof SCENARIOS)[number]): Promise<string> {
  const database = await createTestDatabase(kind);
  const server = await startTestServer(database, { demo: true });
  try {
    const desks = await prepareDesks(server, scenario.desks, scenario.locations);
    const work = desks.map((desk) => makeEvents(desk, Math.ceil(EVENTS_PER_RUN / desks.length)));
    const latencies: number[] = [];
    const started = performance.now();
    await Promise.all(
      desks.map(async (desk, index) => {
        const events = work[index]!;
        for (let offset = 0; offset < events.length; offset += BATCH) {
          const sent = performance.now();
          const reply = await desk.push(events.slice(offset, offset + BATCH));
          latencies.push(performance.now() - sent);
          if (reply.status !== 200 || reply.body.results.some((r) => r.status !== 'accepted')) throw new Error('a push was not accepted');
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const total = work.reduce((sum, events) => sum + events.length, 0);
    // The server's state is rebuilt once at the end as a check that everything applied.
    await rebuildDayState(server.db, 'MAA', today);
    latencies.sort((a, b) => a - b);
    const percentile = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!.toFixed(1);
    return `| ${kind} | ${scenario.desks} desks, ${scenario.locations} location(s) | ${total} | ${Math.round(total / seconds)} | ${percentile(0.5)} | ${percentile(0.99)} |`;
  } finally {
    await server.stop();
    await database.drop();
  }
}

/**
 * Latency at a steady load, as a service point works: 200 desks (10 locations), each pushing a
 * batch of 10 events every second for 10 seconds (2,000 events/s offered), start times spread.
 */
async function paced(kind: DatabaseKind): Promise<string> {
  const database = await createTestDatabase(kind);
  const server = await startTestServer(database, { demo: true });
  try {
    const desks = await prepareDesks(server, 200, 10);
    const work = desks.map((desk) => makeEvents(desk, 100));
    const latencies: number[] = [];
    await Promise.all(
      desks.map(async (desk, index) => {
        await new Promise((resolve) => setTimeout(resolve, (index * 1000) / desks.length));
        for (let offset = 0; offset < 100; offset += 10) {
          const tick = performance.now();
          const reply = await desk.push(work[index]!.slice(offset, offset + 10));
          latencies.push(performance.now() - tick);
          if (reply.status !== 200) throw new Error('a push failed');
          await new Promise((resolve) => setTimeout(resolve, Math.max(0, 1000 - (performance.now() - tick))));
        }
      }),
    );
    latencies.sort((a, b) => a - b);
    const percentile = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!.toFixed(1);
    return `| ${kind} | 200 desks paced: 10 events/s each | ${latencies.length} pushes | ${percentile(0.5)} | ${percentile(0.99)} |`;
  } finally {
    await server.stop();
    await database.drop();
  }
}

const kinds: DatabaseKind[] = (process.env.BALIE_BENCH_DATABASES?.split(',') as DatabaseKind[] | undefined) ?? (process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite']);
console.log(`saturated: every desk pushes batches of ${BATCH} back to back, ${EVENTS_PER_RUN} events per run; client and server share one 2-core machine`);
console.log('| database | desks | events | events/s | p50 push ms | p99 push ms |');
console.log('|---|---|---|---|---|---|');
for (const kind of kinds) for (const scenario of SCENARIOS) console.log(await run(kind, scenario));
console.log('\n| database | load | pushes | p50 push ms | p99 push ms |');
console.log('|---|---|---|---|---|');
for (const kind of kinds) console.log(await paced(kind));
