import { cleanup, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DeskBridge } from '../../../shared/ipc/desk-bridge';
import { browserBridge, dropDatabase, freshDatabase, today } from '../../test/desk-fixtures';
import type { DeskDatabase } from '../db/desk-db';
import { I18nProvider } from '../i18n/i18n';
import { App } from './app';

describe('the desk shell after a crash', () => {
  let db: DeskDatabase;
  beforeEach(async () => {
    db = await freshDatabase('app-recovery-test');
    sessionStorage.clear();
  });
  afterEach(async () => {
    // The shell's upkeep (retention, storage checks) must stop before its database goes.
    cleanup();
    await dropDatabase(db);
  });

  const show = (bridge: DeskBridge) =>
    render(
      <I18nProvider>
        <App db={db} bridge={bridge} today={today} />
      </I18nProvider>,
    );

  it('shows the host’s notice above whatever the desk shows, here the registration of a new desk', async () => {
    const bridge: DeskBridge = { ...browserBridge(), getRecoveryNotice: async () => ({ reason: 'oom', at: '2026-03-02T09:15:00.000Z', count: 1 }) };
    show(bridge);
    expect(await screen.findByRole('heading', { name: 'Deze balie registreren' })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByTestId('recovery-notice')).toHaveTextContent('De balie is om 10:15 opnieuw gestart na een storing; er is niets verloren gegaan. Alle acties zijn verzonden.'));
  });

  it('shows no notice in a plain browser', async () => {
    show(browserBridge());
    expect(await screen.findByRole('heading', { name: 'Deze balie registreren' })).toBeInTheDocument();
    expect(screen.getByTestId('recovery-notice')).toHaveTextContent('');
  });
});
