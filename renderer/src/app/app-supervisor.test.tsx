/**
 * A supervisor signed in at a desk PC: the shell shows the location's screens instead of the
 * clerk's desk. Their code loads only then (app.tsx), so this checks that it does.
 */
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { accounts, adminToken, browserBridge, dropDatabase, freshDatabase, registrationCode, serverUrl } from '../../test/desk-fixtures';
import type { DeskDatabase } from '../db/desk-db';
import { registerThisDesk, signInOnDesk } from '../features/auth/desk-auth';
import { I18nProvider } from '../i18n/i18n';
import { App } from './app';

describe('a supervisor at a desk PC', () => {
  let db: DeskDatabase;
  beforeEach(async () => {
    db = await freshDatabase('app-supervisor-test');
  });
  afterEach(async () => {
    cleanup();
    await dropDatabase(db);
  });

  it("gets the location's live view, loaded when needed, instead of the clerk's desk", async () => {
    const username = `teamleider-a${crypto.randomUUID().slice(0, 6)}`;
    const password = 'supervisor at a desk';
    const created = await fetch(`${serverUrl}/api/v1/accounts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await adminToken()}` },
      body: JSON.stringify({ username, displayName: 'Desk Teamleider', role: 'supervisor', locationId: accounts.locationId, password }),
    });
    expect(created.status).toBe(201);
    const bridge = browserBridge();
    expect(await registerThisDesk(db, bridge, { code: await registrationCode('MAA-D3'), name: 'supervisor pc' })).toMatchObject({ ok: true });
    expect(await signInOnDesk(db, bridge, { username, password })).toMatchObject({ ok: true });

    render(
      <I18nProvider>
        <App db={db} bridge={bridge} />
      </I18nProvider>,
    );
    expect(await screen.findByRole('tab', { name: 'Nu' }, { timeout: 10_000 })).toHaveAttribute('aria-selected', 'true');
    expect(await screen.findByText(`Balies en wachtrij van ${accounts.locationId}`)).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: /agenda/i })).not.toBeInTheDocument();
  });
});
