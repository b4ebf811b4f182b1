import { render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BalieEvent } from '../../../../shared/sync/events';
import { dropDatabase, freshDatabase } from '../../../test/desk-fixtures';
import type { DeskDatabase } from '../../db/desk-db';
import { I18nProvider } from '../../i18n/i18n';
import { SyncIndicator } from './sync-indicator';
import { createSyncStatusStore } from './sync-status-store';

const event = (deviceSeq: number) => ({ id: `event-${deviceSeq}`, deviceSeq, type: 'checkedIn' }) as unknown as BalieEvent;
const conflict = (eventId: string, deskId: string) => ({
  eventId,
  type: 'checkedIn' as const,
  appointmentId: 'p1-BIO',
  deskId,
  clerkId: 'clerk-1',
  occurredAt: '2026-11-25T09:00:00.000Z',
  error: { code: 'invalid-transition', message: { nl: 'Al aangemeld.', en: 'Already checked in.' } },
  receivedAt: '2026-11-25T09:00:01.000Z',
});

describe('the sync line of a signed-in desk', () => {
  let db: DeskDatabase;
  beforeEach(async () => {
    db = await freshDatabase('indicator-test');
  });
  afterEach(() => dropDatabase(db));

  it('says the desk is offline, when it tries again, what waits, what was refused, its own conflicts and a wrong clock', async () => {
    await db.outbox.bulkAdd([
      { deviceSeq: 1, id: 'event-1', event: event(1), date: '2026-11-25', state: 'rejected', reason: { code: 'not-allowed' } },
      { deviceSeq: 2, id: 'event-2', event: event(2), date: '2026-11-25', state: 'pending', reason: null },
      { deviceSeq: 3, id: 'event-3', event: event(3), date: '2026-11-25', state: 'pending', reason: null },
    ]);
    await db.conflicts.bulkPut([conflict('event-0', 'MAA-D1'), conflict('other-desk-event', 'MAA-D2')]);
    const store = createSyncStatusStore();
    store.getState().failed('offline: fetch failed', true, { attempts: 3, retryAt: '2026-11-25T09:00:08.000Z' });
    store.getState().setClockOffset(-8 * 60_000);
    render(
      <I18nProvider initialLanguage="en">
        <SyncIndicator db={db} store={store} deskId="MAA-D1" />
      </I18nProvider>,
    );
    const line = await screen.findByText(/2 waiting to be sent/);
    expect(line).toHaveTextContent(/^Offline: changes are kept and sent later\. · Next attempt at \d\d:\d\d\./);
    expect(line).toHaveTextContent('1 refused by the server · 1 conflicts');
    expect(line).toHaveTextContent("This PC's clock is more than 5 minutes off the server's.");
  });

  it('tells the clerk to sign in again, and that nothing is lost, when the session was refused', async () => {
    const store = createSyncStatusStore();
    store.getState().setNeedsSignIn(true);
    render(
      <I18nProvider>
        <SyncIndicator db={db} store={store} deskId="MAA-D1" />
      </I18nProvider>,
    );
    expect(await screen.findByRole('status')).toHaveTextContent('Uw sessie is verlopen. Meld u opnieuw aan; niets is verloren.');
  });
});
