import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { amsterdamInstant } from '../../../shared/domain/calendar-date';
import { checkIn } from '../../../shared/domain/commands-queue';
import { dropDatabase, freshDatabaseWithTheDay, today } from '../../test/desk-fixtures';
import { act, type DeskActor } from '../db/desk-actor';
import type { DeskDatabase, LocalAppointment } from '../db/desk-db';
import { I18nProvider } from '../i18n/i18n';
import { ClerkDesk } from './clerk-desk';

const actor: DeskActor = { deviceId: 'local-device', deskId: 'MAA-D3', clerkId: 'clerk-3', locationId: 'MAA' };

/** Key times as a scanner types them (5 ms apart) or as a person does (a quarter second apart). */
function keyTimes(gapMs: number) {
  let at = 0;
  return () => (at += gapMs);
}

describe("the clerk's desk, by keyboard and scanner", () => {
  let db: DeskDatabase;
  let bookings: LocalAppointment[][];
  beforeEach(async () => {
    db = await freshDatabaseWithTheDay('clerk-desk-test');
    const rows = await db.appointments.where('date').equals(today).sortBy('slotStart');
    const byBooking = new Map<string, LocalAppointment[]>();
    for (const row of rows) byBooking.set(row.bookingId, [...(byBooking.get(row.bookingId) ?? []), row]);
    bookings = [...byBooking.values()].filter((booking) => booking.every((row) => row.status === 'expected'));
    localStorage.clear();
  });
  afterEach(() => dropDatabase(db));

  const show = (keyGapMs: number, time = '09:05') =>
    render(
      <I18nProvider>
        <ClerkDesk db={db} actor={actor} date={today} clock={() => new Date(amsterdamInstant(today, time))} keyClock={keyTimes(keyGapMs)} />
      </I18nProvider>,
    );

  it('a scanned appointment code opens its booking wherever the focus is, and Enter then checks the family in', async () => {
    const family = bookings.find((booking) => new Set(booking.map((row) => row.personId)).size >= 2)!;
    const code = family[0]!.appointmentCode!;
    const user = userEvent.setup({ delay: null });
    show(5);
    // The focus is on a button: the scanner's Enter must not press it.
    (await screen.findByRole('button', { name: 'Volgende oproepen' })).focus();
    await user.keyboard(`${code}{Enter}`);

    expect(await screen.findByRole('heading', { name: `Afspraak ${code} om ${family[0]!.slotStart}` })).toBeInTheDocument();
    expect(screen.queryByText('Er wacht niemand voor deze balie.')).toBeNull();
    await waitFor(() => expect(screen.getByRole('button', { name: 'Iedereen aanmelden' })).toHaveFocus());
    await user.keyboard('{Enter}');
    const names = family.map((row) => row.personName);
    expect(await screen.findByText(`${[...new Set(names)].join(', ')} aangemeld: nummer C-001.`)).toBeInTheDocument();
    const stored = await db.appointments.bulkGet(family.map((row) => row.id));
    expect(stored.map((row) => row?.status)).toEqual(family.map(() => 'arrived'));
    expect((await db.outbox.toArray()).map((entry) => entry.event.payload)).toMatchObject(family.map(() => ({ method: 'scan' })));
  });

  it('a scan that matches no appointment says so and opens nothing', async () => {
    const user = userEvent.setup({ delay: null });
    show(5);
    await screen.findByRole('button', { name: 'Volgende oproepen' });
    await user.keyboard('ZZ99ZZ99{Enter}');
    expect(await screen.findByText('Geen afspraak gevonden voor de scan ZZ99ZZ99.')).toHaveAttribute('role', 'alert');
    expect(screen.queryByTestId('booking-panel')).toBeNull();
  });

  it('single keys act: / searches, C checks in the opened booking, N calls next, Esc leaves the visit back to "call next"', async () => {
    const [single] = bookings.filter((booking) => booking.length === 1);
    const client = single![0]!;
    const user = userEvent.setup();
    show(250, client.slotStart);
    await screen.findByRole('button', { name: 'Volgende oproepen' });

    await user.keyboard('/');
    const search = screen.getByLabelText(/Zoeken op naam/);
    await waitFor(() => expect(search).toHaveFocus());
    // Keys typed into a field stay there: this "n" calls nobody.
    await user.keyboard(`${client.appointmentCode}{Enter}`);
    expect(search).toHaveValue(client.appointmentCode);
    expect(await screen.findByRole('heading', { name: new RegExp(`Afspraak ${client.appointmentCode}`) })).toBeInTheDocument();
    expect(await db.outbox.count()).toBe(0);

    screen.getByRole('heading', { name: new RegExp(`Afspraak ${client.appointmentCode}`) }).focus();
    await user.keyboard('c');
    expect(await screen.findByText(`${client.personName} aangemeld: nummer C-001.`)).toBeInTheDocument();
    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByTestId('booking-panel')).toBeNull());

    (document.activeElement as HTMLElement | null)?.blur();
    await user.keyboard('n');
    const visit = await screen.findByRole('region', { name: 'Bezoek aan deze balie' });
    expect(visit).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Volgende oproepen' })).toBeNull();
    expect((await db.appointments.get(client.id))?.status).toBe('called');

    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.getByRole('button', { name: 'Volgende oproepen' })).toHaveFocus());
    expect(screen.getByRole('button', { name: 'Naar het bezoek' })).toBeInTheDocument();
  });

  it('refuses "call next" while the desk is busy with a called client, in words', async () => {
    const [first, second] = bookings.filter((booking) => booking.length === 1).map((booking) => booking[0]!);
    const now = new Date(amsterdamInstant(today, second!.slotStart));
    await act(db, actor, today, (state, context) => checkIn(state, { appointmentIds: [first!.id, second!.id], method: 'manual' }, context), now);
    const user = userEvent.setup();
    show(250, second!.slotStart);
    await user.click(await screen.findByRole('button', { name: 'Volgende oproepen' }));
    await screen.findByRole('region', { name: 'Bezoek aan deze balie' });
    await user.keyboard('{Escape}');
    await user.click(await screen.findByRole('button', { name: 'Volgende oproepen' }));
    expect(await screen.findByText('Rond eerst de huidige klant af (of parkeer of stuur door).')).toHaveAttribute('role', 'alert');
  });
});
