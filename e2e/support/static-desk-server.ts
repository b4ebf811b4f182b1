/**
 * Serves the desk's built shell from its own origin, as Electron serves it from its app protocol:
 * the shell is local, the API is remote (and must allow this origin through CORS).
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { KEPT_ASSET } from '../../server/src/routes/desk-static';
import { deskContentSecurityPolicy } from '../../shared/security/csp';
import { DESK_BUILD_DIR } from './paths';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.json': 'application/json',
};

export interface StaticDeskServer {
  origin: string;
  close(): Promise<void>;
}

/** `root`: the folder to serve (the shipped build by default; the harness page for the sync proofs). */
export async function startStaticDeskServer(port: number, apiOrigin: string, root = DESK_BUILD_DIR): Promise<StaticDeskServer> {
  const policy = deskContentSecurityPolicy(apiOrigin);
  const server: Server = createServer(async (request, response) => {
    const path = new URL(request.url ?? '/', 'http://desk').pathname;
    const file = normalize(join(root, path === '/' ? 'index.html' : decodeURIComponent(path)));
    const found = file.startsWith(root + sep) && (await stat(file).then((s) => s.isFile(), () => false));
    if (!found) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, {
      'content-type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream',
      'content-security-policy': policy,
      // The build's assets have their content's hash in their name: kept, as the desktop app keeps
      // them (and V8 their compiled code, app-protocol.ts); the page itself is asked for each time.
      'cache-control': path.startsWith('/assets/') ? KEPT_ASSET : 'no-store',
    });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
