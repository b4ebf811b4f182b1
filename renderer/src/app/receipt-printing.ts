/**
 * Where the visit screen's receipt button meets the host: the bridge's printReceipt, sent to the
 * output this desk is configured for (desk-config.json's receiptOutput: the default printer, or a
 * PDF on a desk without one). Undefined where the host cannot print (a plain browser) or while its
 * configuration is not read yet: the button is not shown.
 */
import type { DeskBridge, DeskConfig, Receipt } from '../../../shared/ipc/desk-bridge';
import type { PrintAnswer } from '../features/checklist/handout-receipt';

export type PrintHandout = (receipt: Receipt) => Promise<PrintAnswer>;

export function printingOf(bridge: DeskBridge, config: DeskConfig | undefined): PrintHandout | undefined {
  if (!bridge.printReceipt || !config) return undefined;
  const output = config.receiptOutput ?? 'printer';
  return (receipt) => bridge.printReceipt!({ ...receipt, output });
}
