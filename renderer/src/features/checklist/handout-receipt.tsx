/**
 * The receipt a client takes home after collecting a document (DOC): printed from the visit's
 * summary by the desktop host, which knows the desk's printer (or, on a desk without one, keeps a
 * PDF). The result is said where the button is, in words: printed, saved as a PDF (and where), or
 * not printed and why. A host that cannot print (a plain browser) passes no printing: no button.
 */
import { useId, useState } from 'react';
import { receiptSchema, type DesktopBridge, type Receipt } from '../../../../shared/ipc/desk-bridge';
import type { LocalAppointment } from '../../db/desk-db';
import { useI18n } from '../../i18n/i18n';
import { ShortcutButton } from '../../ui/shortcut-button';

/** The shortcut of the print button, anywhere on the visit screen (ARIA's key names). */
export const PRINT_RECEIPT_SHORTCUT = 'Alt+R';

/** What the host answers to a print: the file it wrote (null: sent to the printer), or why it failed. */
export type PrintAnswer = Awaited<ReturnType<DesktopBridge['printReceipt']>>;

/** The host's printing, as the desk composes it (app/): where the desk's handouts go, and the desk's name for the client. */
export interface ReceiptPrinting {
  print(receipt: Receipt): Promise<PrintAnswer>;
  /** The desk as the client reads it on the wall, e.g. "Balie 3". */
  readonly deskLabel: string;
}

/** The receipt of this appointment, or null when it has none to print (no appointment code: a walk-in without booking). */
export function handoutReceiptOf(appointment: LocalAppointment, deskLabel: string): Receipt | null {
  const parsed = receiptSchema.safeParse({
    appointmentCode: appointment.appointmentCode?.toUpperCase(),
    service: appointment.service,
    date: appointment.date,
    time: appointment.slotStart,
    desk: deskLabel,
  });
  return parsed.success ? parsed.data : null;
}

type Printed = { kind: 'busy' } | { kind: 'done'; text: string; failed: boolean };

export function HandoutReceipt({ appointment, printing }: { appointment: LocalAppointment; printing: ReceiptPrinting }) {
  const { t } = useI18n();
  const [printed, setPrinted] = useState<Printed | null>(null);
  const resultId = useId();
  const receipt = handoutReceiptOf(appointment, printing.deskLabel);

  const print = async () => {
    // Not `disabled` while busy: the button keeps the focus, so the clerk's next key still lands.
    if (!receipt || printed?.kind === 'busy') return;
    setPrinted({ kind: 'busy' });
    let answer: PrintAnswer;
    try {
      answer = await printing.print(receipt);
    } catch (error) {
      answer = { ok: false, error: (error as Error).message };
    }
    if (!answer.ok) setPrinted({ kind: 'done', text: t('visitReceiptFailed', { reason: answer.error }), failed: true });
    else setPrinted({ kind: 'done', text: answer.path === null ? t('visitReceiptPrinted') : t('visitReceiptSaved', { path: answer.path }), failed: false });
  };

  return (
    <div className="visit-receipt">
      <ShortcutButton
        shortcut={PRINT_RECEIPT_SHORTCUT}
        disabled={!receipt}
        aria-disabled={printed?.kind === 'busy' || undefined}
        aria-describedby={resultId}
        onClick={() => void print()}
      >
        {t('visitReceiptPrint')}
      </ShortcutButton>
      <p id={resultId} role="status" className={printed?.kind === 'done' && printed.failed ? 'visit-receipt__result visit-error' : 'visit-receipt__result'}>
        {!receipt ? t('visitReceiptNoCode') : printed?.kind === 'busy' ? t('visitReceiptBusy') : (printed?.text ?? '')}
      </p>
    </div>
  );
}
