import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';
import { deskContentSecurityPolicy } from '../../../shared/security/csp';

/**
 * Serves the desk's built renderer at `/desk/` for plain browsers (supervisors without the
 * desktop app, the end-to-end suite). Same origin as the API, so its CSP needs no remote source.
 */
export const deskStaticRoutes: FastifyPluginAsync<{ rendererDir: string }> = async (app, { rendererDir }) => {
  app.get('/', async (_request, reply) => reply.redirect('/desk/'));
  if (!existsSync(join(rendererDir, 'index.html'))) {
    app.log.warn({ rendererDir }, 'the desk is not built: /desk/ answers 503 until `npm run build` has run');
    app.get('/desk/*', async (_request, reply) =>
      reply.code(503).type('text/plain').send('The desk is not built yet: run `npm run build`, then reload.'),
    );
    return;
  }
  const policy = deskContentSecurityPolicy(null);
  await app.register(fastifyStatic, {
    root: rendererDir,
    prefix: '/desk/',
    redirect: true,
    setHeaders: (reply) => {
      void reply.header('Content-Security-Policy', policy).header('X-Content-Type-Options', 'nosniff');
    },
  });
};
