import { describe, expect, it, vi } from 'vitest';
import { holdSingleInstanceLock } from './single-instance';

function fakeApp(gotLock: boolean) {
  const listeners = new Map<string, () => void>();
  return {
    listeners,
    requestSingleInstanceLock: vi.fn(() => gotLock),
    on: vi.fn((name: string, listener: () => void) => listeners.set(name, listener)),
    quit: vi.fn(),
  };
}

function fakeWindow({ minimized = false, visible = true } = {}) {
  return {
    isDestroyed: vi.fn(() => false),
    isMinimized: vi.fn(() => minimized),
    restore: vi.fn(),
    isVisible: vi.fn(() => visible),
    show: vi.fn(),
    focus: vi.fn(),
  };
}

const log = { info: vi.fn() };

describe('one Balie per desk', () => {
  it('lets the first start open its window', () => {
    const app = fakeApp(true);
    expect(holdSingleInstanceLock(app as never, () => null, log)).toBe(true);
    expect(app.quit).not.toHaveBeenCalled();
  });

  it('quits a second start before it opens anything, and says so in the log', () => {
    const app = fakeApp(false);
    expect(holdSingleInstanceLock(app as never, () => null, log)).toBe(false);
    expect(app.quit).toHaveBeenCalledOnce();
    expect(app.listeners.has('second-instance')).toBe(false);
    expect(log.info).toHaveBeenCalledWith(expect.stringContaining('already running'));
  });

  it('brings a minimised desk window back and focuses it when a clerk starts Balie again', () => {
    const app = fakeApp(true);
    const window = fakeWindow({ minimized: true });
    holdSingleInstanceLock(app as never, () => window as never, log);
    app.listeners.get('second-instance')?.();
    expect(window.restore).toHaveBeenCalledOnce();
    expect(window.focus).toHaveBeenCalledOnce();
  });

  it('shows a hidden desk window before focusing it, and leaves a normal one as it is', () => {
    const app = fakeApp(true);
    const hidden = fakeWindow({ visible: false });
    holdSingleInstanceLock(app as never, () => hidden as never, log);
    app.listeners.get('second-instance')?.();
    expect(hidden.show).toHaveBeenCalledOnce();
    expect(hidden.restore).not.toHaveBeenCalled();
    expect(hidden.focus).toHaveBeenCalledOnce();
  });

  it('does nothing when the second start comes before the window exists', () => {
    const app = fakeApp(true);
    holdSingleInstanceLock(app as never, () => null, log);
    expect(() => app.listeners.get('second-instance')?.()).not.toThrow();
  });
});
