import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ServiceCode } from '../../../../shared/domain/codes';
import type { Receipt } from '../../../../shared/ipc/desk-bridge';
import { dropDatabase, freshDatabase, today } from '../../../test/desk-fixtures';
import type { DeskActor } from '../../db/desk-actor';
import type { DeskDatabase } from '../../db/desk-db';
import { I18nProvider, type Language } from '../../i18n/i18n';
import type { PrintAnswer, ReceiptPrinting } from './handout-receipt';
import { arrive, bookAndCheckIn, callToDesk } from './visit-fixtures';
import { VisitScreen } from './visit-screen';

const actor: DeskActor = { deviceId: 'receipt-device', deskId: 'MAA-D4', clerkId: 'clerk-receipt', locationId: 'MAA' };
const code = 'MAA-K7Q2M9';

/** The host's printing as a test double that answers `answer` (or stays busy until `release`). */
function printer(answer: PrintAnswer | Error | 'hold' = { ok: true, path: null }) {
  let release: (value: PrintAnswer) => void = () => undefined;
  const print = vi.fn<(receipt: Receipt) => Promise<PrintAnswer>>(() => {
    if (answer === 'hold') return new Promise((resolvePrint) => (release = resolvePrint));
    return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
  });
  return { printing: { print, deskLabel: 'Balie 4' } satisfies ReceiptPrinting, print, release: (value: PrintAnswer) => release(value) };
}

