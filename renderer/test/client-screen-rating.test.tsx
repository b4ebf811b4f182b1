import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import axe from 'axe-core';
import { useLiveQuery } from 'dexie-react-hooks';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { amsterdamDateOf } from '../../shared/domain/calendar-date';
import { callAppointment, markNoShow } from '../../shared/domain/commands-queue';
import { complete, startService } from '../../shared/domain/commands-service';
import { giveRating } from '../../shared/domain/commands-rating';
import { registerWalkIn } from '../../shared/domain/commands-desk';
import type { CommandResult } from '../../shared/domain/command-support';
import { adminToken, dropDatabase, freshDatabase, serverUrl, signedInDesk, type SignedInDesk } from './desk-fixtures';
import { ClientScreenApp } from '../src/client-screen/client-screen-app';
import type { DeskDatabase } from '../src/db/desk-db';
import { actorOf } from '../src/db/desk-actor';
import { performCommand, type DeskCommand } from '../src/db/perform-command';
import { I18nProvider } from '../src/i18n/i18n';
import { createPageLocks } from '../src/features/sync/desk-lock';
import { pullChanges } from '../src/features/sync/pull-changes';
import { pushOutbox } from '../src/features/sync/push-outbox';
import { createSyncEngine, type SyncEngine } from '../src/features/sync/sync-engine';
import { createSyncStatusStore } from '../src/features/sync/sync-status-store';
import type { ClientView } from '../src/features/client-view/client-channel';
import { ClientMirror } from '../src/features/client-view/client-mirror';
import { useClientScreen } from '../src/features/client-view/use-client-screen';

// Nothing listens on port 9 (discard) here: the desk is offline.
const OFFLINE = 'http://127.0.0.1:9';

/** The clerk's side as the desk shell will hold it: the link and the mirror. */
function ClerkSide({ desk, date, openChannel, ratable }: { desk: SignedInDesk; date: string; openChannel: () => BroadcastChannel; ratable: { appointmentId: string; desk: string } }) {
  const client = useClientScreen({ db: desk.db, actor: actorOf(desk.session), date, openChannel });
  return <ClientMirror snapshot={client.snapshot} onShow={(view: ClientView) => client.show(view)} ratable={ratable} />;
}

/** The clerk's side when the screen follows the desk's own rows (the shell passes them). */
function FollowingClerkSide({ desk, date, openChannel }: { desk: SignedInDesk; date: string; openChannel: () => BroadcastChannel }) {
  const rows = useLiveQuery(() => desk.db.appointments.where('date').equals(date).toArray(), [date]);
  const client = useClientScreen({ db: desk.db, actor: actorOf(desk.session), date, openChannel, rows });
  return <ClientMirror snapshot={client.snapshot} onShow={(view: ClientView) => client.show(view)} />;
}

async function perform(desk: SignedInDesk, command: DeskCommand): Promise<string> {
  const result = await performCommand(desk.db, command, desk.context());
  if (!result.ok) throw new Error(result.error.message.en);
  return result.events[0]!.appointmentId!;
}

