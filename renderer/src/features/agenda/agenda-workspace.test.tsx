import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useLiveQuery } from 'dexie-react-hooks';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { expectedAppointment } from '../../../../shared/domain/appointment-state';
import { SERVICE_CODES } from '../../../../shared/domain/codes';
import { dropDatabase, freshDatabaseWithTheDay, today } from '../../../test/desk-fixtures';
import type { DeskDatabase, LocalAppointment } from '../../db/desk-db';
import { I18nProvider } from '../../i18n/i18n';
import { createAgendaIndexer, filterAgenda, findScanned, inAgendaOrder } from './agenda-search';
import { AgendaWorkspace } from './agenda-workspace';

function Agenda({ db, onOpenBooking }: { db: DeskDatabase; onOpenBooking(bookingId: string): void }) {
  const rows = useLiveQuery(() => db.appointments.where('date').equals(today).toArray(), [db]);
  return rows ? <AgendaWorkspace rows={rows} selectedBookingId={null} onOpenBooking={onOpenBooking} /> : null;
}

const shownBookings = () => new Set(screen.getAllByTestId('agenda-row').map((row) => row.querySelector('[role=gridcell]:nth-child(2)')?.textContent).filter(Boolean));

describe("the signed-in clerk's agenda", () => {
  let db: DeskDatabase;
  let day: LocalAppointment[];
  beforeEach(async () => {
    db = await freshDatabaseWithTheDay('agenda-workspace-test');
    day = inAgendaOrder(await db.appointments.where('date').equals(today).toArray());
  });
  afterEach(() => dropDatabase(db));

  const show = (onOpenBooking = vi.fn()) => {
    render(
      <I18nProvider>
        <Agenda db={db} onOpenBooking={onOpenBooking} />
      </I18nProvider>,
    );
    return onOpenBooking;
  };

  it('finds a client as the clerk types a V-number, an appointment code in any case, or part of a name', async () => {
    const user = userEvent.setup();
    show();
    const search = await screen.findByLabelText(/Zoeken op naam, V-nummer/);
    const person = day.find((row) => row.vNumber !== null)!;

    await user.type(search, person.vNumber!.slice(0, 7));
    await waitFor(() => expect(shownBookings()).toEqual(new Set([expect.stringContaining(person.appointmentCode!)])));
    expect(screen.getByRole('grid')).toHaveAttribute('aria-rowcount', String(day.filter((row) => row.bookingId === person.bookingId).length + 1));

    const other = day.find((row) => row.bookingId !== person.bookingId)!;
    await user.clear(search);
    await user.type(search, other.appointmentCode!.toLowerCase());
    await waitFor(() => expect(shownBookings()).toEqual(new Set([expect.stringContaining(other.appointmentCode!)])));
    expect(screen.getByText(/van \d+ afspraken/)).toBeInTheDocument();

    await user.clear(search);
    await user.type(search, person.personName.split(' ')[0]!.toUpperCase());
    await waitFor(() => expect(screen.getAllByText(person.personName).length).toBeGreaterThan(0));

    await user.clear(search);
    await user.type(search, 'nobody-is-called-this');
    expect(await screen.findByText('Geen afspraken gevonden.')).toBeInTheDocument();
  });

  it('filters by service and by status', async () => {
    const user = userEvent.setup();
    show();
    await user.selectOptions(await screen.findByLabelText('Dienst'), 'INFO');
    await waitFor(() => expect(screen.getAllByTestId('agenda-row')).toHaveLength(day.filter((row) => row.service === 'INFO').length));
    for (const row of screen.getAllByTestId('agenda-row')) expect(within(row).getByText('INFO')).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Status'), 'completed');
    expect(await screen.findByText('Geen afspraken gevonden.')).toBeInTheDocument();
  });

  it('is a grid the keyboard walks with the arrows; Enter opens the booking of the active row', async () => {
    const user = userEvent.setup();
    const opened = show();
    const grid = await screen.findByRole('grid', { name: 'Afspraken van vandaag' });
    expect(grid).toHaveAttribute('aria-rowcount', String(day.length + 1));
    await user.click(screen.getByLabelText(/Zoeken op naam/));
    await user.keyboard('{ArrowDown}');
    expect(grid).toHaveFocus();
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowUp}{ArrowDown}');
    const active = document.getElementById(grid.getAttribute('aria-activedescendant')!)!;
    expect(active).toHaveAttribute('aria-rowindex', '4');
    expect(active).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{Enter}');
    expect(opened).toHaveBeenCalledWith(day[2]!.bookingId);
  });
});

