import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deskContentSecurityPolicy } from '../../shared/security/csp';
import {
  appSchemePrivileges,
  createAppRequestHandler,
  isAppUrl,
  lookUpAppFile,
  registerAppScheme,
  serveAppShell,
} from './app-protocol';

const serverOrigin = 'http://127.0.0.1:4870';
const expectedPolicy = deskContentSecurityPolicy(serverOrigin);
let folder: string;
let rendererRoot: string;
let fetchApp: (url: string, method?: string) => Promise<Response>;

beforeAll(async () => {
  // A secret next to the renderer folder and one two levels up: what a traversal would reach.
  folder = await mkdtemp(join(tmpdir(), 'balie-app-protocol-'));
  rendererRoot = join(folder, 'app', 'renderer');
  await mkdir(join(rendererRoot, 'assets'), { recursive: true });
  await writeFile(join(rendererRoot, 'index.html'), '<!doctype html><title>Balie</title>');
  await writeFile(join(rendererRoot, 'assets', 'index-abc.js'), 'console.log("desk")');
  await writeFile(join(rendererRoot, 'assets', 'index-abc.css'), 'body{}');
  await writeFile(join(rendererRoot, 'assets', 'logo.svg'), '<svg/>');
  await writeFile(join(folder, 'app', 'secret.txt'), 'TOKEN-NEXT-DOOR');
  await writeFile(join(folder, 'secret.txt'), 'TOKEN-UPSTAIRS');
  const handler = createAppRequestHandler({ rendererRoot, serverOrigin: () => serverOrigin });
  // Node's Request does not normalise a custom scheme's path the way Chromium does, which is the
  // harder case: the handler sees the raw `..` segments.
  fetchApp = (url, method = 'GET') => handler({ url, method } as Request);
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

describe('the balie://app protocol', () => {
  it('serves the app shell with its content type and the desk CSP', async () => {
    const response = await fetchApp('balie://app/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toBe(expectedPolicy);
    expect(await response.text()).toContain('<title>Balie</title>');
  });

  it('serves index.html for the bare origin', async () => {
    const response = await fetchApp('balie://app/');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Balie</title>');
  });

  it('gives scripts, styles and images their own content types', async () => {
    expect((await fetchApp('balie://app/assets/index-abc.js')).headers.get('content-type')).toBe(
      'text/javascript; charset=utf-8',
    );
    expect((await fetchApp('balie://app/assets/index-abc.css')).headers.get('content-type')).toBe(
      'text/css; charset=utf-8',
    );
    expect((await fetchApp('balie://app/assets/logo.svg')).headers.get('content-type')).toBe('image/svg+xml');
  });

  it('answers 404 for a file the app does not have, and for another host', async () => {
    expect((await fetchApp('balie://app/assets/missing.js')).status).toBe(404);
    expect((await fetchApp('balie://app/assets')).status).toBe(404);
    expect((await fetchApp('balie://elsewhere/index.html')).status).toBe(404);
  });

  it('refuses to write anything', async () => {
    expect((await fetchApp('balie://app/index.html', 'POST')).status).toBe(405);
  });

  it.each([
    'balie://app/../../etc/passwd',
    'balie://app/../secret.txt',
    'balie://app/../../secret.txt',
    'balie://app/assets/../../secret.txt',
    'balie://app/%2e%2e/secret.txt',
    'balie://app/%2E%2E/%2E%2E/secret.txt',
    'balie://app/..%2fsecret.txt',
    'balie://app/..%2f..%2fsecret.txt',
    'balie://app/assets/..%2f..%2fsecret.txt',
    'balie://app/..%5csecret.txt',
    'balie://app/..%5c..%5csecret.txt',
    'balie://app/%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    'balie://app/index.html%00.js',
    'balie://app/%E0%A4%A',
  ])('refuses %s without reading outside the app', async (url) => {
    const response = await fetchApp(url);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.headers.get('content-security-policy')).toBe(expectedPolicy);
    expect(await response.text()).not.toMatch(/TOKEN|root:/);
  });

  it('puts the CSP on refusals and errors too', async () => {
    for (const url of ['balie://app/missing', 'balie://app/..%2fsecret.txt', 'balie://other/']) {
      expect((await fetchApp(url)).headers.get('content-security-policy')).toBe(expectedPolicy);
    }
    expect((await fetchApp('balie://app/', 'PUT')).headers.get('content-security-policy')).toBe(expectedPolicy);
  });

  it('reads the server origin for the CSP at each answer, so a new server setting applies at once', async () => {
    let origin = 'http://127.0.0.1:4870';
    const handler = createAppRequestHandler({ rendererRoot, serverOrigin: () => origin });
    origin = 'https://balie.example.org';
    const response = await handler({ url: 'balie://app/', method: 'GET' } as Request);
    expect(response.headers.get('content-security-policy')).toBe(
      deskContentSecurityPolicy('https://balie.example.org'),
    );
  });

  it('maps a URL only onto files inside the renderer folder', () => {
    expect(lookUpAppFile(rendererRoot, 'balie://app/assets/index-abc.js')).toEqual({
      ok: true,
      filePath: join(rendererRoot, 'assets', 'index-abc.js'),
    });
    expect(lookUpAppFile(rendererRoot, 'file:///etc/passwd')).toEqual({ ok: false, reason: 'not-app-url' });
    expect(lookUpAppFile(rendererRoot, 'balie://app/..%2f..%2fetc%2fpasswd')).toEqual({
      ok: false,
      reason: 'outside-app',
    });
  });

  it('registers balie as a standard, secure scheme with fetch, CORS and a code cache, and serves it with one handler', () => {
    const registered: unknown[] = [];
    registerAppScheme({ registerSchemesAsPrivileged: (schemes) => registered.push(...schemes) });
    expect(registered).toEqual([
      { scheme: 'balie', privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true } },
    ]);
    expect(appSchemePrivileges.privileges).not.toHaveProperty('bypassCSP');

    const handled: string[] = [];
    serveAppShell({ handle: (scheme) => void handled.push(scheme) }, { rendererRoot, serverOrigin: () => null });
    expect(handled).toEqual(['balie']);
  });

  it('recognises only balie://app as the app', () => {
    expect(isAppUrl('balie://app/index.html')).toBe(true);
    expect(isAppUrl('balie://app/#/agenda')).toBe(true);
    expect(isAppUrl('balie://evil/index.html')).toBe(false);
    expect(isAppUrl('https://app/index.html')).toBe(false);
    expect(isAppUrl('file:///opt/balie/index.html')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });
});
