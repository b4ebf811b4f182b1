/**
 * Who may call what: every route × every kind of caller, each cell asserted with a minimal valid
 * request (so a refusal is the access rule speaking, not validation). MAA is "here", AMS "there".
 * Then the location scoping the matrix cannot show: what a desk of one location sees and changes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { amsterdamDateOf } from '../../../shared/domain/calendar-date';
import { checkIn } from '../../../shared/domain/commands-queue';
import { checklistDefinitionSchema } from '../../../shared/checklists/definition-schema';
import { pullResponseSchema, pushResponseSchema } from '../../../shared/sync/push-pull';
import type { RunningServer } from '../../src/server';
import { EXPORT_COLUMNS } from '../import/booking-export';
import { createTestAccount, postJson, registerDesk, signIn, TEST_PASSWORD } from '../support/accounts';
import { simulatedDesk } from '../support/simulated-desk';
import { createTestDatabase, databaseKindsUnderTest, type TestDatabase } from '../support/test-databases';
import { startTestServer } from '../support/test-server';

const CALLERS = ['nobody', 'clerk MAA', 'clerk AMS', 'supervisor MAA', 'supervisor AMS', 'admin', 'municipality MAA'] as const;
type Caller = (typeof CALLERS)[number];

// prettier-ignore
const MATRIX: Array<[route: string, answers: [nobody: number, clerkMaa: number, clerkAms: number, supervisorMaa: number, supervisorAms: number, admin: number, municipalityMaa: number]]> = [
  //                                                      nobody  clerk   clerk   superv. superv. admin      munici-
  //                                                              MAA     AMS     MAA     AMS     (browser)  pality MAA
  ['GET /api/v1/health',                                  [200,    200,    200,    200,    200,    200,    200]],
  ['GET /api/v1/openapi.json',                            [200,    200,    200,    200,    200,    200,    200]],
  // Public on the demo database the test server runs on (any location's day); on a real database staff of the location only.
  ['GET /api/v1/appointments (MAA)',                      [200,    200,    200,    200,    200,    200,    200]],
  ['POST /api/v1/auth/sign-in',                           [200,    200,    200,    200,    200,    200,    200]],
  ['POST /api/v1/auth/sign-out',                          [401,    204,    204,    204,    204,    204,    204]],
  ['PUT /api/v1/auth/pin',                                [401,    204,    204,    204,    204,    204,    403]],
  ['POST /api/v1/devices/registration-codes (MAA)',       [401,    403,    403,    403,    403,    201,    403]],
  ['POST /api/v1/devices/registration-codes (AMS)',       [401,    403,    403,    403,    403,    201,    403]],
  ['POST /api/v1/devices/register',                       [201,    201,    201,    201,    201,    201,    201]],
  ['POST /api/v1/locations',                              [401,    403,    403,    403,    403,    201,    403]],
  ['POST /api/v1/locations/{locationId}/desks (MAA)',     [401,    403,    403,    403,    403,    201,    403]],
  ['POST /api/v1/accounts',                               [401,    403,    403,    403,    403,    201,    403]],
  ['GET /api/v1/checklists',                              [401,    200,    200,    200,    200,    200,    403]],
  ['POST /api/v1/checklists',                             [401,    403,    403,    403,    403,    201,    403]],
  ['POST /api/v1/import/appointments (MAA)',              [401,    403,    403,    403,    403,    200,    403]],
  // Push and pull need a session on a desk device: browser sessions (supervisors, admins) are refused.
  ['POST /api/v1/sync/push',                              [401,    200,    200,    403,    403,    403,    403]],
  ['GET /api/v1/sync/pull',                               [401,    200,    200,    403,    403,    403,    403]],
  // The change stream: a desk streams its own location (the query is ignored); a browser session
  // of a supervisor (own location) or admin names it.
  ['GET /api/v1/sync/stream (MAA)',                       [401,    200,    200,    200,    403,    200,    403]],
  // Reports are for supervisors (their own location) and admins (every location); clerks never.
  ['GET /api/v1/reports (MAA)',                           [401,    403,    403,    200,    403,    200,    403]],
  ['GET /api/v1/reports/export (MAA)',                    [401,    403,    403,    200,    403,    200,    403]],
  ['GET /api/v1/reports/events (MAA)',                    [401,    403,    403,    200,    403,    200,    403]],
  ['GET /api/v1/reports/live (MAA)',                      [401,    403,    403,    200,    403,    200,    403]],
  ['GET /api/v1/reports/settings (MAA)',                  [401,    403,    403,    200,    403,    200,    403]],
  ['PUT /api/v1/reports/settings (MAA)',                  [401,    403,    403,    200,    403,    200,    403]],
  ['GET /api/v1/reports/conflicts (MAA)',                 [401,    403,    403,    200,    403,    200,    403]],
  ['GET /api/v1/steering (MAA)',                          [401,    403,    403,    200,    403,    200,    403]],
  // The fast track: the municipality's back office, supervisors and admins; nobody of another location.
  ['GET /api/v1/fast-track (MAA)',                        [401,    403,    403,    200,    403,    200,    200]],
  // No such registration: the access rule lets them through to the 404.
  ['PUT /api/v1/fast-track/{appointmentId}',              [401,    403,    403,    404,    404,    404,    404]],
  ['POST /api/v1/import/bsn-issued (MAA)',                [401,    403,    403,    200,    403,    200,    200]],
  ['GET /api/v1/locations/{locationId}/sponsors (MAA)',   [401,    403,    403,    200,    403,    200,    403]],
  ['PUT /api/v1/locations/{locationId}/sponsors (MAA)',   [401,    403,    403,    403,    403,    200,    403]],
  ['GET /api/v1/steering/export (MAA)',                   [401,    403,    403,    200,    403,    200,    403]],
  // No such conflict: the access rule lets supervisors and admins through to the 404.
  ['POST /api/v1/reports/conflicts/{eventId}/resolution', [401,    403,    403,    404,    404,    404,    403]],
  // A display device's credential is not a session: every session and nobody get 401 here.
  ['GET /api/v1/display/calls',                           [401,    401,    401,    401,    401,    401,    401]],
  ['GET /api/v1/display/stream',                          [401,    401,    401,    401,    401,    401,    401]],
  ['GET /',                                               [302,    302,    302,    302,    302,    302,    302]],
  ['GET /supervisor',                                     [302,    302,    302,    302,    302,    302,    302]],
  // The test server has no renderer build: 503 for everyone (public pages otherwise; the data routes check the role).
  ['GET /supervisor/',                                    [503,    503,    503,    503,    503,    503,    503]],
  ['GET /supervisor/assets/{path}',                       [503,    503,    503,    503,    503,    503,    503]],
  ['GET /display/{location} (MAA)',                       [503,    503,    503,    503,    503,    503,    503]],
  ['GET /display/assets/{path}',                          [503,    503,    503,    503,    503,    503,    503]],
  // The test server has no desk build: 503 for everyone (public files otherwise).
  ['GET /desk/',                                          [503,    503,    503,    503,    503,    503,    503]],
];

const today = amsterdamDateOf(new Date());

interface Session {
  token: string;
  /** The desk device of a clerk's session. */
  deviceId?: string;
}

