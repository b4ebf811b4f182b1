/**
 * What a supervisor sees and does, against the real server of the renderer's test setup: a desk of
 * its own (created for this file, so other files acting at the same time never touch it) opens,
 * a walk-in waits beyond the target, the desk calls her and a second desk calls her too; the
 * supervisor watches it live, reads the day's report, exports it and resolves the conflict.
 */
import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openDesk, registerWalkIn } from '../../../shared/domain/commands-desk';
import { callAppointment } from '../../../shared/domain/commands-queue';
import { formatUuidV7 } from '../../../shared/domain/uuid-v7';
import type { BalieEvent } from '../../../shared/sync/events';
import { pushResponseSchema } from '../../../shared/sync/push-pull';
import { accounts, adminToken, dropDatabase, freshDatabase, serverUrl, signedInDesk, today, type SignedInDesk } from '../../test/desk-fixtures';
import type { DeskDatabase } from '../db/desk-db';
import { performCommand, type DeskCommand } from '../db/perform-command';
import { I18nProvider } from '../i18n/i18n';
import { SupervisorScreen } from './supervisor-screen';

const suffix = crypto.randomUUID().slice(0, 6).toUpperCase().replace(/[^A-Z0-9]/g, 'X');
const DESK = `MAA-S${suffix}`;
const OTHER_DESK = `MAA-T${suffix}`;
const SUPERVISOR = `teamleider-${suffix.toLowerCase()}`;
const PASSWORD = 'supervisor test password';

