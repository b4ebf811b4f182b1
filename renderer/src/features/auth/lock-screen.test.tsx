import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { checkIn } from '../../../../shared/domain/commands-queue';
import { initialDayState } from '../../../../shared/domain/day-state';
import { accounts, dropDatabase, freshDatabase, signedInDesk, today, type SignedInDesk } from '../../../test/desk-fixtures';
import { projectionTables, writeLocalDay } from '../../db/day-projection';
import type { DeskDatabase } from '../../db/desk-db';
import { readMeta } from '../../db/desk-meta';
import { performCommand } from '../../db/perform-command';
import { I18nProvider } from '../../i18n/i18n';
import { signInOnDesk } from './desk-auth';
import { lockDesk, unlockWithPin } from './desk-lock';
import { DeskLockGate } from './lock-screen';
import { DeskSecuritySettings } from './security-settings';
import { SignInPanel } from './sign-in-panel';

// Every test file's clerk is the same account: all set the same PIN.
const PIN = '40817';
// A PIN is derived with 210,000 rounds of PBKDF2 (server and desk) and a password with scrypt: on a
// busy machine that takes longer than Testing Library's default second of waiting.
const SLOW = { timeout: 15_000 };

function renderGate(desk: SignedInDesk, children = <p>De agenda van vandaag</p>) {
  return render(
    <I18nProvider>
      <DeskLockGate db={desk.db} bridge={desk.bridge}>
        {children}
      </DeskLockGate>
    </I18nProvider>,
  );
}