describe("the client's rating on the client screen", () => {
  let db: DeskDatabase;
  let desk: SignedInDesk;
  let appointmentId: string;
  const engines: SyncEngine[] = [];

  beforeEach(async () => {
    db = await freshDatabase('client-rating');
    desk = await signedInDesk(db, 'MAA-D4');
    expect(await pullChanges(db, { serverUrl, token: (await desk.token())! })).toMatchObject({ ok: true });
    // The desk is free: a client an earlier test left at it has gone home.
    for (const left of await db.appointments.where('deskId').equals('MAA-D4').toArray()) {
      if (left.status === 'called') await perform(desk, (state, context) => markNoShow(state, { appointmentId: left.id }, context));
      if (left.status === 'in-service') await perform(desk, (state, context) => complete(state, { appointmentId: left.id, outcome: 'client-left', reason: 'test ended' }, context));
    }
    // A walk-in of its own, so that no other test file acts on this client.
    appointmentId = await perform(desk, (state, context) =>
      registerWalkIn(state, { person: { name: 'Rating Tester', dateOfBirth: '1990-03-03', nationalityCategory: 'other', vNumber: null }, service: 'INFO', reason: 'ind-invited', bookingId: null }, context),
    );
    await perform(desk, (state, context) => callAppointment(state, { appointmentId }, context));
    await perform(desk, (state, context) => startService(state, { appointmentId }, context));
    expect(await pushOutbox(db, { serverUrl, token: (await desk.token())! }, { deviceId: desk.session.deviceId })).toMatchObject({ ok: true });
  });
  afterEach(async () => {
    await Promise.all(engines.splice(0).map((engine) => engine.stop()));
    await dropDatabase(db);
  });

  it('a rating given offline by keyboard, sent twice, reaches the server once after reconnecting', async () => {
    const channelName = `client-rating-${crypto.randomUUID()}`;
    const openChannel = () => new BroadcastChannel(channelName);
    const user = userEvent.setup();
    render(
      <>
        <I18nProvider>
          <ClerkSide desk={desk} date={desk.context().date} openChannel={openChannel} ratable={{ appointmentId, desk: 'Balie 4' }} />
        </I18nProvider>
        <div data-testid="client-screen">
          <I18nProvider>
            <ClientScreenApp openChannel={openChannel} />
          </I18nProvider>
        </div>
      </>,
    );
    const clientScreen = within(screen.getByTestId('client-screen'));
    expect(await screen.findByText('Taal van het klantscherm: Nederlands')).toBeInTheDocument();
    expect(clientScreen.getByRole('heading', { name: 'Welkom bij het IND-loket' })).toBeInTheDocument();

    // The mirror and the screen are labelled for assistive technology (contrast is checked in Chromium).
    const { violations } = await axe.run(document.body, { rules: { 'color-contrast': { enabled: false } } });
    expect(violations.map((violation) => violation.id)).toEqual([]);

    await user.click(screen.getByRole('button', { name: 'Om een cijfer vragen' }));
    const form = await clientScreen.findByRole('form', { name: 'Hoe tevreden bent u over de hulp aan Balie 4?' });
    expect(screen.getByTestId('client-mirror-view')).toHaveTextContent('Vraagt om een cijfer');

    // Sending without a score says what to do and sends nothing.
    await user.click(within(form).getByRole('button', { name: 'Versturen' }));
    expect(within(form).getByRole('alert')).toHaveTextContent('Kies eerst een cijfer van 1 tot 10.');

    // By keyboard: into the scores, arrows to 8, Tab to the comment, Tab to Send, Enter, and Enter again.
    within(form).getByRole('radio', { name: '1' }).focus();
    await user.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}{ArrowRight}{ArrowRight}{ArrowRight}{ArrowRight}');
    expect(within(form).getByRole('radio', { name: '8' })).toBeChecked();
    await user.tab();
    expect(within(form).getByRole('textbox', { name: /Wilt u nog iets zeggen/ })).toHaveFocus();
    await user.keyboard('Snel geholpen');
    await user.tab();
    expect(within(form).getByRole('button', { name: 'Versturen' })).toHaveFocus();
    await user.keyboard('{Enter}{Enter}');

    expect(await clientScreen.findByRole('heading', { name: 'Dank u wel!' })).toBeInTheDocument();
    expect(await screen.findByText('Cijfer van de klant: 8')).toBeInTheDocument();
    const outbox = await db.outbox.toArray();
    expect(outbox.map((entry) => [entry.event.type, entry.state])).toEqual([['ratingGiven', 'pending']]);
    expect(outbox[0]!.event).toMatchObject({ appointmentId, deskId: 'MAA-D4', clerkId: desk.session.accountId, payload: { score: 8, comment: 'Snel geholpen' } });

    // Offline: the push fails and the rating stays in the outbox.
    expect(await pushOutbox(db, { serverUrl: OFFLINE, token: (await desk.token())! }, { deviceId: desk.session.deviceId })).toMatchObject({ ok: false });
    expect(await db.outbox.count()).toBe(1);

    // Back online: the sync engine sends it, and the server took exactly that one rating.
    const engine = createSyncEngine({ db, serverUrl, deviceId: desk.session.deviceId, token: desk.token, onUnauthenticated: () => undefined, status: createSyncStatusStore(), locks: createPageLocks(), backoff: { baseMs: 20, maxMs: 200 } });
    engines.push(engine);
    engine.start();
    await vi.waitFor(async () => expect(await db.outbox.count()).toBe(0));

    // Had the server's answer been lost, the desk would send the rating again: the server answers
    // that it has it, and its log holds the rating once.
    const rating = outbox[0]!.event;
    const resent = await fetch(`${serverUrl}/api/v1/sync/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${(await desk.token())!}` },
      body: JSON.stringify({ deviceId: desk.session.deviceId, clientTime: new Date().toISOString(), events: [rating] }),
    });
    expect(await resent.json()).toMatchObject({ results: [{ status: 'duplicate', id: rating.id, original: 'accepted' }] });
    const log = await fetch(`${serverUrl}/api/v1/reports/events?location=MAA&date=${amsterdamDateOf(new Date(rating.occurredAt))}&lang=en`, { headers: { authorization: `Bearer ${await adminToken()}` } });
    expect(log.status).toBe(200);
    expect((await log.text()).split('\n').filter((line) => line.includes(rating.id))).toHaveLength(1);

    // A second desk pulls the day: the server's state carries the rating, so that desk does not let
    // the client rate the same service again (two desks rating it offline are a conflict: shared tests).
    const otherDb = await freshDatabase('client-rating-other');
    try {
      const other = await signedInDesk(otherDb, 'MAA-D4');
      expect(await pullChanges(otherDb, { serverUrl, token: (await other.token())! })).toMatchObject({ ok: true });
      expect((await otherDb.appointments.get(appointmentId))?.rating).toMatchObject({ score: 8, deskId: 'MAA-D4' });
      const again: DeskCommand = (state, context): CommandResult => giveRating(state, { appointmentId, score: 2, comment: null }, context);
      const refused = await performCommand(other.db, again, other.context());
      expect(refused).toMatchObject({ ok: false, error: { code: 'rating-given' } });
      expect(await otherDb.outbox.count()).toBe(0);
    } finally {
      await dropDatabase(otherDb);
    }
    await waitFor(() => expect(screen.getByTestId('client-mirror-view')).toHaveTextContent('Bedankt voor het cijfer'));
  });

  it('follows the desk: the welcome while served, then the rating as soon as the service ends, chosen by touch', async () => {
    const channelName = `client-follow-${crypto.randomUUID()}`;
    const openChannel = () => new BroadcastChannel(channelName);
    const user = userEvent.setup();
    render(
      <>
        <I18nProvider>
          <FollowingClerkSide desk={desk} date={desk.context().date} openChannel={openChannel} />
        </I18nProvider>
        <div data-testid="client-screen">
          <I18nProvider>
            <ClientScreenApp openChannel={openChannel} />
          </I18nProvider>
        </div>
      </>,
    );
    const clientScreen = within(screen.getByTestId('client-screen'));
    expect(await clientScreen.findByText('U wordt geholpen aan Balie 4.')).toBeInTheDocument();
    expect(screen.getByTestId('client-mirror-view')).toHaveTextContent('Welkom, geholpen aan Balie 4');

    await perform(desk, (state, context) => complete(state, { appointmentId, outcome: 'client-left', reason: 'had to leave' }, context));
    const form = await clientScreen.findByRole('form', { name: 'Hoe tevreden bent u over de hulp aan Balie 4?' });
    await user.click(within(form).getByText('10'));
    await user.click(within(form).getByRole('button', { name: 'Versturen' }));
    expect(await clientScreen.findByRole('heading', { name: 'Dank u wel!' })).toBeInTheDocument();
    // Rated: the row says so, and the thanks stay until the next client is called.
    await waitFor(async () => expect((await db.appointments.get(appointmentId))?.rating?.score).toBe(10));
    expect(clientScreen.getByRole('heading', { name: 'Dank u wel!' })).toBeInTheDocument();
    const pushed = await pushOutbox(db, { serverUrl, token: (await desk.token())! }, { deviceId: desk.session.deviceId });
    expect(pushed).toMatchObject({ ok: true, sent: 2, conflicts: 0, rejected: 0 });
    // The pull brings the server's state of the appointment back: the client is not asked again.
    expect(await pullChanges(db, { serverUrl, token: (await desk.token())! })).toMatchObject({ ok: true });
    // The pulled state carries the server's rating.
    expect((await db.appointments.get(appointmentId))?.rating).toMatchObject({ score: 10, deskId: 'MAA-D4' });
    // Give the live query a moment to deliver the pulled row to the clerk's side.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(clientScreen.queryByRole('form')).not.toBeInTheDocument();
    expect(clientScreen.getByRole('heading', { name: 'Dank u wel!' })).toBeInTheDocument();
  });
});
