/**
 * A supervisor signed in on a registered desk in the desk app: the screens take the server and the
 * session from the desk's bridge, and the live view is the location's.
 */
import { render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { accounts, adminToken, browserBridge, registrationCode, serverUrl, today } from '../../test/desk-fixtures';
import { I18nProvider } from '../i18n/i18n';
import { SupervisorDeskScreen } from './supervisor-desk-screen';

const suffix = crypto.randomUUID().slice(0, 6).toLowerCase();

async function postJson(path: string, body: unknown, token?: string): Promise<Response> {
  return fetch(`${serverUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
}

describe('the supervisor in the desk app', () => {
  it('shows the live view of the desk’s location with the session the desk keeps, and says so when there is none', async () => {
    const username = `teamleider-d${suffix}`;
    const password = 'supervisor desk password';
    expect((await postJson('/api/v1/accounts', { username, displayName: 'Desk Teamleider', role: 'supervisor', locationId: accounts.locationId, password }, await adminToken())).status).toBe(201);
    const device = (await (await postJson('/api/v1/devices/register', { code: await registrationCode('MAA-D1'), name: 'supervisor desk' })).json()) as { deviceId: string; deviceSecret: string };
    const signedIn = (await (await postJson('/api/v1/auth/sign-in', { username, password, device })).json()) as { token: string; expiresAt: string; account: { id: string } };

    const bridge = browserBridge();
    const empty = render(
      <I18nProvider>
        <SupervisorDeskScreen bridge={bridge} locationId={accounts.locationId} today={today} sessionKey="none" />
      </I18nProvider>,
    );
    expect(await screen.findByRole('alert')).toHaveTextContent('Uw sessie is verlopen. Meld u opnieuw aan.');
    empty.unmount();

    await bridge.saveSession?.({ token: signedIn.token, accountId: signedIn.account.id, expiresAt: signedIn.expiresAt });
    render(
      <I18nProvider>
        <SupervisorDeskScreen bridge={bridge} locationId={accounts.locationId} today={today} sessionKey="supervisor" />
      </I18nProvider>,
    );
    expect(await screen.findByRole('heading', { name: `Balies en wachtrij van ${accounts.locationId}` })).toBeInTheDocument();
    // Bound to a desk device, the session may open the change stream.
    await waitFor(() => expect(screen.getByTestId('live-connection')).toHaveTextContent(/^Live: /));
    expect(screen.getAllByTestId('live-desk').map((row) => row.dataset.desk)).toContain('MAA-D1');
  });
});
