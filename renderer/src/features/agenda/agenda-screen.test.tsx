import { createServer } from 'node:http';
import { render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { amsterdamDateOf } from '../../../../shared/domain/calendar-date';
import { dayResponseSchema, type DayResponse } from '../../../../shared/sync/day';
import type { DeskBridge } from '../../../../shared/ipc/desk-bridge';
import { openDeskDatabase, type DeskDatabase } from '../../db/desk-db';
import { I18nProvider } from '../../i18n/i18n';
import { AgendaScreen } from './agenda-screen';
import { loadDay } from './load-day';

const serverUrl = inject('deskTestServerUrl');
// Nothing listens on port 9 (discard) here: the desk is offline.
const unreachableServerUrl = 'http://127.0.0.1:9';
const today = amsterdamDateOf(new Date());

const bridgeFor = (url: string): DeskBridge => ({
  getConfig: async () => ({ serverUrl: url, deviceId: '0195f3d2-7c6a-7b1e-9c1a-3f2b5d6e7a8b', host: 'web' }),
});

async function fetchServerDay(): Promise<DayResponse> {
  return dayResponseSchema.parse(await (await fetch(`${serverUrl}/api/v1/appointments?date=${today}`)).json());
}

describe('the agenda of the day', () => {
  let db: DeskDatabase;
  beforeEach(async () => {
    db = openDeskDatabase(`agenda-test-${crypto.randomUUID()}`);
    await db.open();
  });
  afterEach(async () => {
    db.close();
    await db.delete();
  });

  it("fills IndexedDB with the server's day and shows every appointment, families together", async () => {
    const serverDay = await fetchServerDay();
    render(
      <I18nProvider>
        <AgendaScreen db={db} bridge={bridgeFor(serverUrl)} date={today} />
      </I18nProvider>,
    );
    expect(await screen.findByText(/Verbonden\. Dag geladen om/)).toBeInTheDocument();
    const firstPerson = serverDay.appointments[0]!;
    expect(screen.getAllByText(firstPerson.personName).length).toBeGreaterThan(0);
    expect(await db.appointments.count()).toBe(serverDay.appointments.length);
    expect(screen.getByText(`${serverDay.appointments.length} afspraken`)).toBeInTheDocument();

    const familyBookingIds = new Set(
      serverDay.appointments.filter((a, _, all) => all.some((b) => b.bookingId === a.bookingId && b.personId !== a.personId)).map((a) => a.bookingId),
    );
    expect(screen.getAllByText(/Gezin van \d/)).toHaveLength(familyBookingIds.size);
  });

  it('shows the saved day with an offline notice when the server cannot be reached', async () => {
    const loaded = await loadDay(db, serverUrl, today);
    expect(loaded.ok).toBe(true);
    const serverDay = await fetchServerDay();
    render(
      <I18nProvider>
        <AgendaScreen db={db} bridge={bridgeFor(unreachableServerUrl)} date={today} />
      </I18nProvider>,
    );
    const status = await screen.findByText(/Geen verbinding met de server\. U ziet de opgeslagen dag/);
    expect(status).toHaveAttribute('role', 'status');
    const rows = screen.getAllByTestId('booking');
    expect(rows.length).toBe(new Set(serverDay.appointments.map((a) => a.bookingId)).size);
    expect(within(rows[0]!).getByText(serverDay.appointments[0]!.personName)).toBeInTheDocument();
  });

  it('says plainly that nothing is saved yet when the first load finds no server', async () => {
    render(
      <I18nProvider>
        <AgendaScreen db={db} bridge={bridgeFor(unreachableServerUrl)} date={today} />
      </I18nProvider>,
    );
    expect(await screen.findByText(/deze dag is nog niet opgeslagen/)).toBeInTheDocument();
    expect(screen.getByText('Geen afspraken vandaag.')).toBeInTheDocument();
  });

  it('leaves the day to the sync engine once a clerk is signed in: no fetch of its own, one status line', async () => {
    await loadDay(db, serverUrl, today);
    let requests = 0;
    const counting = createServer((_request, response) => {
      requests += 1;
      response.writeHead(500).end();
    });
    await new Promise<void>((resolve) => counting.listen(0, '127.0.0.1', resolve));
    const address = counting.address();
    const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    try {
      render(
        <I18nProvider>
          <AgendaScreen db={db} bridge={bridgeFor(url)} date={today} syncedElsewhere />
        </I18nProvider>,
      );
      expect((await screen.findAllByTestId('booking')).length).toBeGreaterThan(0);
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(requests).toBe(0);
      expect(screen.queryByTestId('sync-status')).toBeNull();
    } finally {
      counting.close();
    }
  });
});
