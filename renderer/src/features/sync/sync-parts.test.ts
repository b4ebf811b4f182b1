import { afterEach, describe, expect, it, vi } from 'vitest';
import { createBackoff } from './backoff';
import { createPageLocks, defaultLocks } from './desk-lock';
import { parseServerSentEvents } from './poke-stream';
import { clockSkewed, createSyncStatusStore } from './sync-status-store';

describe('the parts of the sync engine', () => {
  afterEach(() => vi.unstubAllGlobals());

  it("takes the origin's Web Locks when the browser has them, exclusive and abortable", async () => {
    const requests: { name: string; options: LockOptions }[] = [];
    const locks = { request: (name: string, options: LockOptions, callback: () => Promise<unknown>) => (requests.push({ name, options }), callback()) };
    vi.stubGlobal('navigator', { locks });
    const signal = new AbortController().signal;
    expect(await defaultLocks()('balie-sync:device-1', async () => 'ran', signal)).toBe('ran');
    expect(requests).toEqual([{ name: 'balie-sync:device-1', options: { mode: 'exclusive', signal } }]);
  });

  it('backs off from 2 s doubling to a minute, each wait within ±50 %, and starts over after a success', () => {
    const low = createBackoff({ random: () => 0 });
    const high = createBackoff({ random: () => 0.999_999 });
    const lows = Array.from({ length: 8 }, () => low.next());
    const highs = Array.from({ length: 8 }, () => high.next());
    expect(lows).toEqual([1_000, 2_000, 4_000, 8_000, 16_000, 30_000, 30_000, 30_000]);
    expect(highs).toEqual([3_000, 6_000, 12_000, 24_000, 48_000, 90_000, 90_000, 90_000]);
    expect(low.attempts).toBe(8);
    low.reset();
    expect(low.next()).toBe(1_000);
  });

  it('reads the poke events of a stream that arrives in pieces, and ignores keep-alive comments', () => {
    const first = parseServerSentEvents('retry: 3000\n\nevent: changes\ndata: {"locationId":"MAA","cursor":"12"}\n\n: still here\n\nevent: chan');
    expect(first.events).toEqual([{ event: 'changes', data: '{"locationId":"MAA","cursor":"12"}' }]);
    const second = parseServerSentEvents(`${first.rest}ges\ndata: {"cursor":"13"}\n\n`);
    expect(second.events).toEqual([{ event: 'changes', data: '{"cursor":"13"}' }]);
    expect(second.rest).toBe('');
  });

  it('gives the lock of a desk to one holder at a time, in the order asked', async () => {
    const locks = createPageLocks();
    const order: string[] = [];
    let releaseFirst!: () => void;
    const first = locks('balie-sync:desk', async () => {
      order.push('first in');
      await new Promise<void>((resolve) => (releaseFirst = resolve));
      order.push('first out');
    });
    const second = locks('balie-sync:desk', async () => void order.push('second in'));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(order).toEqual(['first in']);
    releaseFirst();
    await Promise.all([first, second]);
    expect(order).toEqual(['first in', 'first out', 'second in']);
  });

  it('warns about the desk clock only when it is more than five minutes off', () => {
    const store = createSyncStatusStore();
    store.getState().setClockOffset(4 * 60_000);
    expect(clockSkewed(store.getState())).toBe(false);
    store.getState().setClockOffset(-6 * 60_000);
    expect(clockSkewed(store.getState())).toBe(true);
  });

  it('reports offline with the backoff, and online again after a success', () => {
    const store = createSyncStatusStore();
    store.getState().failed('offline: fetch failed', true, { attempts: 2, retryAt: '2026-11-25T09:00:04.000Z' });
    expect(store.getState()).toMatchObject({ connection: 'offline', backoff: { attempts: 2 } });
    store.getState().succeeded('2026-11-25T09:00:05.000Z');
    expect(store.getState()).toMatchObject({ connection: 'online', backoff: null, lastSyncAt: '2026-11-25T09:00:05.000Z' });
  });
});
