/**
 * One sync loop per desk, even with two windows of the desk open: the loop runs inside an
 * exclusive Web Lock named after the device (`navigator.locks`, shared by every window and worker
 * of the origin). A second window waits for the lock and takes over when the first closes.
 *
 * Where the Web Locks API is missing (old engines, jsdom), a lock manager of this page stands in:
 * it keeps one loop per page. Two such pages could then both sync; that costs requests, not data,
 * because pushes are idempotent on event ids and the outbox is changed only in transactions.
 */
export type LockRequester = <T>(name: string, callback: () => Promise<T>) => Promise<T>;

/** Exclusive locks within this page, granted in request order. */
export function createPageLocks(): LockRequester {
  const tails = new Map<string, Promise<unknown>>();
  return async <T>(name: string, callback: () => Promise<T>): Promise<T> => {
    const previous = tails.get(name) ?? Promise.resolve();
    const run = previous.catch(() => undefined).then(callback);
    tails.set(name, run);
    try {
      return await run;
    } finally {
      if (tails.get(name) === run) tails.delete(name);
    }
  };
}

const pageLocks = createPageLocks();

/** The origin's Web Locks when the engine has them, otherwise this page's. */
export function defaultLocks(): LockRequester {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (locks && typeof locks.request === 'function') {
    return <T>(name: string, callback: () => Promise<T>) => locks.request(name, { mode: 'exclusive' }, callback) as Promise<T>;
  }
  return pageLocks;
}
