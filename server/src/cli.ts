/**
 * The server's command line: `start` (default) runs the server, `migrate` only applies migrations.
 * Configuration comes from the environment (see README: PORT, DATABASE_URL, BALIE_DATA_DIR...).
 */
import { readServerConfig } from './config';
import { migrate } from './db/migrate';
import { openDatabase } from './db/open-database';
import { startServer } from './server';

async function main(command: string): Promise<void> {
  // npm runs workspace scripts inside server/; the data folder belongs at the repository root.
  const config = readServerConfig(process.env, process.env.INIT_CWD ?? process.cwd());
  switch (command) {
    case 'start': {
      const server = await startServer(config);
      server.app.log.info(`Balie server on ${server.url} (desk in a browser: ${server.url}/desk/)`);
      const shutdown = (signal: string) => {
        server.app.log.info({ signal }, 'shutting down');
        server.stop().then(() => process.exit(0), (error: unknown) => {
          console.error(error);
          process.exit(1);
        });
      };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
      return;
    }
    case 'migrate': {
      const db = await openDatabase(config.database);
      const applied = await migrate(db);
      await db.close();
      console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
      return;
    }
    default:
      throw new Error(`unknown command "${command}": use start or migrate`);
  }
}

main(process.argv[2] ?? 'start').catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
