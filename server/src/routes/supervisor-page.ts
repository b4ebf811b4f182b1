import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';
import { deskContentSecurityPolicy } from '../../../shared/security/csp';

/**
 * `GET /supervisor/`: the supervisors' page (renderer/supervisor.html of the one renderer build) for
 * a plain browser, under the shell's strict CSP (no inline script; it talks only to this server).
 * Its scripts and styles are under `/supervisor/assets/`. Public, like the desk's files: the page
 * holds no data; it signs the supervisor in and reads the report routes, which check the role.
 */
export const supervisorPageRoutes: FastifyPluginAsync<{ rendererDir: string }> = async (app, { rendererDir }) => {
  const policy = deskContentSecurityPolicy(null);
  const pagePath = join(rendererDir, 'supervisor.html');
  const built = existsSync(pagePath);
  const page = built ? await readFile(pagePath, 'utf8') : null;

  // The page's assets are addressed relative to it, so it must be read as a folder: /supervisor/.
  app.get('/supervisor', async (_request, reply) => reply.redirect('/supervisor/'));
  app.get('/supervisor/', async (_request, reply) => {
    if (page === null) return reply.code(503).type('text/plain').send('The supervisor page is not built yet: run `npm run build`, then reload.');
    return reply
      .header('Content-Security-Policy', policy)
      .header('X-Content-Type-Options', 'nosniff')
      .header('cache-control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(page);
  });

  if (!built) {
    app.get('/supervisor/assets/*', async (_request, reply) => reply.code(503).type('text/plain').send('The supervisor page is not built yet.'));
    return;
  }
  await app.register(fastifyStatic, {
    root: join(rendererDir, 'assets'),
    prefix: '/supervisor/assets/',
    // The desk's static files already decorate the reply; this root must not again.
    decorateReply: false,
    setHeaders: (reply) => {
      void reply.header('Content-Security-Policy', policy).header('X-Content-Type-Options', 'nosniff');
    },
  });
};
