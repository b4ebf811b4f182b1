/**
 * The waiting-room display on the real server: a display device reads the calls of its location
 * and nothing else; the calls carry ticket numbers and desk names, never personal data; tickets
 * made by several desks, offline ones included, never clash.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { amsterdamDateOf } from '../../shared/domain/calendar-date';
import { callNext, checkInBooking } from '../../shared/domain/commands-queue';
import { openDesk } from '../../shared/domain/commands-desk';
import { SERVICE_CODES } from '../../shared/domain/codes';
import { displayAuthorization, displayCallsSchema } from '../../shared/display/calls-api';
import { API_OPERATIONS } from '../src/openapi/api-operations';
import type { RunningServer } from '../src/server';
import { postJson, registerDesk, signIn } from './support/accounts';
import { simulatedDesk, type SimulatedDesk } from './support/simulated-desk';
import { startStaffedServer, type StaffedServer } from './support/staffed-server';
import { databaseKindsUnderTest } from './support/test-databases';
import { fakeRendererDir, startTestServer } from './support/test-server';

const today = amsterdamDateOf(new Date());

interface Credential {
  deviceId: string;
  deviceSecret: string;
}

async function registerDisplay(server: RunningServer, adminToken: string): Promise<Credential & { kind: string; locationId: string }> {
  const codeResponse = await postJson(server, '/api/v1/devices/registration-codes', { locationId: 'MAA', kind: 'display', deskId: null }, adminToken);
  expect(codeResponse.status).toBe(201);
  const { code } = (await codeResponse.json()) as { code: string };
  const registration = await postJson(server, '/api/v1/devices/register', { code, name: 'Wachtkamer hal' });
  expect(registration.status).toBe(201);
  return (await registration.json()) as Credential & { kind: string; locationId: string };
}

async function readCalls(server: RunningServer, credential: Credential) {
  const response = await fetch(`${server.url}/api/v1/display/calls`, { headers: { authorization: displayAuthorization(credential) } });
  expect(response.status).toBe(200);
  const text = await response.text();
  return { text, calls: displayCallsSchema.parse(JSON.parse(text)) };
}

/** The booking codes of today's demo bookings nobody has checked in yet, in slot order. */
async function expectedBookingCodes(server: RunningServer, desk: SimulatedDesk): Promise<string[]> {
  const codes = Object.values(desk.state.appointments)
    .filter((appointment) => appointment.status === 'expected' && appointment.appointmentCode !== null)
    .sort((a, b) => a.slotStart.localeCompare(b.slotStart) || a.bookingId.localeCompare(b.bookingId))
    .map((appointment) => appointment.appointmentCode!);
  expect(server.url).toBeTruthy();
  return [...new Set(codes)];
}

/** A concrete request for a documented path: parameters filled in, a file for a wildcard. */
function concretePath(path: string): string {
  return path.replace(/:[A-Za-z]+/g, 'MAA').replace(/\{[A-Za-z]+\}/g, 'MAA').replace('*', 'index.html');
}

