import pg from 'pg';
import type { Database, Queryable } from './database';

/** PostgreSQL through a node-postgres pool. */
export async function openPostgresDatabase(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection that the database drops (restart, failover) must not take the server down:
  // the pool replaces it on next use, and the request in flight, if any, gets its own error.
  pool.on('error', (error) => console.warn(`[balie] PostgreSQL connection lost: ${error.message}`));
  // Fail at boot, with the database's own message, rather than on the first request.
  await pool.query('SELECT 1');
  const queryable = (target: pg.Pool | pg.PoolClient): Queryable => ({
    async query<Row extends object>(sql: string, params: readonly unknown[] = []) {
      const result = await target.query<Row>(sql, [...params]);
      return result.rows;
    },
    async exec(script: string) {
      await target.query(script);
    },
  });
  return {
    kind: 'postgres',
    ...queryable(pool),
    async transaction(work) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await work(queryable(client));
        await client.query('COMMIT');
        return result;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    listen: (channel, onNotify) => listenOnDedicatedClient(url, channel, onNotify),
    close: () => pool.end(),
  };
}

/**
 * LISTEN needs a connection of its own for as long as it listens. When that connection drops, it
 * reconnects after a second: a missed poke only delays desks until their next poll.
 */
async function listenOnDedicatedClient(url: string, channel: string, onNotify: (payload: string) => void): Promise<() => Promise<void>> {
  let stopped = false;
  let client: pg.Client | undefined;
  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: url });
    next.on('notification', (message) => {
      if (message.channel === channel) onNotify(message.payload ?? '');
    });
    next.on('error', () => {
      void next.end().catch(() => undefined);
      if (!stopped) setTimeout(() => void connect().catch(() => undefined), 1000);
    });
    await next.connect();
    await next.query(`LISTEN "${channel.replace(/"/g, '')}"`);
    client = next;
  };
  await connect();
  return async () => {
    stopped = true;
    await client?.end().catch(() => undefined);
  };
}
