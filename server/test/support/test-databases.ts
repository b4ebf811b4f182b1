/**
 * The databases server tests run on: always embedded PGlite, and PostgreSQL as well when
 * DATABASE_URL is set. In CI, PostgreSQL is required, so a green run always covers both engines.
 * Each test suite gets a database of its own (a temporary folder, or a fresh PostgreSQL database).
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { ServerConfig } from '../../src/config';

export type DatabaseKind = 'pglite' | 'postgres';

export function databaseKindsUnderTest(): DatabaseKind[] {
  if (process.env.DATABASE_URL) return ['pglite', 'postgres'];
  if (process.env.CI) throw new Error('CI runs the server tests on PostgreSQL too: set DATABASE_URL');
  return ['pglite'];
}

export interface TestDatabase {
  config: ServerConfig['database'];
  /** Removes the database and its files. */
  drop(): Promise<void>;
}

export async function createTestDatabase(kind: DatabaseKind): Promise<TestDatabase> {
  if (kind === 'pglite') {
    const dataDir = await mkdtemp(join(tmpdir(), 'balie-test-pglite-'));
    return { config: { kind, dataDir }, drop: () => rm(dataDir, { recursive: true, force: true }) };
  }
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error('DATABASE_URL is not set');
  const name = `balie_test_${randomBytes(6).toString('hex')}`;
  await withAdminClient(adminUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    config: { kind, url: url.toString() },
    drop: () => withAdminClient(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)),
  };
}

async function withAdminClient(url: string, work: (client: pg.Client) => Promise<unknown>): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}