describe('the lock of a desk: PIN, idle minutes, password, sign-out', () => {
  let db: DeskDatabase;
  let desk: SignedInDesk;
  beforeEach(async () => {
    db = await freshDatabase('lock-test');
    desk = await signedInDesk(db, 'MAA-D3');
  });
  afterEach(async () => {
    vi.unstubAllGlobals();
    vi.useRealTimers();
    await dropDatabase(db);
  });

  it('a clerk sets a PIN by keyboard; with the network gone a wrong PIN keeps the desk locked and the right one opens it', async () => {
    const user = userEvent.setup();
    const settings = render(
      <I18nProvider>
        <DeskSecuritySettings db={db} bridge={desk.bridge} />
      </I18nProvider>,
    );
    await user.click(screen.getByLabelText('Nieuwe pincode'));
    await user.keyboard('12345{Tab}12345{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('Kies een pincode die niet uit één herhaald cijfer of een reeks (zoals 12345) bestaat.');
    await user.clear(screen.getByLabelText('Nieuwe pincode'));
    await user.clear(screen.getByLabelText('Herhaal de pincode'));
    await user.type(screen.getByLabelText('Nieuwe pincode'), `${PIN}{Tab}${PIN}{Enter}`);
    expect(await screen.findByText('Pincode ingesteld. U kunt deze balie er nu mee ontgrendelen.', undefined, SLOW)).toBeInTheDocument();
    settings.unmount();

    // The next online sign-in brings the server's verifier; the desk keeps it with the session, not in IndexedDB.
    expect(await signInOnDesk(db, desk.bridge, accounts.clerk)).toMatchObject({ ok: true });
    const kept = await desk.bridge.loadSession!();
    expect(kept.ok && kept.session?.offlineUnlock).toMatchObject({ algorithm: 'PBKDF2-SHA256', iterations: 210_000 });
    expect(JSON.stringify(await db.meta.toArray())).not.toMatch(/PBKDF2|40817/);

    await lockDesk(db);
    vi.stubGlobal('fetch', () => Promise.reject(new TypeError('Failed to fetch')));
    renderGate(desk);
    expect(await screen.findByRole('heading', { name: 'Balie vergrendeld' }, SLOW)).toBeInTheDocument();
    expect(screen.getByText('De agenda van vandaag')).not.toBeVisible();
    await user.keyboard('99999{Enter}');
    expect(await screen.findByRole('alert', undefined, SLOW)).toHaveTextContent('Pincode klopt niet. Nog 4 pogingen.');
    expect(screen.getByText('De agenda van vandaag')).not.toBeVisible();
    await user.clear(screen.getByLabelText('Pincode'));
    await user.type(screen.getByLabelText('Pincode'), `${PIN}{Enter}`);
    await waitFor(() => expect(screen.getByText('De agenda van vandaag')).toBeVisible(), SLOW);
    expect(screen.queryByRole('heading', { name: 'Balie vergrendeld' })).not.toBeInTheDocument();
    expect(await readMeta(db.meta, 'lock')).toBeUndefined();
  });

  it('locks itself after 5 minutes without input, not while the clerk types, and opens with the password online', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], shouldAdvanceTime: true });
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    renderGate(desk, <input aria-label="Zoeken" />);
    await screen.findByLabelText('Zoeken');
    await vi.advanceTimersByTimeAsync(4 * 60_000);
    await user.type(screen.getByLabelText('Zoeken'), 'Jansen');
    await vi.advanceTimersByTimeAsync(4 * 60_000);
    expect(await readMeta(db.meta, 'lock')).toBeUndefined();
    expect(screen.getByLabelText('Zoeken')).toBeVisible();
    await vi.advanceTimersByTimeAsync(60_000 + 1_000);
    expect(await screen.findByRole('heading', { name: 'Balie vergrendeld' }, SLOW)).toBeInTheDocument();
    // Hidden, not gone: what the clerk typed is still there after unlocking.
    expect(screen.getByLabelText('Zoeken')).not.toBeVisible();
    vi.useRealTimers();

    // The password always unlocks, through an online sign-in.
    const realUser = userEvent.setup();
    await realUser.type(screen.getByLabelText('Wachtwoord'), `wrong password{Enter}`);
    expect(await screen.findByRole('alert', undefined, SLOW)).toHaveTextContent('Gebruikersnaam of wachtwoord klopt niet.');
    await realUser.clear(screen.getByLabelText('Wachtwoord'));
    await realUser.type(screen.getByLabelText('Wachtwoord'), `${accounts.clerk.password}{Enter}`);
    await waitFor(() => expect(screen.getByLabelText('Zoeken')).toBeVisible(), SLOW);
    expect(screen.getByLabelText('Zoeken')).toHaveValue('Jansen');
  });

  it('follows the idle minutes the clerk sets, and refuses a setting outside 1 to 60', async () => {
    const user = userEvent.setup();
    const settings = render(
      <I18nProvider>
        <DeskSecuritySettings db={db} bridge={desk.bridge} />
      </I18nProvider>,
    );
    const minutes = await screen.findByLabelText('Vergrendelen na zoveel minuten zonder invoer');
    expect(minutes).toHaveValue(5);
    await user.clear(minutes);
    await user.type(minutes, '0{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('Kies 1 tot 60 minuten.');
    await user.clear(minutes);
    await user.type(minutes, '2{Enter}');
    expect(await screen.findByText('Opgeslagen: de balie vergrendelt na 2 minuten zonder invoer.')).toBeInTheDocument();
    settings.unmount();

    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'], shouldAdvanceTime: true });
    renderGate(desk);
    await screen.findByText('De agenda van vandaag');
    await waitFor(async () => expect(await readMeta(db.meta, 'idleLockMinutes')).toBe(2));
    await vi.advanceTimersByTimeAsync(2 * 60_000 + 1_000);
    expect(await screen.findByRole('heading', { name: 'Balie vergrendeld' }, SLOW)).toBeInTheDocument();
  });

  it('takes no PIN after five wrong ones, and none once the verifier has expired', async () => {
    const session = await desk.bridge.loadSession!();
    if (!session.ok || !session.session) throw new Error('no session');
    const { makeDeskVerifier } = await import('./pin-verifier');
    await desk.bridge.saveSession!({ ...session.session, offlineUnlock: await makeDeskVerifier(PIN, new Date(Date.now() + 3_600_000).toISOString()) });
    await lockDesk(db);
    for (let attempt = 1; attempt < 5; attempt++) expect(await unlockWithPin(db, desk.bridge, '99999')).toMatchObject({ reason: 'wrong-pin', attemptsLeft: 5 - attempt });
    expect(await unlockWithPin(db, desk.bridge, '99999')).toEqual({ ok: false, reason: 'too-many-pins' });
    expect(await unlockWithPin(db, desk.bridge, PIN)).toEqual({ ok: false, reason: 'too-many-pins' });
    const tooMany = renderGate(desk);
    expect(await screen.findByRole('alert')).toHaveTextContent('Te vaak een verkeerde pincode. Ontgrendel met uw wachtwoord');
    expect(screen.queryByLabelText('Pincode')).not.toBeInTheDocument();
    tooMany.unmount();

    await db.meta.put({ key: 'lock', value: { lockedAt: new Date().toISOString(), failedPins: 0 } });
    await desk.bridge.saveSession!({ ...session.session, offlineUnlock: await makeDeskVerifier(PIN, new Date(Date.now() - 1_000).toISOString()) });
    expect(await unlockWithPin(db, desk.bridge, PIN)).toEqual({ ok: false, reason: 'pin-expired' });
    renderGate(desk);
    expect(await screen.findByText('Ontgrendelen met de pincode kan niet meer: uw aanmelding is verlopen. Ontgrendel met uw wachtwoord.')).toBeInTheDocument();
    expect(screen.queryByLabelText('Pincode')).not.toBeInTheDocument();
  });

  it('signing out of a locked desk with unsent changes keeps them and says so', async () => {
    // A family of three on this desk's day; the sync engine does not run, so their check-ins stay unsent.
    const family = ['anna', 'bram', 'carla'];
    const persons = family.map((name) => ({ id: `lock-${name}`, name, dateOfBirth: '1990-01-01', nationalityCategory: 'other' as const, vNumber: null, lastCaptureDate: null }));
    const appointments = persons.map((person) => ({ id: `${person.id}-BIO`, bookingId: 'lock-family', appointmentCode: 'MAA-LOCK01', locationId: 'MAA', date: today, slotStart: '09:00', service: 'BIO' as const, personId: person.id, walkIn: false }));
    await db.transaction('rw', projectionTables(db), () => writeLocalDay(db, initialDayState({ appointments, persons })));
    for (const appointment of appointments) {
      expect(await performCommand(db, (state, context) => checkIn(state, { appointmentIds: [appointment.id], method: 'manual' }, context), desk.context())).toMatchObject({ ok: true });
    }
    await lockDesk(db);
    const user = userEvent.setup();
    renderGate(desk, <SignInPanel db={db} bridge={desk.bridge} />);
    await user.click(await screen.findByRole('button', { name: 'Afmelden (andere medewerker)' }));
    expect(await screen.findByText('3 wijzigingen zijn nog niet verstuurd; ze blijven op deze balie en worden verstuurd na de volgende aanmelding.')).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: 'Aanmelden aan de balie' })).toBeInTheDocument();
    expect(await db.outbox.where('state').equals('pending').count()).toBe(3);
    expect(await desk.bridge.loadSession!()).toEqual({ ok: true, session: null });
    await waitFor(async () => expect(await readMeta(db.meta, 'lock')).toBeUndefined());
  });
});
