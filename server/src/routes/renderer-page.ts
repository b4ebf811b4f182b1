/**
 * Serving a page of the one renderer build to plain browsers (the display, the supervisors' page):
 * the HTML under the shell's strict CSP (no inline script; it talks only to this server), and the
 * build's scripts and styles under `<prefix>assets/`. Each page is public: it holds no data, and the
 * routes it calls check who asks. Before `npm run build` a page answers 503 and says so.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { deskContentSecurityPolicy } from '../../../shared/security/csp';
import { KEPT_ASSET } from './desk-static';

const policy = deskContentSecurityPolicy(null);

/** The page's HTML, or null while the renderer is not built. */
export async function readRendererPage(rendererDir: string, file: string): Promise<string | null> {
  const path = join(rendererDir, file);
  return existsSync(path) ? readFile(path, 'utf8') : null;
}

/** Answers with the page, or 503 with `notBuilt` while there is none. */
export function sendRendererPage(reply: FastifyReply, page: string | null, notBuilt: string): FastifyReply {
  if (page === null) return reply.code(503).type('text/plain').send(notBuilt);
  return reply
    .header('Content-Security-Policy', policy)
    .header('X-Content-Type-Options', 'nosniff')
    .header('cache-control', 'no-store')
    .type('text/html; charset=utf-8')
    .send(page);
}

/** The build's assets under `<prefix>assets/` (e.g. `/display/`), or 503 while it is not built. */
export async function serveRendererAssets(app: FastifyInstance, rendererDir: string, prefix: string, built: boolean, notBuilt: string): Promise<void> {
  if (!built) {
    app.get(`${prefix}assets/*`, async (_request, reply) => reply.code(503).type('text/plain').send(notBuilt));
    return;
  }
  await app.register(fastifyStatic, {
    root: join(rendererDir, 'assets'),
    prefix: `${prefix}assets/`,
    // The desk's static files already decorate the reply; a second root must not again.
    decorateReply: false,
    setHeaders: (reply) => {
      // Their names carry their content's hash (desk-static.ts).
      void reply.header('Content-Security-Policy', policy).header('X-Content-Type-Options', 'nosniff').header('cache-control', KEPT_ASSET);
    },
  });
}
