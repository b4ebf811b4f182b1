import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { deskContentSecurityPolicy } from '../../../shared/security/csp';
import type { Database } from '../db/database';

const locationParamsSchema = z.object({ location: z.string().regex(/^[A-Z]{3}$/) });

/**
 * `GET /display/<location>`: the waiting-room display page (renderer/display.html of the one
 * renderer build), full screen on any browser or TV stick, under the shell's strict CSP (no inline
 * script; it talks only to this server). Its scripts and styles are under `/display/assets/`.
 * Public: the page holds no data; it registers the display and reads the calls with the display's
 * own credential.
 */
export const displayPageRoutes: FastifyPluginAsync<{ db: Database; rendererDir: string }> = async (app, { db, rendererDir }) => {
  const policy = deskContentSecurityPolicy(null);
  const pagePath = join(rendererDir, 'display.html');
  const built = existsSync(pagePath);
  const page = built ? await readFile(pagePath, 'utf8') : null;

  app.get('/display/:location', async (request, reply) => {
    const params = locationParamsSchema.safeParse(request.params);
    const known = params.success ? await db.query('SELECT 1 FROM locations WHERE id = $1', [params.data.location]) : [];
    if (known.length === 0) return reply.code(404).type('text/plain').send('No such location: the address is /display/ and a location code such as MAA.');
    if (page === null) return reply.code(503).type('text/plain').send('The display is not built yet: run `npm run build`, then reload.');
    return reply
      .header('Content-Security-Policy', policy)
      .header('X-Content-Type-Options', 'nosniff')
      .header('cache-control', 'no-store')
      .type('text/html; charset=utf-8')
      .send(page);
  });

  if (!built) {
    app.get('/display/assets/*', async (_request, reply) => reply.code(503).type('text/plain').send('The display is not built yet.'));
    return;
  }
  await app.register(fastifyStatic, {
    root: join(rendererDir, 'assets'),
    prefix: '/display/assets/',
    // The desk's static files already decorate the reply; this second root must not again.
    decorateReply: false,
    setHeaders: (reply) => {
      void reply.header('Content-Security-Policy', policy).header('X-Content-Type-Options', 'nosniff');
    },
  });
};
