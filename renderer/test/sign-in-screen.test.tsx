import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { App } from '../src/app/app';
import type { DeskDatabase } from '../src/db/desk-db';
import { readMeta } from '../src/db/desk-meta';
import { I18nProvider } from '../src/i18n/i18n';
import { accounts, browserBridge, dropDatabase, freshDatabase, registrationCode, today } from './desk-fixtures';

describe('registering a desk and signing in, with the keyboard only', () => {
  let db: DeskDatabase;
  beforeEach(async () => {
    db = await freshDatabase('sign-in-screen-test');
  });
  afterEach(() => dropDatabase(db));

  it('a new desk is registered with the admin code, the clerk signs in and the desk starts to sync', async () => {
    const bridge = browserBridge();
    const user = userEvent.setup();
    render(
      <I18nProvider>
        <App db={db} bridge={bridge} today={today} />
      </I18nProvider>,
    );
    expect(await screen.findByRole('heading', { name: 'Deze balie registreren' })).toBeInTheDocument();
    await user.keyboard(await registrationCode('MAA-D1'));
    await user.tab();
    await user.keyboard('Balie 1 pc{Enter}');

    expect(await screen.findByRole('heading', { name: 'Aanmelden aan de balie' })).toBeInTheDocument();
    await user.keyboard(`${accounts.clerk.username}{Tab}wrong password{Enter}`);
    expect(await screen.findByRole('alert')).toHaveTextContent('Gebruikersnaam of wachtwoord klopt niet.');

    await user.clear(screen.getByLabelText('Wachtwoord'));
    await user.type(screen.getByLabelText('Wachtwoord'), `${accounts.clerk.password}{Enter}`);
    expect(await screen.findByText(/Aangemeld: Test Clerk \(MAA-D1\)/)).toBeInTheDocument();
    expect(await screen.findByText(/Gesynchroniseerd om/, undefined, { timeout: 10_000 })).toBeInTheDocument();
    // IndexedDB holds who is signed in, never the token.
    const kept = await bridge.loadSession!();
    const token = kept.ok ? kept.session?.token : undefined;
    expect(token).toBeTruthy();
    expect(await readMeta(db.meta, 'session')).toMatchObject({ username: accounts.clerk.username, deskId: 'MAA-D1' });
    expect(JSON.stringify(await db.meta.toArray())).not.toContain(token);

    await user.click(screen.getByRole('button', { name: 'Afmelden' }));
    expect(await screen.findByRole('heading', { name: 'Aanmelden aan de balie' })).toBeInTheDocument();
    expect(await bridge.loadSession!()).toEqual({ ok: true, session: null });
  });

  it('an administrator signed in at a desk watches the location instead of serving, and the desk locks on demand', async () => {
    const bridge = browserBridge();
    const user = userEvent.setup();
    render(
      <I18nProvider>
        <App db={db} bridge={bridge} today={today} />
      </I18nProvider>,
    );
    expect(await screen.findByRole('heading', { name: 'Deze balie registreren' })).toBeInTheDocument();
    await user.keyboard(await registrationCode('MAA-D1'));
    await user.tab();
    await user.keyboard('Balie 1 pc{Enter}');
    expect(await screen.findByRole('heading', { name: 'Aanmelden aan de balie' })).toBeInTheDocument();
    await user.keyboard(`${accounts.admin.username}{Tab}${accounts.admin.password}{Enter}`);

    expect(await screen.findByRole('heading', { name: /^Balies en wachtrij/ }, { timeout: 10_000 })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Volgende oproepen/ })).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Vergrendelen' }));
    expect(await screen.findByRole('heading', { name: 'Balie vergrendeld' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: /^Balies en wachtrij/ })).not.toBeInTheDocument();
  });
});
