import { createServer, type Server } from 'node:http';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { addNote } from '../../shared/domain/commands-service';
import type { DeskDatabase } from '../src/db/desk-db';
import { performCommand } from '../src/db/perform-command';
import { forgetSession } from '../src/features/auth/desk-auth';
import { createPageLocks } from '../src/features/sync/desk-lock';
import { pullChanges } from '../src/features/sync/pull-changes';
import { createSyncEngine, type SyncEngine } from '../src/features/sync/sync-engine';
import { createSyncStatusStore } from '../src/features/sync/sync-status-store';
import { dropDatabase, expectedAppointments, freshDatabase, serverUrl, signedInDesk, type SignedInDesk } from './desk-fixtures';

const SHARE = 5;

/** A server that is down for the desk: every request answers 500; it counts the pushes. */
async function brokenServer(): Promise<{ url: string; server: Server; pushes: () => number }> {
  let pushes = 0;
  const server = createServer((request, response) => {
    if (request.url?.endsWith('/sync/push')) pushes++;
    request.resume();
    request.on('end', () => response.writeHead(500, { 'content-type': 'application/json' }).end('{"error":"down"}'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('no address');
  return { url: `http://127.0.0.1:${address.port}`, server, pushes: () => pushes };
}

describe('a desk whose server is down', () => {
  let db: DeskDatabase;
  let desk: SignedInDesk;
  let engine: SyncEngine | undefined;
  let broken: Awaited<ReturnType<typeof brokenServer>> | undefined;

  beforeEach(async () => {
    db = await freshDatabase('backoff-test');
    desk = await signedInDesk(db, 'MAA-D2');
    expect(await pullChanges(db, { serverUrl, token: (await desk.token())! })).toMatchObject({ ok: true });
  });
  afterEach(async () => {
    await engine?.stop();
    broken?.server.close();
    await dropDatabase(db);
  });

  it('keeps to its backoff while the clerk goes on working: twenty notes do not make twenty requests', async () => {
    broken = await brokenServer();
    const status = createSyncStatusStore();
    engine = createSyncEngine({
      db,
      serverUrl: broken.url,
      deviceId: desk.session.deviceId,
      token: desk.token,
      onUnauthenticated: () => forgetSession(db, desk.bridge),
      status,
      locks: createPageLocks(),
      // A first wait long enough that only the clerk's actions could cause more requests.
      backoff: { baseMs: 60_000, maxMs: 60_000 },
      random: () => 0.5,
    });
    const [anna] = await expectedAppointments(db, SHARE);
    await performCommand(db, (state, context) => addNote(state, { appointmentId: anna!.id, text: 'eerste notitie' }, context), desk.context());
    engine.start();
    await vi.waitFor(() => expect(status.getState().backoff?.attempts).toBe(1));
    for (let note = 0; note < 20; note++) {
      await performCommand(db, (state, context) => addNote(state, { appointmentId: anna!.id, text: `notitie ${note}` }, context), desk.context());
    }
    // Let the engine see every new outbox count before counting its requests.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(broken.pushes()).toBe(1);
    expect(await db.outbox.count()).toBe(21);
    expect(status.getState()).toMatchObject({ connection: 'offline', backoff: { attempts: 1 } });

    // "Sync now" (or the network coming back) does not wait for the backoff.
    engine.syncNow();
    await vi.waitFor(() => expect(broken!.pushes()).toBe(2));
  });
});
