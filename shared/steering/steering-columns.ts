/**
 * The steering report as CSV: one row per figure, with its name in Dutch or English, this period
 * and the previous period (the CSV rules of the reports: shared/reports/report-columns.ts).
 */
import { CLIENT_CATEGORY_LABELS, SERVICE_CODES } from '../domain/codes';
import type { ReportLanguage } from '../reports/report-api';
import { toCsv, type CsvColumn } from '../reports/report-columns';
import { UNKNOWN_CATEGORY, type SteeringFigures, type SteeringReport } from './steering-api';

type Value = number | null;
/** One figure: its names and how a period's figures give it. */
export interface SteeringFigure {
  readonly nl: string;
  readonly en: string;
  readonly value: (figures: SteeringFigures) => Value;
}

const UNKNOWN_LABEL = { nl: 'onbekend', en: 'unknown' } as const;

/** The figures in their order on the page and in the CSV; services and categories as they occur. */
export function steeringFigureList(report: SteeringReport): SteeringFigure[] {
  const keysOf = (pick: (figures: SteeringFigures) => Record<string, number>) => [...new Set([...Object.keys(pick(report.current)), ...Object.keys(pick(report.previous))])];
  const services = keysOf((f) => f.clientsHelped.byService).sort((a, b) => SERVICE_CODES.indexOf(a as never) - SERVICE_CODES.indexOf(b as never));
  const categories = keysOf((f) => f.clientsHelped.byCategory).sort();
  const categoryLabel = (key: string) => (key === UNKNOWN_CATEGORY ? UNKNOWN_LABEL : (CLIENT_CATEGORY_LABELS as Record<string, { nl: string; en: string }>)[key] ?? { nl: key, en: key });
  return [
    { nl: 'klanten geholpen', en: 'clients helped', value: (f) => f.clientsHelped.total },
    ...services.map((service): SteeringFigure => ({ nl: `klanten geholpen: ${service}`, en: `clients helped: ${service}`, value: (f) => f.clientsHelped.byService[service] ?? 0 })),
    ...categories.map((key): SteeringFigure => ({
      nl: `klanten geholpen: ${categoryLabel(key).nl}`,
      en: `clients helped: ${categoryLabel(key).en}`,
      value: (f) => f.clientsHelped.byCategory[key] ?? 0,
    })),
    { nl: 'bezoeken', en: 'visits', value: (f) => f.visits.total },
    { nl: 'dagen open', en: 'days open', value: (f) => f.visits.daysOpen },
    { nl: 'bezoeken per dag open', en: 'visits per day open', value: (f) => f.visits.perDayOpen },
    { nl: 'waarderingen', en: 'ratings', value: (f) => f.rating.count },
    { nl: 'gemiddelde waardering', en: 'average rating', value: (f) => f.rating.mean },
    { nl: 'waarderingen 7 of hoger', en: 'ratings 7 or more', value: (f) => f.rating.satisfied },
    { nl: 'aandeel tevreden (7 of hoger)', en: 'share satisfied (7 or more)', value: (f) => f.rating.satisfiedShare },
    { nl: 'referenten bediend', en: 'sponsors served', value: (f) => f.sponsors.served },
    { nl: 'erkende referenten bediend', en: 'recognised sponsors served', value: (f) => f.sponsors.recognised },
    { nl: 'referenten op de lijst van de locatie', en: "sponsors on the location's list", value: (f) => f.sponsors.listSize },
    { nl: 'referenten van de lijst bediend', en: 'sponsors on the list served', value: (f) => f.sponsors.onList },
    { nl: 'aandeel van de lijst bediend', en: 'share of the list served', value: (f) => f.sponsors.listShare },
    { nl: 'snelle BRP-inschrijvingen', en: 'fast-track registrations', value: (f) => f.fastTrack.registered },
    { nl: 'BSN binnen 3 werkdagen', en: 'BSN within 3 working days', value: (f) => f.fastTrack.within },
    { nl: 'BSN later dan 3 werkdagen', en: 'BSN after 3 working days', value: (f) => f.fastTrack.late },
    { nl: 'BSN te laat en nog open', en: 'BSN overdue and still open', value: (f) => f.fastTrack.overdue },
    { nl: 'BSN open, nog op tijd', en: 'BSN open, still in time', value: (f) => f.fastTrack.pending },
    { nl: 'aandeel BSN binnen 3 werkdagen', en: 'share BSN within 3 working days', value: (f) => f.fastTrack.withinShare },
    { nl: 'wachttijd aantal', en: 'waiting time count', value: (f) => f.waitingTime.count },
    { nl: 'wachttijd mediaan (s)', en: 'waiting time median (s)', value: (f) => f.waitingTime.median },
    { nl: 'wachttijd p90 (s)', en: 'waiting time p90 (s)', value: (f) => f.waitingTime.p90 },
    { nl: 'behandeltijd aantal', en: 'service time count', value: (f) => f.serviceTime.count },
    { nl: 'behandeltijd mediaan (s)', en: 'service time median (s)', value: (f) => f.serviceTime.median },
    { nl: 'behandeltijd p90 (s)', en: 'service time p90 (s)', value: (f) => f.serviceTime.p90 },
    { nl: 'bezoeken afgesloten', en: 'visits finished', value: (f) => f.firstTimeRight.finishedVisits },
    { nl: 'in één keer goed', en: 'first time right', value: (f) => f.firstTimeRight.firstTimeRight },
    { nl: 'aandeel in één keer goed', en: 'first-time-right share', value: (f) => f.firstTimeRight.share },
    { nl: 'geboekte afspraken', en: 'booked appointments', value: (f) => f.noShows.booked },
    { nl: 'niet verschenen', en: 'no-shows', value: (f) => f.noShows.count },
    { nl: 'percentage niet verschenen', en: 'no-show rate', value: (f) => f.noShows.rate },
  ];
}

interface SteeringCsvRow {
  readonly figure: SteeringFigure;
  readonly current: Value;
  readonly previous: Value;
}

/** The report as CSV text in `lang`: figure, this period, previous period (the dates in the headers). */
export function steeringCsv(report: SteeringReport, lang: ReportLanguage): string {
  const period = (figures: SteeringFigures) => `${figures.from}_${figures.to}`;
  const columns: CsvColumn<SteeringCsvRow>[] = [
    { nl: 'kengetal', en: 'figure', value: (row) => row.figure[lang] },
    { nl: `deze periode ${period(report.current)}`, en: `this period ${period(report.current)}`, value: (row) => row.current },
    { nl: `vorige periode ${period(report.previous)}`, en: `previous period ${period(report.previous)}`, value: (row) => row.previous },
  ];
  const rows = steeringFigureList(report).map((figure) => ({ figure, current: figure.value(report.current), previous: figure.value(report.previous) }));
  return toCsv(columns, rows, lang);
}
