import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { Database } from '../db/database';
import { readRendererPage, sendRendererPage, serveRendererAssets } from './renderer-page';

const locationParamsSchema = z.object({ location: z.string().regex(/^[A-Z]{3}$/) });

/**
 * `GET /display/<location>`: the waiting-room display page (renderer/display.html of the one
 * renderer build), full screen on any browser or TV stick; its files under `/display/assets/`.
 * The page registers the display and reads the calls with the display's own credential.
 */
export const displayPageRoutes: FastifyPluginAsync<{ db: Database; rendererDir: string }> = async (app, { db, rendererDir }) => {
  const page = await readRendererPage(rendererDir, 'display.html');

  app.get('/display/:location', async (request, reply) => {
    const params = locationParamsSchema.safeParse(request.params);
    const known = params.success ? await db.query('SELECT 1 FROM locations WHERE id = $1', [params.data.location]) : [];
    if (known.length === 0) return reply.code(404).type('text/plain').send('No such location: the address is /display/ and a location code such as MAA.');
    return sendRendererPage(reply, page, 'The display is not built yet: run `npm run build`, then reload.');
  });
  await serveRendererAssets(app, rendererDir, '/display/', page !== null, 'The display is not built yet.');
};
