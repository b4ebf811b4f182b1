import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { dropDatabase, freshDatabase, today } from '../../../test/desk-fixtures';
import type { DeskActor } from '../../db/desk-actor';
import type { DeskDatabase } from '../../db/desk-db';
import { I18nProvider } from '../../i18n/i18n';
import { arrive, callToDesk, type Arrival } from './visit-fixtures';
import { VisitScreen } from './visit-screen';

const actor: DeskActor = { deviceId: 'visit-rules-device', deskId: 'MAA-D3', clerkId: 'clerk-visit-rules', locationId: 'MAA' };

describe('the checklist asks only what applies to the person', () => {
  let db: DeskDatabase;
  beforeEach(async () => {
    db = await freshDatabase('visit-rules-test');
  });
  afterEach(() => dropDatabase(db));

  /** The person arrives, is called to this desk, and the clerk opens the visit and starts. */
  async function serve(person: Arrival) {
    const { appointmentIds } = await arrive(db, actor, today, [person]);
    await callToDesk(db, actor, today, appointmentIds);
    const user = userEvent.setup();
    const onLeave = vi.fn();
    render(
      <I18nProvider>
        <VisitScreen db={db} actor={actor} date={today} appointmentIds={appointmentIds} onLeave={onLeave} />
      </I18nProvider>,
    );
    const start = await screen.findByRole('button', { name: /Klant zit aan de balie: beginnen/ });
    await waitFor(() => expect(start).toHaveFocus());
    await user.keyboard('{Enter}');
    const steps = await screen.findByRole('list', { name: 'Stappen' });
    await waitFor(() => expect(within(steps).getAllByRole('listitem')[0]).toContainElement(document.activeElement as HTMLElement));
    return { user, onLeave, steps, appointmentId: appointmentIds[0]! };
  }

  const stepTitles = (steps: HTMLElement) => within(steps).getAllByRole('heading', { level: 3 }).map((heading) => heading.textContent);

  it('a 5-year-old gets a photo only, and the clerk sees why fingerprints and signature are left out', async () => {
    const { steps } = await serve({ name: 'Mila Haddad', ageInYears: 5, nationalityCategory: 'other', service: 'BIO' });
    expect(screen.getByRole('heading', { level: 2, name: 'Mila Haddad' })).toBeInTheDocument();
    expect(screen.getByText('5 jaar')).toBeInTheDocument();
    expect(screen.getByText('Jonger dan 6 jaar: alleen een foto.')).toBeInTheDocument();
    const titles = stepTitles(steps).join(' | ');
    expect(titles).toMatch(/Pasfoto aan de balie/);
    expect(titles).not.toMatch(/vingerafdrukken|Handtekening/);
    const left = screen.getByRole('region', { name: 'Geldt niet voor deze persoon' });
    expect(within(left).getByText('Twee vingerafdrukken (plat): jonger dan 6 jaar')).toBeInTheDocument();
    expect(within(left).getByText('Handtekening: jonger dan 12 jaar')).toBeInTheDocument();
  });

  it('an EU citizen gives photo and signature but no fingerprints', async () => {
    const { steps } = await serve({ name: 'Sophie Lambert', ageInYears: 34, nationalityCategory: 'eu-eea-ch', service: 'BIO' });
    expect(screen.getByText('EU/EER/Zwitserse burger: geen vingerafdrukken.')).toBeInTheDocument();
    const titles = stepTitles(steps).join(' | ');
    expect(titles).toMatch(/Pasfoto aan de balie/);
    expect(titles).toMatch(/Handtekening/);
    expect(titles).not.toMatch(/vingerafdrukken/);
    const left = screen.getByRole('region', { name: 'Geldt niet voor deze persoon' });
    expect(within(left).getByText('Twee vingerafdrukken (plat): EU/EER/Zwitserse burger')).toBeInTheDocument();
  });

  it('a wrong document number is refused with the reason and nothing is stored; the right scan is taken', async () => {
    const { user, appointmentId } = await serve({ name: 'Arjun Mehta', ageInYears: 31, nationalityCategory: 'other', service: 'DOC' });
    await user.keyboard('{Enter}{Enter}');
    const field = screen.getByRole('textbox', { name: /Documentnummer op de pas/ });
    expect(field).toHaveFocus();
    await user.keyboard('V1234O678');
    const step = screen.getByRole('listitem', { name: /Documentnummer op de pas/ });
    expect(within(step).getByText('Een documentnummer bevat nooit de letter O.')).not.toHaveRole('alert');
    await user.keyboard('{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('Een documentnummer bevat nooit de letter O.');
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveFocus();
    expect((await db.appointments.get(appointmentId))?.steps['document-number']).toBeUndefined();
    expect((await db.outbox.toArray()).filter((entry) => entry.event.type === 'stepRecorded')).toHaveLength(2);

    // A wedge scanner types the code fast, lower case with a dash, and ends with Enter.
    await user.clear(field);
    await user.keyboard('v12-3al568{Enter}');
    expect(await screen.findByText(/V123AL568 · Vastgelegd/)).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect((await db.appointments.get(appointmentId))?.steps['document-number']?.value).toEqual({ kind: 'text', text: 'V123AL568' });
    expect(screen.getByRole('radio', { name: /Oude pas ingeleverd/ })).toHaveFocus();

    // A typo noticed later: "Change" opens the step again with the number in its field.
    await user.click(within(step).getByRole('button', { name: 'Wijzigen' }));
    const again = within(step).getByRole('textbox');
    expect(again).toHaveFocus();
    expect(again).toHaveValue('V123AL568');
    await user.clear(again);
    await user.keyboard('V123AL569{Enter}');
    expect(await within(step).findByText(/V123AL569 · Vastgelegd/)).toBeInTheDocument();
    expect((await db.appointments.get(appointmentId))?.steps['document-number']?.value).toEqual({ kind: 'text', text: 'V123AL569' });
  });

  it('a fingerprint exemption needs a reason, and is recorded with it', async () => {
    const { user, appointmentId } = await serve({ name: 'Omar Khalil', ageInYears: 40, nationalityCategory: 'other', service: 'BIO' });
    await user.keyboard('{Enter}{Enter}{Enter}');
    const fingerprints = screen.getByRole('listitem', { name: /Twee vingerafdrukken/ });
    expect(within(fingerprints).getByRole('button', { name: /Gedaan/ })).toHaveFocus();
    await user.keyboard('{Alt>}e{/Alt}');
    expect(within(fingerprints).getByRole('radio', { name: 'Tijdelijk onmogelijk' })).toHaveFocus();
    await user.click(within(fingerprints).getByRole('radio', { name: 'Blijvend onmogelijk' }));
    await user.click(within(fingerprints).getByRole('button', { name: 'Uitzondering vastleggen' }));
    expect(await within(fingerprints).findByRole('alert')).toHaveTextContent('Een uitzondering heeft een reden nodig');
    expect(within(fingerprints).getByRole('textbox', { name: 'Reden van de uitzondering' })).toHaveFocus();
    expect((await db.appointments.get(appointmentId))?.steps.fingerprints).toBeUndefined();

    await user.keyboard('Beide handen in het gips');
    await user.click(within(fingerprints).getByRole('button', { name: 'Uitzondering vastleggen' }));
    expect(await within(fingerprints).findByText(/Blijvend onmogelijk: Beide handen in het gips/)).toBeInTheDocument();
    expect((await db.appointments.get(appointmentId))?.steps.fingerprints?.value).toEqual({ kind: 'exception', exceptionId: 'permanent-exemption', reason: 'Beide handen in het gips' });
    expect(screen.getByRole('listitem', { name: /Handtekening/ })).toContainElement(document.activeElement as HTMLElement);
  });

  it('a card not at this location is recorded as an exception with its reason, and the visit ends "not handed over" with a reason', async () => {
    const { user, appointmentId } = await serve({ name: 'Lucía Romero', ageInYears: 29, nationalityCategory: 'other', service: 'DOC' });
    const exceptionStep = screen.getByRole('listitem', { name: /Uitzondering bij de overdracht/ });
    await user.click(within(exceptionStep).getByRole('button', { name: /^Uitzondering/ }));
    expect(within(exceptionStep).getByRole('radio', { name: 'Pas ligt niet op deze locatie' })).toHaveFocus();
    await user.click(within(exceptionStep).getByRole('textbox', { name: 'Reden van de uitzondering' }));
    await user.keyboard('Pas is naar Den Haag gestuurd');
    await user.click(within(exceptionStep).getByRole('button', { name: 'Uitzondering vastleggen' }));
    expect(await within(exceptionStep).findByText(/Pas ligt niet op deze locatie: Pas is naar Den Haag gestuurd/)).toBeInTheDocument();

    const summary = screen.getByRole('region', { name: 'Samenvatting' });
    await user.click(within(summary).getByRole('button', { name: /^Afronden/ }));
    expect(await within(summary).findByRole('alert')).toHaveTextContent('Nog niet gedaan: Uitnodigingsbrief IND');
    await user.click(within(summary).getByRole('radio', { name: 'Niet uitgereikt' }));
    await user.click(within(summary).getByRole('button', { name: /^Afronden/ }));
    await waitFor(() => expect(within(summary).getByRole('alert')).toHaveTextContent('Geef een reden bij "Niet uitgereikt".'));
    expect(within(summary).getByRole('textbox', { name: 'Reden bij de uitkomst (verplicht)' })).toBeInTheDocument();
    await user.type(within(summary).getByRole('textbox', { name: /Reden bij de uitkomst/ }), 'Pas niet op locatie');
    await user.click(within(summary).getByRole('button', { name: /^Afronden/ }));
    await waitFor(async () => expect(await db.appointments.get(appointmentId)).toMatchObject({ status: 'partial', outcome: 'partial', outcomeReason: 'Pas niet op locatie' }));
  });

  it('a card scanned while a button has the focus goes to the card number step, and its Enter clicks nothing', async () => {
    const { user, appointmentId } = await serve({ name: 'Chen Wei', ageInYears: 27, nationalityCategory: 'other', service: 'DOC' });
    const letter = screen.getByRole('listitem', { name: /Uitnodigingsbrief IND/ });
    expect(within(letter).getByRole('button', { name: /Gedaan/ })).toHaveFocus();
    await user.keyboard('V123AL568{Enter}'); // the scanner: a fast run of keys and Enter
    const numberStep = screen.getByRole('listitem', { name: /Documentnummer op de pas/ });
    expect(await within(numberStep).findByText(/V123AL568 · Vastgelegd/)).toBeInTheDocument();
    expect(within(letter).getByRole('button', { name: /Gedaan/ })).toHaveFocus();
    expect(Object.keys((await db.appointments.get(appointmentId))!.steps)).toEqual(['document-number']);

    await user.keyboard('ABCDEFGH{Enter}');
    expect(await screen.findByText('Gescand: ABCDEFGH. Dit past bij geen open stap van deze persoon.')).toBeInTheDocument();
    expect(Object.keys((await db.appointments.get(appointmentId))!.steps)).toEqual(['document-number']);
  });
});
