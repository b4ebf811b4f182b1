import { describe, expect, it } from 'vitest';
import { mondayOfIsoWeek, periodOf, reportExportQuerySchema, reportQuerySchema, slowestStepsOf } from './report-api';
import { EVENT_COLUMNS, toCsv, type EventRow } from './report-columns';

describe('the period of a report', () => {
  it('an ISO week runs Monday to Sunday, also when it starts in the year before', () => {
    expect(periodOf({ week: '2026-W10' })).toEqual({ from: '2026-03-02', to: '2026-03-08' });
    expect(mondayOfIsoWeek('2026-W01')).toBe('2025-12-29');
    expect(mondayOfIsoWeek('2020-W53')).toBe('2020-12-28');
  });

  it('exactly one period is given, in order, and at most a year and a day long', () => {
    const problems = (query: Record<string, string>) => {
      const parsed = reportQuerySchema.safeParse(query);
      return parsed.success ? [] : parsed.error.issues.map((issue) => issue.message);
    };
    expect(problems({ date: '2026-03-03' })).toEqual([]);
    expect(problems({})).toEqual(['give exactly one period: date, week, or from and to']);
    expect(problems({ date: '2026-03-03', week: '2026-W10' })).toEqual(['give exactly one period: date, week, or from and to']);
    expect(problems({ from: '2026-03-03' })).toContain('from and to go together');
    expect(problems({ from: '2026-03-08', to: '2026-03-02' })).toContain('to is before from');
    expect(problems({ from: '2025-01-01', to: '2026-01-02' })).toContain('a report covers at most 366 days');
    expect(problems({ date: '2026-02-30' })).toEqual(['expected a calendar date written as YYYY-MM-DD']);
    expect(reportExportQuerySchema.safeParse({ date: '2026-03-03', table: 'persons' }).success).toBe(false);
    expect(reportExportQuerySchema.parse({ date: '2026-03-03' })).toMatchObject({ table: 'overall', lang: 'nl' });
  });
});

describe('the slowest step of each service', () => {
  const step = (service: string, stepId: string, median: number | null, p90: number | null) => ({
    service, checklistId: service.toLowerCase(), stepId, time: { count: 1, mean: median, median, p90, max: p90 },
  });

  it('is the one with the longest median, the longer p90 deciding a tie', () => {
    const slowest = slowestStepsOf([step('BIO', 'identity', 60, 90), step('BIO', 'photo', 90, 100), step('BIO', 'signature', 90, 120), step('DOC', 'identity', 30, 30)]);
    expect([slowest.BIO!.stepId, slowest.DOC!.stepId]).toEqual(['signature', 'identity']);
  });
});

describe('CSV', () => {
  const row = (payload: string): EventRow => ({
    serverSeq: '7', id: 'e1', locationId: 'MAA', day: '2026-03-03', occurredAt: '2026-03-03T08:00:00.000Z', receivedAt: '2026-03-03T08:00:01.000Z',
    outcome: 'accepted', type: 'noteAdded', deskId: 'MAA-D1', clerkId: 'c1', appointmentId: 'a1', deviceId: 'd1', deviceSeq: 3, payload,
  });

  it('quotes commas, quotes and line breaks, and has a header row in the chosen language', () => {
    const csv = toCsv(EVENT_COLUMNS, [row('{"text":"zegt: "ja", later\nterug"}')], 'en');
    const [header, line] = csv.split('\r\n');
    expect(header!.split(',')[0]).toBe('server sequence');
    expect(line).toContain('"{""text"":""zegt: ""ja"", later\nterug""}"');
    expect(toCsv(EVENT_COLUMNS, [], 'nl')).toBe(`${EVENT_COLUMNS.map((column) => column.nl).join(',')}\r\n`);
  });

  it('a text a spreadsheet would run as a formula is written as text', () => {
    const line = toCsv(EVENT_COLUMNS, [row('=HYPERLINK("x")')], 'nl').split('\r\n')[1]!;
    expect(line.endsWith(`"'=HYPERLINK(""x"")"`)).toBe(true);
    expect(toCsv(EVENT_COLUMNS, [{ ...row('{}'), deviceSeq: -1 }], 'nl')).toContain(',-1,');
  });
});
