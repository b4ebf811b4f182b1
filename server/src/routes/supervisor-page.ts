import type { FastifyPluginAsync } from 'fastify';
import { readRendererPage, sendRendererPage, serveRendererAssets } from './renderer-page';

const NOT_BUILT = 'The supervisor page is not built yet: run `npm run build`, then reload.';

/**
 * `GET /supervisor/`: the supervisors' page (renderer/supervisor.html of the one renderer build) for
 * a plain browser; its files under `/supervisor/assets/`. It signs the supervisor in and reads the
 * report routes, which check the role.
 */
export const supervisorPageRoutes: FastifyPluginAsync<{ rendererDir: string }> = async (app, { rendererDir }) => {
  const page = await readRendererPage(rendererDir, 'supervisor.html');
  // The page's assets are addressed relative to it, so it must be read as a folder: /supervisor/.
  app.get('/supervisor', async (_request, reply) => reply.redirect('/supervisor/'));
  app.get('/supervisor/', async (_request, reply) => sendRendererPage(reply, page, NOT_BUILT));
  await serveRendererAssets(app, rendererDir, '/supervisor/', page !== null, 'The supervisor page is not built yet.');
};
