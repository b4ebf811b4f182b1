import { pbkdf2Sync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signInResponseSchema } from '../../../shared/sync/auth-api';
import type { RunningServer } from '../../src/server';
import { createTestAccount, postJson, registerDesk, signIn, TEST_PASSWORD } from '../support/accounts';
import { createTestDatabase, databaseKindsUnderTest, type TestDatabase } from '../support/test-databases';
import { startTestServer } from '../support/test-server';

describe.each(databaseKindsUnderTest())('accounts, devices and sessions on %s', (kind) => {
  let database: TestDatabase;
  let server: RunningServer;
  let adminToken: string;

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    server = await startTestServer(database);
    await server.db.query("INSERT INTO locations (id, name) VALUES ('AMS', 'Amsterdam')");
    await server.db.query("INSERT INTO desks (id, location_id, name) VALUES ('AMS-D1', 'AMS', 'Balie 1')");
    await createTestAccount(server, 'admin', 'admin', null);
    await createTestAccount(server, 'clerk.maa', 'clerk', 'MAA');
    await createTestAccount(server, 'clerk.ams', 'clerk', 'AMS');
    await createTestAccount(server, 'supervisor.maa', 'supervisor', 'MAA');
    adminToken = await signIn(server, 'admin');
  });
  afterAll(async () => {
    await server?.stop();
    await database?.drop();
  });

  it('a clerk signs in on a registered desk and gets a session bound to that desk', async () => {
    const desk = await registerDesk(server, adminToken, 'MAA', 'MAA-D1');
    const response = await postJson(server, '/api/v1/auth/sign-in', { username: 'Clerk.MAA', password: TEST_PASSWORD, device: desk });
    expect(response.status).toBe(200);
    const session = signInResponseSchema.parse(await response.json());
    expect(session.account).toMatchObject({ username: 'clerk.maa', role: 'clerk', locationId: 'MAA' });
    expect(session.device).toEqual({ id: desk.deviceId, locationId: 'MAA', deskId: 'MAA-D1' });
    expect(new Date(session.expiresAt).getTime()).toBeGreaterThan(Date.now() + 8 * 3_600_000);
  });

  it('a clerk cannot sign in without a desk, nor on a desk of another location', async () => {
    const noDesk = await postJson(server, '/api/v1/auth/sign-in', { username: 'clerk.maa', password: TEST_PASSWORD });
    expect(noDesk.status).toBe(403);
    const amsterdamDesk = await registerDesk(server, adminToken, 'AMS', 'AMS-D1');
    const elsewhere = await postJson(server, '/api/v1/auth/sign-in', { username: 'clerk.maa', password: TEST_PASSWORD, device: amsterdamDesk });
    expect(elsewhere.status).toBe(403);
    expect(await elsewhere.json()).toMatchObject({ error: 'other-location' });
  });

  it('a wrong device secret is refused like an unknown desk', async () => {
    const desk = await registerDesk(server, adminToken, 'MAA', 'MAA-D2');
    const forged = { deviceId: desk.deviceId, deviceSecret: 'x'.repeat(43) };
    const response = await postJson(server, '/api/v1/auth/sign-in', { username: 'clerk.maa', password: TEST_PASSWORD, device: forged });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: 'unknown-device' });
  });

  it('a registration code works once', async () => {
    const codeResponse = await postJson(server, '/api/v1/devices/registration-codes', { locationId: 'MAA', kind: 'desk', deskId: 'MAA-D3' }, adminToken);
    const { code } = (await codeResponse.json()) as { code: string };
    expect(code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    expect((await postJson(server, '/api/v1/devices/register', { code: code.toLowerCase(), name: 'desk 3' })).status).toBe(201);
    const again = await postJson(server, '/api/v1/devices/register', { code, name: 'desk 3 again' });
    expect(again.status).toBe(400);
    expect(await again.json()).toMatchObject({ error: 'bad-code' });
  });

  it('only an admin makes registration codes', async () => {
    const supervisorToken = await signIn(server, 'supervisor.maa');
    const response = await postJson(server, '/api/v1/devices/registration-codes', { locationId: 'MAA', kind: 'desk', deskId: null }, supervisorToken);
    expect(response.status).toBe(403);
    expect((await postJson(server, '/api/v1/devices/registration-codes', { locationId: 'MAA', kind: 'desk' })).status).toBe(401);
  });

  it('a wrong password is refused, and after five failures even the right one must wait', async () => {
    await createTestAccount(server, 'guessed', 'supervisor', 'MAA');
    for (let attempt = 0; attempt < 5; attempt++) {
      const wrong = await postJson(server, '/api/v1/auth/sign-in', { username: 'guessed', password: `wrong ${attempt}` });
      expect(wrong.status).toBe(401);
    }
    const limited = await postJson(server, '/api/v1/auth/sign-in', { username: 'guessed', password: TEST_PASSWORD });
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('an unknown user gets the same answer as a wrong password', async () => {
    const response = await postJson(server, '/api/v1/auth/sign-in', { username: 'nobody', password: 'whatever' });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: 'bad-credentials' });
  });

  it('after sign-out the token no longer works', async () => {
    const token = await signIn(server, 'supervisor.maa');
    expect((await postJson(server, '/api/v1/auth/sign-out', {}, token)).status).toBe(204);
    expect((await postJson(server, '/api/v1/auth/sign-out', {}, token)).status).toBe(401);
  });

  it('stores no password, token or device secret in the clear', async () => {
    const desk = await registerDesk(server, adminToken, 'MAA', 'MAA-D4');
    const token = await signIn(server, 'clerk.maa', desk);
    const dump = JSON.stringify([
      await server.db.query('SELECT * FROM accounts'),
      await server.db.query('SELECT * FROM sessions'),
      await server.db.query('SELECT * FROM devices'),
      await server.db.query('SELECT * FROM audit_log'),
    ]);
    for (const secret of [TEST_PASSWORD, token, desk.deviceSecret]) expect(dump).not.toContain(secret);
  });
});

