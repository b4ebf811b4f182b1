import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BalieEvent } from '../../../../shared/sync/events';
import { addDays } from '../../../../shared/domain/calendar-date';
import { checkIn } from '../../../../shared/domain/commands-queue';
import { initialDayState } from '../../../../shared/domain/day-state';
import { dropDatabase, freshDatabase, today } from '../../../test/desk-fixtures';
import { projectionTables, writeLocalDay } from '../../db/day-projection';
import type { DeskDatabase } from '../../db/desk-db';
import { performCommand } from '../../db/perform-command';
import { purgeOldDays } from '../../db/retention';
import { requestPersistentStorage } from '../../db/storage-guard';
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

  it('blocks actions on a full disk with a clear message, keeps the outbox, and lifts the block once there is room', async () => {
    const persons = ['anna', 'bram'].map((name) => ({ id: `full-${name}`, name, dateOfBirth: '1990-01-01', nationalityCategory: 'other' as const, vNumber: null, lastCaptureDate: null }));
    const appointments = persons.map((person) => ({ id: `${person.id}-BIO`, bookingId: `booking-${person.id}`, appointmentCode: null, locationId: 'MAA', date: today, slotStart: '09:00', service: 'BIO' as const, personId: person.id, walkIn: false }));
    await db.transaction('rw', projectionTables(db), () => writeLocalDay(db, initialDayState({ appointments, persons })));
    const context = { date: today, now: new Date().toISOString(), deviceId: 'device-1', deskId: 'MAA-D1', clerkId: 'clerk-1', locationId: 'MAA' };
    const checkInOf = (id: string) => performCommand(db, (state, ctx) => checkIn(state, { appointmentIds: [id], method: 'manual' }, ctx), context);
    expect(await checkInOf(appointments[0]!.id)).toMatchObject({ ok: true });
    // The disk fills up: every new row fails the way IndexedDB fails on a full disk.
    const diskFull = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    db.outbox.hook('creating', diskFull);
    db.meta.hook('creating', diskFull);
    expect(await checkInOf(appointments[1]!.id)).toMatchObject({ ok: false, error: { code: 'storage-full' } });

    const user = userEvent.setup();
    render(
      <I18nProvider initialLanguage="en">
        <SyncIndicator db={db} store={createSyncStatusStore()} deskId="MAA-D1" />
      </I18nProvider>,
    );
    expect(await screen.findByRole('alert')).toHaveTextContent('The storage of this PC is full. This action was not saved; everything saved before is kept.');
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('The storage is still full.')).toBeInTheDocument();
    expect(await db.outbox.count()).toBe(1);

    db.outbox.hook('creating').unsubscribe(diskFull);
    db.meta.hook('creating').unsubscribe(diskFull);
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(await checkInOf(appointments[1]!.id)).toMatchObject({ ok: true });
    expect(await db.outbox.count()).toBe(2);
  });

  it('says when the browser did not promise to keep the data, and which old days stay on the desk and why', async () => {
    await requestPersistentStorage(db, { persist: async () => false, persisted: async () => false });
    const oldDay = addDays(today, -9);
    await db.outbox.bulkAdd([
      { deviceSeq: 1, id: 'event-1', event: event(1), date: oldDay, state: 'pending', reason: null },
      { deviceSeq: 2, id: 'event-2', event: event(2), date: oldDay, state: 'rejected', reason: { code: 'malformed' } },
    ]);
    await purgeOldDays(db, { today });
    render(
      <I18nProvider>
        <SyncIndicator db={db} store={createSyncStatusStore()} deskId="MAA-D1" />
      </I18nProvider>,
    );
    expect(await screen.findByText(`De dag ${oldDay} blijft op deze balie: 1 nog niet verstuurd, 1 geweigerd.`)).toBeInTheDocument();
    expect(screen.getByText(/De browser heeft niet toegezegd de gegevens van deze balie te bewaren/)).toBeInTheDocument();
  });
});
