import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { callAppointment, checkIn } from '../../../shared/domain/commands-queue';
import type { DeskBridge, DeskConfig } from '../../../shared/ipc/desk-bridge';
import { browserBridge, dropDatabase, freshDatabaseWithTheDay, today } from '../../test/desk-fixtures';
import { act, type DeskActor } from '../db/desk-actor';
import type { DeskDatabase } from '../db/desk-db';
import { I18nProvider } from '../i18n/i18n';
import { ClerkDesk } from './clerk-desk';
import { printingOf, type PrintHandout } from './receipt-printing';

const electronConfig: DeskConfig = { serverUrl: 'http://127.0.0.1:4870', deviceId: '0b0f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4', host: 'electron' };
const receipt = { appointmentCode: 'MAA-K7Q2M9', service: 'DOC', date: '2026-03-02', time: '09:40', desk: 'Balie 3' } as const;

describe('printing handouts on this host', () => {
  it('is not offered by a plain browser, nor before the host said where handouts go', () => {
    expect(printingOf(browserBridge(), { ...electronConfig, host: 'web' })).toBeUndefined();
    const desktop = { ...browserBridge(), printReceipt: vi.fn() } as DeskBridge;
    expect(printingOf(desktop, undefined)).toBeUndefined();
  });

  it("sends the handout to the desk's printer, or to a PDF where an administrator set receiptOutput to pdf", async () => {
    const printReceipt = vi.fn(async () => ({ ok: true as const, path: null }));
    const desktop = { ...browserBridge(), printReceipt } as DeskBridge;
    await printingOf(desktop, electronConfig)!(receipt);
    await printingOf(desktop, { ...electronConfig, receiptOutput: 'pdf' })!(receipt);
    expect(printReceipt.mock.calls).toEqual([[{ ...receipt, output: 'printer' }], [{ ...receipt, output: 'pdf' }]]);
  });
});

describe("the clerk's desk prints a DOC receipt", () => {
  const actor: DeskActor = { deviceId: 'receipt-desk-device', deskId: 'MAA-D3', clerkId: 'clerk-3', locationId: 'MAA' };
  let db: DeskDatabase;
  beforeEach(async () => {
    db = await freshDatabaseWithTheDay('receipt-printing-test');
    localStorage.clear();
  });
  afterEach(() => dropDatabase(db));

  it('names the booking and the desk as the client reads it on the wall', async () => {
    const rows = await db.appointments.where('date').equals(today).toArray();
    const client = rows.find((row) => row.service === 'DOC' && rows.filter((other) => other.bookingId === row.bookingId).length === 1)!;
    await act(db, actor, today, (state, context) => checkIn(state, { appointmentIds: [client.id], method: 'manual' }, context));
    await act(db, actor, today, (state, context) => callAppointment(state, { appointmentId: client.id }, context));
    const printReceipt = vi.fn<PrintHandout>(async () => ({ ok: true, path: '/tmp/receipt.pdf' }));
    const user = userEvent.setup();
    render(
      <I18nProvider>
        <ClerkDesk db={db} actor={actor} date={today} printReceipt={printReceipt} />
      </I18nProvider>,
    );
    const visit = await screen.findByRole('region', { name: 'Bezoek aan deze balie' });
    await waitFor(() => expect(document.activeElement).toHaveAccessibleName(/beginnen/));
    await user.keyboard('{Enter}');
    await waitFor(() => expect(within(visit).getByRole('list', { name: 'Stappen' })).toBeInTheDocument());
    await user.keyboard('{Alt>}s{/Alt}');
    await user.keyboard('{Alt>}r{/Alt}');
    await waitFor(() => expect(within(visit).getByText('Ontvangstbewijs opgeslagen als PDF: /tmp/receipt.pdf')).toBeInTheDocument());
    expect(printReceipt).toHaveBeenCalledExactlyOnceWith({ appointmentCode: client.appointmentCode, service: 'DOC', date: today, time: client.slotStart, desk: 'Balie 3' });
  });
});
