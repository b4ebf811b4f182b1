import type { ServerConfig } from '../config';
import type { Database } from './database';
import { openPgliteDatabase } from './pglite-database';
import { openPostgresDatabase } from './postgres-database';

/** Opens the database the configuration names: PostgreSQL when DATABASE_URL is set, else PGlite. */
export function openDatabase(config: ServerConfig['database']): Promise<Database> {
  return config.kind === 'postgres' ? openPostgresDatabase(config.url) : openPgliteDatabase(config.dataDir);
}