describe.each(databaseKindsUnderTest())('offline unlock with a PIN on %s', (kind) => {
  let database: TestDatabase;
  let server: RunningServer;
  let desk: { deviceId: string; deviceSecret: string };

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    server = await startTestServer(database);
    await createTestAccount(server, 'admin', 'admin', null);
    await createTestAccount(server, 'clerk', 'clerk', 'MAA');
    desk = await registerDesk(server, await signIn(server, 'admin'), 'MAA', 'MAA-D1');
  });
  afterAll(async () => {
    await server?.stop();
    await database?.drop();
  });

  const put = (token: string, pin: string) =>
    fetch(`${server.url}/api/v1/auth/pin`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ pin }),
    });

  it('a clerk sets a PIN; the next sign-in on a desk carries a verifier the desk can check offline', async () => {
    const firstSession = signInResponseSchema.parse(
      await (await postJson(server, '/api/v1/auth/sign-in', { username: 'clerk', password: TEST_PASSWORD, device: desk })).json(),
    );
    expect(firstSession.offlineUnlock).toBeNull();
    expect((await put(firstSession.token, '48213')).status).toBe(204);
    const session = signInResponseSchema.parse(
      await (await postJson(server, '/api/v1/auth/sign-in', { username: 'clerk', password: TEST_PASSWORD, device: desk })).json(),
    );
    const unlock = session.offlineUnlock!;
    expect(unlock.validUntil).toBe(session.expiresAt);
    // What the desk does offline with WebCrypto: derive from the typed PIN and compare.
    const derive = (pin: string) => pbkdf2Sync(pin, Buffer.from(unlock.salt, 'base64url'), unlock.iterations, 32, 'sha256').toString('base64url');
    expect(derive('48213')).toBe(unlock.hash);
    expect(derive('48214')).not.toBe(unlock.hash);
    expect(JSON.stringify(await server.db.query('SELECT pin_verifier FROM accounts'))).not.toContain('48213');
  });

  it('refuses PINs anyone would guess first, with the reason', async () => {
    const token = await signIn(server, 'clerk', desk);
    for (const pin of ['1234', '11111', '12345', '98765', 'abcde', '123456789']) {
      const response = await put(token, pin);
      expect(response.status).toBe(400);
    }
    expect(JSON.stringify(await (await put(token, '00000')).json())).toContain('one digit repeated');
  });
});
