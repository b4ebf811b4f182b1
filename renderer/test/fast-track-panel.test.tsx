/**
 * The GemeenteLoket employee's follow-up list against the real server of the renderer's test setup.
 * A desk of this file's own registers fast-track BRP registrations the way a clerk does (a walk-in
 * on an earlier day, served and completed; and a booking imported for today, checked in by its code
 * and completed), so the server has overdue, pending, late and in-time registrations whose answers
 * are known; a municipality account of this file works through them.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addWorkingDays, workingDaysBetween } from '../../shared/calendar/working-days';
import { addDays, addMonths, amsterdamInstant } from '../../shared/domain/calendar-date';
import { openDesk, registerWalkIn } from '../../shared/domain/commands-desk';
import { callAppointment, checkInBooking } from '../../shared/domain/commands-queue';
import { complete, recordStep, startService } from '../../shared/domain/commands-service';
import type { StepValue } from '../../shared/checklists/step-value';
import { fastTrackDeadline, fastTrackListSchema, type FastTrackRegistration } from '../../shared/fast-track/fast-track-api';
import { accounts, adminToken, dropDatabase, freshDatabase, revokeToken, serverUrl, signedInDesk, today, type SignedInDesk } from './desk-fixtures';
import type { DeskDatabase } from '../src/db/desk-db';
import { performCommand, type DeskCommand } from '../src/db/perform-command';
import { I18nProvider, type Language } from '../src/i18n/i18n';
// The test plays a clerk's desk to put served days on the server, with the desk's own sync.
import { pullChanges } from '../src/features/sync/pull-changes';
import { pushOutbox } from '../src/features/sync/push-outbox';
import { FastTrackPanel } from '../src/features/fast-track/fast-track-panel';

const suffix = crypto.randomUUID().slice(0, 6).toUpperCase().replace(/[^A-Z0-9]/g, 'X');
const DESK = `MAA-F${suffix}`;
const MUNICIPALITY = `gemeente-${suffix.toLowerCase()}`;
const PASSWORD = 'gemeenteloket test password';
const CODE = `FT${suffix}7`;

/** The people of this file, by the day they were registered (days before today) and their BSN day. */
const PEOPLE = {
  olga: { name: `Olga Overtijd ${suffix}`, daysAgo: 41, bsnDaysAfter: null },
  lena: { name: `Lena Laat ${suffix}`, daysAgo: 33, bsnDaysAfter: 12 },
  wim: { name: `Wim Optijd ${suffix}`, daysAgo: 33, bsnDaysAfter: 0 },
  otto: { name: `Otto Overtijd ${suffix}`, daysAgo: 19, bsnDaysAfter: null },
} as const;
const PIETER = `Pieter Vandaag ${suffix}`;
const OLD_PERIOD = { from: addDays(today, -41), to: addDays(today, -33) };

const nlDate = (date: string) => date.split('-').reverse().join('-');
const enDate = (date: string) => date.split('-').reverse().join('/');

