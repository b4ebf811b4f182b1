/**
 * What the sync proofs share: the real server as a child process (PGlite in a temporary folder,
 * the demo location with its staff), the harness page on its own origin, desks in Chromium with
 * their own profile folders, and a supervisor's view of the server (a registered device of its own
 * that reads the change feed) to compare with what the desks hold.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import type { AppointmentState } from '../../shared/domain/appointment-state';
import { amsterdamDateOf } from '../../shared/domain/calendar-date';
import { pullResponseSchema } from '../../shared/sync/push-pull';
import { DEMO_PASSWORD } from '../../server/src/demo/demo-staff';
import { openPgliteDatabase } from '../../server/src/db/pglite-database';
import { postJson, registerDesk } from '../../server/test/support/accounts';
import { freePort } from '../../server/test/support/free-port';
import { startApiServer, type ApiServer } from '../../server/test/support/server-process';
import { launchDeskBrowser } from './chromium';
import { registerAndSignIn } from './harness-client';
import { HARNESS_BUILD_DIR } from './paths';
import { startStaticDeskServer, type StaticDeskServer } from './static-desk-server';

export const today = amsterdamDateOf(new Date());
export { DEMO_PASSWORD };

export interface ConflictRecord {
  eventId: string;
  appointmentId: string | null;
  deskId: string;
  type: string;
  error: { code: string };
}

/** The server's state as a supervisor's device pulls it from the start of the feed. */
export interface ServerView {
  appointments: Map<string, AppointmentState>;
  conflicts: ConflictRecord[];
  cursor: string;
  /** Every change of the feed, in order (the feed keeps each state an entity went through). */
  changes: { seq: string; entity: string; id: string; data: unknown }[];
}

/** The appointments as the feed had them at `cursor`: the last state of each at or before it. */
export function appointmentsAsOf(view: ServerView, cursor: string): Map<string, AppointmentState> {
  const states = new Map<string, AppointmentState>();
  for (const change of view.changes) {
    if (BigInt(change.seq) > BigInt(cursor)) break;
    if (change.entity === 'appointment') states.set(change.id, change.data as AppointmentState);
  }
  return states;
}

export interface SyncRig {
  readonly api: ApiServer;
  workDir: string;
  dataDir: string;
  apiPort: number;
  harnessUrl: string;
  adminToken: string;
  /** A one-time code to register a desk device at `deskId`. */
  registrationCode(deskId: string): Promise<string>;
  /** The whole feed as the supervisor's device pulls it. */
  serverView(): Promise<ServerView>;
  /** Starts the stopped server again on the same port and data folder. */
  restartServer(): Promise<void>;
  close(): Promise<void>;
}

export async function signInAs(apiUrl: string, username: string, device?: { deviceId: string; deviceSecret: string }): Promise<string> {
  const response = await postJson({ url: apiUrl }, '/api/v1/auth/sign-in', { username, password: DEMO_PASSWORD, device });
  if (response.status !== 200) throw new Error(`sign-in of ${username} answered ${response.status}: ${await response.text()}`);
  return ((await response.json()) as { token: string }).token;
}

/** `databaseUrl`: a PostgreSQL database for the server instead of PGlite (the bench runs both). */
export async function startSyncRig(options: { databaseUrl?: string } = {}): Promise<SyncRig> {
  const workDir = await mkdtemp(join(tmpdir(), 'balie-sync-proof-'));
  const dataDir = join(workDir, 'server-data');
  const [apiPort, deskPort] = [await freePort(), await freePort()];
  const deskOrigin = `http://127.0.0.1:${deskPort}`;
  const serverOptions = { port: apiPort, dataDir, deskOrigins: [deskOrigin], ...(options.databaseUrl ? { databaseUrl: options.databaseUrl } : {}) };
  let api = await startApiServer(serverOptions);
  const apiUrl = api.url;
  const desk: StaticDeskServer = await startStaticDeskServer(deskPort, apiUrl, HARNESS_BUILD_DIR);
  const adminToken = await signInAs(apiUrl, 'beheerder');
  const observerDevice = await registerDesk({ url: apiUrl }, adminToken, 'MAA', 'MAA-D4');
  let supervisorToken = await signInAs(apiUrl, 'teamleider', observerDevice);

  async function pullAll(): Promise<ServerView> {
    const appointments = new Map<string, AppointmentState>();
    const conflicts: ConflictRecord[] = [];
    const changes: ServerView['changes'] = [];
    let since = '0';
    for (;;) {
      const response = await fetch(`${apiUrl}/api/v1/sync/pull?since=${since}&limit=1000`, { headers: { authorization: `Bearer ${supervisorToken}` } });
      if (response.status !== 200) throw new Error(`the supervisor's pull answered ${response.status}`);
      const page = pullResponseSchema.parse(await response.json());
      changes.push(...page.changes);
      for (const change of page.changes) {
        if (change.entity === 'appointment') appointments.set(change.id, change.data as AppointmentState);
        if (change.entity === 'conflict') conflicts.push(change.data as ConflictRecord);
      }
      since = page.nextCursor;
      if (!page.hasMore) return { appointments, conflicts, cursor: since, changes };
    }
  }

  return {
    get api() {
      return api;
    },
    workDir,
    dataDir,
    apiPort,
    harnessUrl: `${desk.origin}/?server=${encodeURIComponent(apiUrl)}`,
    adminToken,
    async registrationCode(deskId) {
      const response = await postJson({ url: apiUrl }, '/api/v1/devices/registration-codes', { locationId: 'MAA', kind: 'desk', deskId }, adminToken);
      if (response.status !== 201) throw new Error(`registration code answered ${response.status}`);
      return ((await response.json()) as { code: string }).code;
    },
    serverView: pullAll,
    async restartServer() {
      api = await startApiServer(serverOptions);
      supervisorToken = await signInAs(apiUrl, 'teamleider', observerDevice);
    },
    async close() {
      await api.stop();
      await desk.close();
      await rm(workDir, { recursive: true, force: true });
    },
  };
}

