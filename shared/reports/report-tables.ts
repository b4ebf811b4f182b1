/** The report tables that can be exported as CSV (shared/reports/report-columns.ts has their columns). */
export const REPORT_TABLES = ['overall', 'desks', 'clerks', 'services', 'hours', 'days', 'steps'] as const;
/** A report table that can be exported. */
export type ReportTable = (typeof REPORT_TABLES)[number];