async function postJson(path: string, body: unknown, token?: string): Promise<Response> {
  return fetch(`${serverUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
}

async function serverList(token: string, from: string, to: string): Promise<FastTrackRegistration[]> {
  const response = await fetch(`${serverUrl}/api/v1/fast-track?from=${from}&to=${to}`, { headers: { authorization: `Bearer ${token}` } });
  expect(response.status).toBe(200);
  return fastTrackListSchema.parse(await response.json()).registrations;
}

/** The desk acts on `date` at `time` (today: now), one local transaction as the clerk's desk does. */
async function act(desk: SignedInDesk, date: string, time: string, command: DeskCommand): Promise<string> {
  const now = date === today ? new Date() : new Date(amsterdamInstant(date, time));
  const result = await performCommand(desk.db, command, { ...desk.context(date), now: now.toISOString() });
  if (!result.ok) throw new Error(`the desk refused on ${date}: ${result.error.message.en}`);
  return result.events[0]!.appointmentId ?? '';
}

/** The BRP checklist of an adult from outside the EU, every document there: the registration is done. */
const BRP_STEPS: ReadonlyArray<readonly [string, StepValue]> = [
  ['present-with-id', { kind: 'confirmed' }],
  ['proof-of-address', { kind: 'choice', optionIds: ['rental-contract'] }],
  ['birth-certificate', { kind: 'choice', optionIds: ['provided'] }],
  ['lawful-residence', { kind: 'confirmed' }],
  ['recognised-sponsor', { kind: 'confirmed' }],
];

/** The clerk calls the person, goes through the checklist and completes the registration in the BRP. */
async function serve(desk: SignedInDesk, date: string, hour: string, appointmentId: string): Promise<void> {
  await act(desk, date, `${hour}:01`, (state, context) => callAppointment(state, { appointmentId }, context));
  await act(desk, date, `${hour}:02`, (state, context) => startService(state, { appointmentId }, context));
  for (const [stepId, value] of BRP_STEPS) await act(desk, date, `${hour}:05`, (state, context) => recordStep(state, { appointmentId, stepId, value }, context));
  await act(desk, date, `${hour}:15`, (state, context) => complete(state, { appointmentId, outcome: 'completed', reason: null }, context));
}

/** A walk-in for the fast track on `date`, registered in the BRP that morning. */
async function registerOn(desk: SignedInDesk, date: string, name: string): Promise<string> {
  const appointmentId = await act(desk, date, '10:00', (state, context) =>
    registerWalkIn(state, { person: { name, dateOfBirth: '1991-06-15', nationalityCategory: 'other', vNumber: null }, service: 'BRP', reason: 'ind-invited', bookingId: null }, context),
  );
  await serve(desk, date, '10', appointmentId);
  return appointmentId;
}

describe('the fast-track follow-up against the real server', () => {
  let db: DeskDatabase;
  let desk: SignedInDesk;
  let token: string;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    const admin = await adminToken();
    expect((await postJson(`/api/v1/locations/${accounts.locationId}/desks`, { id: DESK, name: `Snelbalie ${suffix}` }, admin)).status).toBe(201);
    const created = await postJson('/api/v1/accounts', { username: MUNICIPALITY, displayName: 'Gea Gemeente', role: 'municipality', locationId: accounts.locationId, password: PASSWORD }, admin);
    expect(created.status).toBe(201);
    // The GemeenteLoket back office signs in from a browser: no desk device.
    const signIn = await postJson('/api/v1/auth/sign-in', { username: MUNICIPALITY, password: PASSWORD });
    expect(signIn.status).toBe(200);
    token = ((await signIn.json()) as { token: string }).token;

    // Today's booking from the booking system: a family of one for the fast track, by its own code.
    const csv = `appointment_code;date;time;services;person_position;full_name;date_of_birth;nationality_category;v_number;status\n${CODE};${today};16:30;BRP;1;${PIETER};1988-02-29;other;;booked\n`;
    const imported = await fetch(`${serverUrl}/api/v1/import/appointments?location=${accounts.locationId}`, { method: 'POST', headers: { authorization: `Bearer ${admin}`, 'content-type': 'text/csv' }, body: csv });
    expect(imported.status).toBe(200);

    db = await freshDatabase('fast-track');
    desk = await signedInDesk(db, DESK);
    const connection = { serverUrl, token: (await desk.token())! };
    expect(await pullChanges(db, connection)).toMatchObject({ ok: true });
    // The desk opens once (on the first of these days) and stays open, as the desk's state has it.
    await act(desk, addDays(today, -PEOPLE.olga.daysAgo), '09:00', openDesk);
    for (const [key, person] of Object.entries(PEOPLE)) ids[key] = await registerOn(desk, addDays(today, -person.daysAgo), person.name);
    ids.pieter = await act(desk, today, '16:00', (state, context) => checkInBooking(state, { appointmentCode: CODE, method: 'scan' }, context));
    await serve(desk, today, '16', ids.pieter);
    expect(await pushOutbox(db, connection, { deviceId: desk.session.deviceId })).toMatchObject({ ok: true, rejected: 0, conflicts: 0 });

    // The municipality answered two of them already: Lena's BSN came late, Wim's the same day.
    for (const [key, person] of Object.entries(PEOPLE)) {
      if (person.bsnDaysAfter === null) continue;
      const response = await fetch(`${serverUrl}/api/v1/fast-track/${ids[key]}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ bsnIssuedOn: addDays(today, -person.daysAgo + person.bsnDaysAfter) }),
      });
      expect(response.status).toBe(204);
    }
  });
  afterAll(async () => {
    await dropDatabase(db);
  });

  const renderPanel = (language: Language = 'nl') =>
    render(
      <I18nProvider initialLanguage={language}>
        <FastTrackPanel session={{ serverUrl, token, locationId: accounts.locationId }} today={today} />
      </I18nProvider>,
    );
  const renderAdmin = (adminSession: string) =>
    render(
      <I18nProvider>
        <FastTrackPanel session={{ serverUrl, token: adminSession, locationId: null }} today={today} />
      </I18nProvider>,
    );
  const rows = () => screen.getAllByTestId('fast-track-row');
  const rowOf = (name: string) => screen.getAllByTestId('fast-track-row').find((row) => within(row).queryByRole('rowheader', { name }) !== null);
  const countOf = (state: string) => Number(within(screen.getByTestId('fast-track-counts')).getByText((_, element) => element?.parentElement?.getAttribute('data-state') === state && element.tagName === 'DD').textContent);

  it('lists the open registrations of the last three months, overdue first, each with who, when and where it stands in words', async () => {
    const { container } = renderPanel();
    expect(screen.getByRole('heading', { name: `Snelle inschrijving: BSN opvolgen (${accounts.locationId})` })).toBeInTheDocument();
    expect(screen.getByTestId('fast-track-privacy')).toHaveTextContent('Leg hier alleen de datum vast waarop het BSN is uitgegeven. Het BSN zelf wordt nergens opgeslagen');
    await waitFor(() => expect(rowOf(PEOPLE.olga.name)).toBeDefined());
    expect(screen.getByRole('heading', { name: `Inschrijvingen van ${nlDate(addMonths(today, -3))} tot en met ${nlDate(today)}` })).toBeInTheDocument();

    // Overdue rows come before pending ones; within each, the oldest first.
    const states = rows().map((row) => row.dataset.state);
    expect(states.lastIndexOf('overdue')).toBeLessThan(states.indexOf('pending') === -1 ? Infinity : states.indexOf('pending'));
    expect(new Set(states)).toEqual(new Set(['overdue', 'pending']));
    const names = rows().map((row) => within(row).getByRole('rowheader').textContent);
    expect(names.indexOf(PEOPLE.olga.name)).toBeLessThan(names.indexOf(PEOPLE.otto.name));
    expect(names.indexOf(PEOPLE.otto.name)).toBeLessThan(names.indexOf(PIETER));
    // The answered ones are not on the work list.
    expect(rowOf(PEOPLE.lena.name)).toBeUndefined();
    expect(rowOf(PEOPLE.wim.name)).toBeUndefined();

    const olgaOn = addDays(today, -PEOPLE.olga.daysAgo);
    const olga = within(rowOf(PEOPLE.olga.name)!).getAllByRole('cell').map((cell) => cell.textContent);
    expect(olga.slice(0, 6)).toEqual(['15-06-1991', 'geen (inloop)', nlDate(olgaOn), nlDate(fastTrackDeadline(olgaOn)), 'Verlopen, geen BSN', '–']);
    const pieter = within(rowOf(PIETER)!).getAllByRole('cell').map((cell) => cell.textContent);
    expect(pieter.slice(0, 6)).toEqual(['29-02-1988', CODE, nlDate(today), nlDate(fastTrackDeadline(today)), 'Loopt nog', '–']);
    expect(within(rowOf(PIETER)!).getByLabelText(`Datum BSN uitgegeven voor ${PIETER}`)).toHaveValue(today);

    // The counts cover the whole period: the open ones are the rows of the list.
    expect(countOf('overdue')).toBe(states.filter((state) => state === 'overdue').length);
    expect(countOf('pending')).toBe(states.filter((state) => state === 'pending').length);
    expect(countOf('within') + countOf('late')).toBeGreaterThanOrEqual(2);

    // jsdom lays nothing out: contrast is checked in Chromium (e2e/fast-track.e2e.ts).
    const { violations } = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(violations.map((violation) => violation.id)).toEqual([]);
  });

  it('shows every state of an earlier period in English, with the counts of that period and the working days each BSN took', async () => {
    const user = userEvent.setup();
    renderPanel('en');
    expect(screen.getByRole('heading', { name: `Fast-track registration: BSN follow-up (${accounts.locationId})` })).toBeInTheDocument();
    expect(screen.getByTestId('fast-track-privacy')).toHaveTextContent('Record only the date the BSN was issued. The BSN itself is stored nowhere');
    await waitFor(() => expect(rowOf(PEOPLE.olga.name)).toBeDefined());
    await user.click(screen.getByRole('radio', { name: 'All states' }));
    const from = screen.getByLabelText('Registered from');
    await user.clear(from);
    await user.type(from, OLD_PERIOD.from);
    const to = screen.getByLabelText('Up to and including');
    await user.clear(to);
    await user.type(to, `${OLD_PERIOD.to}{Enter}`);
    await screen.findByRole('heading', { name: `Registrations from ${enDate(OLD_PERIOD.from)} to ${enDate(OLD_PERIOD.to)}` });
    await waitFor(() => expect(rowOf(PEOPLE.wim.name)).toBeDefined());

    expect(rows().map((row) => within(row).getByRole('rowheader').textContent)).toEqual([PEOPLE.olga.name, PEOPLE.lena.name, PEOPLE.wim.name]);
    const lenaOn = addDays(today, -PEOPLE.lena.daysAgo);
    const lenaBsn = addDays(lenaOn, PEOPLE.lena.bsnDaysAfter);
    const lena = within(rowOf(PEOPLE.lena.name)!).getAllByRole('cell').map((cell) => cell.textContent);
    expect(lena.slice(0, 7)).toEqual(['15/06/1991', 'none (walk-in)', enDate(lenaOn), enDate(fastTrackDeadline(lenaOn)), 'BSN late', `${workingDaysBetween(lenaOn, lenaBsn)} working days`, `${enDate(lenaBsn)}Undo`]);
    expect(within(rowOf(PEOPLE.wim.name)!).getAllByRole('cell')[4]).toHaveTextContent('BSN in time');
    expect(within(rowOf(PEOPLE.wim.name)!).getAllByRole('cell')[5]).toHaveTextContent(/^0 working days$/);
    expect(within(rowOf(PEOPLE.olga.name)!).getAllByRole('cell')[4]).toHaveTextContent('Overdue, no BSN');
    expect({ overdue: countOf('overdue'), pending: countOf('pending'), within: countOf('within'), late: countOf('late') }).toEqual({ overdue: 1, pending: 0, within: 1, late: 1 });
  });

  it('records a BSN day typed into the row with Enter: the row says where it now stands, the keyboard goes on to the next open row, the server has the day', async () => {
    const user = userEvent.setup();
    renderPanel();
    await waitFor(() => expect(rowOf(PEOPLE.otto.name)).toBeDefined());
    const before = { overdue: countOf('overdue'), within: countOf('within') };
    const ottoOn = addDays(today, -PEOPLE.otto.daysAgo);
    const issued = addWorkingDays(ottoOn, 2);
    const input = within(rowOf(PEOPLE.otto.name)!).getByLabelText(`Datum BSN uitgegeven voor ${PEOPLE.otto.name}`);
    await user.click(input);
    await user.clear(input);
    await user.type(input, `${issued}{Enter}`);

    expect(await screen.findByText(`Vastgelegd voor ${PEOPLE.otto.name}: BSN uitgegeven op ${nlDate(issued)} (BSN op tijd).`)).toHaveAttribute('role', 'status');
    const otto = rowOf(PEOPLE.otto.name)!;
    expect(otto).toHaveAttribute('data-state', 'within');
    const cells = within(otto).getAllByRole('cell').map((cell) => cell.textContent);
    expect(cells.slice(4)).toEqual(['BSN op tijd', '2 werkdagen', `${nlDate(issued)}Ongedaan maken`]);
    // The row stays where it was on the work list, and the next open row's date has the keyboard.
    const all = rows();
    const nextOpen = all.slice(all.indexOf(otto) + 1).find((row) => row.querySelector('input'))!;
    expect(nextOpen.querySelector('input')).toHaveFocus();
    expect({ overdue: countOf('overdue'), within: countOf('within') }).toEqual({ overdue: before.overdue - 1, within: before.within + 1 });

    const stored = (await serverList(token, ottoOn, ottoOn)).find((row) => row.appointmentId === ids.otto);
    expect(stored).toMatchObject({ bsnIssuedOn: issued, state: 'within', workingDays: 2 });
  });

  it('refuses a day before the registration with the reason, keeps what was typed, and then takes "BSN issued today"', async () => {
    const user = userEvent.setup();
    renderPanel();
    await waitFor(() => expect(rowOf(PEOPLE.olga.name)).toBeDefined());
    const olgaOn = addDays(today, -PEOPLE.olga.daysAgo);
    const tooEarly = addDays(olgaOn, -1);
    const input = within(rowOf(PEOPLE.olga.name)!).getByLabelText(`Datum BSN uitgegeven voor ${PEOPLE.olga.name}`);
    await user.click(input);
    await user.clear(input);
    await user.type(input, `${tooEarly}{Enter}`);

    const refusal = await within(rowOf(PEOPLE.olga.name)!).findByRole('alert');
    expect(refusal).toHaveTextContent(`Niet vastgelegd: de datum moet tussen de inschrijving (${nlDate(olgaOn)}) en vandaag (${nlDate(today)}) liggen.`);
    expect(input).toHaveValue(tooEarly);
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(input).toHaveAccessibleDescription(refusal.textContent!);
    expect(input).toHaveFocus();
    expect(rowOf(PEOPLE.olga.name)).toHaveAttribute('data-state', 'overdue');
    expect((await serverList(token, olgaOn, olgaOn)).find((row) => row.appointmentId === ids.olga)).toMatchObject({ bsnIssuedOn: null, state: 'overdue' });

    await user.click(within(rowOf(PEOPLE.olga.name)!).getByRole('button', { name: `BSN vandaag uitgegeven voor ${PEOPLE.olga.name}` }));
    await waitFor(() => expect(rowOf(PEOPLE.olga.name)).toHaveAttribute('data-state', 'late'));
    expect(within(rowOf(PEOPLE.olga.name)!).queryByRole('alert')).not.toBeInTheDocument();
    expect(within(rowOf(PEOPLE.olga.name)!).getAllByRole('cell')[5]).toHaveTextContent(`${workingDaysBetween(olgaOn, today)} werkdagen`);
    expect((await serverList(token, olgaOn, olgaOn)).find((row) => row.appointmentId === ids.olga)).toMatchObject({ bsnIssuedOn: today, state: 'late' });
  });

  it('takes a wrong BSN day back with "Undo": the registration is open again, its date offered for correction, the server forgets the day', async () => {
    const user = userEvent.setup();
    renderPanel();
    await waitFor(() => expect(rowOf(PIETER)).toBeDefined());
    await user.click(screen.getByRole('radio', { name: 'Alle standen' }));
    await waitFor(() => expect(rowOf(PEOPLE.lena.name)).toBeDefined());
    const lenaOn = addDays(today, -PEOPLE.lena.daysAgo);
    const wrong = addDays(lenaOn, PEOPLE.lena.bsnDaysAfter);
    const undo = within(rowOf(PEOPLE.lena.name)!).getByRole('button', { name: `BSN-datum van ${PEOPLE.lena.name} ongedaan maken` });
    undo.focus();
    await user.keyboard('{Enter}');

    expect(await screen.findByText(`De BSN-datum van ${PEOPLE.lena.name} is ongedaan gemaakt; de inschrijving is weer open.`)).toBeInTheDocument();
    const lena = rowOf(PEOPLE.lena.name)!;
    expect(lena).toHaveAttribute('data-state', 'overdue');
    expect(within(lena).getAllByRole('cell')[4]).toHaveTextContent('Verlopen, geen BSN');
    expect(within(lena).getAllByRole('cell')[5]).toHaveTextContent('–');
    const input = within(lena).getByLabelText(`Datum BSN uitgegeven voor ${PEOPLE.lena.name}`);
    expect(input).toHaveValue(wrong);
    expect(input).toHaveFocus();
    expect((await serverList(token, lenaOn, lenaOn)).find((row) => row.appointmentId === ids.lena)).toMatchObject({ bsnIssuedOn: null, state: 'overdue', workingDays: null });
  });

  it('says a period that ends before it starts on the form, and an unreachable server in words', async () => {
    const user = userEvent.setup();
    const first = renderPanel();
    await waitFor(() => expect(rowOf(PIETER)).toBeDefined());
    const from = screen.getByLabelText('Ingeschreven vanaf');
    await user.clear(from);
    await user.type(from, today);
    const to = screen.getByLabelText('Tot en met');
    await user.clear(to);
    await user.type(to, `${addDays(today, -1)}{Enter}`);
    expect(await screen.findByRole('alert')).toHaveTextContent('De einddatum ligt vóór de begindatum.');
    expect(to).toHaveAttribute('aria-invalid', 'true');
    // The list asked for before stays on screen.
    expect(rowOf(PIETER)).toBeDefined();
    first.unmount();

    render(
      <I18nProvider>
        <FastTrackPanel session={{ serverUrl: 'http://127.0.0.1:9', token, locationId: accounts.locationId }} today={today} />
      </I18nProvider>,
    );
    expect(await screen.findByRole('alert')).toHaveTextContent('Niet gelukt: geen verbinding met de server. Probeer het opnieuw.');
  });

  it('keeps a typed BSN day when the session ended before it was saved, and says why', async () => {
    const signIn = await postJson('/api/v1/auth/sign-in', { username: MUNICIPALITY, password: PASSWORD });
    const shortLived = ((await signIn.json()) as { token: string }).token;
    const user = userEvent.setup();
    render(
      <I18nProvider>
        <FastTrackPanel session={{ serverUrl, token: shortLived, locationId: accounts.locationId }} today={today} />
      </I18nProvider>,
    );
    await waitFor(() => expect(rowOf(PIETER)).toBeDefined());
    await revokeToken(shortLived);
    const input = within(rowOf(PIETER)!).getByLabelText(`Datum BSN uitgegeven voor ${PIETER}`);
    await user.click(input);
    await user.keyboard('{Enter}');
    expect(await within(rowOf(PIETER)!).findByRole('alert')).toHaveTextContent('Uw sessie is verlopen. Meld u opnieuw aan.');
    expect(input).toHaveValue(today);
    expect(rowOf(PIETER)).toHaveAttribute('data-state', 'pending');
    expect((await serverList(token, today, today)).find((row) => row.appointmentId === ids.pieter)).toMatchObject({ bsnIssuedOn: null });
  });

  it('shows an admin the registrations of every location, each with its location', async () => {
    renderAdmin(await adminToken());
    expect(screen.getByRole('heading', { name: 'Snelle inschrijving: BSN opvolgen' })).toBeInTheDocument();
    await waitFor(() => expect(rowOf(PIETER)).toBeDefined());
    expect(screen.getByRole('columnheader', { name: 'Locatie' })).toBeInTheDocument();
    expect(within(rowOf(PIETER)!).getAllByRole('cell')[0]).toHaveTextContent(accounts.locationId);
  });

  it('imports the municipality’s CSV of BSN days: the row is answered at once, a row that matches nobody is listed with its line and reason', async () => {
    const user = userEvent.setup();
    renderPanel();
    await waitFor(() => expect(rowOf(PIETER)).toBeDefined());
    await user.click(screen.getByRole('button', { name: 'Importeren' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Kies eerst een bestand.');

    const csv = `appointment_code;date_of_birth;bsn_issued_on\r\n${CODE};1988-02-29;${today}\r\n${CODE};1970-01-01;${today}\r\n`;
    await user.upload(screen.getByLabelText('CSV-bestand'), new File([csv], 'bsn-dagen.csv', { type: 'text/csv' }));
    await user.click(screen.getByRole('button', { name: 'Importeren' }));
    expect(await screen.findByText('2 regels gelezen: 1 vastgelegd, 0 al zo vastgelegd, 1 niet verwerkt.')).toBeInTheDocument();
    expect(within(screen.getByRole('list', { name: 'Niet verwerkt' })).getByRole('listitem')).toHaveTextContent(
      `Regel 3 (${CODE}): Geen afgeronde BRP-inschrijving van iemand met deze geboortedatum in deze afspraak.`,
    );
    // Answered, Pieter leaves the open list; the server has the day.
    await waitFor(() => expect(rowOf(PIETER)).toBeUndefined());
    expect((await serverList(token, today, today)).find((row) => row.appointmentId === ids.pieter)).toMatchObject({ bsnIssuedOn: today, state: 'within' });

    // A file that carries BSNs is refused whole, and says why.
    await user.upload(screen.getByLabelText('CSV-bestand'), new File([`appointment_code;date_of_birth;bsn_issued_on;bsn\r\n${CODE};1988-02-29;${today};123456782\r\n`], 'met-bsn.csv', { type: 'text/csv' }));
    await user.click(screen.getByRole('button', { name: 'Importeren' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Het bestand is niet verwerkt; er is niets vastgelegd. Het bestand bevat een kolom met BSN');
  });
});
