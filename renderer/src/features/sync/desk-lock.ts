/**
 * One sync loop per desk, even with two windows of the desk open: the loop runs inside an
 * exclusive Web Lock named after the device (`navigator.locks`, shared by every window and worker
 * of the origin). A second window waits for the lock and takes over when the first closes.
 *
 * Where the Web Locks API is missing (old engines, jsdom), a lock manager of this page stands in:
 * it keeps one loop per page. Two such pages could then both sync; that costs requests, not data,
 * because pushes are idempotent on event ids and the outbox is changed only in transactions.
 */
/**
 * Runs `callback` holding the exclusive lock `name`; gives up waiting (rejects with an AbortError)
 * when `signal` aborts before the lock is granted.
 */
export type LockRequester = <T>(name: string, callback: () => Promise<T>, signal?: AbortSignal) => Promise<T>;

const abortError = () => new DOMException('The lock request was aborted.', 'AbortError');

/** Exclusive locks within this page, granted in request order. */
export function createPageLocks(): LockRequester {
  const tails = new Map<string, Promise<void>>();
  return async <T>(name: string, callback: () => Promise<T>, signal?: AbortSignal): Promise<T> => {
    const previous = tails.get(name) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((resolve) => (release = resolve));
    const tail = previous.then(() => mine);
    tails.set(name, tail);
    const aborted = new Promise<void>((resolve) => signal?.addEventListener('abort', () => resolve(), { once: true }));
    try {
      await Promise.race([previous, aborted]);
      if (signal?.aborted) throw abortError();
      return await callback();
    } finally {
      release();
      if (tails.get(name) === tail) tails.delete(name);
    }
  };
}

const pageLocks = createPageLocks();

/** The origin's Web Locks when the engine has them, otherwise this page's. */
export function defaultLocks(): LockRequester {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (locks && typeof locks.request === 'function') {
    return <T>(name: string, callback: () => Promise<T>, signal?: AbortSignal) =>
      locks.request(name, { mode: 'exclusive', ...(signal ? { signal } : {}) }, callback) as Promise<T>;
  }
  return pageLocks;
}
