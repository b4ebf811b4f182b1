import { act, renderHook } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useToday } from './use-today';

describe('the desk day', () => {
  beforeEach(() => vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] }));
  afterEach(() => vi.useRealTimers());

  it('moves on to the next day within half a minute after midnight in Amsterdam, without a restart', () => {
    vi.setSystemTime(new Date('2026-12-07T22:59:50Z'));
    const { result } = renderHook(() => useToday());
    expect(result.current).toBe('2026-12-07');
    act(() => vi.advanceTimersByTime(30_000));
    expect(result.current).toBe('2026-12-08');
  });

  it('catches up after the PC slept through the night', () => {
    vi.setSystemTime(new Date('2026-12-07T16:00:00Z'));
    const { result } = renderHook(() => useToday());
    vi.setSystemTime(new Date('2026-12-08T07:00:00Z'));
    act(() => vi.advanceTimersByTime(30_000));
    expect(result.current).toBe('2026-12-08');
  });
});
