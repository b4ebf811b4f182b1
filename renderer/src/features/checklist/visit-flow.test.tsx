import { render, screen, waitFor, within } from '@testing-library/react';
import { useLiveQuery } from 'dexie-react-hooks';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pushResponseSchema } from '../../../../shared/sync/push-pull';
import { dropDatabase, freshDatabase, serverAppointments, serverUrl, signedInDesk, today } from '../../../test/desk-fixtures';
import { actorOf, type DeskActor } from '../../db/desk-actor';
import type { DeskDatabase } from '../../db/desk-db';
import { I18nProvider } from '../../i18n/i18n';
import { arrive, callToDesk, type Arrival } from './visit-fixtures';
import { VisitScreen } from './visit-screen';

const localActor: DeskActor = { deviceId: 'visit-flow-device', deskId: 'MAA-D3', clerkId: 'clerk-visit-flow', locationId: 'MAA' };
/** Renders the visit as the app does: for whoever is called or served at this desk right now. */
function AtThisDesk({ db, actor, onLeave }: { db: DeskDatabase; actor: DeskActor; onLeave: () => void }) {
  const ids = useLiveQuery(async () => (await db.appointments.where('deskId').equals(actor.deskId).toArray()).filter((row) => row.status === 'called' || row.status === 'in-service').map((row) => row.id).sort(), [db, actor.deskId]);
  if (!ids || ids.length === 0) return <p>Wachtrij</p>;
  return <VisitScreen db={db} actor={actor} date={today} appointmentIds={ids} onLeave={onLeave} />;
}

const adult = (name: string, service: Arrival['service'] = 'BIO'): Arrival => ({ name, ageInYears: 38, nationalityCategory: 'other', service });

