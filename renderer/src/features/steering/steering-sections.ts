/**
 * The steering page's tables, built from the same figure list as the CSV (steeringFigureList), so
 * the page and the file name the same figures with the same values. Each figure is put in the
 * table it belongs to by its name; one the page does not know yet lands in "other figures" rather
 * than being left out.
 */
import { SERVICE_CODES, type ServiceCode } from '../../../../shared/domain/codes';
import type { SteeringReport } from '../../../../shared/steering/steering-api';
import { steeringFigureList, type SteeringFigure } from '../../../../shared/steering/steering-columns';
import type { FigureKind } from './steering-format';

export const SECTION_KEYS = ['services', 'categories', 'visits', 'ratings', 'sponsors', 'fastTrack', 'times', 'firstTimeRight', 'noShows', 'other'] as const;
export type SectionKey = (typeof SECTION_KEYS)[number];

/** One row: the figure (names and value), how it is written, and its service when it is one. */
export interface SectionRow {
  readonly figure: SteeringFigure;
  readonly kind: FigureKind;
  readonly service?: ServiceCode;
}

export interface Section {
  readonly key: SectionKey;
  readonly rows: readonly SectionRow[];
}

const HELPED_PREFIX = 'clients helped: ';

const SECTION_OF: Record<string, SectionKey> = {
  'clients helped': 'services',
  visits: 'visits',
  'days open': 'visits',
  'visits per day open': 'visits',
  ratings: 'ratings',
  'average rating': 'ratings',
  'ratings 7 or more': 'ratings',
  'share satisfied (7 or more)': 'ratings',
  'sponsors served': 'sponsors',
  'recognised sponsors served': 'sponsors',
  "sponsors on the location's list": 'sponsors',
  'sponsors on the list served': 'sponsors',
  'share of the list served': 'sponsors',
  'fast-track registrations': 'fastTrack',
  'BSN within 3 working days': 'fastTrack',
  'BSN after 3 working days': 'fastTrack',
  'BSN overdue and still open': 'fastTrack',
  'BSN open, still in time': 'fastTrack',
  'share BSN within 3 working days': 'fastTrack',
  'waiting time count': 'times',
  'waiting time median (s)': 'times',
  'waiting time p90 (s)': 'times',
  'service time count': 'times',
  'service time median (s)': 'times',
  'service time p90 (s)': 'times',
  'visits finished': 'firstTimeRight',
  'first time right': 'firstTimeRight',
  'first-time-right share': 'firstTimeRight',
  'booked appointments': 'noShows',
  'no-shows': 'noShows',
  'no-show rate': 'noShows',
};

function kindOf(figure: SteeringFigure): FigureKind {
  if (figure.en === 'average rating' || figure.en === 'visits per day open') return 'decimal';
  if (figure.en.endsWith('(s)')) return 'duration';
  if (/\b(share|rate)\b/.test(figure.en)) return 'share';
  return 'count';
}

function serviceOf(figure: SteeringFigure): ServiceCode | undefined {
  const suffix = figure.en.startsWith(HELPED_PREFIX) ? figure.en.slice(HELPED_PREFIX.length) : '';
  return (SERVICE_CODES as readonly string[]).includes(suffix) ? (suffix as ServiceCode) : undefined;
}

function sectionOf(figure: SteeringFigure): SectionKey {
  if (serviceOf(figure)) return 'services';
  if (figure.en.startsWith(HELPED_PREFIX)) return 'categories';
  return SECTION_OF[figure.en] ?? 'other';
}

/** The report's figures, table by table, in the CSV's order; empty tables left out. */
export function steeringSections(report: SteeringReport): Section[] {
  const rows = new Map<SectionKey, SectionRow[]>(SECTION_KEYS.map((key) => [key, []]));
  for (const figure of steeringFigureList(report)) {
    const service = serviceOf(figure);
    rows.get(sectionOf(figure))!.push({ figure, kind: kindOf(figure), ...(service ? { service } : {}) });
  }
  return SECTION_KEYS.map((key) => ({ key, rows: rows.get(key)! })).filter((section) => section.rows.length > 0);
}

const HELPED_PREFIXES = { nl: 'klanten geholpen: ', en: HELPED_PREFIX } as const;

/**
 * A row's name as a table shows it: capitalised, without the unit the CSV needs (the page writes
 * it with the value), and a category without the "clients helped" its table's title already says.
 */
export function rowName(row: SectionRow, language: 'nl' | 'en'): string {
  const name = row.figure[language].replace(/ \(s\)$/, '');
  const prefix = HELPED_PREFIXES[language];
  const short = name.startsWith(prefix) ? name.slice(prefix.length) : name;
  return short.charAt(0).toUpperCase() + short.slice(1);
}
