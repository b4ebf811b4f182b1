import type { AppUpdater } from 'electron-updater';
import type { DeskLog } from './desk-log';

/** Every four hours, and at start: a desk runs all day, often for days. */
export const UPDATE_CHECK_INTERVAL_MS = 4 * 60 * 60 * 1000;

type Updater = Pick<AppUpdater, 'setFeedURL' | 'checkForUpdates' | 'on'> & {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  logger: AppUpdater['logger'];
};

export type UpdateChecks = 'off: not packaged' | 'off: no update server' | 'on';

/**
 * Updates come from the organisation's own update server (electron-builder's `generic` provider:
 * a folder of installers plus latest.yml on any web server), named per desk in desk-config.json
 * (`updateUrl`). Without one, or when running unpacked (development, tests), nothing is checked
 * and nothing is fetched. An update is downloaded in the background and installed when the desk
 * app quits, never in the middle of a clerk's work. Failures only go to the log.
 */
export function startUpdateChecks(options: {
  updater: () => Updater;
  updateUrl: string | undefined;
  isPackaged: boolean;
  log: DeskLog;
  every?: (run: () => void, ms: number) => void;
}): UpdateChecks {
  if (!options.isPackaged) {
    options.log.info('Update checks are off: the app is not packaged');
    return 'off: not packaged';
  }
  if (!options.updateUrl) {
    options.log.info('Update checks are off: no updateUrl in desk-config.json');
    return 'off: no update server';
  }
  const updater = options.updater();
  updater.logger = {
    info: (message?: unknown) => options.log.info(`updater: ${String(message)}`),
    warn: (message?: unknown) => options.log.warn(`updater: ${String(message)}`),
    error: (message?: unknown) => options.log.error(`updater: ${String(message)}`),
  };
  updater.autoDownload = true;
  updater.autoInstallOnAppQuit = true;
  updater.setFeedURL({ provider: 'generic', url: options.updateUrl });
  updater.on('error', (error) => options.log.warn(`Update check failed: ${error.message}`));
  updater.on('update-downloaded', (info) => options.log.info(`Update ${info.version} is ready; it installs when Balie quits`));
  const check = () => {
    updater.checkForUpdates().catch((error: unknown) => options.log.warn(`Update check failed: ${(error as Error).message}`));
  };
  check();
  const every = options.every ?? ((run, ms) => void setInterval(run, ms).unref());
  every(check, UPDATE_CHECK_INTERVAL_MS);
  options.log.info(`Update checks are on: ${options.updateUrl}`);
  return 'on';
}
