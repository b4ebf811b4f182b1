import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { dropDatabase, freshDatabase, today } from '../../../test/desk-fixtures';
import { projectionTables } from '../../db/day-projection';
import type { DeskActor } from '../../db/desk-actor';
import type { DeskDatabase } from '../../db/desk-db';
import { I18nProvider } from '../../i18n/i18n';
import { arrive, callToDesk, type Arrival } from './visit-fixtures';
import { VisitScreen } from './visit-screen';

const actor: DeskActor = { deviceId: 'visit-side-device', deskId: 'MAA-D3', clerkId: 'clerk-visit-side', locationId: 'MAA' };
const person = (name: string): Arrival => ({ name, ageInYears: 44, nationalityCategory: 'other', service: 'BIO' });

describe('parking, another desk, notes, and a client who does not come', () => {
  let db: DeskDatabase;
  beforeEach(async () => {
    db = await freshDatabase('visit-side-test');
    // Other desks of the location, as the feed delivers them: the clerk may send someone there.
    const desks = ['MAA-D1', 'MAA-D3'].map((id) => ({ id, locationId: 'MAA', status: 'open' as const, clerkId: null, openedAt: null, pause: null, base: null }));
    await db.transaction('rw', projectionTables(db), () => db.desks.bulkPut(desks));
  });
  afterEach(() => dropDatabase(db));

  async function open(persons: readonly Arrival[], started = true) {
    const { appointmentIds } = await arrive(db, actor, today, persons);
    await callToDesk(db, actor, today, appointmentIds);
    const user = userEvent.setup();
    render(
      <I18nProvider>
        <VisitScreen db={db} actor={actor} date={today} appointmentIds={appointmentIds} onLeave={() => undefined} />
      </I18nProvider>,
    );
    const start = await screen.findByRole('button', { name: /aan de balie: beginnen/ });
    await waitFor(() => expect(start).toHaveFocus());
    if (started) {
      await user.keyboard('{Enter}');
      await screen.findByRole('list', { name: 'Stappen' });
    }
    return { appointmentIds, user };
  }

  it('Alt+P parks the person with a reason and the screen goes on with the next family member', async () => {
    const { appointmentIds, user } = await open([person('Hana Sato'), person('Ren Sato')]);
    await user.keyboard('{Alt>}p{/Alt}');
    const reason = screen.getByRole('textbox', { name: 'Waarom parkeren? (niet verplicht)' });
    await waitFor(() => expect(reason).toHaveFocus());
    await user.keyboard('Vult formulier in{Enter}');
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Hana Sato is geparkeerd.'));
    expect(await db.appointments.get(appointmentIds[0]!)).toMatchObject({ status: 'parked', parkReason: 'Vult formulier in' });
    await waitFor(() => expect(screen.getByRole('tab', { selected: true })).toHaveTextContent('Ren Sato'));
  });

  it('Alt+T sends the person to another desk for the same service', async () => {
    const { appointmentIds, user } = await open([person('Iris Berg')]);
    await user.keyboard('{Alt>}t{/Alt}');
    const desk = screen.getByRole('combobox', { name: 'Naar balie' });
    await waitFor(() => expect(desk).toHaveFocus());
    expect(within(desk).getAllByRole('option').map((option) => option.textContent)).toEqual(['Elke balie voor deze dienst', 'MAA-D1']);
    await user.selectOptions(desk, 'MAA-D1');
    await user.click(screen.getByRole('button', { name: /^Doorsturen/ }));
    await waitFor(async () => expect(await db.appointments.get(appointmentIds[0]!)).toMatchObject({ status: 'transferred', deskId: 'MAA-D1', service: 'BIO' }));
    expect(await screen.findByText('Iedereen van dit bezoek is geholpen.')).toBeInTheDocument();
  });

  it('Alt+N writes a note; an empty one is refused with the reason', async () => {
    const { appointmentIds, user } = await open([person('Jonas Vos')]);
    await user.keyboard('{Alt>}n{/Alt}');
    const note = screen.getByRole('textbox', { name: 'Nieuwe notitie' });
    await waitFor(() => expect(note).toHaveFocus());
    await user.keyboard('   {Enter}');
    expect(await screen.findByText('De notitie is leeg.')).toBeInTheDocument();
    await user.clear(note);
    await user.keyboard('Nieuw adres per 1 december{Enter}');
    const notes = screen.getByRole('region', { name: 'Notities' });
    expect(await within(notes).findByText(/Nieuw adres per 1 december/)).toBeInTheDocument();
    expect((await db.appointments.get(appointmentIds[0]!))?.notes.map((entry) => entry.text)).toEqual(['Nieuw adres per 1 december']);
  });

  it('a called client who never comes to the desk is called again, then marked as no-show', async () => {
    const { appointmentIds, user } = await open([person('Sem Kok')], false);
    await user.click(screen.getByRole('button', { name: 'Opnieuw oproepen' }));
    await waitFor(async () => expect((await db.appointments.get(appointmentIds[0]!))?.callCount).toBe(2));
    await user.click(screen.getByRole('button', { name: 'Niet verschenen' }));
    await waitFor(async () => expect(await db.appointments.get(appointmentIds[0]!)).toMatchObject({ status: 'no-show' }));
    await waitFor(() => expect(screen.getByRole('button', { name: /Terug naar de wachtrij/ })).toHaveFocus());
  });
});
