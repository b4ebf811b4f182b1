import type { Role } from '../../../shared/sync/auth-api';
import { createAccount } from '../../src/repositories/accounts';
import type { RunningServer } from '../../src/server';

/** Any server reachable over HTTP (in this process or a child process). */
type ServerAt = { url: string };

export const TEST_PASSWORD = 'correct horse battery staple';

export async function createTestAccount(server: RunningServer, username: string, role: Role, locationId: string | null) {
  return createAccount(server.db, { username, displayName: username, role, locationId, password: TEST_PASSWORD });
}

export async function postJson(server: ServerAt, path: string, body: unknown, token?: string): Promise<Response> {
  return fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
}

/** Signs in and returns the session token (fails the test when sign-in fails). */
export async function signIn(
  server: ServerAt,
  username: string,
  device?: { deviceId: string; deviceSecret: string },
): Promise<string> {
  const response = await postJson(server, '/api/v1/auth/sign-in', { username, password: TEST_PASSWORD, device });
  if (response.status !== 200) throw new Error(`sign-in of ${username} answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { token: string }).token;
}

/** An admin registers a new desk device at a desk of the location; returns its credential. */
export async function registerDesk(server: ServerAt, adminToken: string, locationId: string, deskId: string) {
  const codeResponse = await postJson(server, '/api/v1/devices/registration-codes', { locationId, kind: 'desk', deskId }, adminToken);
  if (codeResponse.status !== 201) throw new Error(`registration code answered ${codeResponse.status}`);
  const { code } = (await codeResponse.json()) as { code: string };
  const registration = await postJson(server, '/api/v1/devices/register', { code, name: `desk ${deskId}` });
  if (registration.status !== 201) throw new Error(`registration answered ${registration.status}`);
  return (await registration.json()) as { deviceId: string; deviceSecret: string; locationId: string; deskId: string };
}
