import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { endPause, openDesk, startPause } from '../../../../shared/domain/commands-desk';
import type { DeskBridge, RecoveryNotice as HostNotice } from '../../../../shared/ipc/desk-bridge';
import { dropDatabase, freshDatabase, today } from '../../../test/desk-fixtures';
import { memoryStorage } from '../../bridge/web-bridge';
import { act, type DeskActor } from '../../db/desk-actor';
import type { DeskDatabase } from '../../db/desk-db';
import { I18nProvider, type Language } from '../../i18n/i18n';
import { DISMISSED_KEY, RecoveryNotice } from './recovery-notice';

const actor: DeskActor = { deviceId: 'recovery-device', deskId: 'MAA-D2', clerkId: 'clerk-recovery', locationId: 'MAA' };
const crashed: HostNotice = { reason: 'crashed', at: '2026-03-02T09:15:00.000Z', count: 1 };

/** The bridge of a desktop host that reloaded the page (`notice`), or of a plain browser (no getRecoveryNotice). */
function bridgeWith(notice: HostNotice | null | 'browser'): DeskBridge {
  const bridge = { getConfig: vi.fn() } as unknown as DeskBridge;
  if (notice !== 'browser') bridge.getRecoveryNotice = vi.fn(async () => notice);
  return bridge;
}

describe('the notice after the desk restarted from a crash', () => {
  let db: DeskDatabase;
  let storage: Storage;
  beforeEach(async () => {
    db = await freshDatabase('recovery-notice-test');
    storage = memoryStorage();
  });
  afterEach(() => dropDatabase(db));

  /** Clerk actions made before the crash and not sent yet: each is an event in the outbox. */
  async function unsentActions() {
    for (const command of [openDesk, (state: Parameters<typeof openDesk>[0], context: Parameters<typeof openDesk>[1]) => startPause(state, { reason: 'break', note: null }, context), endPause]) {
      const result = await act(db, actor, today, command);
      if (!result.ok) throw new Error(result.error.message.en);
    }
    return db.outbox.where('state').equals('pending').count();
  }

  function show(bridge: DeskBridge, language: Language = 'nl') {
    return render(
      <I18nProvider initialLanguage={language}>
        <label>
          Zoeken
          <input />
        </label>
        <RecoveryNotice db={db} bridge={bridge} storage={storage} />
      </I18nProvider>,
    );
  }

  it('says in a status line that the desk restarted, that nothing was lost and how much still waits, without taking the focus', async () => {
    expect(await unsentActions()).toBe(3);
    show(bridgeWith(crashed));
    const work = screen.getByRole('textbox', { name: 'Zoeken' });
    work.focus();
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent(
        'De balie is om 10:15 opnieuw gestart na een storing; er is niets verloren gegaan. 3 acties wachten nog op verzending.',
      ),
    );
    expect(screen.getByRole('button', { name: 'Melding over de herstart sluiten' })).toBeInTheDocument();
    expect(work).toHaveFocus();
  });

  it('counts down while the desk sends, down to "every action has been sent"', async () => {
    await unsentActions();
    show(bridgeWith(crashed));
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('3 acties wachten nog op verzending.'));
    const [first, second] = await db.outbox.toArray();
    await db.outbox.bulkDelete([first!.deviceSeq, second!.deviceSeq]);
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('1 actie wacht nog op verzending.'));
    await db.outbox.clear();
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Alle acties zijn verzonden.'));
  });

  it('is dismissed with its button and stays away after a reload, until the page crashes again', async () => {
    const user = userEvent.setup();
    const first = show(bridgeWith(crashed));
    await user.click(await screen.findByRole('button', { name: 'Melding over de herstart sluiten' }));
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
    expect(storage.getItem(DISMISSED_KEY)).not.toBeNull();
    first.unmount();

    // An ordinary reload later in the same run: the host still has the same notice.
    const again = show(bridgeWith(crashed));
    await new Promise((resolveSoon) => setTimeout(resolveSoon, 50));
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
    expect(screen.queryByRole('button', { name: 'Melding over de herstart sluiten' })).toBeNull();
    again.unmount();

    show(bridgeWith({ reason: 'oom', at: '2026-03-02T11:40:00.000Z', count: 2 }));
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent(
        'De balie is om 12:40 opnieuw gestart na een storing; er is niets verloren gegaan. Alle acties zijn verzonden. Dit is de 2e herstart sinds de balie aanging.',
      ),
    );
  });

  it('speaks English when the clerk switched', async () => {
    await openDeskOnly(db);
    show(bridgeWith(crashed), 'en');
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent('The desk restarted at 10:15 after a failure; nothing was lost. 1 action is still waiting to be sent.'),
    );
    expect(screen.getByRole('button', { name: 'Dismiss the notice about the restart' })).toHaveTextContent('Dismiss');
  });

  it.each([
    ['a desktop host that never reloaded the page', null],
    ['a plain browser, which has no crash recovery', 'browser'],
  ] as const)('shows nothing on %s', async (_host, notice) => {
    await unsentActions();
    const bridge = bridgeWith(notice);
    show(bridge);
    if (bridge.getRecoveryNotice) await waitFor(() => expect(bridge.getRecoveryNotice).toHaveBeenCalled());
    await new Promise((resolveSoon) => setTimeout(resolveSoon, 50));
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('shows nothing when the host cannot answer', async () => {
    const bridge = bridgeWith(null);
    bridge.getRecoveryNotice = vi.fn(async () => Promise.reject(new Error('balie:get-recovery-notice got malformed arguments')));
    show(bridge);
    await waitFor(() => expect(bridge.getRecoveryNotice).toHaveBeenCalled());
    expect(screen.getByRole('status')).toBeEmptyDOMElement();
  });
});

async function openDeskOnly(db: DeskDatabase) {
  const result = await act(db, actor, today, openDesk);
  if (!result.ok) throw new Error(result.error.message.en);
}
