/**
 * Every transaction that changes the shown day (`appointments`, `persons`, `desks`) also writes a
 * new stamp into `meta`, in that same transaction. A copy of the day kept in memory (day-cache.ts)
 * is therefore valid exactly while the stamp it was read with is still the stored one, whoever
 * wrote in between: an action, a pull, a rebuild, the retention purge, in this window or another.
 *
 * A Dexie middleware writes the stamp, so that no writer of those tables can forget to; it needs
 * `meta` in every transaction that writes them (projectionTables() has it).
 */
import type { DBCore, DBCoreTransaction, Middleware } from 'dexie';
import type { MetaKey } from './desk-meta';

const PROJECTION_STAMP_KEY: MetaKey = 'projectionStamp';

const SHOWN_DAY_TABLES = new Set(['appointments', 'persons', 'desks']);

/** A value no other transaction, window or earlier page load has used. */
function newStamp(): string {
  const random = crypto.getRandomValues(new Uint32Array(2));
  return `${Date.now().toString(36)}-${random[0]!.toString(36)}${random[1]!.toString(36)}`;
}

/** IndexedDB's transaction is what Dexie's lowest layer passes as `trans`. */
function hasMetaInScope(trans: DBCoreTransaction): boolean {
  const stores = (trans as Partial<IDBTransaction>).objectStoreNames;
  return stores === undefined || stores.contains('meta');
}

export const projectionStampMiddleware: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'projection-stamp',
  create(down) {
    const stamped = new WeakSet<DBCoreTransaction>();
    return {
      ...down,
      table(name) {
        const table = down.table(name);
        if (!SHOWN_DAY_TABLES.has(name)) return table;
        return {
          ...table,
          mutate(request) {
            if (stamped.has(request.trans)) return table.mutate(request);
            if (!hasMetaInScope(request.trans)) {
              return Promise.reject(new Error(`A write to ${name} needs meta in its transaction (projectionTables()): the projection stamp goes with it.`));
            }
            stamped.add(request.trans);
            // Chained with then(), not awaited: Dexie keeps the transaction open only along its own promises.
            return down
              .table('meta')
              .mutate({ type: 'put', trans: request.trans, values: [{ key: PROJECTION_STAMP_KEY, value: newStamp() }] })
              .then(() => table.mutate(request));
          },
        };
      },
    };
  },
};
