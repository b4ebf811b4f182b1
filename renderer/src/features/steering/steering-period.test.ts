import { describe, expect, it } from 'vitest';
import { MAX_REPORT_DAYS } from '../../../../shared/reports/report-api';
import { checkPeriod, quickPeriod } from './steering-period';

describe("the steering page's periods", () => {
  it('gives the whole quarter a day falls in, the one before it (across New Year) and the calendar year', () => {
    expect(quickPeriod('thisQuarter', '2026-11-25')).toEqual({ from: '2026-10-01', to: '2026-12-31' });
    expect(quickPeriod('lastQuarter', '2026-11-25')).toEqual({ from: '2026-07-01', to: '2026-09-30' });
    expect(quickPeriod('thisQuarter', '2026-03-31')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(quickPeriod('lastQuarter', '2026-02-10')).toEqual({ from: '2025-10-01', to: '2025-12-31' });
    expect(quickPeriod('lastQuarter', '2024-05-01')).toEqual({ from: '2024-01-01', to: '2024-03-31' });
    expect(quickPeriod('thisYear', '2028-06-15')).toEqual({ from: '2028-01-01', to: '2028-12-31' });
  });

  it('takes a leap year whole but refuses a day more, a period that ends before it starts, and a date that does not exist', () => {
    expect(checkPeriod('2028-01-01', '2028-12-31')).toEqual({ ok: true, period: { from: '2028-01-01', to: '2028-12-31' } });
    expect(MAX_REPORT_DAYS).toBe(366);
    expect(checkPeriod('2026-01-01', '2027-01-02')).toEqual({ ok: false, problem: 'too-long' });
    expect(checkPeriod('2026-03-02', '2026-03-01')).toEqual({ ok: false, problem: 'order' });
    expect(checkPeriod('2026-02-30', '2026-03-01')).toEqual({ ok: false, problem: 'bad-date' });
    expect(checkPeriod('', '2026-03-01')).toEqual({ ok: false, problem: 'bad-date' });
  });
});
