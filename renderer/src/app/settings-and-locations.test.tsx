/**
 * A supervisor sets the location's waiting target (and the live view counts against it at once),
 * a typo is refused in words; an admin, who belongs to no location, first chooses one.
 */
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import { adminToken, serverUrl, today } from '../../test/desk-fixtures';
import { I18nProvider } from '../i18n/i18n';
import { SupervisorScreen } from './supervisor-screen';

const PASSWORD = 'supervisor settings password';

async function postJson(path: string, body: unknown, token?: string): Promise<Response> {
  return fetch(`${serverUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
}

/** A location of this file's own (other files work at MAA at the same time), and its supervisor's token. */
async function ownLocation(admin: string): Promise<{ locationId: string; token: string }> {
  for (;;) {
    const letters = crypto.getRandomValues(new Uint8Array(2));
    const locationId = `Q${String.fromCharCode(65 + (letters[0]! % 26))}${String.fromCharCode(65 + (letters[1]! % 26))}`;
    const created = await postJson('/api/v1/locations', { id: locationId, name: `Testlocatie ${locationId}` }, admin);
    if (created.status === 409) continue;
    expect(created.status).toBe(201);
    const username = `teamleider-${locationId.toLowerCase()}`;
    expect((await postJson('/api/v1/accounts', { username, displayName: `Teamleider ${locationId}`, role: 'supervisor', locationId, password: PASSWORD }, admin)).status).toBe(201);
    const signIn = await postJson('/api/v1/auth/sign-in', { username, password: PASSWORD });
    return { locationId, token: ((await signIn.json()) as { token: string }).token };
  }
}

describe('settings and locations', () => {
  let admin: string;
  let own: { locationId: string; token: string };
  beforeAll(async () => {
    admin = await adminToken();
    own = await ownLocation(admin);
  });

  it('sets the waiting target to 10 minutes, refuses 0 in words, and the live view counts against the new target', async () => {
    const user = userEvent.setup();
    render(
      <I18nProvider>
        <SupervisorScreen serverUrl={serverUrl} token={own.token} locationId={own.locationId} today={today} />
      </I18nProvider>,
    );
    await user.click(screen.getByRole('tab', { name: 'Instellingen' }));
    const target = await screen.findByLabelText('Norm wachttijd (minuten)');
    expect(target).toHaveValue(5);
    await user.clear(target);
    await user.type(target, '0');
    await user.click(screen.getByRole('button', { name: 'Opslaan' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('De norm is ½ tot 240 minuten, offline na 1 tot 1440 minuten.');
    expect(await (await fetch(`${serverUrl}/api/v1/reports/settings`, { headers: { authorization: `Bearer ${own.token}` } })).json()).toMatchObject({ targetWaitSeconds: 300 });
    await user.clear(target);
    await user.type(target, '10{Enter}');
    expect(await screen.findByText('Opgeslagen.')).toBeInTheDocument();

    const settings = await fetch(`${serverUrl}/api/v1/reports/settings`, { headers: { authorization: `Bearer ${own.token}` } });
    expect(await settings.json()).toEqual({ targetWaitSeconds: 600, offlineAfterMinutes: 5 });
    await user.click(screen.getByRole('tab', { name: 'Nu' }));
    const figure = await screen.findByText('Norm wachttijd');
    await waitFor(() => expect(figure.nextElementSibling).toHaveTextContent('10 min'));
    expect(screen.getByText('Deze locatie heeft geen balies.')).toBeInTheDocument();
    expect(screen.getByText('Niemand wacht.')).toBeInTheDocument();
  });

  it('lets an admin choose the location first; reports over every location need none', async () => {
    const user = userEvent.setup();
    render(
      <I18nProvider>
        <SupervisorScreen serverUrl={serverUrl} token={admin} locationId={null} today={today} />
      </I18nProvider>,
    );
    expect(screen.getByText('Kies eerst een locatie (drie letters, zoals MAA).')).toBeInTheDocument();
    await user.type(screen.getByLabelText('Locatie', { exact: false }), own.locationId.toLowerCase());
    expect(await screen.findByRole('heading', { name: `Balies en wachtrij van ${own.locationId}` })).toBeInTheDocument();

    await user.clear(screen.getByLabelText('Locatie', { exact: false }));
    await user.click(screen.getByRole('tab', { name: 'Rapportages' }));
    const locations = await screen.findByText(/^Locatie\(s\): /);
    expect(locations.textContent).toContain('MAA');
    expect(locations.textContent).toContain(own.locationId);
  });
});
