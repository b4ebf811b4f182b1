import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { callAppointment, checkIn } from '../../../../shared/domain/commands-queue';
import { park, startService } from '../../../../shared/domain/commands-service';
import { dropDatabase, freshDatabase, serverUrl, today } from '../../../test/desk-fixtures';
import { act } from '../../db/desk-actor';
import type { DeskDatabase, LocalAppointment } from '../../db/desk-db';
import { I18nProvider, type Language } from '../../i18n/i18n';
import { storeServerDay } from './test-support/demo-day';
import { handClock, QueueHarness, testActor, untouchedBookings } from './test-support/queue-harness';

describe('the queue of the desk', () => {
  let db: DeskDatabase;
  let bookings: LocalAppointment[][];
  beforeEach(async () => {
    db = await freshDatabase('queue-panel-test');
    expect(await storeServerDay(db, serverUrl, today)).toBeGreaterThan(40);
    bookings = await untouchedBookings(db, today);
  });
  afterEach(() => dropDatabase(db));

  const show = (clock: () => Date, bookingId: string | null = null, language: Language = 'nl') =>
    render(
      <I18nProvider initialLanguage={language}>
        <QueueHarness db={db} date={today} clock={clock} bookingId={bookingId} />
      </I18nProvider>,
    );
  const checkInNow = (row: LocalAppointment, clock: () => Date) =>
    act(db, testActor, today, (state, context) => checkIn(state, { appointmentIds: [row.id], method: 'manual' }, context), clock());
  /** Bookings of one person with one service, each at a later slot than the one before. */
  const singlesAtDifferentSlots = () => {
    const singles = bookings.filter((booking) => booking.length === 1).map((booking) => booking[0]!);
    const bySlot = new Map(singles.map((row) => [row.slotStart, row]));
    return [...bySlot.values()].sort((a, b) => a.slotStart.localeCompare(b.slotStart));
  };
  const waitingNames = () => screen.queryAllByTestId('waiting').map((item) => item.querySelector('.queue__name')?.textContent);

  it('a family checks in at once and "call next" calls them together to this desk', async () => {
    const family = bookings.find((booking) => new Set(booking.map((row) => row.personId)).size >= 2 && new Set(booking.map((row) => row.service)).size === 1)!;
    const clock = handClock(today, family[0]!.slotStart).clock;
    const user = userEvent.setup();
    show(clock, family[0]!.bookingId);

    await user.click(await screen.findByRole('button', { name: 'Iedereen aanmelden' }));
    const names = family.map((row) => row.personName);
    expect(await screen.findByText(`${names.join(', ')} aangemeld: nummer A-001.`)).toHaveAttribute('role', 'status');
    expect(waitingNames()).toEqual(names);
    // The family holds one ticket, which the waiting-room display calls.
    for (const item of screen.getAllByTestId('waiting')) expect(within(item).getByText('nummer A-001')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Iedereen aanmelden' })).toBeDisabled();

    await user.click(screen.getByRole('button', { name: 'Volgende oproepen' }));
    expect(await screen.findByText(`${names.join(', ')} opgeroepen.`)).toBeInTheDocument();
    const atDesk = screen.getByRole('list', { name: 'Aan deze balie' });
    expect(within(atDesk).getAllByText(/Opgeroepen/)).toHaveLength(family.length);
    expect(screen.queryAllByTestId('waiting')).toHaveLength(0);
    expect((await db.appointments.bulkGet(family.map((row) => row.id))).map((row) => [row?.status, row?.deskId])).toEqual(family.map(() => ['called', 'MAA-D1']));
  });

  it('calls the client who came on time before a late arrival, and marks the late one', async () => {
    const [early, later] = singlesAtDifferentSlots();
    const time = handClock(today, later!.slotStart);
    // The later client is there before their slot; the earlier one comes ten minutes after it.
    time.set(later!.slotStart, -5);
    expect(await checkInNow(later!, time.clock)).toMatchObject({ ok: true });
    time.set(later!.slotStart, 10);
    expect(await checkInNow(early!, time.clock)).toMatchObject({ ok: true });
    const user = userEvent.setup();
    show(time.clock);

    expect(await screen.findAllByTestId('waiting')).toHaveLength(2);
    expect(waitingNames()).toEqual([later!.personName, early!.personName]);
    const [first, second] = screen.getAllByTestId('waiting');
    expect(within(second!).getByText('te laat')).toBeInTheDocument();
    expect(within(first!).queryByText('te laat')).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Volgende oproepen' }));
    expect(await screen.findByText(`${later!.personName} opgeroepen.`)).toBeInTheDocument();
    expect(waitingNames()).toEqual([early!.personName]);
  });

  it('shows the waiting time, and past the 5-minute target says so in words and in the warning colour', async () => {
    const [client] = singlesAtDifferentSlots();
    const time = handClock(today, client!.slotStart);
    expect(await checkInNow(client!, time.clock)).toMatchObject({ ok: true });
    time.set(client!.slotStart, 3);
    const { rerender } = show(time.clock);
    const wait = await screen.findByTestId('wait');
    expect(wait).toHaveTextContent('wacht 3 min');
    expect(wait).not.toHaveClass('queue__wait--long');

    time.set(client!.slotStart, 7);
    rerender(
      <I18nProvider>
        <QueueHarness db={db} date={today} clock={time.clock} />
      </I18nProvider>,
    );
    expect(screen.getByTestId('wait')).toHaveTextContent('wacht 7 min: boven de norm van 5 min');
    expect(screen.getByTestId('wait')).toHaveClass('queue__wait--long');
  });

  it.each([
    ['nl', 'Er wacht niemand voor deze balie.'],
    ['en', 'Nobody is waiting for this desk.'],
  ] as const)('a refused "call next" is explained in the clerk\'s language (%s)', async (language, refusal) => {
    const user = userEvent.setup();
    show(handClock(today, '09:00').clock, null, language);
    await user.click(await screen.findByRole('button', { name: language === 'nl' ? 'Volgende oproepen' : 'Call next' }));
    expect(await screen.findByText(refusal)).toHaveAttribute('role', 'alert');
  });

  it('calls a chosen client out of turn, calls them again, and marks them a no-show', async () => {
    const [first, chosen] = singlesAtDifferentSlots();
    const clock = handClock(today, chosen!.slotStart).clock;
    await checkInNow(first!, clock);
    await checkInNow(chosen!, clock);
    const user = userEvent.setup();
    show(clock);

    await user.click(await screen.findByRole('button', { name: `${chosen!.personName} oproepen` }));
    const atDesk = await screen.findByRole('list', { name: 'Aan deze balie' });
    expect(within(atDesk).getByText(chosen!.personName)).toBeInTheDocument();
    expect(within(atDesk).getByText('1× opgeroepen')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Opnieuw oproepen' }));
    expect(await within(atDesk).findByText('2× opgeroepen')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Niet verschenen' }));
    expect(await screen.findByText('Er is niemand opgeroepen.')).toBeInTheDocument();
    expect((await db.appointments.get(chosen!.id))?.status).toBe('no-show');
    expect(waitingNames()).toEqual([first!.personName]);
  });

  it('calls only for the services this desk serves', async () => {
    const singles = bookings.filter((booking) => booking.length === 1).map((booking) => booking[0]!);
    const doc = singles.find((row) => row.service === 'DOC')!;
    const other = singles.find((row) => row.service !== 'DOC' && row.slotStart <= doc.slotStart) ?? singles.find((row) => row.service !== 'DOC')!;
    const clock = handClock(today, '17:00').clock;
    await checkInNow(other, clock);
    await checkInNow(doc, clock);
    const user = userEvent.setup();
    show(clock);
    const services = await screen.findByRole('group', { name: 'Diensten van deze balie' });
    for (const service of ['BIO', 'VAA', 'TKV', 'BRP', 'INFO']) await user.click(within(services).getByRole('checkbox', { name: service }));
    expect(within(services).getByRole('checkbox', { name: 'DOC' })).toBeChecked();
    expect(waitingNames()).toEqual([doc.personName]);

    await user.click(screen.getByRole('button', { name: 'Volgende oproepen' }));
    expect(await screen.findByText(`${doc.personName} opgeroepen.`)).toBeInTheDocument();
    expect((await db.appointments.get(other.id))?.status).toBe('arrived');
  });

  it('a parked client is listed with the reason and called again', async () => {
    const [client] = singlesAtDifferentSlots();
    const clock = handClock(today, client!.slotStart).clock;
    await checkInNow(client!, clock);
    const appointmentId = client!.id;
    await act(db, testActor, today, (state, context) => callAppointment(state, { appointmentId }, context), clock());
    await act(db, testActor, today, (state, context) => startService(state, { appointmentId }, context), clock());
    expect(await act(db, testActor, today, (state, context) => park(state, { appointmentId, reason: 'formulier invullen' }, context), clock())).toMatchObject({ ok: true });
    const user = userEvent.setup();
    show(clock);

    const parked = await screen.findByRole('list', { name: 'Geparkeerd' });
    expect(within(parked).getByText('reden: formulier invullen')).toBeInTheDocument();
    await user.click(within(parked).getByRole('button', { name: `Opnieuw oproepen: ${client!.personName}` }));
    expect(await screen.findByText(`${client!.personName} opgeroepen.`)).toBeInTheDocument();
    expect((await db.appointments.get(appointmentId))?.status).toBe('called');
  });
});
