import type { FastifyInstance } from 'fastify';
import { amsterdamDateOf } from '../../shared/domain/calendar-date';
import { buildApp } from './app';
import type { ServerConfig } from './config';
import type { Database } from './db/database';
import { migrate } from './db/migrate';
import { openDatabase } from './db/open-database';
import type { DemoDeskCode } from './demo/demo-staff';
import { seedDemo } from './demo/seed';
import { storeDefaultChecklists } from './checklists/checklist-store';

export interface RunningServer {
  app: FastifyInstance;
  db: Database;
  url: string;
  /** On a demo database: a fresh one-time code per demo desk (shown to the person who started it, never logged). */
  demoDeskCodes: DemoDeskCode[];
  stop(): Promise<void>;
}

/** Opens the database, migrates it, seeds the demo day when asked, and listens. */
export async function startServer(config: ServerConfig, options: { logger?: boolean } = {}): Promise<RunningServer> {
  const db = await openDatabase(config.database);
  try {
    const applied = await migrate(db);
    // The demo location first, so the shipped checklists reach its feed.
    const seed = config.demo ? await seedDemo(db, amsterdamDateOf(new Date())) : null;
    await db.transaction((tx) => storeDefaultChecklists(tx));
    const app = await buildApp({ config, db, logger: options.logger ?? true });
    app.log.info(
      { database: db.kind, migrationsApplied: applied, demoBookingsSeeded: seed?.seededBookings ?? 0 },
      'database ready',
    );
    await app.listen({ port: config.port, host: config.host });
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    const url = `http://${config.host}:${port}`;
    let stopping: Promise<void> | undefined;
    return {
      app,
      db,
      url,
      demoDeskCodes: seed?.deskCodes ?? [],
      // Finishes in-flight requests before the database closes.
      stop: () => (stopping ??= app.close().then(() => db.close())),
    };
  } catch (error) {
    await db.close().catch(() => undefined);
    throw error;
  }
}