/** A desk PC: Chromium with its own profile folder, the harness page open. */
export interface DeskPc {
  browser: BrowserContext;
  page: Page;
  profileDir: string;
}

export async function openDeskPc(rig: SyncRig, name: string, beforeLoad?: (browser: BrowserContext) => Promise<void>): Promise<DeskPc> {
  const profileDir = join(rig.workDir, `profile-${name}`);
  const browser = await launchDeskBrowser(profileDir);
  await beforeLoad?.(browser);
  const page = browser.pages()[0] ?? (await browser.newPage());
  await page.goto(rig.harnessUrl);
  return { browser, page, profileDir };
}

/** Closes the browser and starts it again with the same profile: the PC was restarted. */
export async function restartDeskPc(rig: SyncRig, pc: DeskPc, beforeLoad?: (browser: BrowserContext) => Promise<void>): Promise<DeskPc> {
  await pc.browser.close();
  const browser = await launchDeskBrowser(pc.profileDir);
  await beforeLoad?.(browser);
  const page = browser.pages()[0] ?? (await browser.newPage());
  // No ?server=: the desk remembers its server.
  await page.goto(rig.harnessUrl.split('?')[0]!);
  return { browser, page, profileDir: pc.profileDir };
}

export async function signedInDeskPc(rig: SyncRig, name: string, deskId: string, username: string): Promise<DeskPc> {
  const pc = await openDeskPc(rig, name);
  await registerAndSignIn(pc.page, await rig.registrationCode(deskId), username, DEMO_PASSWORD);
  return pc;
}

/** The server cannot be reached from this browser (every request to it fails as a network error). */
export async function cutOff(browser: BrowserContext, apiUrl: string): Promise<void> {
  await browser.route(`${apiUrl}/**`, (route) => route.abort('internetdisconnected'));
}

/** The network is back: requests reach the server, and the browser says it is online again. */
export async function reconnect(pc: DeskPc, apiUrl: string): Promise<void> {
  await pc.browser.unroute(`${apiUrl}/**`);
  await pc.page.evaluate(() => window.dispatchEvent(new Event('online')));
}

/** The desk's status line, as the clerk reads it. */
export function statusLine(page: Page) {
  return page.getByTestId('desk-sync-status');
}

/** Waits until the status line reads `pattern`; returns its text (fails after `timeout` with the last text). */
export async function untilStatus(page: Page, pattern: RegExp, timeout = 30_000): Promise<string> {
  try {
    await page.waitForFunction(
      ([source, flags]) => new RegExp(source, flags).test(document.querySelector('[data-testid=desk-sync-status]')?.textContent ?? ''),
      [pattern.source, pattern.flags] as const,
      { timeout, polling: 100 },
    );
  } catch (error) {
    throw new Error(`the status line never read ${pattern} (it reads "${await statusLine(page).textContent().catch(() => null)}")`, { cause: error });
  }
  return (await statusLine(page).textContent()) ?? '';
}

/** Keys sorted at every level, so equal states give equal text. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b)).map(([key, inner]) => [key, canonical(inner)]));
  }
  return value;
}

/** A SHA-256 of appointment states (any order): the desk's and the server's must match. */
export function stateHash(appointments: Iterable<AppointmentState>): string {
  const sorted = [...appointments].sort((a, b) => a.id.localeCompare(b.id));
  return createHash('sha256').update(JSON.stringify(canonical(sorted))).digest('hex');
}

/** Opens the stopped server's PGlite folder and reads what it stored: the server's own word. */
export async function storedEvents(rig: SyncRig, ids: readonly string[]): Promise<{ total: number; outcomes: Map<string, string[]> }> {
  const db = await openPgliteDatabase(rig.dataDir);
  try {
    const rows = await db.query<{ id: string; outcome: string }>('SELECT id, outcome FROM events WHERE id = ANY($1::text[])', [ids]);
    const outcomes = new Map<string, string[]>();
    for (const row of rows) outcomes.set(row.id, [...(outcomes.get(row.id) ?? []), row.outcome]);
    const [count] = await db.query<{ n: string }>('SELECT count(*)::text AS n FROM events');
    return { total: Number(count?.n ?? 0), outcomes };
  } finally {
    await db.close();
  }
}
