/**
 * The CSV exports of the reports: which tables exist, their columns with Dutch and English
 * headers, and how a table becomes CSV text (RFC 4180, `;`-free: comma separated, quoted where
 * needed, numbers with a decimal point, one header row). Spreadsheets open it as it is.
 */
import type { DeskTimeFigures, GroupFigures, Report, ReportLanguage, StepFigures } from './report-api';
import type { ReportTable } from './report-tables';

/** One column: its headers and how a row fills it. */
export interface CsvColumn<Row> {
  readonly nl: string;
  readonly en: string;
  readonly value: (row: Row) => string | number | boolean | null;
}


/** A group's row: its key, its figures, and (for desks and clerks) its desk time. */
export interface GroupRow {
  readonly key: string;
  readonly figures: GroupFigures;
  readonly time: DeskTimeFigures | null;
}

/** A table of figures per group: every table but the steps and the wait histogram. */
export type GroupTable = Exclude<ReportTable, 'steps'>;

const keyHeaders: Record<GroupTable, { nl: string; en: string }> = {
  overall: { nl: 'periode', en: 'period' },
  desks: { nl: 'balie', en: 'desk' },
  clerks: { nl: 'medewerker', en: 'clerk' },
  services: { nl: 'dienst', en: 'service' },
  hours: { nl: 'uur', en: 'hour' },
  days: { nl: 'dag', en: 'day' },
};

function durationColumns<Row>(prefix: { nl: string; en: string }, stats: (row: Row) => GroupFigures['waitingTime']): CsvColumn<Row>[] {
  return [
    { nl: `${prefix.nl} aantal`, en: `${prefix.en} count`, value: (row) => stats(row).count },
    { nl: `${prefix.nl} gemiddeld (s)`, en: `${prefix.en} mean (s)`, value: (row) => stats(row).mean },
    { nl: `${prefix.nl} mediaan (s)`, en: `${prefix.en} median (s)`, value: (row) => stats(row).median },
    { nl: `${prefix.nl} p90 (s)`, en: `${prefix.en} p90 (s)`, value: (row) => stats(row).p90 },
    { nl: `${prefix.nl} max (s)`, en: `${prefix.en} max (s)`, value: (row) => stats(row).max },
  ];
}

const deskTimeColumns: CsvColumn<GroupRow>[] = [
  { nl: 'open (s)', en: 'open (s)', value: (row) => row.time?.openSeconds ?? null },
  { nl: 'pauze (s)', en: 'pause (s)', value: (row) => row.time?.pauseSeconds ?? null },
  { nl: 'bezig (s)', en: 'busy (s)', value: (row) => row.time?.busySeconds ?? null },
  { nl: 'leeg (s)', en: 'idle (s)', value: (row) => row.time?.idleSeconds ?? null },
  { nl: 'diensten per open uur', en: 'services per open hour', value: (row) => row.time?.servicesPerOpenHour ?? null },
];

/** The columns of a group table. */
export function groupColumns(table: GroupTable): CsvColumn<GroupRow>[] {
  const columns: CsvColumn<GroupRow>[] = [
    { ...keyHeaders[table], value: (row) => row.key },
    { nl: 'diensten afgesloten', en: 'services finished', value: (row) => row.figures.servicesFinished },
    { nl: 'diensten afgerond', en: 'services completed', value: (row) => row.figures.servicesCompleted },
    { nl: 'personen geholpen', en: 'persons served', value: (row) => row.figures.personsServed },
    ...durationColumns<GroupRow>({ nl: 'wachttijd', en: 'waiting time' }, (row) => row.figures.waitingTime),
    ...durationColumns<GroupRow>({ nl: 'behandeltijd', en: 'service time' }, (row) => row.figures.serviceTime),
    { nl: 'norm wachttijd (s)', en: 'waiting target (s)', value: (row) => row.figures.serviceLevel.targetSeconds },
    { nl: 'binnen de norm', en: 'within target', value: (row) => row.figures.serviceLevel.withinTarget },
    { nl: 'oproepen', en: 'calls', value: (row) => row.figures.serviceLevel.calls },
    { nl: 'servicegraad', en: 'service level', value: (row) => row.figures.serviceLevel.share },
    { nl: 'niet verschenen', en: 'no-shows', value: (row) => row.figures.noShows },
    { nl: 'percentage niet verschenen', en: 'no-show rate', value: (row) => row.figures.noShowRate },
    { nl: 'te laat', en: 'late arrivals', value: (row) => row.figures.lateArrivals },
  ];
  return table === 'desks' || table === 'clerks' ? [...columns, ...deskTimeColumns] : columns;
}

