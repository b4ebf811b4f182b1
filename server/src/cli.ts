/**
 * The server's command line: `start` (default) runs the server, `migrate` only applies migrations,
 * `create-admin --username NAME [--name "Full Name"]` creates an administrator (the password comes
 * from BALIE_ADMIN_PASSWORD or is asked for), `import FILE.csv --location MAA [--json]` imports the
 * booking system's appointment export (docs/import.md). Configuration comes from the environment (README).
 */
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { readServerConfig } from './config';
import { DEMO_PASSWORD, type DemoDeskCode } from './demo/demo-staff';
import { DEMO_LOCATION } from './demo/seed';
import { createAccount } from './repositories/accounts';
import { runImportCommand } from './import/import-command';
import { migrate } from './db/migrate';
import { openDatabase } from './db/open-database';
import { startServer } from './server';

async function main(command: string): Promise<void> {
  // npm runs workspace scripts inside server/; the data folder belongs at the repository root.
  const config = readServerConfig(process.env, process.env.INIT_CWD ?? process.cwd());
  switch (command) {
    case 'start': {
      const server = await startServer(config);
      server.app.log.info(`Balie server on ${server.url} (desk in a browser: ${server.url}/desk/)`);
      printDemoAccess(server.demoDeskCodes, server.url);
      const shutdown = (signal: string) => {
        server.app.log.info({ signal }, 'shutting down');
        server.stop().then(() => process.exit(0), (error: unknown) => {
          console.error(error);
          process.exit(1);
        });
      };
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
      return;
    }
    case 'migrate': {
      const db = await openDatabase(config.database);
      const applied = await migrate(db);
      await db.close();
      console.log(applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date');
      return;
    }
    case 'create-admin': {
      const { values } = parseArgs({ args: process.argv.slice(3), options: { username: { type: 'string' }, name: { type: 'string' } } });
      if (!values.username) throw new Error('create-admin needs --username');
      const password = process.env.BALIE_ADMIN_PASSWORD ?? (await askPassword());
      if (password.length < 12) throw new Error('an admin password has at least 12 characters');
      const db = await openDatabase(config.database);
      try {
        await migrate(db);
        const admin = await createAccount(db, {
          username: values.username.toLowerCase(),
          displayName: values.name ?? values.username,
          role: 'admin',
          locationId: null,
          password,
        });
        console.log(`admin ${admin.username} created (${admin.id})`);
      } finally {
        await db.close();
      }
      return;
    }
    case 'import': {
      // A relative file name means the caller's folder, like the data folder does.
      await runImportCommand(config, process.argv.slice(3), process.env.INIT_CWD ?? process.cwd());
      return;
    }
    default:
      throw new Error(`unknown command "${command}": use start, migrate, create-admin or import`);
  }
}

/** For the person who started a demo: how to register a desk and sign in (stdout, not the log). */
function printDemoAccess(codes: readonly DemoDeskCode[], url: string): void {
  if (codes.length === 0) return;
  const desks = codes.filter((c) => c.kind === 'desk');
  console.log(`Demo: register a desk with one of these codes (valid 24 h): ${desks.map((c) => `${c.deskId} ${c.code}`).join(', ')}`);
  for (const display of codes.filter((c) => c.kind === 'display')) {
    console.log(`Demo: link the waiting-room display at ${url}/display/${DEMO_LOCATION.id} with the code ${display.code}; supervisors: ${url}/supervisor/`);
  }
  console.log(`Demo: sign in as medewerker1..4 (clerks), teamleider (supervisor), gemeenteloket (municipality, /supervisor/) or beheerder (admin), password ${DEMO_PASSWORD}`);
}

async function askPassword(): Promise<string> {
  const prompt = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return await prompt.question('Password for the new admin (12+ characters): ');
  } finally {
    prompt.close();
  }
}

main(process.argv[2] ?? 'start').catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
