import { join } from 'node:path';
import type { NodeLogger } from 'electron-log';

/** How the main process writes to its log: one line per call. Values of secrets never go in. */
export type DeskLog = {
  info: (message: string) => void;
  warn: (message: string) => void;
  error: (message: string, error?: unknown) => void;
};

/**
 * Where an administrator finds the desk's log: `logs/main.log` in the user data folder
 * (Linux: ~/.config/Balie/logs/main.log; Windows: %APPDATA%\Balie\logs\main.log). The file is
 * rotated at 1 MB into main.old.log, so a desk never fills its disk.
 */
export function deskLogFile(userDataFolder: string): string {
  return join(userDataFolder, 'logs', 'main.log');
}

export const LOG_FILE_MAX_BYTES = 1024 * 1024;

/**
 * Points electron-log's Node logger at the desk's log file. The Node flavour, not `electron-log/main`:
 * the main flavour registers IPC listeners of its own for renderer logging, which would be IPC
 * that neither checks its sender nor validates its input.
 */
export function configureDeskLog(logger: NodeLogger, userDataFolder: string): DeskLog {
  const file = deskLogFile(userDataFolder);
  logger.transports.file.resolvePathFn = () => file;
  logger.transports.file.level = 'info';
  logger.transports.file.maxSize = LOG_FILE_MAX_BYTES;
  logger.transports.console.level = 'warn';
  logger.errorHandler.startCatching({ showDialog: false });
  return {
    info: (message) => logger.info(message),
    warn: (message) => logger.warn(message),
    error: (message, error) => (error === undefined ? logger.error(message) : logger.error(message, error)),
  };
}
