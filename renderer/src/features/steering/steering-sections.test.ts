import { describe, expect, it } from 'vitest';
import type { SteeringFigures, SteeringReport } from '../../../../shared/steering/steering-api';
import { steeringFigureList } from '../../../../shared/steering/steering-columns';
import { rowName, steeringSections } from './steering-sections';

const empty: SteeringFigures = {
  from: '2026-04-01', to: '2026-06-30',
  clientsHelped: { total: 0, byService: {}, byCategory: {} },
  visits: { total: 0, daysOpen: 0, perDayOpen: null },
  rating: { count: 0, mean: null, satisfied: 0, satisfiedShare: null },
  sponsors: { served: 0, recognised: 0, onList: 0, listSize: 0, listShare: null },
  fastTrack: { registered: 0, within: 0, late: 0, overdue: 0, pending: 0, withinShare: null },
  waitingTime: { count: 0, median: null, p90: null },
  serviceTime: { count: 0, median: null, p90: null },
  firstTimeRight: { finishedVisits: 0, firstTimeRight: 0, share: null },
  noShows: { booked: 0, count: 0, rate: null },
};
const report: SteeringReport = {
  locationIds: ['MAA'],
  current: { ...empty, clientsHelped: { total: 3, byService: { BIO: 2, BRP: 1 }, byCategory: { student: 2, unknown: 1 } } },
  previous: { ...empty, from: '2025-12-31', to: '2026-03-31', clientsHelped: { total: 1, byService: { INFO: 1 }, byCategory: { researcher: 1 } } },
};

describe("the steering page's tables", () => {
  it('show every figure of the CSV exactly once, each in a table of its own kind rather than among "other figures"', () => {
    const sections = steeringSections(report);
    const shown = sections.flatMap((section) => section.rows.map((row) => row.figure.en));
    expect(shown.sort()).toEqual(steeringFigureList(report).map((figure) => figure.en).sort());
    expect(sections.map((section) => section.key)).not.toContain('other');
  });

  it('lists the services of both periods in the desk order and names categories without the words the title already says', () => {
    const [services, categories] = steeringSections(report);
    expect(services!.rows.map((row) => row.service ?? row.figure.en)).toEqual(['clients helped', 'BIO', 'BRP', 'INFO']);
    expect(categories!.rows.map((row) => rowName(row, 'nl'))).toEqual(['Wetenschappelijk onderzoeker', 'Student', 'Onbekend']);
    expect(categories!.rows.map((row) => rowName(row, 'en'))).toEqual(['Researcher', 'Student', 'Unknown']);
  });

  it('writes times, shares and the rating each in their own way, and drops the unit the CSV needs from the name', () => {
    const rows = steeringSections(report).flatMap((section) => section.rows);
    const kindOf = (en: string) => rows.find((row) => row.figure.en === en)!.kind;
    expect(kindOf('waiting time median (s)')).toBe('duration');
    expect(rowName(rows.find((row) => row.figure.en === 'waiting time median (s)')!, 'nl')).toBe('Wachttijd mediaan');
    expect(kindOf('share BSN within 3 working days')).toBe('share');
    expect(kindOf('no-show rate')).toBe('share');
    expect(kindOf('average rating')).toBe('decimal');
    expect(kindOf('visits per day open')).toBe('decimal');
    expect(kindOf('sponsors on the list served')).toBe('count');
  });
});