describe('a day of 10,000 appointments', () => {
  const bigDay: LocalAppointment[] = Array.from({ length: 10_000 }, (_, index) => {
    const minutes = 9 * 60 + Math.floor(index / 25);
    const slotStart = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
    const base = expectedAppointment({
      id: `a${index}`,
      bookingId: `b${index}`,
      appointmentCode: `MAA-${String(index).padStart(6, '0')}`,
      locationId: 'MAA',
      date: today,
      slotStart,
      service: SERVICE_CODES[index % SERVICE_CODES.length]!,
      personId: `p${index}`,
      walkIn: false,
    });
    return { ...base, personName: `Klant ${index}`, dateOfBirth: '1990-01-01', nationalityCategory: 'other', vNumber: String(1_000_000_000 + index), base };
  });

  it('keeps only the rows in view in the page, tells the full row count, and finds the one client by V-number', async () => {
    const user = userEvent.setup();
    render(
      <I18nProvider>
        <AgendaWorkspace rows={bigDay} selectedBookingId={null} onOpenBooking={() => undefined} />
      </I18nProvider>,
    );
    const grid = screen.getByRole('grid');
    expect(grid).toHaveAttribute('aria-rowcount', '10001');
    expect(screen.getAllByTestId('agenda-row').length).toBeLessThan(50);
    expect(screen.getByText('10000 afspraken')).toBeInTheDocument();

    await user.type(screen.getByLabelText(/Zoeken op naam/), '1000009876');
    await waitFor(() => expect(screen.getAllByTestId('agenda-row')).toHaveLength(1));
    expect(screen.getByText('Klant 9876')).toBeInTheDocument();
  });
});

describe('what a scan opens', () => {
  const row = (overrides: Partial<LocalAppointment>): LocalAppointment => {
    const base = expectedAppointment({ id: 'a1', bookingId: 'b1', appointmentCode: 'MAA-HK7P2Q', locationId: 'MAA', date: today, slotStart: '09:00', service: 'DOC', personId: 'p1', walkIn: false });
    return { ...base, personName: 'Anna', dateOfBirth: '1990-01-01', nationalityCategory: 'other', vNumber: '2345678901', base, ...overrides };
  };
  const day = [
    row({}),
    row({
      id: 'a2',
      bookingId: 'b2',
      appointmentCode: 'MAA-ZZ9Z9Z',
      vNumber: null,
      steps: { documentNumber: { checklistId: 'doc', checklistVersion: 1, value: { kind: 'text', text: 'V123AL568' }, recordedAt: '2026-11-25T08:00:00.000Z', clerkId: 'c' } },
    }),
  ];

  it('lists a person added at the desk with their family, not at the time they were added', () => {
    const child = row({ id: 'a3', personId: 'p3', personName: 'Kind', walkIn: true, slotStart: '11:42' });
    const later = row({ id: 'a4', bookingId: 'b4', appointmentCode: 'MAA-LATER1', personId: 'p4', slotStart: '10:00' });
    const added = { ...child, id: 'a0', personId: 'p0' };
    expect(inAgendaOrder([later, added, ...day]).map((appointment) => appointment.id)).toEqual(['a1', 'a0', 'a2', 'a4']);
  });

  it('keeps the order and search texts between changes, and takes in a new row or a newly recorded number', () => {
    const index = createAgendaIndexer();
    const search = (rows: LocalAppointment[], query: string) => filterAgenda(index(rows), { query, status: 'all', service: 'all' }).map((appointment) => appointment.id);
    expect(search(day, '')).toEqual(['a1', 'a2']);
    const arrived = day.map((appointment) => (appointment.id === 'a2' ? { ...appointment, status: 'arrived' as const } : appointment));
    expect(index(arrived).map((entry) => [entry.row.id, entry.row.status])).toEqual([['a1', 'expected'], ['a2', 'arrived']]);
    const child = row({ id: 'a3', personId: 'p3', personName: 'Kind', walkIn: true, slotStart: '11:42' });
    expect(search([...arrived, child], '')).toEqual(['a1', 'a3', 'a2']);
    const withCard = [...arrived, child].map((appointment) =>
      appointment.id === 'a1'
        ? { ...appointment, steps: { documentNumber: { checklistId: 'doc', checklistVersion: 1, value: { kind: 'text' as const, text: 'V987XY654' }, recordedAt: '2026-11-25T09:00:00.000Z', clerkId: 'c' } } }
        : appointment,
    );
    expect(search(withCard, 'v987xy')).toEqual(['a1', 'a3']);
    // A booking moved to an earlier slot moves up, though no row came or went.
    const moved = withCard.map((appointment) => (appointment.id === 'a2' ? { ...appointment, slotStart: '08:00' } : appointment));
    expect(search(moved, '')).toEqual(['a2', 'a1', 'a3']);
    expect(search(moved.map((appointment) => ({ ...appointment })), 'kind')).toEqual(['a1', 'a3']);
  });

  it('opens the booking of a scanned appointment code, V-number or recorded document number, and nothing for an unknown code', () => {
    expect(findScanned(day, 'maa-hk7p2q\r')?.bookingId).toBe('b1');
    expect(findScanned(day, '23 4567 8901')?.bookingId).toBe('b1');
    expect(findScanned(day, 'v123al568')?.bookingId).toBe('b2');
    expect(findScanned(day, 'MAA-HK7P2')).toBeUndefined();
  });
});
