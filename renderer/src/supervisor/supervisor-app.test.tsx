/**
 * The supervisor's page on its own: its sign-in turns clerks away, keeps a supervisor's session in
 * this tab's sessionStorage only (a reload stays signed in, a new tab does not), and signs out for
 * real: the server refuses the old token afterwards. A GemeenteLoket account signs in here too and
 * sees only the fast-track follow-up.
 */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { accounts, adminToken, serverUrl, today } from '../../test/desk-fixtures';
import { I18nProvider } from '../i18n/i18n';
import { SupervisorApp } from './supervisor-app';

const suffix = crypto.randomUUID().slice(0, 6).toLowerCase();
const SUPERVISOR = `teamleider-p${suffix}`;
const PASSWORD = 'supervisor page password';
const MUNICIPALITY = `gemeente-p${suffix}`;

const renderPage = () =>
  render(
    <I18nProvider>
      <SupervisorApp serverUrl={serverUrl} today={today} storage={sessionStorage} liveTiming={{ pollMs: 60_000 }} />
    </I18nProvider>,
  );

describe("the supervisor's own page", () => {
  beforeAll(async () => {
    const response = await fetch(`${serverUrl}/api/v1/accounts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await adminToken()}` },
      body: JSON.stringify({ username: SUPERVISOR, displayName: 'Tessa Teamleider', role: 'supervisor', locationId: accounts.locationId, password: PASSWORD }),
    });
    expect(response.status).toBe(201);
    const municipality = await fetch(`${serverUrl}/api/v1/accounts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await adminToken()}` },
      body: JSON.stringify({ username: MUNICIPALITY, displayName: 'Gijs Gemeente', role: 'municipality', locationId: accounts.locationId, password: PASSWORD }),
    });
    expect(municipality.status).toBe(201);
  });
  beforeEach(() => sessionStorage.clear());

  it('turns a clerk away with the reason and keeps nothing', async () => {
    const user = userEvent.setup();
    const { container } = renderPage();
    expect(screen.getByLabelText('Gebruikersnaam')).toHaveFocus();
    await user.keyboard(accounts.clerk.username);
    await user.tab();
    await user.keyboard(`${accounts.clerk.password}{Enter}`);
    expect(await screen.findByRole('alert')).toHaveTextContent('Dit scherm is voor teamleiders en beheerders, en voor de backoffice van het GemeenteLoket. Medewerkers melden zich aan op hun balie.');
    expect(sessionStorage.length).toBe(0);
    const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(result.violations.map((violation) => violation.id)).toEqual([]);
  });

  it('says a wrong password in words', async () => {
    const user = userEvent.setup();
    renderPage();
    await user.keyboard(`${SUPERVISOR}{Tab}not the password{Enter}`);
    expect(await screen.findByRole('alert')).toHaveTextContent('Gebruikersnaam of wachtwoord klopt niet.');
  });

  it('signs a supervisor in by keyboard, stays signed in on reload of the tab, and signs out for real', async () => {
    const user = userEvent.setup();
    const first = renderPage();
    await user.keyboard(`${SUPERVISOR}{Tab}${PASSWORD}{Enter}`);
    expect(await screen.findByRole('heading', { name: `Balies en wachtrij van ${accounts.locationId}` })).toBeInTheDocument();
    expect(screen.getByText('Aangemeld: Tessa Teamleider')).toBeInTheDocument();
    // A supervisor follows the fast track up too, as one of the tabs.
    await user.click(screen.getByRole('tab', { name: 'Snelle inschrijving' }));
    expect(await screen.findByRole('heading', { name: `Snelle inschrijving: BSN opvolgen (${accounts.locationId})` })).toBeInTheDocument();
    await user.click(screen.getByRole('tab', { name: 'Nu' }));
    const stored = JSON.parse(sessionStorage.getItem('balie.supervisor.session')!) as { token: string };
    expect(localStorage.length).toBe(0);
    first.unmount();

    renderPage();
    expect(await screen.findByRole('heading', { name: `Balies en wachtrij van ${accounts.locationId}` })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Switch to English' }));
    expect(await screen.findByRole('heading', { name: `Desks and queue of ${accounts.locationId}` })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('heading', { name: 'Sign in as a supervisor, administrator or GemeenteLoket' })).toBeInTheDocument();
    expect(sessionStorage.length).toBe(0);
    await expect.poll(async () => (await fetch(`${serverUrl}/api/v1/reports/settings`, { headers: { authorization: `Bearer ${stored.token}` } })).status).toBe(401);
  });

  it('lets a GemeenteLoket account in to the fast-track follow-up and nothing else, in Dutch and English', async () => {
    const user = userEvent.setup();
    const { container } = renderPage();
    expect(screen.getByRole('heading', { name: 'Aanmelden als teamleider, beheerder of GemeenteLoket' })).toBeInTheDocument();
    await user.keyboard(`${MUNICIPALITY}{Tab}${PASSWORD}{Enter}`);
    expect(await screen.findByRole('heading', { name: `Snelle inschrijving: BSN opvolgen (${accounts.locationId})` })).toBeInTheDocument();
    expect(screen.getByText('Balie · GemeenteLoket')).toBeInTheDocument();
    expect(screen.getByText('Aangemeld: Gijs Gemeente')).toBeInTheDocument();
    expect(screen.getByTestId('fast-track-privacy')).toHaveTextContent('Het BSN zelf wordt nergens opgeslagen');
    // No tabs, no live view, no reports: the follow-up list is the whole page.
    expect(screen.queryByRole('tablist')).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: /Balies en wachtrij/ })).not.toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: /Rapportage/ })).not.toBeInTheDocument();
    await screen.findByRole('heading', { name: /^Stand in deze periode$/ });
    const { violations } = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(violations.map((violation) => violation.id)).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Switch to English' }));
    expect(await screen.findByRole('heading', { name: `Fast-track registration: BSN follow-up (${accounts.locationId})` })).toBeInTheDocument();
    expect(screen.getByText('Balie · GemeenteLoket')).toBeInTheDocument();
    // The session is the municipality's: the server keeps its reports from it as well.
    const stored = JSON.parse(sessionStorage.getItem('balie.supervisor.session')!) as { token: string; account: { role: string } };
    expect(stored.account.role).toBe('municipality');
    expect((await fetch(`${serverUrl}/api/v1/reports/settings`, { headers: { authorization: `Bearer ${stored.token}` } })).status).toBe(403);
  });
});
