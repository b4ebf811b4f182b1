import cors from '@fastify/cors';
import Fastify, { type FastifyInstance } from 'fastify';
import { refuseDisplayCredentialElsewhere } from './auth/display-credential';
import type { ServerConfig } from './config';
import type { Database } from './db/database';
import { administrationRoutes } from './routes/administration';
import { appointmentRoutes } from './routes/appointments';
import { authRoutes } from './routes/auth';
import { checklistRoutes } from './routes/checklists';
import { deviceRoutes } from './routes/devices';
import { displayRoutes } from './routes/display';
import { displayPageRoutes } from './routes/display-page';
import { deskStaticRoutes } from './routes/desk-static';
import { healthRoutes } from './routes/health';
import { openApiRoutes } from './routes/openapi';
import { importRoutes } from './routes/import';
import { reportRoutes } from './routes/reports';
import { fastTrackRoutes } from './routes/fast-track';
import { steeringRoutes } from './routes/steering';
import { streamRoutes } from './routes/stream';
import { supervisorPageRoutes } from './routes/supervisor-page';
import { syncRoutes } from './routes/sync';
import { createDayStateStore } from './sync/day-state-store';
import { startPokeHub } from './sync/poke-hub';

export interface AppOptions {
  config: Pick<ServerConfig, 'deskOrigins' | 'rendererDir' | 'logLevel'>;
  db: Database;
  /** Tests pass false to keep their output quiet. */
  logger?: boolean;
}

/**
 * Builds the Fastify app from its plugins. It does not listen: `server.ts` does, and tests call
 * `app.inject()` or listen on a port of their own.
 */
export async function buildApp({ config, db, logger = true }: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: logger ? { level: config.logLevel } : false,
    // Bodies of a batch of desk events stay far below this; anything larger is a mistake or an attack.
    bodyLimit: 5 * 1024 * 1024,
  });
  const allowedOrigins = new Set(config.deskOrigins);
  await app.register(cors, {
    // Only the desk app shells we know; any other origin gets no CORS headers and the browser blocks it.
    origin: (origin, callback) => callback(null, origin !== undefined && allowedOrigins.has(origin)),
    methods: ['GET', 'POST', 'PUT', 'DELETE'],
    maxAge: 600,
  });
  app.addHook('onRequest', refuseDisplayCredentialElsewhere);
  await app.register(healthRoutes, { db });
  await app.register(openApiRoutes);
  await app.register(appointmentRoutes, { db });
  await app.register(authRoutes, { db });
  await app.register(deviceRoutes, { db });
  await app.register(administrationRoutes, { db });
  await app.register(checklistRoutes, { db });
  await app.register(importRoutes, { db });
  // One copy of the days for every writer of events: pushes and supervisors' resolutions.
  const days = createDayStateStore();
  await app.register(syncRoutes, { db, days });
  const pokes = await startPokeHub(db);
  app.addHook('onClose', () => pokes.stop());
  await app.register(streamRoutes, { db, pokes });
  await app.register(reportRoutes, { db, days });
  await app.register(steeringRoutes, { db });
  await app.register(fastTrackRoutes, { db });
  await app.register(displayRoutes, { db, pokes });
  await app.register(displayPageRoutes, { db, rendererDir: config.rendererDir });
  await app.register(supervisorPageRoutes, { rendererDir: config.rendererDir });
  await app.register(deskStaticRoutes, { rendererDir: config.rendererDir });
  return app;
}
