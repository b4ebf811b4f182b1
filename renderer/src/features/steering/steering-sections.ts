/**
 * The steering page's tables, built from the same figure list as the CSV (steeringFigureList), so
 * the page and the file name the same figures with the same values. Each figure is put in the
 * table it belongs to by its name; one the page does not know yet lands in "other figures" rather
 * than being left out. The fast-track and sponsor-list figures are not in the CSV list (yet): the
 * page adds them from the report itself.
 */
import { SERVICE_CODES, type ServiceCode } from '../../../../shared/domain/codes';
import type { SteeringReport } from '../../../../shared/steering/steering-api';
import { steeringFigureList, type SteeringFigure } from '../../../../shared/steering/steering-columns';
import type { FigureKind } from './steering-format';

export const SECTION_KEYS = ['services', 'categories', 'visits', 'fastTrack', 'times', 'firstTimeRight', 'noShows', 'other'] as const;
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

/** Figures the CSV does not list, named the same way. */
const EXTRA_FIGURES: Record<'visits' | 'fastTrack', SteeringFigure[]> = {
  visits: [
    { nl: 'referenten op de lijst van de locatie bediend', en: "sponsors on the location's list served", value: (f) => f.sponsors.onList },
    { nl: 'referenten op de lijst van de locatie', en: "sponsors on the location's list", value: (f) => f.sponsors.listSize },
    { nl: 'aandeel van de lijst bediend', en: 'share of the list served', value: (f) => f.sponsors.listShare },
  ],
  fastTrack: [
    { nl: 'fast-track inschrijvingen', en: 'fast-track registrations', value: (f) => f.fastTrack.registered },
    { nl: 'BSN binnen 3 werkdagen', en: 'BSN within 3 working days', value: (f) => f.fastTrack.within },
    { nl: 'BSN later dan 3 werkdagen', en: 'BSN after 3 working days', value: (f) => f.fastTrack.late },
    { nl: 'nog geen BSN, termijn verstreken', en: 'no BSN yet, past the deadline', value: (f) => f.fastTrack.overdue },
    { nl: 'nog geen BSN, binnen de termijn', en: 'no BSN yet, still in time', value: (f) => f.fastTrack.pending },
    { nl: 'aandeel binnen 3 werkdagen', en: 'share within 3 working days', value: (f) => f.fastTrack.withinShare },
  ],
};

const SECTION_OF: Record<string, SectionKey> = {
  'clients helped': 'services',
  visits: 'visits',
  'days open': 'visits',
  'visits per day open': 'visits',
  ratings: 'visits',
  'average rating': 'visits',
  'ratings 7 or more': 'visits',
  'share satisfied (7 or more)': 'visits',
  'sponsors served': 'visits',
  'recognised sponsors served': 'visits',
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
  for (const [key, figures] of Object.entries(EXTRA_FIGURES) as [SectionKey, SteeringFigure[]][]) {
    rows.get(key)!.push(...figures.map((figure) => ({ figure, kind: kindOf(figure) })));
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
