import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';
import { deskContentSecurityPolicy } from '../../../shared/security/csp';

/** How the build's hashed assets may be kept: a year, never asked for again. */
export const KEPT_ASSET = 'public, max-age=31536000, immutable';

/** A file of the build's `assets/` folder (Vite names each after its content's hash). */
const isHashedAsset = (path: string): boolean => /[\\/]assets[\\/][^\\/]+$/.test(path);

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
    setHeaders: (reply, path) => {
      void reply.header('Content-Security-Policy', policy).header('X-Content-Type-Options', 'nosniff');
      // The build's assets carry their content's hash in their name: a browser keeps them, and V8
      // their compiled code (a start without it compiles the desk's 0.8 MB of script again). The
      // pages themselves are asked for each time, so a new build is seen at the next load.
      if (isHashedAsset(path)) void reply.header('cache-control', KEPT_ASSET);
    },
  });
};