describe.each(databaseKindsUnderTest())('the access matrix on %s', (kind) => {
  let database: TestDatabase;
  let server: RunningServer;
  const sessions = new Map<Caller, Session>();
  const credentials = new Map<Caller, { deviceId: string; deviceSecret: string }>();
  const usernames: Record<Exclude<Caller, 'nobody'>, string> = {
    'clerk MAA': 'clerk.maa',
    'clerk AMS': 'clerk.ams',
    'supervisor MAA': 'supervisor.maa',
    'supervisor AMS': 'supervisor.ams',
    admin: 'admin',
    'municipality MAA': 'gemeente.maa',
  };

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    server = await startTestServer(database);
    await server.db.query("INSERT INTO locations (id, name) VALUES ('AMS', 'Amsterdam')");
    await server.db.query("INSERT INTO desks (id, location_id, name) VALUES ('AMS-D1', 'AMS', 'Balie 1')");
    await createTestAccount(server, 'admin', 'admin', null);
    await createTestAccount(server, 'clerk.maa', 'clerk', 'MAA');
    await createTestAccount(server, 'clerk.ams', 'clerk', 'AMS');
    await createTestAccount(server, 'supervisor.maa', 'supervisor', 'MAA');
    await createTestAccount(server, 'supervisor.ams', 'supervisor', 'AMS');
    await createTestAccount(server, 'gemeente.maa', 'municipality', 'MAA');
    const adminToken = await signIn(server, 'admin');
    credentials.set('clerk MAA', await registerDesk(server, adminToken, 'MAA', 'MAA-D1'));
    credentials.set('clerk AMS', await registerDesk(server, adminToken, 'AMS', 'AMS-D1'));
    for (const caller of CALLERS) if (caller !== 'nobody') sessions.set(caller, await newSession(caller));
  });
  afterAll(async () => {
    await server?.stop();
    await database?.drop();
  });

  async function newSession(caller: Exclude<Caller, 'nobody'>): Promise<Session> {
    const credential = credentials.get(caller);
    return { token: await signIn(server, usernames[caller], credential), deviceId: credential?.deviceId };
  }

  const adminToken = () => sessions.get('admin')!.token;

  /** The minimal valid request of a matrix row, as `caller`. */
  async function request(route: string, caller: Caller): Promise<Response> {
    // Sign-out ends the session it is sent with: each cell signs out a session of its own.
    const session = caller === 'nobody' ? undefined : route.includes('sign-out') ? await newSession(caller) : sessions.get(caller);
    const auth: Record<string, string> = session ? { authorization: `Bearer ${session.token}` } : {};
    const get = (path: string) => fetch(`${server.url}${path}`, { headers: auth, redirect: 'manual' });
    const post = (path: string, body: unknown) => postJson(server, path, body, session?.token);
    const put = (path: string, body: unknown) =>
      fetch(`${server.url}${path}`, { method: 'PUT', headers: { ...auth, 'content-type': 'application/json' }, body: JSON.stringify(body) });
    switch (route) {
      case 'GET /api/v1/health':
        return get('/api/v1/health');
      case 'GET /api/v1/openapi.json':
        return get('/api/v1/openapi.json');
      case 'GET /api/v1/appointments (MAA)':
        return get(`/api/v1/appointments?date=${today}&location=MAA`);
      case 'POST /api/v1/auth/sign-in':
        return post('/api/v1/auth/sign-in', { username: 'supervisor.maa', password: TEST_PASSWORD });
      case 'POST /api/v1/auth/sign-out':
        return post('/api/v1/auth/sign-out', {});
      case 'PUT /api/v1/auth/pin':
        return fetch(`${server.url}/api/v1/auth/pin`, {
          method: 'PUT',
          headers: { ...auth, 'content-type': 'application/json' },
          body: JSON.stringify({ pin: '48213' }),
        });
      case 'POST /api/v1/devices/registration-codes (MAA)':
        return post('/api/v1/devices/registration-codes', { locationId: 'MAA', kind: 'desk', deskId: 'MAA-D2' });
      case 'POST /api/v1/devices/registration-codes (AMS)':
        return post('/api/v1/devices/registration-codes', { locationId: 'AMS', kind: 'display', deskId: null });
      case 'POST /api/v1/devices/register': {
        const made = await postJson(server, '/api/v1/devices/registration-codes', { locationId: 'MAA', kind: 'display' }, adminToken());
        return post('/api/v1/devices/register', { code: ((await made.json()) as { code: string }).code, name: `display of ${caller}` });
      }
      case 'GET /api/v1/checklists':
        return get('/api/v1/checklists');
      case 'POST /api/v1/locations':
        return post('/api/v1/locations', { id: 'EHV', name: `Eindhoven (${caller})` });
      case 'POST /api/v1/locations/{locationId}/desks (MAA)':
        return post('/api/v1/locations/MAA/desks', { id: 'MAA-D9', name: 'Balie 9', services: ['DOC'] });
      case 'POST /api/v1/accounts':
        return post('/api/v1/accounts', { username: `new.${caller}`.toLowerCase(), displayName: 'New', role: 'clerk', locationId: 'MAA', password: TEST_PASSWORD });
      case 'POST /api/v1/checklists': {
        const current = await fetch(`${server.url}/api/v1/checklists`, { headers: { authorization: `Bearer ${adminToken()}` } });
        const info = ((await current.json()) as { checklists: unknown[] }).checklists.map((c) => checklistDefinitionSchema.parse(c)).find((c) => c.service === 'INFO')!;
        return post('/api/v1/checklists', { ...info, version: info.version + 1 });
      }
      case 'POST /api/v1/import/appointments (MAA)':
        return fetch(`${server.url}/api/v1/import/appointments?location=MAA`, {
          method: 'POST',
          headers: { ...auth, 'content-type': 'text/csv' },
          body: `${EXPORT_COLUMNS.join(',')}\n`,
        });
      case 'POST /api/v1/sync/push':
        // One unaddressable item: a valid batch that changes nothing.
        return post('/api/v1/sync/push', { deviceId: session?.deviceId ?? 'no-device', clientTime: new Date().toISOString(), events: [{}] });
      case 'GET /api/v1/sync/pull':
        return get('/api/v1/sync/pull?since=0&limit=1');
      case 'GET /api/v1/sync/stream (MAA)': {
        const controller = new AbortController();
        const response = await fetch(`${server.url}/api/v1/sync/stream?location=MAA`, { headers: auth, signal: controller.signal });
        controller.abort();
        return response;
      }
      case 'GET /api/v1/steering (MAA)':
        return get(`/api/v1/steering?from=${today}&to=${today}&location=MAA`);
      case 'GET /api/v1/fast-track (MAA)':
        return get(`/api/v1/fast-track?from=${today}&to=${today}&location=MAA`);
      case 'PUT /api/v1/fast-track/{appointmentId}':
        return put('/api/v1/fast-track/no-such-appointment', { bsnIssuedOn: today });
      case 'POST /api/v1/import/bsn-issued (MAA)':
        return fetch(`${server.url}/api/v1/import/bsn-issued?location=MAA`, {
          method: 'POST',
          headers: { ...auth, 'content-type': 'text/csv' },
          body: 'appointment_code,date_of_birth,bsn_issued_on\n',
        });
      case 'GET /api/v1/locations/{locationId}/sponsors (MAA)':
        return get('/api/v1/locations/MAA/sponsors');
      case 'PUT /api/v1/locations/{locationId}/sponsors (MAA)':
        return put('/api/v1/locations/MAA/sponsors', { sponsors: [{ name: 'Philips', kvk: '17001910' }] });
      case 'GET /api/v1/steering/export (MAA)':
        return get(`/api/v1/steering/export?from=${today}&to=${today}&location=MAA&lang=en`);
      case 'GET /api/v1/reports (MAA)':
        return get(`/api/v1/reports?date=${today}&location=MAA`);
      case 'GET /api/v1/reports/export (MAA)':
        return get(`/api/v1/reports/export?date=${today}&location=MAA&table=desks&lang=en`);
      case 'GET /api/v1/reports/events (MAA)':
        return get(`/api/v1/reports/events?date=${today}&location=MAA`);
      case 'GET /api/v1/reports/live (MAA)':
        return get('/api/v1/reports/live?location=MAA');
      case 'GET /api/v1/reports/settings (MAA)':
        return get('/api/v1/reports/settings?location=MAA');
      case 'PUT /api/v1/reports/settings (MAA)':
        return fetch(`${server.url}/api/v1/reports/settings?location=MAA`, {
          method: 'PUT',
          headers: { ...auth, 'content-type': 'application/json' },
          body: JSON.stringify({ targetWaitSeconds: 300, offlineAfterMinutes: 5 }),
        });
      case 'GET /api/v1/reports/conflicts (MAA)':
        return get('/api/v1/reports/conflicts?location=MAA');
      case 'POST /api/v1/reports/conflicts/{eventId}/resolution':
        return post('/api/v1/reports/conflicts/no-such-event/resolution', { note: 'Checked with the desk.' });
      case 'GET /api/v1/display/calls':
        return get('/api/v1/display/calls');
      case 'GET /api/v1/display/stream': {
        const controller = new AbortController();
        const response = await fetch(`${server.url}/api/v1/display/stream`, { headers: auth, signal: controller.signal });
        controller.abort();
        return response;
      }
      case 'GET /':
        return get('/');
      case 'GET /supervisor':
        return get('/supervisor');
      case 'GET /supervisor/':
        return get('/supervisor/');
      case 'GET /supervisor/assets/{path}':
        return get('/supervisor/assets/index.js');
      case 'GET /display/{location} (MAA)':
        return get('/display/MAA');
      case 'GET /display/assets/{path}':
        return get('/display/assets/index.js');
      case 'GET /desk/':
        return get('/desk/');
      default:
        throw new Error(`no request for ${route}`);
    }
  }

  it('covers every operation the server documents', async () => {
    const document = (await (await fetch(`${server.url}/api/v1/openapi.json`)).json()) as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(document.paths).flatMap(([path, item]) => Object.keys(item).map((method) => `${method.toUpperCase()} ${path}`));
    const inMatrix = new Set(MATRIX.map(([route]) => route.replace(/ \(.*\)$/, '').replace('/desk/', '/desk/{path}')));
    expect(documented.filter((operation) => !inMatrix.has(operation))).toEqual([]);
  });

  describe.each(MATRIX)('%s', (route, answers) => {
    it.each(CALLERS.map((caller, index) => [caller, answers[index]!] as const))('as %s: %i', async (caller, expected) => {
      const response = await request(route, caller);
      expect(response.status, await response.text().catch(() => '(stream)')).toBe(expected);
    });
  });

  it('a display device has no session: it cannot sign in, even with a valid credential', async () => {
    const made = await postJson(server, '/api/v1/devices/registration-codes', { locationId: 'MAA', kind: 'display' }, adminToken());
    const display = await postJson(server, '/api/v1/devices/register', { code: ((await made.json()) as { code: string }).code, name: 'hall display' });
    const credential = (await display.json()) as { deviceId: string; deviceSecret: string };
    const response = await postJson(server, '/api/v1/auth/sign-in', { username: 'clerk.maa', password: TEST_PASSWORD, device: credential });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: 'unknown-device' });
  });

  it("a clerk of AMS cannot sign in on a desk of MAA, nor a supervisor of AMS", async () => {
    for (const username of ['clerk.ams', 'supervisor.ams']) {
      const response = await postJson(server, '/api/v1/auth/sign-in', { username, password: TEST_PASSWORD, device: credentials.get('clerk MAA') });
      expect(response.status, username).toBe(403);
      expect(await response.json()).toMatchObject({ error: 'other-location' });
    }
  });

  it('the municipality back office works in the browser only: it cannot sign in on a desk', async () => {
    const response = await postJson(server, '/api/v1/auth/sign-in', { username: 'gemeente.maa', password: TEST_PASSWORD, device: credentials.get('clerk MAA') });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ error: 'no-desk-work' });
  });

  it("a desk of AMS pulls only AMS's changes, not the check-in just made at MAA", async () => {
    const maa = sessions.get('clerk MAA')!;
    const clerkId = (await server.db.query<{ id: string }>("SELECT id FROM accounts WHERE username = 'clerk.maa'"))[0]!.id;
    const desk = await simulatedDesk(server, { deviceId: maa.deviceId!, deskId: 'MAA-D1', token: maa.token, clerkId, locationId: 'MAA', day: today });
    const expected = Object.values(desk.state.appointments).find((appointment) => appointment.status === 'expected')!;
    const events = desk.act((state, context) => checkIn(state, { appointmentIds: [expected.id], method: 'scan' }, context));
    const pushed = await desk.push(events);
    expect(pushed.status).toBe(200);
    expect(pushResponseSchema.parse(pushed.body).results.at(-1)).toMatchObject({ status: 'accepted' });

    const pullAs = async (caller: Caller) => {
      const response = await fetch(`${server.url}/api/v1/sync/pull?since=0&limit=1000`, { headers: { authorization: `Bearer ${sessions.get(caller)!.token}` } });
      return pullResponseSchema.parse(await response.json()).changes;
    };
    const atMaa = await pullAs('clerk MAA');
    const atAms = await pullAs('clerk AMS');
    expect(atMaa.some((change) => change.entity === 'appointment' && change.id === expected.id)).toBe(true);
    const maaEntities = new Set(atMaa.filter((change) => change.entity !== 'checklist').map((change) => `${change.entity}/${change.id}`));
    expect(atAms.filter((change) => maaEntities.has(`${change.entity}/${change.id}`))).toEqual([]);
    expect(atAms.every((change) => change.entity === 'checklist' || JSON.stringify(change.data).includes('AMS'))).toBe(true);
  });

  it("a desk of AMS cannot push an event for MAA, nor push as another desk's device", async () => {
    const ams = sessions.get('clerk AMS')!;
    const maa = sessions.get('clerk MAA')!;
    const clerkId = (await server.db.query<{ id: string }>("SELECT id FROM accounts WHERE username = 'clerk.ams'"))[0]!.id;
    const desk = await simulatedDesk(server, { deviceId: ams.deviceId!, deskId: 'AMS-D1', token: ams.token, clerkId, locationId: 'MAA', day: today });
    desk.nextSeq = 1 + (await server.db.query('SELECT 1 FROM events WHERE device_id = $1', [ams.deviceId])).length;
    const expected = Object.values(desk.state.appointments).find((appointment) => appointment.status === 'expected')!;
    const events = desk.act((state, context) => checkIn(state, { appointmentIds: [expected.id], method: 'scan' }, context));
    const pushed = await desk.push(events);
    expect(pushed.status).toBe(200);
    expect(pushResponseSchema.parse(pushed.body).results).toEqual([
      expect.objectContaining({ status: 'rejected', reason: expect.objectContaining({ code: 'not-allowed' }) }),
    ]);
    const asOther = await postJson(server, '/api/v1/sync/push', { deviceId: maa.deviceId, clientTime: new Date().toISOString(), events: [{}] }, ams.token);
    expect(asOther.status).toBe(403);
    expect(await asOther.json()).toMatchObject({ error: 'other-device' });
  });
});
