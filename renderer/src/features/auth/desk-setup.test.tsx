import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dropDatabase, freshDatabase, registrationCode, serverUrl } from '../../../test/desk-fixtures';
import { createWebBridge, memoryStorage } from '../../bridge/web-bridge';
import type { DeskDatabase } from '../../db/desk-db';
import { readMeta } from '../../db/desk-meta';
import { I18nProvider } from '../../i18n/i18n';
import { DeskSetupGate } from './desk-setup';
import { SignInPanel } from './sign-in-panel';

describe('the first run of a desk: the server address, then registration', () => {
  let db: DeskDatabase;
  beforeEach(async () => {
    db = await freshDatabase('setup-test');
  });
  afterEach(() => dropDatabase(db));

  it('refuses an address that is not http(s) and one where no server answers, then takes the Balie server and registers the desk', async () => {
    // A desk page that is not served by a Balie server and was given no ?server=: nothing is chosen yet.
    const storage = memoryStorage();
    const bridge = createWebBridge(new URL('http://127.0.0.1:5173/') as unknown as Location, storage, () => crypto.randomUUID(), memoryStorage());
    const user = userEvent.setup();
    render(
      <I18nProvider>
        <DeskSetupGate bridge={bridge}>
          <SignInPanel db={db} bridge={bridge} />
        </DeskSetupGate>
      </I18nProvider>,
    );
    expect(await screen.findByRole('heading', { name: 'Deze balie instellen' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Deze balie registreren' })).not.toBeInTheDocument();

    await user.keyboard('ftp://127.0.0.1/{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('Dit is geen bruikbaar adres.');
    await user.clear(screen.getByLabelText('Adres van de server'));
    await user.type(screen.getByLabelText('Adres van de server'), 'http://127.0.0.1:1{Enter}');
    expect(await screen.findByText('Op dit adres antwoordt geen server. Controleer het adres en de netwerkverbinding.')).toBeInTheDocument();
    expect(storage.getItem('balie.serverUrl')).toBeNull();

    await user.clear(screen.getByLabelText('Adres van de server'));
    await user.type(screen.getByLabelText('Adres van de server'), `${serverUrl}/{Enter}`);
    expect(await screen.findByRole('heading', { name: 'Deze balie registreren' })).toBeInTheDocument();
    expect(await bridge.getConfig()).toMatchObject({ serverUrl, serverUrlChosen: true });

    await user.keyboard(await registrationCode('MAA-D4'));
    await user.tab();
    await user.keyboard('Balie 4 pc{Enter}');
    expect(await screen.findByRole('heading', { name: 'Aanmelden aan de balie' })).toBeInTheDocument();
    expect(await readMeta(db.meta, 'deviceId')).toBeTruthy();
  });

  it('goes straight to registration or sign-in when the server is chosen already', async () => {
    const bridge = createWebBridge(new URL(`http://127.0.0.1:5173/?server=${encodeURIComponent(serverUrl)}`) as unknown as Location, memoryStorage(), () => crypto.randomUUID());
    render(
      <I18nProvider initialLanguage="en">
        <DeskSetupGate bridge={bridge}>
          <SignInPanel db={db} bridge={bridge} />
        </DeskSetupGate>
      </I18nProvider>,
    );
    expect(await screen.findByRole('heading', { name: 'Register this desk' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Set up this desk' })).not.toBeInTheDocument();
  });
});