async function postJson(path: string, body: unknown, token?: string): Promise<Response> {
  return fetch(`${serverUrl}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });
}

async function push(desk: SignedInDesk, events: readonly BalieEvent[]) {
  const response = await postJson('/api/v1/sync/push', { deviceId: desk.session.deviceId, clientTime: new Date().toISOString(), events }, (await desk.token())!);
  expect(response.status).toBe(200);
  return pushResponseSchema.parse(await response.json());
}

/** The desk acts (one local transaction, as the clerk's desk does) and sends it straight on. */
async function act(desk: SignedInDesk, command: DeskCommand, now = new Date()): Promise<BalieEvent[]> {
  const result = await performCommand(desk.db, command, { ...desk.context(), now: now.toISOString() });
  if (!result.ok) throw new Error(`the desk refused: ${result.error.message.en}`);
  expect((await push(desk, result.events)).results.map((outcome) => outcome.status)).toEqual(result.events.map(() => 'accepted'));
  return [...result.events];
}

async function noAxeViolations(container: HTMLElement): Promise<string[]> {
  // jsdom cannot lay out: contrast is checked in Chromium (e2e/supervisor-live.e2e.ts).
  const result = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
  return result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
}

describe("the supervisor's screens against the real server", () => {
  let supervisorToken: string;
  let db: DeskDatabase;
  let otherDb: DeskDatabase;
  let desk: SignedInDesk;
  let other: SignedInDesk;
  let walkInId: string;
  let callEvent: BalieEvent;

  beforeAll(async () => {
    const admin = await adminToken();
    for (const [id, name] of [[DESK, `Testbalie ${suffix}`], [OTHER_DESK, `Tweede ${suffix}`]] as const) {
      expect((await postJson(`/api/v1/locations/${accounts.locationId}/desks`, { id, name }, admin)).status).toBe(201);
    }
    const created = await postJson('/api/v1/accounts', { username: SUPERVISOR, displayName: 'Test Teamleider', role: 'supervisor', locationId: accounts.locationId, password: PASSWORD }, admin);
    expect(created.status).toBe(201);
    // A supervisor signs in from a browser: no desk device.
    const signIn = await postJson('/api/v1/auth/sign-in', { username: SUPERVISOR, password: PASSWORD });
    supervisorToken = ((await signIn.json()) as { token: string }).token;
    db = await freshDatabase('supervisor-desk');
    otherDb = await freshDatabase('supervisor-other');
    desk = await signedInDesk(db, DESK);
    other = await signedInDesk(otherDb, OTHER_DESK);
  });
  afterAll(async () => {
    await dropDatabase(db);
    await dropDatabase(otherDb);
  });

  const renderScreen = () =>
    render(
      <I18nProvider>
        <SupervisorScreen serverUrl={serverUrl} token={supervisorToken} locationId={accounts.locationId} today={today} liveTiming={{ pollMs: 150, refreshMs: 150 }} />
      </I18nProvider>,
    );
  // The second desk pushes by hand in the conflict tests, numbering its events itself.
  let otherSeq = 0;
  const nextOtherSeq = () => ++otherSeq;
  const deskRow = () => screen.getAllByTestId('live-desk').find((row) => row.dataset.desk === DESK);

  it('shows the new desk closed, then free when it opens, a walk-in waiting beyond the target with an alert in words, then the desk calling her', async () => {
    const { container } = renderScreen();
    await waitFor(() => expect(deskRow()).toHaveAttribute('data-status', 'closed'));
    expect(within(deskRow()!).getByRole('rowheader')).toHaveTextContent(`Testbalie ${suffix}`);
    expect(deskRow()).toHaveTextContent('Gesloten');
    // A browser session has no desk device; it follows the change stream all the same.
    await waitFor(() => expect(screen.getByTestId('live-connection')).toHaveTextContent(/Bijgewerkt om \d\d:\d\d/));

    await act(desk, openDesk);
    await waitFor(() => expect(deskRow()).toHaveAttribute('data-status', 'idle'));
    expect(deskRow()).toHaveTextContent('Vrij');
    // Its last sync is the push just made, written as a time of day.
    expect(within(deskRow()!).getAllByRole('cell').at(-1)).toHaveTextContent(/^\d\d:\d\d$/);

    // She checked in 20 minutes ago (the desk was offline since): beyond the 5-minute target.
    const [walkIn] = await act(
      desk,
      (state, context) => registerWalkIn(state, { person: { name: 'Wendy Wachttijd', dateOfBirth: '1990-04-01', nationalityCategory: 'other', vNumber: null }, service: 'BIO', reason: 'ind-invited', bookingId: null }, context),
      new Date(Date.now() - 20 * 60_000),
    );
    walkInId = walkIn!.appointmentId!;
    // A walk-in has no booking code: the screen names her by the ticket the waiting room calls.
    const label = (walkIn!.payload as { ticket?: string }).ticket!;
    expect(label).toMatch(/^[A-Z]+-\d{3}$/);
    const row = await waitFor(() => {
      const found = screen.getAllByTestId('live-waiting').find((candidate) => candidate.textContent?.includes(label));
      expect(found).toBeDefined();
      return found!;
    });
    expect(row).toHaveTextContent(/Biometrie/);
    expect(row).toHaveTextContent(/(2\d) min · boven de norm/);
    const alert = screen.getByTestId('waiting-alert');
    expect(alert).toHaveAttribute('role', 'alert');
    expect(alert).toHaveTextContent(/Wachttijd overschreden\. \d+ klant(en)? wacht(en)? langer dan 5 min/);
    expect(await noAxeViolations(container)).toEqual([]);

    callEvent = (await act(desk, (state, context) => callAppointment(state, { appointmentId: walkInId }, context)))[0]!;
    await waitFor(() => expect(deskRow()).toHaveAttribute('data-status', 'serving'));
    expect(deskRow()).toHaveTextContent(new RegExp(`Bezig.*heeft ${label} \\(Biometrie\\) opgeroepen, \\d+ s`));
    expect(screen.queryAllByTestId('live-waiting').some((candidate) => candidate.textContent?.includes(label))).toBe(false);
  });

  it("gives the day's report with the desk's waiting time, as tables and as charts with a table each, and exports it as CSV with English headers", async () => {
    const user = userEvent.setup();
    const { container } = renderScreen();
    await user.click(screen.getByRole('tab', { name: 'Nu' }));
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Rapportages' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tab', { name: 'Rapportages' })).toHaveFocus();
    await screen.findByRole('heading', { name: `Rapportage van ${today}` });
    const perDesk = screen.getByTestId('report-desks');
    const row = within(perDesk).getByRole('rowheader', { name: DESK }).closest('tr')!;
    // One call, after a 20-minute wait: median, p90 and max are all that wait.
    const cells = within(row).getAllByRole('cell').map((cell) => cell.textContent);
    expect(cells.slice(0, 5)).toEqual(['0', '0', '20 min', '20 min', '20 min']);
    expect(screen.getByRole('img', { name: 'Wachttijd per uur (mediaan, p90, max)' })).toBeInTheDocument();
    // The distribution counts her wait in the minute it ended (other files' clients wait on the same day: at least hers).
    const distribution = screen.getByRole('img', { name: 'Verdeling van de wachttijd' }).closest('figure')!;
    const bucket = within(distribution).getByRole('rowheader', { name: '20–21 min' }).closest('tr')!;
    expect(Number(within(bucket).getByRole('cell').textContent)).toBeGreaterThanOrEqual(1);
    expect(screen.getAllByText('Toon de cijfers als tabel').length).toBeGreaterThanOrEqual(2);
    expect(await noAxeViolations(container)).toEqual([]);

    // The download itself is the browser's: catch the file it is handed.
    const files: Blob[] = [];
    const createObjectURL = vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => { files.push(blob as Blob); return 'blob:report'; });
    const revokeObjectURL = vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    try {
      await user.click(screen.getByRole('radio', { name: 'Engels' }));
      await user.click(screen.getByRole('button', { name: 'CSV: per balie' }));
      await screen.findByText(`Gedownload: report-desks-MAA-${today}-en.csv`);
    } finally {
      createObjectURL.mockRestore();
      revokeObjectURL.mockRestore();
      click.mockRestore();
    }
    const csv = (await files[0]!.text()).replace(/^\uFEFF/, '').split('\r\n');
    expect(csv[0]).toMatch(/^desk,services finished,services completed,persons served,waiting time count,/);
    expect(csv.find((line) => line.startsWith(`${DESK},`))).toMatch(new RegExp(`^${DESK},0,0,0,1,12\\d\\d(\\.\\d+)?,`));
  });

  it('refuses a range that ends before it starts, in words, without asking the server', async () => {
    const user = userEvent.setup();
    renderScreen();
    await user.click(screen.getByRole('tab', { name: 'Rapportages' }));
    await user.click(screen.getByRole('radio', { name: 'Van – tot' }));
    const from = screen.getByLabelText('Van');
    const to = screen.getByLabelText('Tot en met');
    await user.clear(from);
    await user.type(from, '2026-03-10');
    await user.clear(to);
    await user.type(to, '2026-03-02');
    await user.click(screen.getByRole('button', { name: 'Toon rapport' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('De einddatum ligt vóór de begindatum.');
    expect(to).toHaveAttribute('aria-invalid', 'true');
  });

  it('lists the conflict of the second desk calling the same client with both sides, and resolves it with a note by keyboard', async () => {
    // The second desk had not heard that she was called and calls her too: a conflict on the server.
    const seq = nextOtherSeq();
    const contested = { ...callEvent, id: formatUuidV7(Date.now(), crypto.getRandomValues(new Uint8Array(10))), deviceId: other.session.deviceId, deviceSeq: seq, deskId: OTHER_DESK, occurredAt: new Date().toISOString() };
    const answer = await push(other, [contested as BalieEvent]);
    expect(answer.results[0]!.status).toBe('conflict');

    const user = userEvent.setup();
    const { container } = renderScreen();
    await user.click(screen.getByRole('tab', { name: 'Conflicten' }));
    const item = await waitFor(() => {
      const found = screen.getAllByTestId('conflict').find((candidate) => candidate.textContent?.includes(OTHER_DESK));
      expect(found).toBeDefined();
      return found!;
    });
    expect(item).toHaveTextContent(`De balie: Opgeroepen aan ${OTHER_DESK}`);
    expect(item).toHaveTextContent(`(afspraak ${walkInId})`);
    expect(item).toHaveTextContent(/De server: .+/);
    expect(item).toHaveTextContent(`Nu op de server: Opgeroepen (balie ${DESK})`);
    expect(await noAxeViolations(container)).toEqual([]);

    const note = within(item).getByLabelText('Notitie bij de afhandeling');
    await user.click(within(item).getByRole('button', { name: 'Afhandelen' }));
    expect(await within(item).findByRole('alert')).toHaveTextContent('Schrijf een notitie: wat is er besloten?');
    await user.click(note);
    await user.keyboard('Balie 1 helpt haar; balie 2 riep haar dubbel op.');
    await user.tab();
    await user.keyboard('{Enter}');
    expect(await screen.findByText(`Conflict ${contested.id} is afgehandeld.`)).toBeInTheDocument();
    await waitFor(() => expect(screen.queryAllByTestId('conflict').some((candidate) => candidate.textContent?.includes(OTHER_DESK))).toBe(false));

    await user.click(screen.getByRole('radio', { name: 'Afgehandeld' }));
    const resolved = await waitFor(() => {
      const found = screen.getAllByTestId('conflict').find((candidate) => candidate.textContent?.includes(OTHER_DESK));
      expect(found).toBeDefined();
      return found!;
    });
    expect(resolved).toHaveTextContent(`Afgehandeld: Balie 1 helpt haar; balie 2 riep haar dubbel op. (`);
  });

  it('says so when another supervisor resolved the conflict first, and takes it off the open list', async () => {
    const contested = { ...callEvent, id: formatUuidV7(Date.now(), crypto.getRandomValues(new Uint8Array(10))), deviceId: other.session.deviceId, deviceSeq: nextOtherSeq(), deskId: OTHER_DESK, occurredAt: new Date().toISOString() };
    expect((await push(other, [contested as BalieEvent])).results[0]!.status).toBe('conflict');
    const user = userEvent.setup();
    renderScreen();
    await user.click(screen.getByRole('tab', { name: 'Conflicten' }));
    // The conflict of the test before is resolved: the only open one of the second desk is this one.
    const item = await waitFor(() => {
      const found = screen.getAllByTestId('conflict').find((candidate) => candidate.textContent?.includes(OTHER_DESK));
      expect(found).toBeDefined();
      return found!;
    });
    // Meanwhile another supervisor resolves it.
    const first = await postJson(`/api/v1/reports/conflicts/${contested.id}/resolution`, { note: 'Al afgehandeld aan de telefoon.' }, supervisorToken);
    expect(first.status).toBe(201);
    await user.type(within(item).getByLabelText('Notitie bij de afhandeling'), 'Balie 1 helpt haar.');
    await user.click(within(item).getByRole('button', { name: 'Afhandelen' }));
    expect(await screen.findByText(/Dit kan niet meer: iemand anders was u voor/)).toHaveAttribute('role', 'status');
    await waitFor(() => expect(screen.queryAllByTestId('conflict').some((candidate) => candidate.textContent?.includes(OTHER_DESK))).toBe(false));
  });
});
