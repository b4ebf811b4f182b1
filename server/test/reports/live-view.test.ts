/**
 * The live view of a location while a desk works through the real server: a supervisor sees the
 * desk open, someone waiting beyond the target, the desk serving whom since when, a pause with its
 * reason, and the desk offline once it stops syncing; the queue figures are shared `liveStatus`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { amsterdamDateOf } from '../../../shared/domain/calendar-date';
import { closeDesk, openDesk, registerWalkIn, startPause } from '../../../shared/domain/commands-desk';
import { callAppointment } from '../../../shared/domain/commands-queue';
import { complete, startService } from '../../../shared/domain/commands-service';
import { liveStatus } from '../../../shared/metrics/live';
import { liveViewSchema, type LiveView } from '../../../shared/reports/supervision-api';
import { rebuildDayState } from '../../src/sync/day-state-store';
import { createTestAccount, registerDesk, signIn } from '../support/accounts';
import { simulatedDesk, type SimulatedDesk } from '../support/simulated-desk';
import { openSse } from '../support/sse-reader';
import { startStaffedServer, type StaffedServer } from '../support/staffed-server';
import { databaseKindsUnderTest } from '../support/test-databases';

describe.each(databaseKindsUnderTest())('the live view on %s', (kind) => {
  let staffed: StaffedServer;
  let supervisor: string;
  let desk: SimulatedDesk;
  let walkInId: string;

  const live = async (): Promise<LiveView> => {
    const response = await fetch(`${staffed.server.url}/api/v1/reports/live`, { headers: { authorization: `Bearer ${supervisor}` } });
    expect(response.status).toBe(200);
    return liveViewSchema.parse(await response.json());
  };
  const act = async (command: Parameters<SimulatedDesk['act']>[0]) => {
    const pushed = await desk.push(desk.act(command));
    expect(pushed.body.results.map((result) => result.status)).not.toContain('rejected');
  };
  /** What shared `liveStatus` says of the server's day at the view's instant. */
  const sharedLive = async (view: LiveView) =>
    liveStatus(await rebuildDayState(staffed.server.db, 'MAA', view.day), view.at, view.targetWaitSeconds);
  const sameFigures = async (view: LiveView) => {
    const shared = await sharedLive(view);
    expect({ queueLength: view.queueLength, longestWaitSeconds: view.longestWaitSeconds, waitingBeyondTarget: view.waitingBeyondTarget, byService: view.byService })
      .toEqual({ queueLength: shared.queueLength, longestWaitSeconds: shared.longestWaitSeconds, waitingBeyondTarget: shared.waitingBeyondTarget, byService: shared.byService });
    expect(Object.fromEntries(view.desks.map((row) => [row.deskId, row.activity]))).toEqual(shared.desks);
  };

  beforeAll(async () => {
    staffed = await startStaffedServer(kind);
    await createTestAccount(staffed.server, 'teamleider.maa', 'supervisor', 'MAA');
    supervisor = await signIn(staffed.server, 'teamleider.maa');
    const credential = await registerDesk(staffed.server, staffed.adminToken, 'MAA', 'MAA-D1');
    const token = await signIn(staffed.server, 'clerk', credential);
    desk = await simulatedDesk(staffed.server, {
      deviceId: credential.deviceId, deskId: 'MAA-D1', token, clerkId: staffed.clerkId, locationId: 'MAA', day: amsterdamDateOf(new Date()),
    });
  }, 60_000);
  afterAll(async () => {
    await staffed?.stop();
  });

  it('a clerk may not read the live view', async () => {
    const response = await fetch(`${staffed.server.url}/api/v1/reports/live?location=MAA`, { headers: { authorization: `Bearer ${desk.token}` } });
    expect(response.status).toBe(403);
  });

  it('before anyone works, every desk of the location is closed and nobody waits', async () => {
    const view = await live();
    expect(view.desks.map((row) => [row.deskId, row.status])).toEqual([['MAA-D1', 'closed'], ['MAA-D2', 'closed'], ['MAA-D3', 'closed'], ['MAA-D4', 'closed']]);
    expect([view.queueLength, view.longestWaitSeconds, view.targetWaitSeconds]).toEqual([0, 0, 300]);
    await sameFigures(view);
  });

  it('a walk-in registered ten minutes ago waits beyond the target at an idle desk; the supervisor is poked', async () => {
    const { status, reader } = await openSse(`${staffed.server.url}/api/v1/sync/stream`, supervisor);
    expect(status).toBe(200);
    const cursorOf = (data: string) => BigInt((JSON.parse(data) as { cursor: string }).cursor);
    const first = await reader.next((message) => message.event === 'changes');
    await act((state, context) => openDesk(state, context));
    await reader.next((message) => message.event === 'changes' && cursorOf(message.data) > cursorOf(first.data), 5000);
    reader.close();
    const tenMinutesAgo = new Date(Date.now() - 10 * 60_000).toISOString();
    await act((state, context) => {
      const result = registerWalkIn(state, { person: { name: 'Noor Visser', dateOfBirth: '1991-05-04', nationalityCategory: 'other', vNumber: null }, service: 'DOC', reason: 'ind-invited', bookingId: null }, { ...context, now: tenMinutesAgo });
      if (result.ok) walkInId = result.events[0]!.appointmentId!;
      return result;
    });
    const view = await live();
    const row = view.desks.find((candidate) => candidate.deskId === 'MAA-D1')!;
    // The supervisor reads the clerk's name, and the ticket the waiting room calls the walk-in by.
    expect([row.status, row.clerkId, row.clerkName]).toEqual(['idle', staffed.clerkId, 'clerk']);
    expect(view.waiting[0]!.ticket).toMatch(/^A-\d{3}$/);
    expect(Date.parse(row.lastSyncAt!)).toBeGreaterThan(Date.now() - 60_000);
    expect(view.waiting[0]).toMatchObject({ appointmentId: walkInId, service: 'DOC', overTarget: true });
    expect(view.waiting[0]!.waitSeconds).toBeGreaterThanOrEqual(600);
    expect(view.waitingBeyondTarget).toBe(1);
    await sameFigures(view);
  });

  it('the desk calls them: serving whom since when, and the queue is empty', async () => {
    await act((state, context) => callAppointment(state, { appointmentId: walkInId }, context));
    await act((state, context) => startService(state, { appointmentId: walkInId }, context));
    const view = await live();
    const row = view.desks.find((candidate) => candidate.deskId === 'MAA-D1')!;
    expect(row.status).toBe('serving');
    expect(row.serving).toEqual([expect.objectContaining({ appointmentId: walkInId, service: 'DOC', status: 'in-service' })]);
    expect(Date.parse(row.serving[0]!.calledAt!)).toBeLessThanOrEqual(Date.parse(row.serving[0]!.serviceStartedAt!));
    expect([view.queueLength, view.waitingBeyondTarget]).toEqual([0, 0]);
    await sameFigures(view);
  });

  it('a pause shows with its reason; a desk that stops syncing shows offline; a closed one closed', async () => {
    await act((state, context) => complete(state, { appointmentId: walkInId, outcome: 'client-left', reason: null }, context));
    await act((state, context) => startPause(state, { reason: 'lunch', note: null }, context));
    let row = (await live()).desks.find((candidate) => candidate.deskId === 'MAA-D1')!;
    expect([row.status, row.pause?.reason]).toEqual(['paused', 'lunch']);

    await staffed.server.db.query("UPDATE devices SET last_seen_at = now() - interval '6 minutes' WHERE desk_id = 'MAA-D1'");
    const view = await live();
    row = view.desks.find((candidate) => candidate.deskId === 'MAA-D1')!;
    expect([row.status, row.activity]).toEqual(['offline', 'paused']);
    await sameFigures(view);

    await act((state, context) => closeDesk(state, context));
    row = (await live()).desks.find((candidate) => candidate.deskId === 'MAA-D1')!;
    expect(row.status).toBe('closed');
  });
});
