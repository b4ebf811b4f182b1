import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_SERVER_URL,
  DESK_CONFIG_FILE,
  defaultServerUrl,
  loadDeskConfig,
  readStoredDeskConfig,
  writeDeskConfig,
} from './desk-config';

const firstId = '11111111-1111-4111-8111-111111111111';
const secondId = '22222222-2222-4222-8222-222222222222';
let folder: string;
let log: ReturnType<typeof vi.fn<(message: string) => void>>;

beforeEach(async () => {
  folder = await mkdtemp(join(tmpdir(), 'balie-desk-config-'));
  log = vi.fn<(message: string) => void>();
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

const load = (env: Record<string, string | undefined> = {}, newDeviceId = () => firstId) =>
  loadDeskConfig({ folder, env, log, newDeviceId });
const storedFile = async () => JSON.parse(await readFile(join(folder, DESK_CONFIG_FILE), 'utf8')) as unknown;

describe('the desk config', () => {
  it('on first start makes a device id, saves it, and uses the local server', async () => {
    await expect(load()).resolves.toEqual({ deviceId: firstId, serverUrl: DEFAULT_SERVER_URL, serverUrlChosen: false });
    expect(await storedFile()).toEqual({ deviceId: firstId });
    expect(log).not.toHaveBeenCalled();
  });

  it('makes a real random UUID when no maker is given', async () => {
    const settings = await loadDeskConfig({ folder, env: {}, log });
    expect(settings.deviceId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('keeps the same device id at every later start', async () => {
    await load();
    await expect(load({}, () => secondId)).resolves.toMatchObject({ deviceId: firstId });
  });

  it('takes the server from BALIE_SERVER_URL while none was chosen for the desk', async () => {
    await expect(load({ BALIE_SERVER_URL: 'https://balie.example.org' })).resolves.toMatchObject({
      serverUrl: 'https://balie.example.org',
      serverUrlChosen: true,
    });
    // Not frozen into the file: the next start without the variable is back on the default, and asks.
    await expect(load()).resolves.toMatchObject({ serverUrl: DEFAULT_SERVER_URL, serverUrlChosen: false });
  });

  it('keeps a server chosen for the desk over BALIE_SERVER_URL', async () => {
    await writeDeskConfig(folder, { deviceId: firstId, serverUrl: 'https://maastricht.balie.example.org' });
    await expect(load({ BALIE_SERVER_URL: 'http://127.0.0.1:9999' })).resolves.toEqual({
      deviceId: firstId,
      serverUrl: 'https://maastricht.balie.example.org',
      serverUrlChosen: true,
    });
  });

  it('keeps an update server an administrator set for the desk, https only', async () => {
    await writeDeskConfig(folder, { deviceId: firstId, updateUrl: 'https://updates.example.org/balie' });
    await expect(load()).resolves.toEqual({
      deviceId: firstId,
      serverUrl: DEFAULT_SERVER_URL,
      serverUrlChosen: false,
      updateUrl: 'https://updates.example.org/balie',
    });
    await writeFile(join(folder, DESK_CONFIG_FILE), JSON.stringify({ deviceId: firstId, updateUrl: 'http://updates.example.org/' }));
    await expect(load()).resolves.toEqual({ deviceId: firstId, serverUrl: DEFAULT_SERVER_URL, serverUrlChosen: false });
    expect(log).toHaveBeenCalledWith(expect.stringContaining('updateUrl'));
  });

  it('keeps where an administrator sends the handouts (a desk without a printer: PDF), and nothing else', async () => {
    await writeDeskConfig(folder, { deviceId: firstId, receiptOutput: 'pdf' });
    await expect(load()).resolves.toEqual({ deviceId: firstId, serverUrl: DEFAULT_SERVER_URL, serverUrlChosen: false, receiptOutput: 'pdf' });
    await writeFile(join(folder, DESK_CONFIG_FILE), JSON.stringify({ deviceId: firstId, receiptOutput: 'fax' }));
    await expect(load()).resolves.toEqual({ deviceId: firstId, serverUrl: DEFAULT_SERVER_URL, serverUrlChosen: false });
    expect(log).toHaveBeenCalledWith(expect.stringContaining('its receiptOutput "fax" is neither "printer" nor "pdf"'));
    expect(await storedFile()).toEqual({ deviceId: firstId });
  });

  it('ignores a BALIE_SERVER_URL that is not an http(s) URL, and says so', async () => {
    await expect(load({ BALIE_SERVER_URL: 'ftp://files.example.org' })).resolves.toMatchObject({
      serverUrl: DEFAULT_SERVER_URL,
      serverUrlChosen: false,
    });
    expect(log).toHaveBeenCalledWith(expect.stringContaining('BALIE_SERVER_URL'));
  });

  it('starts from defaults when the file is not JSON, keeps the broken file aside and logs why', async () => {
    await writeFile(join(folder, DESK_CONFIG_FILE), '{"deviceId": "1111');
    await expect(load({}, () => secondId)).resolves.toEqual({ deviceId: secondId, serverUrl: DEFAULT_SERVER_URL, serverUrlChosen: false });
    expect(log).toHaveBeenCalledOnce();
    expect(log.mock.calls[0]?.[0]).toMatch(/desk-config\.json is damaged: it is not valid JSON/);
    expect(await readFile(join(folder, `${DESK_CONFIG_FILE}.corrupt`), 'utf8')).toBe('{"deviceId": "1111');
    expect(await storedFile()).toEqual({ deviceId: secondId });
  });

  it('keeps what is still valid in a damaged file and replaces only the rest', async () => {
    await writeFile(join(folder, DESK_CONFIG_FILE), JSON.stringify({ deviceId: firstId, serverUrl: 'javascript:alert(1)' }));
    await expect(load({}, () => secondId)).resolves.toEqual({ deviceId: firstId, serverUrl: DEFAULT_SERVER_URL, serverUrlChosen: false });
    expect(log.mock.calls[0]?.[0]).toMatch(/serverUrl "javascript:alert\(1\)" is not an http\(s\) URL/);
    expect(await storedFile()).toEqual({ deviceId: firstId });
  });

  it.each([
    ['an array', '[]'],
    ['null', 'null'],
    ['a device id that is not a UUID', '{"deviceId":"desk-7"}'],
    ['an empty file', ''],
  ])('survives a file holding %s', async (_what, text) => {
    await writeFile(join(folder, DESK_CONFIG_FILE), text);
    await expect(load({}, () => secondId)).resolves.toEqual({ deviceId: secondId, serverUrl: DEFAULT_SERVER_URL, serverUrlChosen: false });
    expect(log).toHaveBeenCalledWith(expect.stringContaining('is damaged'));
  });

  it('refuses to save settings that break the contract', async () => {
    await expect(writeDeskConfig(folder, { deviceId: 'desk-7' })).rejects.toThrow();
  });
});

describe('reading the stored desk config', () => {
  it('treats a missing file as a first start, not as damage', () => {
    expect(readStoredDeskConfig(null)).toEqual({ stored: {}, problems: [] });
  });

  it('drops fields it does not know', () => {
    expect(readStoredDeskConfig(JSON.stringify({ deviceId: firstId, theme: 'dark' }))).toEqual({
      stored: { deviceId: firstId },
      problems: [],
    });
  });
});

describe('the default server', () => {
  it('is the local server when BALIE_SERVER_URL is unset or empty', () => {
    expect(defaultServerUrl({})).toEqual({ serverUrl: 'http://127.0.0.1:4870' });
    expect(defaultServerUrl({ BALIE_SERVER_URL: '' })).toEqual({ serverUrl: 'http://127.0.0.1:4870' });
  });
});
