import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dropDatabase, freshDatabase, serverUrl, today } from '../../../test/desk-fixtures';
import type { DeskDatabase, LocalAppointment } from '../../db/desk-db';
import { I18nProvider } from '../../i18n/i18n';
import { storeServerDay } from './test-support/demo-day';
import { handClock, QueueHarness, untouchedBookings } from './test-support/queue-harness';

describe('the arrival of a booking', () => {
  let db: DeskDatabase;
  let family: LocalAppointment[];
  beforeEach(async () => {
    db = await freshDatabase('booking-panel-test');
    await storeServerDay(db, serverUrl, today);
    family = (await untouchedBookings(db, today)).find((booking) => new Set(booking.map((row) => row.personId)).size >= 2)!;
  });
  afterEach(() => dropDatabase(db));

  const show = () =>
    render(
      <I18nProvider>
        <QueueHarness db={db} date={today} clock={handClock(today, family[0]!.slotStart).clock} bookingId={family[0]!.bookingId} />
      </I18nProvider>,
    );

  it('opens on "check everyone in", and one person can check in alone', async () => {
    const user = userEvent.setup();
    show();
    expect(await screen.findByRole('button', { name: 'Iedereen aanmelden' })).toHaveFocus();
    const [first] = family;
    await user.click(screen.getByRole('button', { name: `${first!.personName} aanmelden` }));
    expect(await screen.findByText(`${first!.personName} aangemeld: nummer A-001.`)).toBeInTheDocument();
    const line = screen.getAllByTestId('booking-person').find((item) => item.textContent?.includes(first!.personName))!;
    expect(within(line).getAllByText(/Aangemeld/).length).toBeGreaterThan(0);
    expect(screen.getAllByTestId('waiting')).toHaveLength(family.filter((row) => row.personId === first!.personId).length);
  });

  it('adds a family member at the desk: a wrong date of birth is refused with the reason and nothing typed is lost', async () => {
    const user = userEvent.setup();
    show();
    await user.click(await screen.findByRole('button', { name: 'Persoon toevoegen' }));
    expect(screen.getByLabelText('Naam')).toHaveFocus();
    await user.keyboard('Mila Jansen');
    await user.type(screen.getByLabelText('Geboortedatum (JJJJ-MM-DD)'), '2099-01-01');
    await user.click(screen.getByRole('button', { name: 'Toevoegen en aanmelden' }));
    expect(await screen.findByText(/Vul een geldige geboortedatum in/)).toHaveAttribute('role', 'alert');
    expect(screen.getByLabelText('Naam')).toHaveValue('Mila Jansen');

    await user.clear(screen.getByLabelText('Geboortedatum (JJJJ-MM-DD)'));
    await user.type(screen.getByLabelText('Geboortedatum (JJJJ-MM-DD)'), '2019-05-04{Enter}');
    expect(await screen.findByText('Mila Jansen toegevoegd en aangemeld.')).toBeInTheDocument();
    expect(screen.queryByLabelText('Naam')).toBeNull();
    const added = (await db.appointments.where('bookingId').equals(family[0]!.bookingId).toArray()).find((row) => row.personName === 'Mila Jansen');
    expect(added).toMatchObject({ status: 'arrived', walkIn: true, dateOfBirth: '2019-05-04' });
    expect(screen.getAllByTestId('booking-person').map((item) => item.querySelector('.queue__name')?.textContent)).toContain('Mila Jansen');
  });

  it('cancels the booking as a whole, with a reason', async () => {
    const user = userEvent.setup();
    show();
    await user.click(await screen.findByRole('button', { name: 'Boeking annuleren' }));
    await user.type(screen.getByLabelText('Reden van annuleren (niet verplicht)'), 'klant belde af{Enter}');
    expect(await screen.findByText('Boeking geannuleerd.')).toBeInTheDocument();
    const rows = await db.appointments.bulkGet(family.map((row) => row.id));
    expect(rows.map((row) => row?.status)).toEqual(family.map(() => 'cancelled'));
    expect(screen.getByRole('button', { name: 'Iedereen aanmelden' })).toBeDisabled();
  });
});
