import type { RenderProcessGoneDetails, WebContents } from 'electron';
import type { RecoveryNotice } from '../../shared/ipc/desk-bridge';
import type { DeskLog } from './desk-log';

type CrashableContents = Pick<WebContents, 'on' | 'isDestroyed' | 'loadURL'>;

export type CrashRecoveryOptions = {
  /** The page to reload: the app shell's entry. */
  entryUrl: string;
  log: Pick<DeskLog, 'warn' | 'error'>;
  now?: () => Date;
  /** Waits before the nth reload (1-based): a renderer that crashes at once is not restarted in a tight loop. */
  delayBeforeReload?: (count: number) => number;
  schedule?: (run: () => void, ms: number) => void;
};

/** 0 s for the first reload, then 2, 4, 8 ... up to 30 s. */
export const backOff = (count: number): number => (count <= 1 ? 0 : Math.min(30_000, 1000 * 2 ** (count - 1)));

/**
 * When the desk page's renderer process goes away (a crash, the OS killing it, out of memory) the
 * window would stay blank. Instead the page is reloaded, and the reason is kept so the renderer
 * can tell the clerk (`getRecoveryNotice` on the DeskBridge). Nothing is lost by the reload:
 * IndexedDB commits in the browser process, so every event written before the crash is there.
 */
export function recoverFromRendererCrash(contents: CrashableContents, options: CrashRecoveryOptions) {
  const now = options.now ?? (() => new Date());
  const delayBeforeReload = options.delayBeforeReload ?? backOff;
  const schedule = options.schedule ?? ((run, ms) => void setTimeout(run, ms));
  let notice: RecoveryNotice | null = null;

  contents.on('render-process-gone', (_event, details: RenderProcessGoneDetails) => {
    // A clean exit is the window closing, not a failure.
    if (details.reason === 'clean-exit' || contents.isDestroyed()) return;
    const count = (notice?.count ?? 0) + 1;
    notice = { reason: details.reason, at: now().toISOString(), count };
    const wait = delayBeforeReload(count);
    options.log.error(
      `The desk page's renderer is gone (${details.reason}, exit code ${details.exitCode}); reload ${count} in ${wait} ms`,
    );
    schedule(() => {
      if (contents.isDestroyed()) return;
      contents.loadURL(options.entryUrl).catch((error: unknown) => {
        options.log.error(`Reloading the desk page failed: ${(error as Error).message}`);
      });
    }, wait);
  });
  contents.on('unresponsive', () => options.log.warn('The desk page is not responding'));
  contents.on('responsive', () => options.log.warn('The desk page responds again'));

  return {
    /** The last reload in this run of the app, or null when the page never had to be reloaded. */
    notice: (): RecoveryNotice | null => notice,
  };
}
