import { describe, expect, it, vi } from 'vitest';
import { recoveryNoticeSchema } from '../../shared/ipc/desk-bridge';
import { backOff, recoverFromRendererCrash } from './crash-recovery';

function fakeContents() {
  const listeners = new Map<string, (...args: unknown[]) => void>();
  const contents = {
    destroyed: false,
    on: vi.fn((name: string, listener: (...args: unknown[]) => void) => listeners.set(name, listener)),
    isDestroyed: () => contents.destroyed,
    loadURL: vi.fn(async () => undefined),
  };
  const gone = (reason: string, exitCode = 139) => listeners.get('render-process-gone')?.({}, { reason, exitCode });
  return { contents, gone, listeners };
}

function recovering() {
  const fake = fakeContents();
  const log = { warn: vi.fn(), error: vi.fn() };
  const scheduled: Array<{ run: () => void; ms: number }> = [];
  const recovery = recoverFromRendererCrash(fake.contents as never, {
    entryUrl: 'balie://app/index.html',
    log,
    now: () => new Date('2026-03-02T09:15:00.000Z'),
    schedule: (run, ms) => void scheduled.push({ run, ms }),
  });
  const runScheduled = () => scheduled.splice(0).forEach(({ run }) => run());
  return { ...fake, log, scheduled, runScheduled, recovery };
}

describe('when the desk page crashes', () => {
  it('reloads the app shell at once and keeps a notice for the renderer to show', () => {
    const { gone, contents, scheduled, runScheduled, recovery, log } = recovering();
    expect(recovery.notice()).toBeNull();
    gone('crashed');
    expect(scheduled.map(({ ms }) => ms)).toEqual([0]);
    runScheduled();
    expect(contents.loadURL).toHaveBeenCalledWith('balie://app/index.html');
    expect(recoveryNoticeSchema.parse(recovery.notice())).toEqual({
      reason: 'crashed',
      at: '2026-03-02T09:15:00.000Z',
      count: 1,
    });
    expect(log.error).toHaveBeenCalledWith(expect.stringContaining('crashed'));
  });

  it('counts every reload and waits longer each time, so a page that keeps crashing does not spin', () => {
    const { gone, scheduled, recovery } = recovering();
    gone('crashed');
    gone('oom');
    gone('killed');
    expect(scheduled.map(({ ms }) => ms)).toEqual([0, 2000, 4000]);
    expect(recovery.notice()).toMatchObject({ reason: 'killed', count: 3 });
    expect(backOff(20)).toBe(30_000);
  });

  it('does not reload a window that is closing', () => {
    const { gone, contents, scheduled, runScheduled, recovery } = recovering();
    gone('clean-exit', 0);
    expect(scheduled).toHaveLength(0);
    contents.destroyed = true;
    gone('crashed');
    runScheduled();
    expect(contents.loadURL).not.toHaveBeenCalled();
    expect(recovery.notice()).toBeNull();
  });

  it('logs a reload that fails instead of throwing in the main process', async () => {
    const { gone, contents, runScheduled, log } = recovering();
    contents.loadURL.mockRejectedValueOnce(new Error('ERR_FAILED'));
    gone('crashed');
    runScheduled();
    await vi.waitFor(() => expect(log.error).toHaveBeenCalledWith(expect.stringContaining('ERR_FAILED')));
  });

  it('writes a page that stops responding into the log', () => {
    const { listeners, log } = recovering();
    listeners.get('unresponsive')?.();
    expect(log.warn).toHaveBeenCalledWith('The desk page is not responding');
  });
});
