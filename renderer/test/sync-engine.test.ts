import { createServer, type Server } from 'node:http';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { checkIn } from '../../shared/domain/commands-queue';
import type { DeskDatabase } from '../src/db/desk-db';
import { readMeta } from '../src/db/desk-meta';
import { performCommand } from '../src/db/perform-command';
import { forgetSession, signInOnDesk } from '../src/features/auth/desk-auth';
import { createPageLocks } from '../src/features/sync/desk-lock';
import { pullChanges } from '../src/features/sync/pull-changes';
import { createSyncEngine, type SyncEngine, type SyncEngineOptions } from '../src/features/sync/sync-engine';
import { clockSkewed, createSyncStatusStore, type SyncStatusStore } from '../src/features/sync/sync-status-store';
import { accounts, dropDatabase, expectedAppointments, freshDatabase, revokeToken, serverAppointments, serverUrl, signedInDesk, type SignedInDesk } from './desk-fixtures';
import { serverStateOf } from '../src/db/day-projection';

const SHARE = 3;

/** A Balie server that answers 500 to the first `failures` requests, then passes push and pull on to the real one. */
async function flakyServer(failures: number): Promise<{ url: string; server: Server; failed: () => number; failedPushes: string[][] }> {
  let failed = 0;
  const failedPushes: string[][] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      if (failed < failures) {
        failed++;
        if (request.url?.endsWith('/sync/push')) failedPushes.push((JSON.parse(Buffer.concat(chunks).toString()) as { events: { id: string }[] }).events.map((event) => event.id));
        response.writeHead(500, { 'content-type': 'application/json' }).end('{"error":"boom"}');
        return;
      }
      // The stream is not passed on (it never ends): the engine polls instead.
      if (request.url?.includes('/sync/stream')) return void response.writeHead(503).end();
      const headers = Object.fromEntries(Object.entries(request.headers).filter(([name]) => ['authorization', 'content-type'].includes(name))) as Record<string, string>;
      void fetch(`${serverUrl}${request.url}`, { method: request.method, headers, body: chunks.length ? Buffer.concat(chunks) : undefined }).then(async (answer) => {
        response.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' }).end(Buffer.from(await answer.arrayBuffer()));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('no address');
  return { url: `http://127.0.0.1:${address.port}`, server, failed: () => failed, failedPushes };
}

const checkInOne = (desk: SignedInDesk, appointmentId: string) =>
  performCommand(desk.db, (state, context) => checkIn(state, { appointmentIds: [appointmentId], method: 'manual' }, context), desk.context());

describe('the sync engine of a desk', () => {
  let db: DeskDatabase;
  let desk: SignedInDesk;
  let status: SyncStatusStore;
  const engines: SyncEngine[] = [];
  const servers: Server[] = [];

  function engineFor(overrides: Partial<SyncEngineOptions> = {}): SyncEngine {
    const engine = createSyncEngine({
      db,
      serverUrl,
      deviceId: desk.session.deviceId,
      token: desk.token,
      onUnauthenticated: () => forgetSession(db, desk.bridge),
      status,
      locks: createPageLocks(),
      backoff: { baseMs: 20, maxMs: 200 },
      ...overrides,
    });
    engines.push(engine);
    return engine;
  }

  beforeEach(async () => {
    db = await freshDatabase('engine-test');
    desk = await signedInDesk(db, 'MAA-D4');
    status = createSyncStatusStore();
    // The desk has synced before: it knows the day (each test picks its appointments from it).
    expect(await pullChanges(db, { serverUrl, token: (await desk.token())! })).toMatchObject({ ok: true });
  });
  afterEach(async () => {
    await Promise.all(engines.splice(0).map((engine) => engine.stop()));
    for (const server of servers.splice(0)) server.close();
    await dropDatabase(db);
  });

  it('pulls the day at start, then sends a check-in as soon as it is made and confirms it', async () => {
    const engine = engineFor();
    engine.start();
    await vi.waitFor(() => expect(status.getState().lastSyncAt).not.toBeNull());
    const [anna] = await expectedAppointments(db, SHARE);
    await checkInOne(desk, anna!.id);
    await vi.waitFor(async () => expect(await db.outbox.count()).toBe(0));
    await vi.waitFor(async () => {
      const stored = (await db.appointments.get(anna!.id))!;
      expect([stored.status, serverStateOf(stored)?.status]).toEqual(['arrived', 'arrived']);
    });
    expect(status.getState()).toMatchObject({ connection: 'online', needsSignIn: false });
    expect(await readMeta(db.meta, 'lastSyncAt')).toBe(status.getState().lastSyncAt);
  });

  it('backs off while the server answers 500, keeps the outbox, and sends it once the server recovers', async () => {
    const flaky = await flakyServer(4);
    servers.push(flaky.server);
    const [anna] = await expectedAppointments(db, SHARE);
    await checkInOne(desk, anna!.id);
    const [queued] = await db.outbox.toArray();
    const seen: number[] = [];
    status.subscribe((state) => state.backoff && seen.push(state.backoff.attempts));
    engineFor({ serverUrl: flaky.url }).start();
    await vi.waitFor(async () => expect(await db.outbox.count()).toBe(0));
    expect(flaky.failed()).toBe(4);
    // Every failed push carried the same event again: it stayed in the outbox until the server took it.
    expect(flaky.failedPushes.length).toBeGreaterThanOrEqual(1);
    expect(new Set(flaky.failedPushes.flat())).toEqual(new Set([queued!.id]));
    expect(Math.max(...seen)).toBeGreaterThanOrEqual(2);
    await vi.waitFor(() => expect(status.getState()).toMatchObject({ connection: 'online', backoff: null }));
    expect((await serverAppointments((await desk.token())!)).get(anna!.id)?.status).toBe('arrived');
  });

  it('stops and asks for sign-in when the token expired while offline, and the outbox survives the new sign-in', async () => {
    const [first, second] = await expectedAppointments(db, SHARE);
    await checkInOne(desk, first!.id);
    await checkInOne(desk, second!.id);
    await revokeToken((await desk.token())!);

    engineFor().start();
    await vi.waitFor(() => expect(status.getState().needsSignIn).toBe(true));
    expect(await desk.token()).toBeNull();
    expect(await readMeta(db.meta, 'session')).toBeUndefined();
    expect((await db.outbox.toArray()).map((entry) => [entry.deviceSeq, entry.state])).toEqual([[1, 'pending'], [2, 'pending']]);
    expect(await db.appointments.get(first!.id)).toMatchObject({ status: 'arrived' });

    expect(await signInOnDesk(db, desk.bridge, accounts.clerk)).toMatchObject({ ok: true });
    engineFor().start();
    await vi.waitFor(async () => expect(await db.outbox.count()).toBe(0));
    expect(status.getState().needsSignIn).toBe(false);
    const server = await serverAppointments((await desk.token())!);
    expect([server.get(first!.id)?.status, server.get(second!.id)?.status]).toEqual(['arrived', 'arrived']);
  });

  it('runs one loop per desk when windows start it; a waiting window that closes gives up its turn, the next takes over', async () => {
    const locks = createPageLocks();
    const [first, second, third] = [engineFor({ locks }), engineFor({ locks }), engineFor({ locks })];
    first.start();
    second.start();
    third.start();
    await vi.waitFor(() => expect(first.isActive()).toBe(true));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect([second.isActive(), third.isActive()]).toEqual([false, false]);
    await second.stop();
    expect(first.isActive()).toBe(true);
    await first.stop();
    await vi.waitFor(() => expect(third.isActive()).toBe(true));
    expect(second.isActive()).toBe(false);
  });

  // The waits are generous for a busy machine; the poll is ten minutes, so only the poke can pull in time.
  it('pulls at once when the stream pokes, without waiting for the poll', async () => {
    const [anna] = await expectedAppointments(db, SHARE, 6);
    engineFor({ pollMs: 600_000, idlePullMs: 600_000 }).start();
    await vi.waitFor(() => expect(status.getState().streaming).toBe(true), { timeout: 10_000 });
    await vi.waitFor(() => expect(status.getState().lastSyncAt).not.toBeNull(), { timeout: 10_000 });
    const otherDb = await freshDatabase('engine-other');
    try {
      const other = await signedInDesk(otherDb, 'MAA-D1');
      const otherEngine = engineFor({ db: otherDb, deviceId: other.session.deviceId, token: other.token, status: createSyncStatusStore(), pollMs: 600_000 });
      otherEngine.start();
      await vi.waitFor(async () => expect(await otherDb.appointments.get(anna!.id)).toBeDefined(), { timeout: 10_000 });
      await checkInOne(other, anna!.id);
      await vi.waitFor(async () => expect(await otherDb.outbox.count()).toBe(0), { timeout: 10_000 });
      await otherEngine.stop();
    } finally {
      await dropDatabase(otherDb);
    }
    await vi.waitFor(async () => expect(await db.appointments.get(anna!.id)).toMatchObject({ status: 'arrived' }), { timeout: 10_000 });
  });

  it('warns when the desk clock is more than five minutes off the server clock', async () => {
    const [anna] = await expectedAppointments(db, SHARE);
    await checkInOne(desk, anna!.id);
    engineFor({ now: () => new Date(Date.now() + 7 * 60_000) }).start();
    await vi.waitFor(() => expect(status.getState().clockOffsetMs).not.toBeNull());
    expect(status.getState().clockOffsetMs).toBeGreaterThan(6 * 60_000);
    expect(clockSkewed(status.getState())).toBe(true);
  });
});
