/**
 * How the live view stays live: through the change stream, for a supervisor signed in on a
 * registered desk and in a plain browser alike, and "stale since …" when the server cannot be
 * reached, until it can again.
 */
import { render, screen, waitFor } from '@testing-library/react';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDesk } from '../../../../shared/domain/commands-desk';
import type { BalieEvent } from '../../../../shared/sync/events';
import { accounts, adminToken, dropDatabase, freshDatabase, registrationCode, serverUrl, signedInDesk, type SignedInDesk } from '../../../test/desk-fixtures';
import type { DeskDatabase } from '../../db/desk-db';
import { performCommand } from '../../db/perform-command';
import { I18nProvider } from '../../i18n/i18n';
import { LiveViewPanel } from './live-view-panel';

const suffix = crypto.randomUUID().slice(0, 6).toUpperCase().replace(/[^A-Z0-9]/g, 'X');
const DESK = `MAA-L${suffix}`;
const SUPERVISOR = `teamleider-l${suffix.toLowerCase()}`;
const PASSWORD = 'supervisor test password';
/** So long that a change shown within a test can only have come through the stream. */
const NEVER = 3_600_000;

async function postJson(path: string, body: unknown, token?: string): Promise<Response> {
  return fetch(`${serverUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
}

/** A plain forwarding proxy to the test server, to pull the plug between the page and the server. */
function startProxy(port = 0): Promise<Server> {
  const target = new URL(serverUrl);
  const proxy = createServer((incoming, outgoing) => {
    const forwarded = request({ hostname: target.hostname, port: target.port, path: incoming.url, method: incoming.method, headers: incoming.headers }, (answer) => {
      outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(outgoing);
    });
    forwarded.on('error', () => outgoing.destroy());
    incoming.pipe(forwarded);
  });
  return new Promise((resolve) => proxy.listen(port, '127.0.0.1', () => resolve(proxy)));
}

function stopProxy(proxy: Server): Promise<void> {
  proxy.closeAllConnections();
  return new Promise((resolve) => proxy.close(() => resolve()));
}

describe('the live view keeps itself current', () => {
  let db: DeskDatabase;
  let desk: SignedInDesk;
  let browserToken: string;
  let deskBoundToken: string;

  beforeAll(async () => {
    const admin = await adminToken();
    expect((await postJson(`/api/v1/locations/${accounts.locationId}/desks`, { id: DESK, name: `Livebalie ${suffix}` }, admin)).status).toBe(201);
    expect((await postJson('/api/v1/accounts', { username: SUPERVISOR, displayName: 'Test Teamleider', role: 'supervisor', locationId: accounts.locationId, password: PASSWORD }, admin)).status).toBe(201);
    browserToken = ((await (await postJson('/api/v1/auth/sign-in', { username: SUPERVISOR, password: PASSWORD })).json()) as { token: string }).token;
    // The same supervisor in the desk app: signed in on a registered desk device.
    const registration = await postJson('/api/v1/devices/register', { code: await registrationCode(DESK), name: 'supervisor pc' });
    const device = (await registration.json()) as { deviceId: string; deviceSecret: string };
    deskBoundToken = ((await (await postJson('/api/v1/auth/sign-in', { username: SUPERVISOR, password: PASSWORD, device })).json()) as { token: string }).token;
    db = await freshDatabase('supervisor-live');
    desk = await signedInDesk(db, DESK);
  });
  afterAll(async () => {
    await dropDatabase(db);
  });

  const deskStatus = () => screen.getAllByTestId('live-desk').find((row) => row.dataset.desk === DESK)?.dataset.status;

  it('on a registered desk, shows a desk opening at once through the change stream, with no polling at all', async () => {
    render(
      <I18nProvider>
        <LiveViewPanel session={{ serverUrl, token: deskBoundToken, locationId: accounts.locationId }} timing={{ pollMs: NEVER, refreshMs: NEVER }} />
      </I18nProvider>,
    );
    await waitFor(() => expect(screen.getByTestId('live-connection')).toHaveTextContent(/^Live: elke wijziging komt direct binnen\. Bijgewerkt om \d\d:\d\d\.$/));
    await waitFor(() => expect(deskStatus()).toBe('closed'));
    const opened = await performCommand(desk.db, openDesk, desk.context());
    if (!opened.ok) throw new Error(opened.error.message.en);
    const pushed = await postJson('/api/v1/sync/push', { deviceId: desk.session.deviceId, clientTime: new Date().toISOString(), events: opened.events as BalieEvent[] }, (await desk.token())!);
    expect(pushed.status).toBe(200);
    await waitFor(() => expect(deskStatus()).toBe('idle'));
  });

  it('in a plain browser, streams too; says since when its figures are stale while the server cannot be reached, and catches up by itself when it can', async () => {
    const proxy = await startProxy();
    const port = (proxy.address() as AddressInfo).port;
    render(
      <I18nProvider>
        <LiveViewPanel session={{ serverUrl: `http://127.0.0.1:${port}`, token: browserToken, locationId: accounts.locationId }} timing={{ pollMs: 100, maxRetryMs: 200 }} />
      </I18nProvider>,
    );
    await waitFor(() => expect(screen.getByTestId('live-connection')).toHaveTextContent(/^Live: elke wijziging komt direct binnen\. Bijgewerkt om (\d\d:\d\d)\.$/));
    const fetchedAt = /Bijgewerkt om (\d\d:\d\d)/.exec(screen.getByTestId('live-connection').textContent ?? '')![1];

    await stopProxy(proxy);
    await waitFor(() => expect(screen.getByTestId('live-connection')).toHaveTextContent(/^Geen verbinding: dit is de stand van \d\d:\d\d\. Opnieuw verbinden…$/));
    expect(screen.getByTestId('live-connection').textContent).toContain(fetchedAt!.slice(0, 2));
    // What was shown stays shown: the desks are still there.
    expect(deskStatus()).toBeDefined();

    const back = await startProxy(port);
    try {
      await waitFor(() => expect(screen.getByTestId('live-connection')).toHaveTextContent(/^Live: elke wijziging komt direct binnen\. Bijgewerkt om \d\d:\d\d\.$/), { timeout: 10_000 });
    } finally {
      await stopProxy(back);
    }
  });
});
