import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { amsterdamDateOf } from '../../../shared/domain/calendar-date';
import { openDesk } from '../../../shared/domain/commands-desk';
import { callAppointment, checkIn } from '../../../shared/domain/commands-queue';
import type { AppointmentState } from '../../../shared/domain/appointment-state';
import type { RunningServer } from '../../src/server';
import { rebuildDayState } from '../../src/sync/day-state-store';
import { registerDesk, signIn } from '../support/accounts';
import { simulatedDesk, type SimulatedDesk } from '../support/simulated-desk';
import { databaseKindsUnderTest } from '../support/test-databases';
import { startStaffedServer, type StaffedServer } from '../support/staffed-server';

const today = amsterdamDateOf(new Date());

describe.each(databaseKindsUnderTest())('push and pull on %s', (kind) => {
  let staffed: StaffedServer;
  let server: RunningServer;
  let adminToken: string;
  let clerkId: string;
  let deskNumber = 0;

  beforeAll(async () => {
    staffed = await startStaffedServer(kind);
    ({ server, adminToken, clerkId } = staffed);
  });
  afterAll(() => staffed?.stop());

  /** A freshly registered desk with its clerk signed in and the desk opened. */
  async function newDesk(): Promise<SimulatedDesk> {
    deskNumber += 1;
    const deskId = `MAA-D${((deskNumber - 1) % 4) + 1}`;
    const credential = await registerDesk(server, adminToken, 'MAA', deskId);
    const token = await signIn(server, 'clerk', credential);
    return simulatedDesk(server, { deviceId: credential.deviceId, deskId, token, clerkId, locationId: 'MAA', day: today });
  }

  const expectedAppointments = async (): Promise<AppointmentState[]> =>
    Object.values((await rebuildDayState(server.db, 'MAA', today)).appointments).filter((a) => a.status === 'expected');

  it('a check-in is accepted, and a pull brings the checked-in appointment', async () => {
    const desk = await newDesk();
    const [target] = await expectedAppointments();
    const start = (await desk.pull('0', 1000)).nextCursor;
    const events = desk.act((state, context) => checkIn(state, { appointmentIds: [target!.id], method: 'scan' }, context));
    const { status, body } = await desk.push(events);
    expect(status).toBe(200);
    expect(body.results).toEqual([expect.objectContaining({ status: 'accepted', id: events[0]!.id })]);
    expect(body.lastDeviceSeq).toBe(1);
    const page = await desk.pull(start);
    const change = page.changes.find((c) => c.entity === 'appointment' && c.id === target!.id);
    expect(change?.data).toMatchObject({ status: 'arrived' });
    expect(page.nextCursor).toBe(page.changes.at(-1)!.seq);
    // Reports read the current state from the projection table, kept with the feed.
    const projected = await server.db.query<{ state: { status: string } }>('SELECT state FROM appointment_states WHERE appointment_id = $1', [target!.id]);
    expect(projected[0]?.state.status).toBe('arrived');
  });

  it('the same batch sent ten times at once is applied once, and every reply agrees', async () => {
    const desk = await newDesk();
    const targets = (await expectedAppointments()).slice(0, 3);
    const events = desk.act((state, context) => checkIn(state, { appointmentIds: targets.map((t) => t.id), method: 'manual' }, context));
    const replies = await Promise.all(Array.from({ length: 10 }, () => desk.push(events)));
    expect(replies.every((reply) => reply.status === 200)).toBe(true);
    for (const reply of replies) {
      expect(reply.body.results.map((r) => r.status === 'accepted' || (r.status === 'duplicate' && r.original === 'accepted'))).toEqual([true, true, true]);
    }
    expect(replies.filter((reply) => reply.body.results[0]!.status === 'accepted')).toHaveLength(1);
    const stored = await server.db.query('SELECT 1 FROM events WHERE device_id = $1', [desk.deviceId]);
    expect(stored).toHaveLength(3);
  });

  it('a gap in the device sequence is refused without effect; after the resend the state is as in order', async () => {
    const desk = await newDesk();
    const [first, second] = await expectedAppointments();
    const one = desk.act((state, context) => checkIn(state, { appointmentIds: [first!.id], method: 'scan' }, context));
    const two = desk.act((state, context) => checkIn(state, { appointmentIds: [second!.id], method: 'scan' }, context));
    const early = await desk.push(two);
    expect(early.body.results).toEqual([{ status: 'gap', id: two[0]!.id, expectedSeq: 1 }]);
    expect(await server.db.query('SELECT 1 FROM events WHERE device_id = $1', [desk.deviceId])).toHaveLength(0);
    const resend = await desk.push([...one, ...two]);
    expect(resend.body.results.map((r) => r.status)).toEqual(['accepted', 'accepted']);
    const day = await rebuildDayState(server.db, 'MAA', today);
    expect([day.appointments[first!.id]!.status, day.appointments[second!.id]!.status]).toEqual(['arrived', 'arrived']);
  });

  it('one poisoned event is rejected with its reason and the others are applied', async () => {
    const desk = await newDesk();
    const [a, b] = await expectedAppointments();
    const events = desk.act((state, context) => checkIn(state, { appointmentIds: [a!.id, b!.id], method: 'scan' }, context));
    const poisoned = { id: '0195f3d2-7c6a-7b1e-9c1a-3f2b5d6e7a8b', deviceSeq: 2, type: 'checkedIn', payload: { method: 'telepathy' } };
    const batch = [events[0], poisoned, { ...events[1], deviceSeq: 3 }];
    const { body } = await desk.push(batch);
    expect(body.results.map((r) => r.status)).toEqual(['accepted', 'rejected', 'accepted']);
    expect(JSON.stringify(body.results[1])).toContain('payload');
    const resent = await desk.push([poisoned]);
    expect(resent.body.results[0]).toMatchObject({ status: 'duplicate', original: 'rejected' });
  });

  it('two desks call the same person: the first call wins, the second is a recorded conflict', async () => {
    const [deskOne, deskTwo] = [await newDesk(), await newDesk()];
    const [person] = await expectedAppointments();
    const arrival = deskOne.act((state, context) => checkIn(state, { appointmentIds: [person!.id], method: 'scan' }, context));
    await deskOne.push(arrival);
    deskTwo.state = await rebuildDayState(server.db, 'MAA', today);
    const callOne = [...deskOne.act(openDesk), ...deskOne.act((s, c) => callAppointment(s, { appointmentId: person!.id }, c))];
    const callTwo = [...deskTwo.act(openDesk), ...deskTwo.act((s, c) => callAppointment(s, { appointmentId: person!.id }, c))];
    expect((await deskOne.push(callOne)).body.results.map((r) => r.status)).toEqual(['accepted', 'accepted']);
    const second = await deskTwo.push(callTwo);
    expect(second.body.results.map((r) => r.status)).toEqual(['accepted', 'conflict']);
    const conflicts = await server.db.query<{ appointment_id: string }>('SELECT appointment_id FROM conflicts WHERE event_id = $1', [callTwo[1]!.id]);
    expect(conflicts).toEqual([{ appointment_id: person!.id }]);
    const day = await rebuildDayState(server.db, 'MAA', today);
    expect(day.appointments[person!.id]).toMatchObject({ status: 'called', deskId: deskOne.deskId });
  });

  it('a desk offline while another desk called its two clients pushes both lost calls in one batch: each is a recorded conflict in the feed', async () => {
    const [deskOne, deskTwo] = [await newDesk(), await newDesk()];
    const people = (await expectedAppointments()).slice(0, 2);
    await deskOne.push(deskOne.act((state, context) => checkIn(state, { appointmentIds: people.map((p) => p.id), method: 'scan' }, context)));
    deskTwo.state = await rebuildDayState(server.db, 'MAA', today);
    const start = (await deskTwo.pull('0', 1000)).nextCursor;
    const callsOne = [...deskOne.act(openDesk), ...people.flatMap((p) => deskOne.act((s, c) => callAppointment(s, { appointmentId: p.id }, c)))];
    const callsTwo = [...deskTwo.act(openDesk), ...people.flatMap((p) => deskTwo.act((s, c) => callAppointment(s, { appointmentId: p.id }, c)))];
    await deskOne.push(callsOne);
    const lost = await deskTwo.push(callsTwo);
    expect(lost.body.results.map((r) => r.status)).toEqual(['accepted', 'conflict', 'conflict']);
    const recorded = await server.db.query<{ event_id: string; appointment_id: string; day: string; code: string }>(
      "SELECT event_id, appointment_id, to_char(day, 'YYYY-MM-DD') AS day, error->>'code' AS code FROM conflicts WHERE event_id = ANY($1) ORDER BY appointment_id",
      [callsTwo.map((event) => event.id)],
    );
    const lostCalls = callsTwo.slice(1).sort((a, b) => (a.appointmentId! < b.appointmentId! ? -1 : 1));
    expect(recorded).toEqual(lostCalls.map((event) => ({ event_id: event.id, appointment_id: event.appointmentId, day: today, code: expect.any(String) })));
    const feed = await deskTwo.pull(start, 1000);
    expect(feed.changes.filter((change) => change.entity === 'conflict').map((change) => change.id).sort()).toEqual(lostCalls.map((event) => event.id).sort());
  });

  it('pull pages through every change in order, and the union of pages is the feed', async () => {
    const desk = await newDesk();
    const all: string[] = [];
    let cursor = '0';
    for (let page = await desk.pull(cursor, 7); ; page = await desk.pull(cursor, 7)) {
      all.push(...page.changes.map((change) => change.seq));
      cursor = page.nextCursor;
      if (!page.hasMore) break;
    }
    const feed = await server.db.query<{ seq: string }>("SELECT seq::text AS seq FROM changes WHERE location_id = 'MAA' ORDER BY changes.seq");
    expect(all).toEqual(feed.map((row) => row.seq));
  });

  it('a desk cannot push for another device, and a browser session cannot sync', async () => {
    const desk = await newDesk();
    const other = await newDesk();
    const response = await fetch(`${server.url}/api/v1/sync/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${desk.token}` },
      body: JSON.stringify({ deviceId: other.deviceId, clientTime: new Date().toISOString(), events: [{}] }),
    });
    expect(response.status).toBe(403);
    const pull = await fetch(`${server.url}/api/v1/sync/pull`, { headers: { authorization: `Bearer ${adminToken}` } });
    expect(pull.status).toBe(403);
  });
});
