import { describe, expect, it } from 'vitest';
import { previousPeriodOf, steeringExportQuerySchema, steeringQuerySchema } from './steering-api';

describe('the steering report’s period', () => {
  it('compares with the days right before, as many as asked: a day, a week, a quarter, across a leap day', () => {
    expect(previousPeriodOf({ from: '2026-03-02', to: '2026-03-02' })).toEqual({ from: '2026-03-01', to: '2026-03-01' });
    expect(previousPeriodOf({ from: '2026-03-02', to: '2026-03-08' })).toEqual({ from: '2026-02-23', to: '2026-03-01' });
    expect(previousPeriodOf({ from: '2026-04-01', to: '2026-06-30' })).toEqual({ from: '2025-12-31', to: '2026-03-31' });
    expect(previousPeriodOf({ from: '2024-03-01', to: '2024-03-03' })).toEqual({ from: '2024-02-27', to: '2024-02-29' });
  });

  it('takes from and to, ordered, at most a year and a day; the CSV in Dutch unless English is asked', () => {
    expect(steeringQuerySchema.safeParse({ from: '2026-01-01', to: '2026-03-31' }).success).toBe(true);
    expect(steeringQuerySchema.safeParse({ from: '2026-03-31', to: '2026-01-01' }).success).toBe(false);
    expect(steeringQuerySchema.safeParse({ from: '2026-01-01' }).success).toBe(false);
    expect(steeringQuerySchema.safeParse({ from: '2025-01-01', to: '2026-01-02' }).success).toBe(false);
    expect(steeringQuerySchema.safeParse({ from: '2026-01-01', to: '2026-01-02', location: 'maa' }).success).toBe(false);
    expect(steeringExportQuerySchema.parse({ from: '2026-01-01', to: '2026-01-02' }).lang).toBe('nl');
    expect(steeringExportQuerySchema.safeParse({ from: '2026-01-01', to: '2026-01-02', lang: 'de' }).success).toBe(false);
  });
});
