/** The report tables that can be exported as CSV (shared/reports/report-columns.ts has their columns). */
export const REPORT_TABLES = ['overall', 'desks', 'clerks', 'services', 'hours', 'days', 'steps'] as const;
/** Chart data that can be exported as CSV too: the waiting-time histogram. */
export const CHART_TABLES = ['waits'] as const;
/** Everything `GET /api/v1/reports/export?table=` takes. */
export const EXPORTABLE_TABLES = [...REPORT_TABLES, ...CHART_TABLES] as const;
/** A report table that can be exported. */
export type ReportTable = (typeof REPORT_TABLES)[number];
/** Anything that can be exported. */
export type ExportableTable = (typeof EXPORTABLE_TABLES)[number];