/** The columns of the step table. */
export const STEP_COLUMNS: CsvColumn<StepFigures>[] = [
  { nl: 'dienst', en: 'service', value: (row) => row.service },
  { nl: 'checklist', en: 'checklist', value: (row) => row.checklistId },
  { nl: 'stap', en: 'step', value: (row) => row.stepId },
  ...durationColumns<StepFigures>({ nl: 'staptijd', en: 'step time' }, (row) => row.time),
];

/** The columns of the waiting-time histogram. */
export const WAIT_COLUMNS: CsvColumn<Report['waitingTimeDistribution'][number]>[] = [
  { nl: 'wachttijd vanaf (min)', en: 'waited from (min)', value: (row) => row.fromMinute },
  { nl: 'wachttijd tot (min)', en: 'waited up to (min)', value: (row) => row.toMinute },
  { nl: 'aantal', en: 'count', value: (row) => row.count },
];

/** The rows of a group table of a report. */
export function groupRows(report: Report, table: GroupTable): GroupRow[] {
  const none = (key: string): GroupRow => ({ key, figures: report.overall, time: null });
  switch (table) {
    case 'overall': return [none(report.from === report.to ? report.from : `${report.from}/${report.to}`)];
    case 'desks': return Object.entries(report.byDesk).map(([key, figures]) => ({ key, figures, time: report.deskTime[key] ?? null }));
    case 'clerks': return Object.entries(report.byClerk).map(([key, figures]) => ({ key, figures, time: report.clerkTime[key] ?? null }));
    case 'services': return Object.entries(report.byService).map(([key, figures]) => ({ key, figures, time: null }));
    case 'hours': return Object.entries(report.byHour).map(([key, figures]) => ({ key, figures, time: null }));
    case 'days': return Object.entries(report.byDay).map(([key, figures]) => ({ key, figures, time: null }));
  }
}

/** A row of the event export: one stored event with its outcome. */
export interface EventRow {
  readonly serverSeq: string | null;
  readonly id: string;
  readonly locationId: string;
  readonly day: string | null;
  readonly occurredAt: string | null;
  readonly receivedAt: string;
  readonly outcome: string;
  readonly type: string | null;
  readonly deskId: string | null;
  readonly clerkId: string | null;
  readonly appointmentId: string | null;
  readonly deviceId: string;
  readonly deviceSeq: number;
  /** The event's payload as JSON (notes and walk-ins hold personal data, as in the log). */
  readonly payload: string | null;
}

/** The columns of the event export. */
export const EVENT_COLUMNS: CsvColumn<EventRow>[] = [
  { nl: 'servervolgnummer', en: 'server sequence', value: (row) => row.serverSeq },
  { nl: 'gebeurtenis', en: 'event id', value: (row) => row.id },
  { nl: 'locatie', en: 'location', value: (row) => row.locationId },
  { nl: 'dag', en: 'day', value: (row) => row.day },
  { nl: 'tijdstip (balie)', en: 'occurred at (desk clock)', value: (row) => row.occurredAt },
  { nl: 'ontvangen', en: 'received at', value: (row) => row.receivedAt },
  { nl: 'uitkomst', en: 'outcome', value: (row) => row.outcome },
  { nl: 'soort', en: 'type', value: (row) => row.type },
  { nl: 'balie', en: 'desk', value: (row) => row.deskId },
  { nl: 'medewerker', en: 'clerk', value: (row) => row.clerkId },
  { nl: 'afspraak', en: 'appointment', value: (row) => row.appointmentId },
  { nl: 'apparaat', en: 'device', value: (row) => row.deviceId },
  { nl: 'apparaatvolgnummer', en: 'device sequence', value: (row) => row.deviceSeq },
  { nl: 'gegevens', en: 'payload', value: (row) => row.payload },
];

function csvField(value: string | number | boolean | null): string {
  if (value === null) return '';
  const text = String(value);
  // A leading =, +, - or @ would make a spreadsheet run the cell as a formula: quote it with a '.
  const safe = /^[=+\-@\t\r]/.test(text) && typeof value === 'string' ? `'${text}` : text;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** The CSV text of `rows`, headers in `lang`, lines ending in CRLF. */
export function toCsv<Row>(columns: readonly CsvColumn<Row>[], rows: readonly Row[], lang: ReportLanguage): string {
  const lines = [columns.map((column) => csvField(column[lang])), ...rows.map((row) => columns.map((column) => csvField(column.value(row))))];
  return lines.map((line) => line.join(',')).join('\r\n') + '\r\n';
}
