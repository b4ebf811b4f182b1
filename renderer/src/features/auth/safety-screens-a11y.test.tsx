import { render, screen } from '@testing-library/react';
import axe from 'axe-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dropDatabase, freshDatabase, signedInDesk, type SignedInDesk } from '../../../test/desk-fixtures';
import { createWebBridge, memoryStorage } from '../../bridge/web-bridge';
import type { DeskDatabase } from '../../db/desk-db';
import { I18nProvider } from '../../i18n/i18n';
import { lockDesk } from './desk-lock';
import { DeskSetupGate } from './desk-setup';
import { DeskLockGate } from './lock-screen';
import { DeskSecuritySettings } from './security-settings';

/** axe-core on the rendered screen; jsdom lays nothing out, so contrast is checked in the browser suite instead. */
async function violations(container: HTMLElement): Promise<string[]> {
  const results = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  return results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.html).join(', ')}`);
}

describe('the safety screens are usable with a screen reader and the keyboard (axe)', () => {
  let db: DeskDatabase;
  let desk: SignedInDesk;
  beforeEach(async () => {
    db = await freshDatabase('a11y-test');
    desk = await signedInDesk(db, 'MAA-D3');
  });
  afterEach(() => dropDatabase(db));

  it('the lock screen has no violations', async () => {
    await lockDesk(db);
    const { container } = render(
      <I18nProvider>
        <DeskLockGate db={db} bridge={desk.bridge}>
          <p>open</p>
        </DeskLockGate>
      </I18nProvider>,
    );
    await screen.findByRole('heading', { name: 'Balie vergrendeld' });
    expect(await violations(container)).toEqual([]);
  });

  it('the PIN and idle settings have no violations', async () => {
    const { container } = render(
      <I18nProvider>
        <DeskSecuritySettings db={db} bridge={desk.bridge} />
      </I18nProvider>,
    );
    await screen.findByLabelText('Vergrendelen na zoveel minuten zonder invoer');
    expect(await violations(container)).toEqual([]);
  });

  it('the first-run setup has no violations', async () => {
    const bridge = createWebBridge(new URL('http://127.0.0.1:5173/') as unknown as Location, memoryStorage(), () => crypto.randomUUID());
    const { container } = render(
      <I18nProvider>
        <DeskSetupGate bridge={bridge}>
          <p>registered</p>
        </DeskSetupGate>
      </I18nProvider>,
    );
    await screen.findByRole('heading', { name: 'Deze balie instellen' });
    expect(await violations(container)).toEqual([]);
  });
});
