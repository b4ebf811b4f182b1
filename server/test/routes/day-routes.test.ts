import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { amsterdamDateOf } from '../../../shared/domain/calendar-date';
import { dayResponseSchema, healthResponseSchema } from '../../../shared/sync/day';
import { buildDemoDay } from '../../src/demo/demo-day';
import type { RunningServer } from '../../src/server';
import { DEMO_PASSWORD } from '../../src/demo/demo-staff';
import { startServer } from '../../src/server';
import { createTestAccount, postJson, signIn } from '../support/accounts';
import { createTestDatabase, databaseKindsUnderTest, type TestDatabase } from '../support/test-databases';
import { fakeRendererDir, startTestServer, TEST_DESK_ORIGIN, testServerConfig } from '../support/test-server';

describe.each(databaseKindsUnderTest())('the server on %s, over HTTP on 127.0.0.1', (kind) => {
  const today = amsterdamDateOf(new Date());
  let database: TestDatabase;
  let server: RunningServer;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    server = await startTestServer(database, { rendererDir: await fakeRendererDir() });
  });
  afterAll(async () => {
    await server?.stop();
    await database?.drop();
  });

  const get = (path: string, headers: Record<string, string> = {}) => fetch(`${server.url}${path}`, { headers });

  it('reports itself healthy with the database it runs on', async () => {
    const response = await get('/api/v1/health');
    expect(response.status).toBe(200);
    expect(healthResponseSchema.parse(await response.json()).database).toEqual({ kind, ok: true });
  });

  it("answers today's appointments: the seeded demo day, families together", async () => {
    const response = await get(`/api/v1/appointments?date=${today}`);
    expect(response.status).toBe(200);
    const day = dayResponseSchema.parse(await response.json());
    const demo = buildDemoDay(today, 'MAA');
    expect(day.appointments).toHaveLength(demo.reduce((sum, b) => sum + b.persons.length * b.services.length, 0));
    expect(new Set(day.appointments.map((a) => a.personName))).toEqual(
      new Set(demo.flatMap((booking) => booking.persons.map((person) => person.fullName))),
    );
    expect(day.appointments.every((a) => a.status === 'expected' && a.date === today)).toBe(true);
    // A family's rows follow each other, so the desk can group them.
    const bookingOrder = day.appointments.map((a) => a.bookingId).filter((id, i, all) => all[i - 1] !== id);
    expect(new Set(bookingOrder).size).toBe(bookingOrder.length);
  });

  it('answers an empty day for a date without bookings', async () => {
    const day = dayResponseSchema.parse(await (await get('/api/v1/appointments?date=2031-01-07')).json());
    expect(day.appointments).toEqual([]);
  });

  it('refuses an impossible date with the reason, and an unknown location with 404', async () => {
    const bad = await get('/api/v1/appointments?date=2026-02-30');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(await bad.json())).toContain('YYYY-MM-DD');
    expect((await get('/api/v1/appointments')).status).toBe(400);
    expect((await get(`/api/v1/appointments?date=${today}&location=AMS`)).status).toBe(404);
  });

  it('lets the known desk origins call the API across origins, and no other origin', async () => {
    const allowed = await get('/api/v1/health', { origin: TEST_DESK_ORIGIN });
    expect(allowed.headers.get('access-control-allow-origin')).toBe(TEST_DESK_ORIGIN);
    const electron = await get('/api/v1/health', { origin: 'balie://app' });
    expect(electron.headers.get('access-control-allow-origin')).toBe('balie://app');
    const foreign = await get('/api/v1/health', { origin: 'http://evil.example' });
    expect(foreign.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('serves the desk for browsers at /desk/ under a strict content security policy', async () => {
    const response = await get('/desk/');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<div id="root">');
    expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(response.headers.get('content-security-policy')).not.toContain('unsafe-inline');
  });

  it('keeps the day across a restart and does not seed it twice', async () => {
    await server.stop();
    server = await startTestServer(database, { rendererDir: await fakeRendererDir() });
    const day = dayResponseSchema.parse(await (await get(`/api/v1/appointments?date=${today}`)).json());
    const demo = buildDemoDay(today, 'MAA');
    expect(new Set(day.appointments.map((a) => a.bookingId)).size).toBe(demo.length);
  });
});

describe.each(databaseKindsUnderTest())('the day route on a real (not demo) database, on %s', (kind) => {
  let database: TestDatabase;
  let server: RunningServer;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    server = await startTestServer(database, { demo: false });
    await server.db.query("INSERT INTO locations (id, name) VALUES ('MAA', 'Maastricht'), ('AMS', 'Amsterdam')");
    await createTestAccount(server, 'supervisor.maa', 'supervisor', 'MAA');
    await createTestAccount(server, 'supervisor.ams', 'supervisor', 'AMS');
  });
  afterAll(async () => {
    await server?.stop();
    await database?.drop();
  });

  it('answers only staff of the location: 401 without a session, 403 for another location', async () => {
    const path = `${server.url}/api/v1/appointments?date=2026-11-26&location=MAA`;
    expect((await fetch(path)).status).toBe(401);
    const own = await signIn(server, 'supervisor.maa');
    expect((await fetch(path, { headers: { authorization: `Bearer ${own}` } })).status).toBe(200);
    const other = await signIn(server, 'supervisor.ams');
    expect((await fetch(path, { headers: { authorization: `Bearer ${other}` } })).status).toBe(403);
  });
});

describe.each(databaseKindsUnderTest())('trying the demo end to end on %s', (kind) => {
  let database: TestDatabase;
  let server: RunningServer;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    server = await startTestServer(database);
  });
  afterAll(async () => {
    await server?.stop();
    await database?.drop();
  });

  it('a demo clerk registers a desk with a code printed at start and signs in with the demo password', async () => {
    expect(server.demoDeskCodes.map((code) => [code.kind, code.deskId])).toEqual([
      ['desk', 'MAA-D1'], ['desk', 'MAA-D2'], ['desk', 'MAA-D3'], ['desk', 'MAA-D4'], ['display', null],
    ]);
    const code = server.demoDeskCodes[1]!.code;
    const registered = await postJson(server, '/api/v1/devices/register', { code, name: 'demo desk' });
    expect(registered.status).toBe(201);
    const desk = (await registered.json()) as { deviceId: string; deviceSecret: string; deskId: string };
    expect(desk.deskId).toBe('MAA-D2');
    const signedIn = await postJson(server, '/api/v1/auth/sign-in', { username: 'medewerker1', password: DEMO_PASSWORD, device: desk });
    expect(signedIn.status).toBe(200);
  });

  it('the printed display code links the waiting-room display, which then reads the calls', async () => {
    const { code } = server.demoDeskCodes.find((candidate) => candidate.kind === 'display')!;
    const registered = await postJson(server, '/api/v1/devices/register', { code, name: 'hall screen' });
    expect(registered.status).toBe(201);
    const display = (await registered.json()) as { deviceId: string; deviceSecret: string };
    const calls = await fetch(`${server.url}/api/v1/display/calls`, { headers: { authorization: `Display ${display.deviceId}.${display.deviceSecret}` } });
    expect(calls.status).toBe(200);
  });

  it('keeps the codes out of the server log', async () => {
    const logged: string[] = [];
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (logged.push(String(chunk)), true));
    try {
      await server.stop();
      server = await startServer({ ...testServerConfig(database), logLevel: 'info' }, { logger: true });
    } finally {
      spy.mockRestore();
    }
    expect(logged.join('')).toContain('database ready');
    for (const { code } of server.demoDeskCodes) expect(logged.join('')).not.toContain(code);
  });
});
