/**
 * Every transaction that changes the shown day (`appointments`, `persons`, `desks`) also writes a
 * new stamp into `meta`, in that same transaction. A copy of the day kept in memory is therefore
 * valid exactly while the stamp it was read with is still the stored one, whoever wrote in between:
 * an action, a pull, a rebuild, the retention purge, in this window or another.
 *
 * The same middleware tells this window what each of its committed transactions wrote to
 * `appointments`, row by row, so the clerk's screen can follow a change without reading the whole
 * day again (shown-day-rows.ts).
 *
 * A Dexie middleware does it, so that no writer of those tables can forget to; it needs `meta` in
 * every transaction that writes them (projectionTables() has it).
 */
import type { DBCore, DBCoreMutateRequest, DBCoreTransaction, Dexie, Middleware } from 'dexie';
import type { MetaKey } from './desk-meta';

const PROJECTION_STAMP_KEY: MetaKey = 'projectionStamp';

const SHOWN_DAY_TABLES = new Set(['appointments', 'persons', 'desks']);

/** What one committed transaction of this window wrote to `appointments`. */
export interface CommittedAppointments {
  /** The projection stamp the transaction stored. */
  readonly stamp: string;
  /** The rows as written (whole rows: `put` and `add`). */
  readonly rows: readonly unknown[];
  readonly deletedIds: readonly string[];
  /** A write that cannot be followed row by row (a range delete, a modify): read the day again. */
  readonly untracked: boolean;
  /** The transaction wrote persons or desks too (not reported row by row). */
  readonly othersWritten: boolean;
}

type CommitListener = (change: CommittedAppointments) => void;

interface TransactionWrites {
  stamp: string;
  rows: unknown[];
  deletedIds: string[];
  untracked: boolean;
  othersWritten: boolean;
}

const commitListeners = new WeakMap<Dexie, Set<CommitListener>>();

/** Each writing transaction's stamp and writes, by its IndexedDB transaction. */
const writesOf = new WeakMap<DBCoreTransaction, TransactionWrites>();

/**
 * The stamp a transaction stored with its first write to the shown day (Dexie's `idbtrans`), or
 * undefined before that write: an action learns its stamp without reading it back.
 */
export function stampWrittenIn(trans: IDBTransaction): string | undefined {
  return writesOf.get(trans)?.stamp;
}

/** Calls `listener` after each transaction of this window that wrote appointments has committed. */
export function onCommittedAppointments(db: Dexie, listener: CommitListener): () => void {
  const listeners = commitListeners.get(db) ?? new Set<CommitListener>();
  commitListeners.set(db, listeners);
  listeners.add(listener);
  return () => listeners.delete(listener);
}

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

function recordWrite(writes: TransactionWrites, request: DBCoreMutateRequest): void {
  if (request.type === 'delete') writes.deletedIds.push(...(request.keys as string[]));
  else if (request.type === 'deleteRange') writes.untracked = true;
  else if (request.type === 'put' && (request.criteria || request.changeSpec || request.updates)) writes.untracked = true;
  else writes.rows.push(...request.values);
}

export function projectionStampMiddleware(db: Dexie): Middleware<DBCore> {
  return {
    stack: 'dbcore',
    name: 'projection-stamp',
    create(down) {
      /** The first write of a transaction stores its stamp, and reports its writes once it commits. */
      function begin(trans: DBCoreTransaction): TransactionWrites {
        const writes: TransactionWrites = { stamp: newStamp(), rows: [], deletedIds: [], untracked: false, othersWritten: false };
        writesOf.set(trans, writes);
        (trans as Partial<IDBTransaction>).addEventListener?.('complete', () => {
          if (writes.rows.length + writes.deletedIds.length === 0 && !writes.untracked) return;
          for (const listener of commitListeners.get(db) ?? []) listener(writes);
        });
        return writes;
      }

      return {
        ...down,
        table(name) {
          const table = down.table(name);
          if (!SHOWN_DAY_TABLES.has(name)) return table;
          return {
            ...table,
            mutate(request) {
              const known = writesOf.get(request.trans);
              if (!known && !hasMetaInScope(request.trans)) {
                return Promise.reject(new Error(`A write to ${name} needs meta in its transaction (projectionTables()): the projection stamp goes with it.`));
              }
              const writes = known ?? begin(request.trans);
              // The stamp's put and the first write go out together (IndexedDB runs a transaction's
              // requests in order): one round trip, not two, on every action. Chained with then(),
              // not awaited: Dexie keeps the transaction open only along its own promises.
              const stampStored = known ? null : down.table('meta').mutate({ type: 'put', trans: request.trans, values: [{ key: PROJECTION_STAMP_KEY, value: writes.stamp }] });
              // Where the write fails first, its own error is the one reported (the transaction aborts either way).
              stampStored?.catch(() => undefined);
              return table.mutate(request).then((response) => {
                if (name !== 'appointments') writes.othersWritten = true;
                else if (response.numFailures > 0) writes.untracked = true;
                else recordWrite(writes, request);
                return stampStored ? stampStored.then(() => response) : response;
              });
            },
          };
        },
      };
    },
  };
}
