import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { checkIn } from '../../../../shared/domain/commands-queue';
import { adminToken, dropDatabase, expectedAppointments, freshDatabase, serverUrl, signedInDesk, type SignedInDesk } from '../../../test/desk-fixtures';
import type { DeskDatabase } from '../../db/desk-db';
import { performCommand } from '../../db/perform-command';
import { I18nProvider } from '../../i18n/i18n';
import { pullChanges } from './pull-changes';
import { pushOutbox } from './push-outbox';
import { conflictsOfDesk, isOpenConflict } from './review-items';
import { SyncIndicator } from './sync-indicator';
import { createSyncStatusStore } from './sync-status-store';

// This file's part of the demo day (see desk-fixtures): the last bookings of share 1, which only local tests use.
const SHARE = 1;

async function syncOnce(desk: SignedInDesk, what: 'push' | 'pull') {
  const connection = { serverUrl, token: (await desk.token())! };
  return what === 'push' ? pushOutbox(desk.db, connection, { deviceId: desk.session.deviceId }) : pullChanges(desk.db, connection);
}

describe('reviewing what the server refused and what conflicted, from the sync line', () => {
  let first: DeskDatabase;
  let second: DeskDatabase;
  let deskOne: SignedInDesk;
  let deskTwo: SignedInDesk;
  beforeEach(async () => {
    first = await freshDatabase('review-one');
    second = await freshDatabase('review-two');
    deskOne = await signedInDesk(first, 'MAA-D1');
    deskTwo = await signedInDesk(second, 'MAA-D2');
    for (const desk of [deskOne, deskTwo]) expect(await syncOnce(desk, 'pull')).toMatchObject({ ok: true });
  });
  afterEach(async () => {
    await dropDatabase(first);
    await dropDatabase(second);
  });

  it('lists a refused event with the server reason and a conflict with both sides, by keyboard, and never drops them', async () => {
    const [contested, other] = (await expectedAppointments(second, SHARE)).slice(-2);
    const checkInOf = (id: string) => (state: Parameters<typeof checkIn>[0], context: Parameters<typeof checkIn>[2]) => checkIn(state, { appointmentIds: [id], method: 'manual' }, context);
    // Desk 1 checks the person in first; desk 2 has not heard of it and checks her in too: a conflict.
    expect(await performCommand(first, checkInOf(contested!.id), deskOne.context())).toMatchObject({ ok: true });
    expect(await syncOnce(deskOne, 'push')).toMatchObject({ ok: true, sent: 1 });
    expect(await performCommand(second, checkInOf(contested!.id), deskTwo.context())).toMatchObject({ ok: true });
    // An event naming a clerk the server does not know: refused.
    expect(await performCommand(second, checkInOf(other!.id), { ...deskTwo.context(), clerkId: 'no-such-clerk' })).toMatchObject({ ok: true });
    expect(await syncOnce(deskTwo, 'push')).toMatchObject({ ok: true, conflicts: 1, rejected: 1 });
    expect(await syncOnce(deskTwo, 'pull')).toMatchObject({ ok: true });

    const user = userEvent.setup();
    render(
      <I18nProvider>
        <SyncIndicator db={second} store={createSyncStatusStore()} deskId="MAA-D2" />
      </I18nProvider>,
    );
    // Other test files run on the same location: the feed may bring more conflicts of this desk, never fewer.
    expect(await screen.findByText(/1 geweigerd door de server · \d+ conflicten/)).toBeInTheDocument();
    const open = screen.getByRole('button', { name: /^Bekijk geweigerde wijzigingen en conflicten \(\d+\)$/ });
    await user.tab();
    expect(open).toHaveFocus();
    await user.keyboard('{Enter}');

    const refusedList = await screen.findByRole('list', { name: 'Geweigerd door de server (1)' });
    const refused = within(refusedList).getByRole('listitem');
    expect(refused).toHaveFocus();
    expect(refused).toHaveTextContent(`Deze balie: Aangemeld: ${other!.personName}`);
    expect(refused).toHaveTextContent('Server: Deze wijziging is niet toegestaan: medewerker of balie hoort niet bij deze locatie.');
    expect(refused).toHaveTextContent('clerkId: no account that works at this location');

    await user.tab();
    const conflicts = within(screen.getByRole('list', { name: /^Conflicten van deze balie \(\d+\)$/ })).getAllByRole('listitem');
    expect(conflicts[0]).toHaveFocus();
    const conflict = conflicts.find((item) => item.textContent?.includes(contested!.personName));
    expect(conflict).toHaveTextContent(`Deze balie: Aangemeld: ${contested!.personName}`);
    expect(conflict).toHaveTextContent(/Server: .+/);
    expect(conflict).toHaveTextContent('Nu op de server: Aangemeld');

    await user.keyboard('{Escape}');
    expect(screen.queryByRole('list')).not.toBeInTheDocument();
    expect(open).toHaveFocus();
    // Reviewing drops nothing: the refused event is still kept with its reason, the conflict too.
    expect(await second.outbox.where('state').equals('rejected').count()).toBe(1);
    expect(await second.conflicts.where('appointmentId').equals(contested!.id).count()).toBe(1);
  });

  it('a conflict a supervisor resolved shows as resolved with the note, and no longer counts on the status line', async () => {
    const contested = (await expectedAppointments(second, SHARE)).at(-3)!;
    const checkInContested = (state: Parameters<typeof checkIn>[0], context: Parameters<typeof checkIn>[2]) => checkIn(state, { appointmentIds: [contested.id], method: 'manual' }, context);
    expect(await performCommand(first, checkInContested, deskOne.context())).toMatchObject({ ok: true });
    expect(await syncOnce(deskOne, 'push')).toMatchObject({ ok: true, sent: 1 });
    expect(await performCommand(second, checkInContested, deskTwo.context())).toMatchObject({ ok: true });
    expect(await syncOnce(deskTwo, 'push')).toMatchObject({ ok: true, conflicts: 1 });
    expect(await syncOnce(deskTwo, 'pull')).toMatchObject({ ok: true });
    const lost = (await second.conflicts.where('appointmentId').equals(contested.id).toArray()).find((conflict) => conflict.deskId === 'MAA-D2')!;

    const user = userEvent.setup();
    render(
      <I18nProvider initialLanguage="en">
        <SyncIndicator db={second} store={createSyncStatusStore()} deskId="MAA-D2" />
      </I18nProvider>,
    );
    // Other test files share the location: count what this desk's database holds, never a fixed number.
    const openConflicts = async () => (await conflictsOfDesk(second, 'MAA-D2')).filter(isOpenConflict).map((conflict) => conflict.eventId);
    const statusLine = () => screen.getByTestId('desk-sync-status').textContent ?? '';
    const conflictsOnLine = () => Number(/(\d+) conflicts/.exec(statusLine())?.[1] ?? 0);
    const openBefore = await openConflicts();
    await waitFor(() => expect(conflictsOnLine()).toBe(openBefore.length));
    expect(openBefore).toContain(lost.eventId);

    // The supervisor resolves it on the server; the desk pulls the resolution like any change.
    const note = 'Already checked in at desk 1; nothing to do at desk 2.';
    const resolved = await fetch(`${serverUrl}/api/v1/reports/conflicts/${lost.eventId}/resolution`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await adminToken()}` },
      body: JSON.stringify({ note }),
    });
    expect(resolved.status).toBe(201);
    expect(await syncOnce(deskTwo, 'pull')).toMatchObject({ ok: true });

    expect((await second.conflicts.get(lost.eventId))?.resolution).toMatchObject({ note });
    const openAfter = await openConflicts();
    // The resolved conflict no longer counts: the line shows only the open ones.
    expect(openAfter).not.toContain(lost.eventId);
    await waitFor(() => expect(conflictsOnLine()).toBe(openAfter.length));
    await user.click(screen.getByRole('button', { name: /^Review refused changes and conflicts \(\d+\)$/ }));
    const items = within(await screen.findByRole('list', { name: /^This desk's conflicts \(\d+\)$/ })).getAllByRole('listitem');
    const item = items.find((candidate) => candidate.textContent?.includes(contested.personName) && candidate.textContent.includes('desk MAA-D2'))!;
    expect(item).toHaveTextContent(`Resolved by the supervisor at `);
    expect(item).toHaveTextContent(`: ${note}`);
    // Nothing else was resolved: every other conflict open before is open still.
    expect(openAfter).toEqual(expect.arrayContaining(openBefore.filter((id) => id !== lost.eventId)));
  });

  it('moves through several refused events with the arrow keys, in English too', async () => {
    const [one, two] = (await expectedAppointments(second, SHARE)).slice(0, 2);
    for (const appointment of [one, two]) {
      await performCommand(second, (state, context) => checkIn(state, { appointmentIds: [appointment!.id], method: 'manual' }, context), { ...deskTwo.context(), clerkId: 'no-such-clerk' });
    }
    expect(await syncOnce(deskTwo, 'push')).toMatchObject({ ok: true, rejected: 2 });
    const user = userEvent.setup();
    const { container } = render(
      <I18nProvider initialLanguage="en">
        <SyncIndicator db={second} store={createSyncStatusStore()} deskId="MAA-D2" />
      </I18nProvider>,
    );
    // The feed may also have brought this desk's conflict of the test before: count only the refused here.
    await user.click(await screen.findByRole('button', { name: /^Review refused changes and conflicts \(\d+\)$/ }));
    const items = within(await screen.findByRole('list', { name: 'Refused by the server (2)' })).getAllByRole('listitem');
    expect(items[0]).toHaveFocus();
    expect(items[0]).toHaveTextContent(`This desk: Checked in: ${one!.personName}`);
    expect(items[0]).toHaveTextContent('Server: This change is not allowed');
    await user.keyboard('{ArrowDown}');
    expect(items[1]).toHaveFocus();
    expect(items[1]).toHaveTextContent(two!.personName);
    await user.keyboard('{ArrowDown}');
    expect(items[1]).toHaveFocus();
    await user.keyboard('{Home}');
    expect(items[0]).toHaveFocus();
    // jsdom lays nothing out: contrast is left to the browser suite.
    const { violations } = await axe.run(container, { rules: { 'color-contrast': { enabled: false } } });
    expect(violations.map((violation) => violation.id)).toEqual([]);
  });
});
