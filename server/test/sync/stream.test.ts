import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { amsterdamDateOf } from '../../../shared/domain/calendar-date';
import { checkIn } from '../../../shared/domain/commands-queue';
import type { RunningServer } from '../../src/server';
import { rebuildDayState } from '../../src/sync/day-state-store';
import { createTestAccount, registerDesk, signIn } from '../support/accounts';
import { simulatedDesk } from '../support/simulated-desk';
import { openSse } from '../support/sse-reader';
import { createTestDatabase, databaseKindsUnderTest, type TestDatabase } from '../support/test-databases';
import { startStaffedServer, type StaffedServer } from '../support/staffed-server';
import { startTestServer } from '../support/test-server';

const today = amsterdamDateOf(new Date());
const cursorOf = (data: string) => BigInt((JSON.parse(data) as { cursor: string }).cursor);

describe.each(databaseKindsUnderTest())('the live stream on %s', (kind) => {
  let staffed: StaffedServer;
  let database: TestDatabase;
  let server: RunningServer;
  let adminToken: string;
  let clerkId: string;

  beforeAll(async () => {
    staffed = await startStaffedServer(kind);
    ({ database, server, adminToken, clerkId } = staffed);
  });
  afterAll(() => staffed?.stop());

  async function signedInDesk(on: RunningServer, deskId: string, accounts = { adminToken, clerkId }) {
    const credential = await registerDesk(on, accounts.adminToken, 'MAA', deskId);
    const token = await signIn(on, 'clerk', credential);
    return simulatedDesk(on, { deviceId: credential.deviceId, deskId, token, clerkId: accounts.clerkId, locationId: 'MAA', day: today });
  }

  async function checkInSomeone(desk: Awaited<ReturnType<typeof signedInDesk>>) {
    desk.state = await rebuildDayState(server.db, 'MAA', today);
    const expected = Object.values(desk.state.appointments).find((a) => a.status === 'expected')!;
    const events = desk.act((state, context) => checkIn(state, { appointmentIds: [expected.id], method: 'scan' }, context));
    expect((await desk.push(events)).body.results[0]).toMatchObject({ status: 'accepted' });
  }

  it("pokes a desk within a second when another desk's push changes the location", async () => {
    const listener = await signedInDesk(server, 'MAA-D1');
    const actor = await signedInDesk(server, 'MAA-D2');
    const { status, reader } = await openSse(`${server.url}/api/v1/sync/stream`, listener.token);
    expect(status).toBe(200);
    const first = await reader.next((m) => m.event === 'changes');
    const started = Date.now();
    await checkInSomeone(actor);
    const poke = await reader.next((m) => m.event === 'changes' && cursorOf(m.data) > cursorOf(first.data), 1000);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(JSON.parse(poke.data)).toMatchObject({ locationId: 'MAA' });
    reader.close();
  });

  it('refuses a stream without a session, and a browser session that names no location', async () => {
    expect((await fetch(`${server.url}/api/v1/sync/stream`)).status).toBe(401);
    expect((await fetch(`${server.url}/api/v1/sync/stream`, { headers: { authorization: `Bearer ${adminToken}` } })).status).toBe(400);
  });

  it('pokes an admin in a plain browser (no desk device) who names the location', async () => {
    const actor = await signedInDesk(server, 'MAA-D2');
    const { status, reader } = await openSse(`${server.url}/api/v1/sync/stream?location=MAA`, adminToken);
    expect(status).toBe(200);
    const first = await reader.next((m) => m.event === 'changes');
    await checkInSomeone(actor);
    const poke = await reader.next((m) => m.event === 'changes' && cursorOf(m.data) > cursorOf(first.data), 1000);
    expect(JSON.parse(poke.data)).toMatchObject({ locationId: 'MAA' });
    reader.close();
  });

  // Several server processes share one PostgreSQL; PGlite belongs to one process.
  if (kind === 'postgres') {
    it('pokes desks connected to another server process on the same database', async () => {
      const second = await startTestServer(database);
      try {
        const listener = await signedInDesk(second, 'MAA-D3');
        const actor = await signedInDesk(server, 'MAA-D4');
        const { reader } = await openSse(`${second.url}/api/v1/sync/stream`, listener.token);
        const first = await reader.next((m) => m.event === 'changes');
        await checkInSomeone(actor);
        await reader.next((m) => m.event === 'changes' && cursorOf(m.data) > cursorOf(first.data), 1000);
        reader.close();
      } finally {
        await second.stop();
      }
    });
  }

  it('a server with open streams still stops promptly', async () => {
    const own = await createTestDatabase(kind);
    const other = await startTestServer(own);
    try {
      await createTestAccount(other, 'admin', 'admin', null);
      const accounts = { clerkId: (await createTestAccount(other, 'clerk', 'clerk', 'MAA')).id, adminToken: await signIn(other, 'admin') };
      const desk = await signedInDesk(other, 'MAA-D1', accounts);
      const { reader } = await openSse(`${other.url}/api/v1/sync/stream`, desk.token);
      await reader.next((m) => m.event === 'changes');
      const started = Date.now();
      await other.stop();
      expect(Date.now() - started).toBeLessThan(3000);
      reader.close();
    } finally {
      await other.stop();
      await own.drop();
    }
  });
});