describe('the DOC receipt on the visit summary', () => {
  let db: DeskDatabase;
  beforeEach(async () => {
    db = await freshDatabase('handout-receipt-test');
  });
  afterEach(() => dropDatabase(db));

  /** A client collecting their card, booked with a code, called to this desk; the visit on screen. */
  async function open(printing: ReceiptPrinting | undefined, options: { service?: ServiceCode; language?: Language } = {}) {
    const id = await bookAndCheckIn(db, actor, today, { name: 'Kwame Mensah', service: options.service ?? 'DOC', appointmentCode: code, slotStart: '09:40' });
    await callToDesk(db, actor, today, [id]);
    render(
      <I18nProvider initialLanguage={options.language}>
        <VisitScreen db={db} actor={actor} date={today} appointmentIds={[id]} onLeave={() => undefined} printing={printing} />
      </I18nProvider>,
    );
    const user = userEvent.setup();
    await waitFor(() => expect(document.activeElement).toHaveAccessibleName(/beginnen|start/));
    return { id, user };
  }

  /** The clerk hands the card over by keyboard, as at the desk, and lands on "Finish". */
  async function handOver(user: ReturnType<typeof userEvent.setup>) {
    const focusIsOn = (name: RegExp) => waitFor(() => expect(screen.getByRole('listitem', { name })).toContainElement(document.activeElement as HTMLElement));
    await user.keyboard('{Enter}');
    await focusIsOn(/Uitnodigingsbrief IND/);
    await user.keyboard('{Enter}');
    await focusIsOn(/Identiteit tegen de pas/);
    await user.keyboard('{Enter}');
    await focusIsOn(/Documentnummer op de pas/);
    await user.keyboard('V123AL568{Enter}');
    await focusIsOn(/Oude pas/);
    await user.keyboard('1');
    await focusIsOn(/Overdracht bevestigd/);
    await user.keyboard('{Enter}');
    await waitFor(() => expect(document.activeElement).toHaveAccessibleName(/^Afronden/));
  }

  const printButton = () => screen.getByRole('button', { name: 'Ontvangstbewijs afdrukken' });
  const summary = () => screen.getByRole('region', { name: 'Samenvatting' });

  it('prints the receipt with Alt+R, the key shown on the button, says so, and leaves the focus on "Finish"', async () => {
    const { printing, print } = printer();
    const { user } = await open(printing);
    await handOver(user);
    const finish = document.activeElement;
    expect(printButton()).toHaveAttribute('aria-keyshortcuts', 'Alt+R');
    expect(within(printButton()).getByText('Alt+R')).toHaveAttribute('aria-hidden', 'true');

    await user.keyboard('{Alt>}r{/Alt}');
    await waitFor(() => expect(within(summary()).getByRole('status')).toHaveTextContent('Ontvangstbewijs afgedrukt op de printer van deze balie.'));
    expect(print).toHaveBeenCalledExactlyOnceWith({ appointmentCode: code, service: 'DOC', date: today, time: '09:40', desk: 'Balie 4' });
    expect(finish).toHaveFocus();
    expect(within(screen.getByRole('contentinfo', { name: 'Sneltoetsen' })).getByText('Alt+R')).toBeInTheDocument();
  });

  it('says where a desk without a printer saved the receipt as a PDF', async () => {
    const { printing } = printer({ ok: true, path: '/home/balie/.config/Balie/receipts/receipt-0940-MAA-K7Q2M9.pdf' });
    const { user } = await open(printing);
    await handOver(user);
    await user.click(printButton());
    await waitFor(() =>
      expect(within(summary()).getByRole('status')).toHaveTextContent('Ontvangstbewijs opgeslagen als PDF: /home/balie/.config/Balie/receipts/receipt-0940-MAA-K7Q2M9.pdf'),
    );
  });

  it.each([
    ['a printer that refused the job', { ok: false, error: 'the printer refused the job' } as const, 'Ontvangstbewijs niet afgedrukt: the printer refused the job'],
    ['a call the host refused', new Error('balie:print-receipt got malformed arguments'), 'Ontvangstbewijs niet afgedrukt: balie:print-receipt got malformed arguments'],
  ])('says why the receipt was not printed: %s', async (_case, answer, said) => {
    const { printing } = printer(answer);
    const { user } = await open(printing);
    await handOver(user);
    await user.keyboard('{Alt>}r{/Alt}');
    await waitFor(() => expect(within(summary()).getByRole('status')).toHaveTextContent(said));
  });

  it('prints once while the printer is busy, however often the clerk presses', async () => {
    const { printing, print, release } = printer('hold');
    const { user } = await open(printing);
    await handOver(user);
    await user.keyboard('{Alt>}r{/Alt}');
    await waitFor(() => expect(within(summary()).getByRole('status')).toHaveTextContent('Het ontvangstbewijs wordt afgedrukt…'));
    await user.keyboard('{Alt>}r{/Alt}');
    await user.click(printButton());
    expect(print).toHaveBeenCalledTimes(1);
    release({ ok: true, path: null });
    await waitFor(() => expect(within(summary()).getByRole('status')).toHaveTextContent('Ontvangstbewijs afgedrukt'));
  });

  it('has no print button where the host cannot print (a plain browser), and Alt+R does nothing', async () => {
    const { user } = await open(undefined);
    await handOver(user);
    expect(screen.queryByRole('button', { name: 'Ontvangstbewijs afdrukken' })).toBeNull();
    await user.keyboard('{Alt>}r{/Alt}');
    expect(document.activeElement).toHaveAccessibleName(/^Afronden/);
    expect(within(screen.getByRole('contentinfo', { name: 'Sneltoetsen' })).queryByText('Alt+R')).toBeNull();
  });

  it('offers no receipt after another service than collecting a document', async () => {
    const { printing } = printer();
    const { user } = await open(printing, { service: 'BIO' });
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByRole('list', { name: 'Stappen' })).toBeInTheDocument());
    await user.keyboard('{Alt>}s{/Alt}');
    expect(await screen.findByRole('region', { name: 'Samenvatting' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Ontvangstbewijs afdrukken' })).toBeNull();
  });

  it('cannot print for a client without an appointment code, and says why', async () => {
    const { printing, print } = printer();
    const { appointmentIds } = await arrive(db, actor, today, [{ name: 'Ama Owusu', ageInYears: 30, nationalityCategory: 'other', service: 'DOC' }]);
    await callToDesk(db, actor, today, appointmentIds);
    const user = userEvent.setup();
    render(
      <I18nProvider>
        <VisitScreen db={db} actor={actor} date={today} appointmentIds={appointmentIds} onLeave={() => undefined} printing={printing} />
      </I18nProvider>,
    );
    await waitFor(() => expect(document.activeElement).toHaveAccessibleName(/beginnen/));
    await handOver(user);
    expect(printButton()).toBeDisabled();
    expect(printButton()).toHaveAccessibleDescription('Deze klant heeft geen afspraakcode, dus er is geen ontvangstbewijs te printen.');
    await user.keyboard('{Alt>}r{/Alt}');
    expect(print).not.toHaveBeenCalled();
  });

  it('speaks English when the clerk switched', async () => {
    const { printing } = printer({ ok: true, path: '/tmp/receipt.pdf' });
    const { user } = await open(printing, { language: 'en' });
    await user.keyboard('{Enter}');
    await waitFor(() => expect(screen.getByRole('list', { name: 'Steps' })).toBeInTheDocument());
    await user.keyboard('{Alt>}s{/Alt}');
    await user.click(await screen.findByRole('button', { name: 'Print receipt' }));
    await waitFor(() => expect(within(screen.getByRole('region', { name: 'Summary' })).getByRole('status')).toHaveTextContent('Receipt saved as PDF: /tmp/receipt.pdf'));
  });
});
