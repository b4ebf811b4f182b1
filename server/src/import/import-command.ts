/**
 * `import FILE --location MAA [--json]`: the appointment import from the command line, on the
 * server's own machine (the database the configuration names). Prints the report in English, or
 * the whole report as JSON (both languages) with --json. Exit code 0 when every row was taken,
 * 2 when rows or bookings were left out, 1 when nothing could be imported.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { ImportReport } from '../../../shared/sync/import-api';
import type { ServerConfig } from '../config';
import { migrate } from '../db/migrate';
import { openDatabase } from '../db/open-database';
import { importAppointments } from './import-appointments';

export async function runImportCommand(config: ServerConfig, args: readonly string[], workDir: string): Promise<void> {
  const { values, positionals } = parseArgs({
    args: [...args],
    options: { location: { type: 'string' }, json: { type: 'boolean', default: false } },
    allowPositionals: true,
  });
  const [path, ...extra] = positionals;
  if (!path || extra.length > 0 || !values.location) throw new Error('usage: import FILE.csv --location MAA [--json]');
  const file = await readFile(resolve(workDir, path));
  const db = await openDatabase(config.database);
  try {
    await migrate(db);
    const result = await importAppointments(db, {
      locationId: values.location.toUpperCase(),
      file,
      now: new Date(),
      actor: { accountId: null, source: 'cli' },
    });
    if (!result.ok) {
      if (result.problem === 'unknown-location') throw new Error(`no location ${values.location}`);
      throw new Error(`the file was not imported:\n  ${result.reasons.map((reason) => reason.message.en).join('\n  ')}`);
    }
    console.log(values.json ? JSON.stringify(result.report, null, 2) : describeReport(result.report));
    if (result.report.badRows.length > 0 || result.report.refusedBookings.length > 0) process.exitCode = 2;
  } finally {
    await db.close();
  }
}

/** The report for a person at a terminal. */
export function describeReport(report: ImportReport): string {
  const { imported } = report;
  const lines = [
    `Import into ${report.locationId}: ${report.rows} rows read.`,
    `  imported: ${imported.bookings} bookings, ${imported.persons} persons, ${imported.appointments} appointments`,
    `  unchanged: ${report.unchanged} bookings; cancelled: ${report.cancelled} bookings`,
  ];
  if ((report.filledIn ?? 0) > 0) lines.push(`  filled in (client category or sponsor they lacked): ${report.filledIn} bookings`);
  if (report.badRows.length > 0) lines.push(`${report.badRows.length} bad rows (left out):`);
  for (const row of report.badRows) {
    const booking = row.appointmentCode === null ? '' : ` [${row.appointmentCode}${row.booking === 'without-this-row' ? ', booking taken without this row' : ''}]`;
    lines.push(`  line ${row.line}${booking}: ${row.reasons.map((reason) => reason.message.en).join(' ')}`);
  }
  if (report.refusedBookings.length > 0) lines.push(`${report.refusedBookings.length} bookings refused as a whole:`);
  for (const booking of report.refusedBookings) {
    lines.push(`  ${booking.appointmentCode} (lines ${booking.lines.join(', ')}): ${booking.reasons.map((reason) => reason.message.en).join(' ')}`);
  }
  return lines.join('\n');
}