describe.each(databaseKindsUnderTest())('the waiting-room display on %s', (kind) => {
  let staffed: StaffedServer;
  let server: RunningServer;
  let display: Credential & { kind: string; locationId: string };
  let deskOne: SimulatedDesk;
  let deskTwo: SimulatedDesk;

  async function deskAt(deskId: string): Promise<SimulatedDesk> {
    const credential = await registerDesk(server, staffed.adminToken, 'MAA', deskId);
    const token = await signIn(server, 'clerk', credential);
    return simulatedDesk(server, { deviceId: credential.deviceId, deskId, token, clerkId: staffed.clerkId, locationId: 'MAA', day: today });
  }

  beforeAll(async () => {
    staffed = await startStaffedServer(kind);
    server = staffed.server;
    display = await registerDisplay(server, staffed.adminToken);
    deskOne = await deskAt('MAA-D1');
    deskTwo = await deskAt('MAA-D2');
  });
  afterAll(async () => {
    await staffed?.stop();
  });

  it('a registered display is a display of its location', () => {
    expect(display.kind).toBe('display');
    expect(display.locationId).toBe('MAA');
  });

  it('shows the call a desk made, by ticket and desk name, and how many wait', async () => {
    const before = await readCalls(server, display);
    expect(before.calls.calls).toEqual([]);
    expect(before.calls.waiting).toBe(0);
    const [first, second] = await expectedBookingCodes(server, deskOne);
    const events = [
      ...deskOne.act((state, context) => openDesk(state, context)),
      ...deskOne.act((state, context) => checkInBooking(state, { appointmentCode: first!, method: 'scan' }, context)),
      ...deskOne.act((state, context) => checkInBooking(state, { appointmentCode: second!, method: 'scan' }, context)),
    ];
    const waitingPersons = new Set(Object.values(deskOne.state.appointments).filter((a) => a.status === 'arrived').map((a) => a.personId)).size;
    const called = deskOne.act((state, context) => callNext(state, { services: [...SERVICE_CODES] }, context));
    expect((await deskOne.push([...events, ...called])).status).toBe(200);
    const calledPersons = new Set(called.map((event) => deskOne.state.appointments[event.appointmentId!]!.personId)).size;
    const ticket = deskOne.state.appointments[called[0]!.appointmentId!]!.ticket;
    expect(ticket).toMatch(/^A-00[12]$/);

    const after = await readCalls(server, display);
    expect(after.calls.locationName).toBeTruthy();
    expect(after.calls.date).toBe(today);
    // A family called together is one call on the screen.
    expect(after.calls.calls).toEqual([{ ticket, deskName: 'Balie 1', calledAt: expect.any(String) as string }]);
    expect(after.calls.waiting).toBe(waitingPersons - calledPersons);
  });

  it("answers no name, V-number, date of birth or appointment code of the day's clients", async () => {
    const persons = await server.db.query<{ full_name: string; v_number: string | null; date_of_birth: string }>(
      `SELECT p.full_name, p.v_number, to_char(p.date_of_birth, 'YYYY-MM-DD') AS date_of_birth
         FROM persons p JOIN bookings b ON b.id = p.booking_id WHERE b.location_id = 'MAA' AND b.date = $1`,
      [today],
    );
    const codes = await server.db.query<{ appointment_code: string }>("SELECT appointment_code FROM bookings WHERE location_id = 'MAA' AND date = $1", [today]);
    expect(persons.length).toBeGreaterThan(10);
    const { text, calls } = await readCalls(server, display);
    expect(calls.calls.length).toBeGreaterThan(0);
    const personal = [
      ...persons.flatMap((person) => [person.full_name, ...person.full_name.split(' ').filter((part) => part.length > 3), person.date_of_birth]),
      ...persons.map((person) => person.v_number).filter((vNumber): vNumber is string => vNumber !== null),
      ...codes.map((code) => code.appointment_code),
    ];
    expect(personal.filter((value) => text.includes(value))).toEqual([]);
  });

  it('gives tickets unique per location and day across desks, also those made offline', async () => {
    // Desk 2 lost the network before desk 1's check-ins: it works on its copy of the early morning.
    const codes = await expectedBookingCodes(server, deskOne);
    const offlineEvents = codes.slice(0, 3).flatMap((code) => deskTwo.act((state, context) => checkInBooking(state, { appointmentCode: code, method: 'scan' }, context)));
    const onlineEvents = codes.slice(3, 6).flatMap((code) => deskOne.act((state, context) => checkInBooking(state, { appointmentCode: code, method: 'manual' }, context)));
    expect((await deskOne.push(onlineEvents)).status).toBe(200);
    const offlinePush = await deskTwo.push(offlineEvents);
    expect(offlinePush.body.results.map((result) => result.status)).toEqual(offlineEvents.map(() => 'accepted'));

    const rows = await server.db.query<{ booking_id: string; ticket: string }>(
      "SELECT state->>'bookingId' AS booking_id, state->>'ticket' AS ticket FROM appointment_states WHERE location_id = 'MAA' AND day = $1 AND state->>'ticket' IS NOT NULL",
      [today],
    );
    const bookingsByTicket = new Map<string, Set<string>>();
    for (const row of rows) bookingsByTicket.set(row.ticket, (bookingsByTicket.get(row.ticket) ?? new Set()).add(row.booking_id));
    expect(bookingsByTicket.size).toBe(8);
    expect([...bookingsByTicket.values()].filter((bookings) => bookings.size > 1)).toEqual([]);
    expect([...bookingsByTicket.keys()].sort()).toEqual(['A-001', 'A-002', 'A-003', 'A-004', 'A-005', 'B-001', 'B-002', 'B-003']);
  });

  it('refuses a display credential on every other route (403), and as a bearer token it is no session (401)', async () => {
    const others = API_OPERATIONS.filter((operation) => !operation.path.startsWith('/api/v1/display/'));
    expect(others.length).toBeGreaterThan(15);
    const answers: string[] = [];
    for (const operation of others) {
      const path = concretePath(operation.path);
      const body = operation.method === 'GET' ? undefined : '{}';
      const headers = { 'content-type': 'application/json' };
      const asDisplay = await fetch(`${server.url}${path}`, { method: operation.method, headers: { ...headers, authorization: displayAuthorization(display) }, body, redirect: 'manual' });
      answers.push(`${operation.method} ${operation.path} as display: ${asDisplay.status}`);
      if (operation.access !== 'public') {
        const asBearer = await fetch(`${server.url}${path}`, { method: operation.method, headers: { ...headers, authorization: `Bearer ${display.deviceSecret}` }, body });
        answers.push(`${operation.method} ${operation.path} as bearer: ${asBearer.status}`);
      }
    }
    expect(answers.filter((answer) => !/ (403|401)$/.test(answer))).toEqual([]);
    expect(answers.filter((answer) => answer.includes('as display')).every((answer) => answer.endsWith('403'))).toBe(true);
  });

  it('refuses the calls to no credential, a wrong secret, a desk device, a clerk session, and a display sign-in', async () => {
    const calls = (authorization?: string) => fetch(`${server.url}/api/v1/display/calls`, { headers: authorization ? { authorization } : {} });
    expect((await calls()).status).toBe(401);
    expect((await calls(displayAuthorization({ deviceId: display.deviceId, deviceSecret: 'x'.repeat(43) }))).status).toBe(401);
    expect((await calls(displayAuthorization({ deviceId: deskOne.deviceId, deviceSecret: display.deviceSecret }))).status).toBe(401);
    expect((await calls(`Bearer ${deskOne.token}`)).status).toBe(401);
    const signInAsDisplay = await postJson(server, '/api/v1/auth/sign-in', { username: 'clerk', password: 'correct horse battery staple', device: display });
    expect(signInAsDisplay.status).toBe(401);
  });

  it('pokes the display over its stream when something happens at the location, so it reads the calls again', async () => {
    const controller = new AbortController();
    const response = await fetch(`${server.url}/api/v1/display/stream`, { headers: { authorization: displayAuthorization(display) }, signal: controller.signal });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let received = '';
    const pokes = () => received.split('event: calls').length - 1;
    const readUntil = async (count: number) => {
      while (pokes() < count) {
        const chunk = await reader.read();
        if (chunk.done) throw new Error(`the stream ended after: ${received}`);
        received += decoder.decode(chunk.value, { stream: true });
      }
    };
    await readUntil(1);
    const [code] = await expectedBookingCodes(server, deskOne);
    const checkedIn = deskOne.act((state, context) => checkInBooking(state, { appointmentCode: code!, method: 'scan' }, context));
    expect((await deskOne.push(checkedIn)).status).toBe(200);
    await readUntil(2);
    expect(received).toContain('data: {"locationId":"MAA"}');
    controller.abort();
  });

  it('refuses a display an admin revoked, on the calls and the stream alike', async () => {
    const revoked = await registerDisplay(server, staffed.adminToken);
    const headers = { authorization: displayAuthorization(revoked) };
    expect((await fetch(`${server.url}/api/v1/display/calls`, { headers })).status).toBe(200);
    await server.db.query('UPDATE devices SET revoked_at = now() WHERE id = $1', [revoked.deviceId]);
    expect((await fetch(`${server.url}/api/v1/display/calls`, { headers })).status).toBe(401);
    expect((await fetch(`${server.url}/api/v1/display/stream`, { headers })).status).toBe(401);
  });

  it('serves the display page of a known location under the strict CSP, and 404 for an unknown one', async () => {
    const rendererDir = await fakeRendererDir();
    await writeFile(join(rendererDir, 'display.html'), '<!doctype html><title>Oproepen</title><div id="display"></div>');
    const withBuild = await startTestServer(staffed.database, { rendererDir });
    try {
      const page = await fetch(`${withBuild.url}/display/MAA`);
      expect(page.status).toBe(200);
      expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(await page.text()).toContain('<div id="display">');
      expect((await fetch(`${withBuild.url}/display/XYZ`)).status).toBe(404);
      expect((await fetch(`${withBuild.url}/display/maa`)).status).toBe(404);
    } finally {
      await withBuild.stop();
    }
    expect((await fetch(`${server.url}/display/MAA`)).status).toBe(503);
  });
});
