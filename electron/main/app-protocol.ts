import { readFile, stat } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve } from 'node:path';
import type { CustomScheme, Protocol } from 'electron';
import { deskContentSecurityPolicy } from '../../shared/security/csp';

/**
 * The desk's app shell is served from `balie://app/`, not `file://`: a custom standard scheme gives
 * the shell a real origin (so IndexedDB, fetch and CSP behave as on the web) without granting it
 * file:// privileges over the rest of the disk.
 */
export const APP_SCHEME = 'balie';
export const APP_HOST = 'app';
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * `codeCache`: V8 keeps the shell's compiled scripts between starts, as a browser does for a cached
 * page. Without it every start of the desk parses and compiles its 0.8 MB of script again.
 */
export const appSchemePrivileges: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: true, codeCache: true },
};

/** Whether a URL belongs to the app shell (and so may be shown, navigated to, or call the bridge). */
export function isAppUrl(url: string): boolean {
  const parsed = URL.canParse(url) ? new URL(url) : null;
  return parsed?.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
}

export type AppFileLookup =
  | { ok: true; filePath: string }
  | { ok: false; reason: 'not-app-url' | 'outside-app' };

/**
 * Maps a `balie://app/...` URL onto a file under the renderer folder. Anything that could leave
 * that folder is refused outright, after decoding: `..` segments, backslashes (a separator on
 * Windows), drive colons and NUL bytes. The containment check afterwards is the second lock.
 */
export function lookUpAppFile(rendererRoot: string, url: string): AppFileLookup {
  if (!isAppUrl(url)) return { ok: false, reason: 'not-app-url' };
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(url).pathname);
  } catch {
    return { ok: false, reason: 'outside-app' };
  }
  const segments = pathname.split('/');
  if (/[\\:\0]/.test(pathname) || segments.some((segment) => segment === '..')) {
    return { ok: false, reason: 'outside-app' };
  }
  const root = resolve(rendererRoot);
  const wanted = pathname.endsWith('/') ? `${pathname}index.html` : pathname;
  const filePath = resolve(root, `.${wanted}`);
  const inside = relative(root, filePath);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) {
    return { ok: false, reason: 'outside-app' };
  }
  return { ok: true, filePath };
}

const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

export function contentTypeOf(filePath: string): string {
  return contentTypes[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

export type AppProtocolOptions = {
  /** The built renderer (`out/renderer`). */
  rendererRoot: string;
  /** Origin of the Balie server the shell may connect to; read per response, so a changed setting applies at once. */
  serverOrigin: () => string | null;
};

/** The `protocol.handle` handler: every answer, errors included, carries the desk's CSP. */
export function createAppRequestHandler(options: AppProtocolOptions) {
  return async (request: Request): Promise<Response> => {
    const headers = {
      'Content-Security-Policy': deskContentSecurityPolicy(options.serverOrigin()),
      'X-Content-Type-Options': 'nosniff',
    };
    const answer = (status: number, body: string) =>
      new Response(body, { status, headers: { ...headers, 'Content-Type': 'text/plain; charset=utf-8' } });

    if (request.method !== 'GET' && request.method !== 'HEAD') return answer(405, 'Method not allowed');
    const lookup = lookUpAppFile(options.rendererRoot, request.url);
    if (!lookup.ok) return lookup.reason === 'outside-app' ? answer(403, 'Forbidden') : answer(404, 'Not found');

    const isFile = await stat(lookup.filePath).then((info) => info.isFile(), () => false);
    if (!isFile) return answer(404, 'Not found');
    const body = request.method === 'HEAD' ? null : await readFile(lookup.filePath);
    return new Response(body, {
      status: 200,
      headers: { ...headers, 'Content-Type': contentTypeOf(lookup.filePath) },
    });
  };
}

/** Must run before the app is ready: Chromium fixes scheme privileges at start-up. */
export function registerAppScheme(protocol: Pick<Protocol, 'registerSchemesAsPrivileged'>): void {
  protocol.registerSchemesAsPrivileged([appSchemePrivileges]);
}

export function serveAppShell(protocol: Pick<Protocol, 'handle'>, options: AppProtocolOptions): void {
  protocol.handle(APP_SCHEME, createAppRequestHandler(options));
}
