import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database';
import { migrate } from '../../src/db/migrate';
import { openDatabase } from '../../src/db/open-database';
import { createTestDatabase, databaseKindsUnderTest, type TestDatabase } from '../support/test-databases';

describe.each(databaseKindsUnderTest())('migrations on %s', (kind) => {
  let database: TestDatabase;
  const opened: Database[] = [];
  const open = async () => {
    const db = await openDatabase(database.config);
    opened.push(db);
    return db;
  };

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((db) => db.close()));
    await database.drop();
  });

  it('a new database gets every migration once, and a restart applies nothing again', async () => {
    database = await createTestDatabase(kind);
    const db = await open();
    const first = await migrate(db);
    expect(first).toContain('001_day_of_appointments.sql');
    expect(await migrate(db)).toEqual([]);
    const tables = await db.query<{ name: string }>(
      "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1",
    );
    expect(tables.map((table) => table.name)).toEqual(
      expect.arrayContaining(['appointments', 'bookings', 'desks', 'locations', 'persons', 'schema_migrations']),
    );
  });

  // PGlite has one process per data folder; sharing a database between servers needs PostgreSQL.
  if (kind === 'postgres') {
    it('two servers starting at once on one database migrate it once', async () => {
      database = await createTestDatabase(kind);
      const [one, two] = await Promise.all([open(), open()]);
      const [appliedByOne, appliedByTwo] = await Promise.all([migrate(one), migrate(two)]);
      expect([...appliedByOne, ...appliedByTwo].filter((name) => name.startsWith('001_'))).toHaveLength(1);
    });
  }
});
