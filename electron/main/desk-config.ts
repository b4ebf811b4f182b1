import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { deskConfigSchema, type DeskConfig } from '../../shared/ipc/desk-bridge';

export const DESK_CONFIG_FILE = 'desk-config.json';
export const DEFAULT_SERVER_URL = 'http://127.0.0.1:4870';

/**
 * What this desk knows about itself, before the bridge adds which host it runs in; and, for the
 * main process only, where its updates come from (electron-builder's generic provider).
 */
export type DeskSettings = Omit<DeskConfig, 'host' | 'serverUrlChosen'> & {
  /**
   * A server was chosen for this desk: kept in the file, or given by whoever started the desk
   * (BALIE_SERVER_URL). False on a first run: the desk asks for it before anything else.
   */
  serverUrlChosen: boolean;
  updateUrl?: string;
};

/**
 * The file keeps the device id from the first start on. It keeps a server URL only once one was
 * chosen for this desk: until then the default applies, so a BALIE_SERVER_URL given at one start
 * is not frozen into the file for every later start.
 */
const storedDeskConfigSchema = z.object({
  deviceId: deskConfigSchema.shape.deviceId,
  serverUrl: deskConfigSchema.shape.serverUrl.optional(),
  /** The organisation's update server (set by an administrator); https only, updates are code. */
  updateUrl: z.url({ protocol: /^https$/ }).optional(),
  /** Where handouts go: `pdf` on a desk without a printer (set by an administrator); absent: the printer. */
  receiptOutput: deskConfigSchema.shape.receiptOutput,
});
export type StoredDeskConfig = z.infer<typeof storedDeskConfigSchema>;

export type StoredDeskConfigReading = { stored: Partial<StoredDeskConfig>; problems: string[] };

/**
 * Reads the file's text (null: no file yet). A damaged file never stops the desk: each field that
 * still validates is kept, the rest falls back to defaults, and each problem is named for the log.
 */
export function readStoredDeskConfig(text: string | null): StoredDeskConfigReading {
  if (text === null) return { stored: {}, problems: [] };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { stored: {}, problems: [`it is not valid JSON (${(error as Error).message})`] };
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { stored: {}, problems: ['it does not hold a JSON object'] };
  }
  const fields = raw as Record<string, unknown>;
  const stored: Partial<StoredDeskConfig> = {};
  const problems: string[] = [];
  const deviceId = storedDeskConfigSchema.shape.deviceId.safeParse(fields.deviceId);
  if (deviceId.success) stored.deviceId = deviceId.data;
  else problems.push(`its deviceId ${JSON.stringify(fields.deviceId)} is not a UUID`);
  if (fields.serverUrl !== undefined) {
    const serverUrl = storedDeskConfigSchema.shape.serverUrl.safeParse(fields.serverUrl);
    if (serverUrl.success) stored.serverUrl = serverUrl.data;
    else problems.push(`its serverUrl ${JSON.stringify(fields.serverUrl)} is not an http(s) URL`);
  }
  if (fields.updateUrl !== undefined) {
    const updateUrl = storedDeskConfigSchema.shape.updateUrl.safeParse(fields.updateUrl);
    if (updateUrl.success) stored.updateUrl = updateUrl.data;
    else problems.push(`its updateUrl ${JSON.stringify(fields.updateUrl)} is not an https URL`);
  }
  if (fields.receiptOutput !== undefined) {
    const receiptOutput = storedDeskConfigSchema.shape.receiptOutput.safeParse(fields.receiptOutput);
    if (receiptOutput.success) stored.receiptOutput = receiptOutput.data;
    else problems.push(`its receiptOutput ${JSON.stringify(fields.receiptOutput)} is neither "printer" nor "pdf"`);
  }
  return { stored, problems };
}

/** The server URL when none was chosen for this desk: BALIE_SERVER_URL if it is a valid URL. */
export function defaultServerUrl(env: Record<string, string | undefined>): { serverUrl: string; problem?: string } {
  const fromEnv = env.BALIE_SERVER_URL;
  if (fromEnv === undefined || fromEnv === '') return { serverUrl: DEFAULT_SERVER_URL };
  const parsed = deskConfigSchema.shape.serverUrl.safeParse(fromEnv);
  if (parsed.success) return { serverUrl: parsed.data };
  return {
    serverUrl: DEFAULT_SERVER_URL,
    problem: `BALIE_SERVER_URL ${JSON.stringify(fromEnv)} is not an http(s) URL; using ${DEFAULT_SERVER_URL}`,
  };
}

export type DeskConfigSources = {
  /** The folder that holds desk-config.json: Electron's userData folder. */
  folder: string;
  env: Record<string, string | undefined>;
  log: (message: string) => void;
  newDeviceId?: () => string;
};

/** Loads the desk's settings, making and saving a device id on first start. Never throws on bad content. */
export async function loadDeskConfig(sources: DeskConfigSources): Promise<DeskSettings> {
  const file = join(sources.folder, DESK_CONFIG_FILE);
  const text = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw error;
  });
  const { stored, problems } = readStoredDeskConfig(text);
  if (problems.length > 0) {
    const keptAs = `${file}.corrupt`;
    await rename(file, keptAs);
    sources.log(
      `Desk config ${file} is damaged: ${problems.join('; ')}. ` +
        `Defaults are used for what could not be read; the damaged file is kept as ${keptAs}.`,
    );
  }
  const fallback = defaultServerUrl(sources.env);
  if (fallback.problem && stored.serverUrl === undefined) sources.log(fallback.problem);

  const deviceId = stored.deviceId ?? (sources.newDeviceId ?? randomUUID)();
  if (text === null || problems.length > 0) {
    await writeDeskConfig(sources.folder, { ...stored, deviceId });
  }
  const givenAtStart = Boolean(sources.env.BALIE_SERVER_URL) && !fallback.problem;
  const settings: DeskSettings = {
    deviceId,
    serverUrl: stored.serverUrl ?? fallback.serverUrl,
    serverUrlChosen: stored.serverUrl !== undefined || givenAtStart,
  };
  if (stored.updateUrl) settings.updateUrl = stored.updateUrl;
  if (stored.receiptOutput) settings.receiptOutput = stored.receiptOutput;
  return settings;
}

/** Saves the stored settings; written aside and renamed, so a crash mid-write leaves the old file whole. */
export async function writeDeskConfig(folder: string, stored: StoredDeskConfig): Promise<void> {
  const valid = storedDeskConfigSchema.parse(stored);
  const file = join(folder, DESK_CONFIG_FILE);
  await mkdir(folder, { recursive: true });
  await writeFile(`${file}.tmp`, `${JSON.stringify(valid, null, 2)}\n`, 'utf8');
  await rename(`${file}.tmp`, file);
}
