import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, amsterdamDateOf } from '../../../shared/domain/calendar-date';
import { importReportSchema } from '../../../shared/sync/import-api';
import { openDatabase } from '../../src/db/open-database';
import { createTestDatabase, databaseKindsUnderTest, type TestDatabase } from '../support/test-databases';
import { startTestServer } from '../support/test-server';
import { generateExport, toCsv } from './booking-export';

const REPOSITORY_ROOT = resolve(import.meta.dirname, '../../..');

/** Runs the server's command line as an admin would, from `callerDir` (npm passes it as INIT_CWD). */
function runCli(args: string[], env: Record<string, string>, callerDir: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', resolve(REPOSITORY_ROOT, 'server/src/cli.ts'), ...args], {
    cwd: REPOSITORY_ROOT,
    env: { ...process.env, ...env, INIT_CWD: callerDir, BALIE_LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolveRun) => child.on('close', (code) => resolveRun({ code, stdout, stderr })));
}

describe.each(databaseKindsUnderTest())('the import command on %s', (kind) => {
  let database: TestDatabase;
  let callerDir: string;
  let env: Record<string, string>;
  const rows = generateExport({ seed: 'balie-import-cli', rows: 20, firstDate: addDays(amsterdamDateOf(new Date()), 3), days: 5 }).flat();
  rows[9] = { ...rows[9]!, v_number: '12 3456 789' };

  beforeAll(async () => {
    database = await createTestDatabase(kind);
    // The server's first start creates the location; the command then runs with the server stopped.
    await (await startTestServer(database)).stop();
    callerDir = await mkdtemp(join(tmpdir(), 'balie-import-cli-'));
    await writeFile(join(callerDir, 'export.csv'), toCsv(rows));
    env = database.config.kind === 'pglite' ? { BALIE_DATA_DIR: database.config.dataDir, DATABASE_URL: '' } : { DATABASE_URL: database.config.url };
  });
  afterAll(async () => {
    await database?.drop();
    if (callerDir) await rm(callerDir, { recursive: true, force: true });
  });

  it('imports a file named relative to the caller\'s folder, prints the bad row, and exits with 2', async () => {
    const run = await runCli(['import', 'export.csv', '--location', 'MAA'], env, callerDir);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(2);
    expect(run.stdout).toContain('imported:');
    expect(run.stdout).toContain('19 persons');
    expect(run.stdout).toMatch(/line 11 \[[A-Z0-9]+.*\]: A V-number has 10 digits; this has 9\./);
    const db = await openDatabase(database.config);
    try {
      const [stored] = await db.query<{ count: number }>(
        'SELECT count(*)::int AS count FROM persons p JOIN bookings b ON b.id = p.booking_id WHERE b.appointment_code = ANY($1::text[])',
        [[...new Set(rows.map((row) => row.appointment_code))]],
      );
      const [audit] = await db.query<{ detail: { source: string } }>("SELECT detail FROM audit_log WHERE action = 'appointments-imported'");
      expect(stored!.count).toBe(19);
      expect(audit!.detail.source).toBe('cli');
    } finally {
      await db.close();
    }
  });

  it('prints the whole report as JSON on request; a second run changes nothing', async () => {
    const run = await runCli(['import', join(callerDir, 'export.csv'), '--location', 'MAA', '--json'], env, REPOSITORY_ROOT);
    expect(run.code).toBe(2);
    const report = importReportSchema.parse(JSON.parse(run.stdout));
    expect(report.imported).toEqual({ bookings: 0, persons: 0, appointments: 0 });
    expect(report.unchanged).toBe(new Set(rows.map((row) => row.appointment_code)).size);
    expect(report.badRows).toEqual([expect.objectContaining({ line: 11, reasons: [expect.objectContaining({ code: 'v-number-length' })] })]);
  });

  it('stops with 1 and a message for an unknown location or a missing file', async () => {
    const unknown = await runCli(['import', 'export.csv', '--location', 'AMS'], env, callerDir);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('no location AMS');
    const missing = await runCli(['import', 'nothing.csv', '--location', 'MAA'], env, callerDir);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('nothing.csv');
  });
});
