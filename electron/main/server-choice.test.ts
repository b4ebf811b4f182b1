import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HealthAnswer } from '../../shared/ipc/server-choice';
import { DESK_CONFIG_FILE, loadDeskConfig, type DeskSettings } from './desk-config';
import { createServerChooser } from './server-choice';

const deviceId = '0b0f1d2e-3c4a-4b5c-8d6e-7f8091a2b3c4';
const healthy = { status: 'ok', database: { kind: 'postgres', ok: true }, version: '0.1.0' };

describe('choosing the server on the first run of the desktop app', () => {
  let folder: string;
  let settings: DeskSettings;
  const log = vi.fn();
  beforeEach(async () => {
    folder = await mkdtemp(join(tmpdir(), 'balie-server-choice-'));
    settings = { deviceId, serverUrl: 'http://127.0.0.1:4870', serverUrlChosen: false, updateUrl: 'https://updates.example.org/balie', receiptOutput: 'pdf' };
  });
  afterEach(() => rm(folder, { recursive: true, force: true }));

  const chooser = (answer: (url: string) => Promise<HealthAnswer>) =>
    createServerChooser({ folder, current: () => settings, replace: (next) => (settings = next), fetch: answer, log });

  it('refuses an address that is not http(s) without asking the network, and writes nothing', async () => {
    const fetch = vi.fn(async () => ({ status: 200, json: async () => healthy }));
    expect(await chooser(fetch)('file:///etc/passwd')).toEqual({ ok: false, error: 'invalid-url' });
    expect(fetch).not.toHaveBeenCalled();
    await expect(readFile(join(folder, DESK_CONFIG_FILE))).rejects.toThrow();
  });

  it('refuses an address where no Balie server answers, and keeps asking', async () => {
    expect(await chooser(async () => Promise.reject(new Error('ECONNREFUSED')))('http://10.0.0.9:4870')).toEqual({ ok: false, error: 'unreachable' });
    expect(await chooser(async () => ({ status: 200, json: async () => ({ hello: 'world' }) }))('http://10.0.0.9')).toEqual({ ok: false, error: 'not-balie' });
    expect(settings.serverUrlChosen).toBe(false);
  });

  it('keeps a Balie server in desk-config.json, with the update server and where handouts go, and asks for a reload (the CSP names the server)', async () => {
    const asked: string[] = [];
    const choose = chooser(async (url) => (asked.push(url), { status: 200, json: async () => healthy }));
    expect(await choose('https://balie.example.org/')).toEqual({ ok: true, serverUrl: 'https://balie.example.org', reloadRequired: true });
    expect(asked).toEqual(['https://balie.example.org/api/v1/health']);
    expect(settings).toMatchObject({ serverUrl: 'https://balie.example.org', serverUrlChosen: true });
    const stored = JSON.parse(await readFile(join(folder, DESK_CONFIG_FILE), 'utf8')) as unknown;
    expect(stored).toEqual({ deviceId, serverUrl: 'https://balie.example.org', updateUrl: 'https://updates.example.org/balie', receiptOutput: 'pdf' });
    // The next start of the app finds it chosen, without BALIE_SERVER_URL.
    await expect(loadDeskConfig({ folder, env: {}, log })).resolves.toMatchObject({ serverUrl: 'https://balie.example.org', serverUrlChosen: true });
  });

  it('refuses to move a desk whose server is chosen: a page must not be able to send the desk elsewhere', async () => {
    settings = { ...settings, serverUrl: 'https://balie.example.org', serverUrlChosen: true };
    const fetch = vi.fn(async () => ({ status: 200, json: async () => healthy }));
    expect(await chooser(fetch)('https://elsewhere.example.org')).toEqual({ ok: false, error: 'already-chosen' });
    expect(fetch).not.toHaveBeenCalled();
    expect(settings.serverUrl).toBe('https://balie.example.org');
    await expect(readFile(join(folder, DESK_CONFIG_FILE))).rejects.toThrow();
  });
});