describe('a visit at the desk, by keyboard', () => {
  let db: DeskDatabase;
  beforeEach(async () => {
    db = await freshDatabase('visit-flow-test');
  });
  afterEach(() => dropDatabase(db));

  async function open(actor: DeskActor, persons: readonly Arrival[]) {
    const { appointmentIds } = await arrive(db, actor, today, persons);
    await callToDesk(db, actor, today, appointmentIds);
    const onLeave = vi.fn();
    render(
      <I18nProvider>
        <VisitScreen db={db} actor={actor} date={today} appointmentIds={appointmentIds} onLeave={onLeave} />
      </I18nProvider>,
    );
    const start = await screen.findByRole('button', { name: /aan de balie: beginnen/ });
    await waitFor(() => expect(start).toHaveFocus());
    return { appointmentIds, onLeave, user: userEvent.setup() };
  }

  /** Waits until focus is inside the step with this title (or on the element), as the clerk sees it move. */
  const focusIsOn = (name: RegExp) => waitFor(() => expect(screen.getByRole('listitem', { name })).toContainElement(document.activeElement as HTMLElement));
  const announced = (text: string) => waitFor(() => expect(screen.getByRole('status')).toHaveTextContent(text));
  const finishIsFocused = () => waitFor(() => expect(document.activeElement).toHaveAccessibleName(/^Afronden/));

  it('serves a family of three person after person without leaving the screen, each with their own steps', async () => {
    const { appointmentIds, user } = await open(localActor, [adult('Yusuf Demir'), adult('Elif Demir'), { ...adult('Ada Demir'), ageInYears: 5 }]);
    expect(screen.getAllByRole('tab').map((tab) => tab.textContent)).toEqual([
      'Yusuf Demir · BIO · Opgeroepen',
      'Elif Demir · BIO · Opgeroepen',
      'Ada Demir · BIO · Opgeroepen',
    ]);
    await user.keyboard('{Enter}');
    await focusIsOn(/Afspraakcode en identiteit/);
    for (const name of ['Yusuf Demir', 'Elif Demir']) {
      expect(screen.getByRole('tab', { selected: true })).toHaveTextContent(name);
      for (const step of [/Vorig verblijfsdocument/, /Pasfoto/, /vingerafdrukken/, /Handtekening/]) {
        await user.keyboard('{Enter}');
        await focusIsOn(step);
      }
      await user.keyboard('{Enter}');
      await finishIsFocused();
      await user.keyboard('{Enter}');
      await announced(`${name}: Afgerond.`);
      await focusIsOn(/Afspraakcode en identiteit/);
    }
    expect(screen.getByRole('tab', { selected: true })).toHaveTextContent('Ada Demir');
    expect(screen.getByText('Jonger dan 6 jaar: alleen een foto.')).toBeInTheDocument();
    for (const step of [/Vorig verblijfsdocument/, /Pasfoto/]) {
      await user.keyboard('{Enter}');
      await focusIsOn(step);
    }
    await user.keyboard('{Enter}');
    await finishIsFocused();
    await user.keyboard('{Enter}');
    expect(await screen.findByText('Iedereen van dit bezoek is geholpen.')).toBeInTheDocument();
    await waitFor(() => expect(screen.getByRole('button', { name: /Terug naar de wachtrij/ })).toHaveFocus());

    const rows = await db.appointments.bulkGet(appointmentIds);
    expect(rows.map((row) => [row?.status, Object.keys(row?.steps ?? {}).sort()])).toEqual([
      ['completed', ['fingerprints', 'identity', 'photo', 'previous-document', 'signature']],
      ['completed', ['fingerprints', 'identity', 'photo', 'previous-document', 'signature']],
      ['completed', ['identity', 'photo', 'previous-document']],
    ]);
    // Each person's steps are timed from when the clerk turned to them, after the person before.
    const steps = (await db.outbox.toArray()).map((entry) => entry.event).filter((event) => event.type === 'stepRecorded');
    const firstStepOf = (appointmentId: string) => steps.find((event) => event.appointmentId === appointmentId)!;
    const lastStepOf = (appointmentId: string) => steps.filter((event) => event.appointmentId === appointmentId).at(-1)!;
    const pairs: Array<[string, string]> = [[appointmentIds[0]!, appointmentIds[1]!], [appointmentIds[1]!, appointmentIds[2]!]];
    for (const [before, after] of pairs) {
      const startedAt = (firstStepOf(after).payload as { startedAt?: string }).startedAt;
      expect(startedAt).toBeDefined();
      expect(Date.parse(startedAt!)).toBeGreaterThanOrEqual(Date.parse(lastStepOf(before).occurredAt));
    }
  });

  it('finishes biometrics and sends the person on to BRP at another desk, in one action', async () => {
    const { appointmentIds, user } = await open(localActor, [adult('Lena Novak')]);
    await user.keyboard('{Enter}');
    await focusIsOn(/Afspraakcode en identiteit/);
    await user.keyboard('{Enter}{Enter}{Enter}{Enter}{Enter}');
    await finishIsFocused();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Daarna doorsturen naar' }), 'BRP');
    await user.click(screen.getByRole('button', { name: /Afronden en doorsturen naar Inschrijving BRP/ }));
    await announced('Lena Novak is doorgestuurd naar Inschrijving BRP.');

    const bio = await db.appointments.get(appointmentIds[0]!);
    expect(bio).toMatchObject({ status: 'completed', outcome: 'completed', transferredTo: expect.any(String) });
    expect(await db.appointments.get(bio!.transferredTo!)).toMatchObject({ service: 'BRP', status: 'transferred', personId: bio!.personId, deskId: null, transferredFrom: bio!.id });
    const events = (await db.outbox.toArray()).map((entry) => entry.event.type);
    expect(events.slice(-3)).toEqual(['serviceCompleted', 'walkInRegistered', 'transferred']);
  });

  it('hands out a DOC card in at most 8 keystrokes plus the scan, and the server takes every event', async () => {
    const desk = await signedInDesk(db, 'MAA-D4');
    const actor = actorOf(desk.session);
    let keystrokes = 1; // N in the queue called the person (callToDesk stands in for it)
    const { appointmentIds, user } = await open(actor, [adult('Kwame Mensah', 'DOC')]);
    const press = async (key: string) => {
      keystrokes += 1;
      await user.keyboard(key);
    };
    await press('{Enter}'); // the client sits down
    await focusIsOn(/Uitnodigingsbrief IND/);
    await press('{Enter}');
    await focusIsOn(/Identiteit tegen de pas/);
    await press('{Enter}');
    await focusIsOn(/Documentnummer op de pas/);
    await user.keyboard('V123AL568{Enter}'); // the scanner
    await focusIsOn(/Oude pas/);
    await press('1'); // old card handed in
    await focusIsOn(/Overdracht bevestigd/);
    await press('{Enter}'); // client signature
    await finishIsFocused();
    await press('{Enter}');
    await announced('Kwame Mensah: Afgerond.');
    expect(keystrokes).toBeLessThanOrEqual(8);

    const [appointmentId] = appointmentIds;
    const outbox = await db.outbox.toArray();
    expect(outbox.map((entry) => [entry.event.type, entry.state])).toEqual([
      ['walkInRegistered', 'pending'],
      ['called', 'pending'],
      ['serviceStarted', 'pending'],
      ...['invitation-letter', 'identity', 'document-number', 'old-card', 'handover-receipt'].map(() => ['stepRecorded', 'pending']),
      ['serviceCompleted', 'pending'],
    ]);
    expect(outbox.find((entry) => (entry.event.payload as { stepId?: string }).stepId === 'document-number')?.event.payload).toMatchObject({ value: { kind: 'text', text: 'V123AL568' } });

    const token = (await desk.token())!;
    const response = await fetch(`${serverUrl}/api/v1/sync/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ deviceId: actor.deviceId, clientTime: new Date().toISOString(), events: outbox.map((entry) => entry.event) }),
    });
    const pushed = pushResponseSchema.parse(await response.json());
    expect(pushed.results.map((result) => result.status)).toEqual(outbox.map(() => 'accepted'));
    expect((await serverAppointments(token)).get(appointmentId!)).toMatchObject({ status: 'completed', deskId: actor.deskId });
  });

  it('Esc closes an open exception first, then goes back to the queue and leaves the visit as it is', async () => {
    const { appointmentIds, onLeave, user } = await open(localActor, [adult('Noor Visser')]);
    await user.keyboard('{Enter}');
    await focusIsOn(/Afspraakcode en identiteit/);
    await user.keyboard('{Enter}{Enter}{Enter}');
    await focusIsOn(/vingerafdrukken/);
    await user.keyboard('{Alt>}e{/Alt}');
    expect(screen.getByRole('textbox', { name: 'Reden van de uitzondering' })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('textbox', { name: 'Reden van de uitzondering' })).not.toBeInTheDocument();
    expect(within(screen.getByRole('listitem', { name: /vingerafdrukken/ })).getByRole('button', { name: /^Uitzondering/ })).toHaveFocus();
    expect(onLeave).not.toHaveBeenCalled();
    await user.keyboard('{Escape}');
    expect(onLeave).toHaveBeenCalledTimes(1);
    expect(await db.appointments.get(appointmentIds[0]!)).toMatchObject({ status: 'in-service' });
    expect(Object.keys((await db.appointments.get(appointmentIds[0]!))!.steps)).toHaveLength(3);
  });

  it('speaks English when the clerk switched: the same rules, in English', async () => {
    const { appointmentIds } = await arrive(db, localActor, today, [{ ...adult('Tom Jansen'), ageInYears: 4 }]);
    await callToDesk(db, localActor, today, appointmentIds);
    render(
      <I18nProvider initialLanguage="en">
        <VisitScreen db={db} actor={localActor} date={today} appointmentIds={appointmentIds} onLeave={() => undefined} />
      </I18nProvider>,
    );
    expect(await screen.findByRole('button', { name: /Client is at the desk: start/ })).toBeInTheDocument();
    expect(screen.getByText('Under 6: photo only.')).toBeInTheDocument();
    expect(within(screen.getByRole('region', { name: 'Does not apply to this person' })).getByText('Two flat fingerprints: under 6')).toBeInTheDocument();
    expect(screen.getByText('4 years')).toBeInTheDocument();
  });

  it('works as the app renders it: a finished person leaves the screen and the next one is up, then the queue', async () => {
    const { appointmentIds } = await arrive(db, localActor, today, [adult('Bram de Wit'), { ...adult('Fenna de Wit'), ageInYears: 3 }]);
    await callToDesk(db, localActor, today, appointmentIds);
    const user = userEvent.setup();
    render(
      <I18nProvider>
        <AtThisDesk db={db} actor={localActor} onLeave={() => undefined} />
      </I18nProvider>,
    );
    const start = await screen.findByRole('button', { name: /Klanten zitten aan de balie: beginnen \(2\)/ });
    await waitFor(() => expect(start).toHaveFocus());
    await user.keyboard('{Enter}');
    await focusIsOn(/Afspraakcode en identiteit/);
    expect(screen.getByRole('tab', { selected: true })).toHaveTextContent('Bram de Wit');
    await user.keyboard('{Enter}{Enter}{Enter}{Enter}{Enter}');
    await finishIsFocused();
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.queryAllByRole('tab')).toEqual([]));
    expect(screen.getByRole('heading', { level: 2, name: 'Fenna de Wit' })).toBeInTheDocument();
    await focusIsOn(/Afspraakcode en identiteit/);
    await user.keyboard('{Enter}{Enter}{Enter}');
    await finishIsFocused();
    await user.keyboard('{Enter}');
    expect(await screen.findByText('Wachtrij')).toBeInTheDocument();
    expect((await db.appointments.bulkGet(appointmentIds)).map((row) => row?.status)).toEqual(['completed', 'completed']);
  });
});
