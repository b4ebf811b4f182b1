/**
 * The server's half of `bench/desk-sync.ts`, without Chromium: a desk that served 250 imported
 * people offline (check in, call, start, four notes, finish: 2,000 events on a day of 310
 * appointments) pushes its outbox in batches of 500, then pulls what changed. The server is a child
 * process started just before, as in the desk bench (a fresh process: its first push runs cold).
 * Three rounds, each on a fresh database; prints each push and the server's cost per event.
 *
 *   npx tsx bench/server-offline-day.ts
 *   DATABASE_URL=$(.ci/start-postgres.sh) npx tsx bench/server-offline-day.ts
 *   BALIE_BENCH_SERVER_PROFILE=/tmp/prof npx tsx bench/server-offline-day.ts   (a CPU profile of each server)
 *
 * Not a test: it asserts only that every event was accepted.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { amsterdamDateOf } from '../shared/domain/calendar-date';
import type { AppointmentState } from '../shared/domain/appointment-state';
import type { CommandContext, CommandResult } from '../shared/domain/command-support';
import type { DeskState } from '../shared/domain/desk-machine';
import type { DayState } from '../shared/domain/day-state';
import type { Person } from '../shared/domain/model';
import { openDesk } from '../shared/domain/commands-desk';
import { callAppointment, checkIn } from '../shared/domain/commands-queue';
import { addNote, complete, startService } from '../shared/domain/commands-service';
import type { BalieEvent } from '../shared/sync/events';
import { bigDayCsv, importDay, NOTES_PER_SERVICE } from '../e2e/support/big-day';
import { DEMO_PASSWORD, signInAs } from '../e2e/support/sync-rig';
import { postJson, registerDesk } from '../server/test/support/accounts';
import { freePort } from '../server/test/support/free-port';
import { startApiServer } from '../server/test/support/server-process';
import { simulatedRemoteDesk, type SimulatedDesk } from '../server/test/support/simulated-desk';
import { createTestDatabase, type DatabaseKind } from '../server/test/support/test-databases';

const PEOPLE = 250;
const BATCH = 500;
const ROUNDS = Number(process.env.BALIE_BENCH_ROUNDS ?? 3);
const PROFILE_DIR = process.env.BALIE_BENCH_SERVER_PROFILE;
const today = amsterdamDateOf(new Date());

const profileClock = () => Number(process.hrtime.bigint() / 1000n);

type Command = (state: DayState, context: CommandContext) => CommandResult;

/** One person's service, as `serviceActions` in e2e/support/big-day.ts has the desk do it. */
function serviceCommands(appointmentId: string, label: string): Command[] {
  return [
    (state, context) => checkIn(state, { appointmentIds: [appointmentId], method: 'manual' }, context),
    (state, context) => callAppointment(state, { appointmentId }, context),
    (state, context) => startService(state, { appointmentId }, context),
    ...Array.from({ length: NOTES_PER_SERVICE }, (_, note): Command => (state, context) =>
      addNote(state, { appointmentId, text: `${label}: notitie ${note + 1}` }, context)),
    (state, context) => complete(state, { appointmentId, outcome: 'partial', reason: `${label}: vervolgafspraak nodig` }, context),
  ];
}

function offlineDay(desk: SimulatedDesk): BalieEvent[] {
  const events = desk.act(openDesk);
  const people = Object.values(desk.state.appointments)
    .filter((appointment) => /^P\d{6}Q$/.test(appointment.appointmentCode ?? ''))
    .map((appointment) => appointment.id);
  for (const [index, id] of people.entries()) for (const command of serviceCommands(id, `persoon ${index}`)) events.push(...desk.act(command));
  return events;
}

/** The desk's day as it pulled it before going offline. */
async function pulledDay(desk: SimulatedDesk): Promise<{ day: DayState; cursor: string }> {
  const appointments: Record<string, AppointmentState> = {};
  const persons: Record<string, Person> = {};
  const desks: Record<string, DeskState> = {};
  let cursor = '0';
  for (let more = true; more; ) {
    const page = await desk.pull(cursor, 1000);
    for (const change of page.changes) {
      if (change.entity === 'appointment' && (change.data as AppointmentState).date === today) appointments[change.id] = change.data as AppointmentState;
      if (change.entity === 'person') persons[change.id] = change.data as Person;
      if (change.entity === 'desk') desks[change.id] = change.data as DeskState;
    }
    cursor = page.nextCursor;
    more = page.hasMore;
  }
  return { day: { appointments, persons, desks, seenEvents: {}, conflicts: [] }, cursor };
}

/** User and system CPU time of a process so far (Linux; 10 ms steps). */
async function cpuMsOf(pid: number): Promise<number> {
  const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).split(') ')[1]!.split(' ');
  // utime and stime are fields 14 and 15 of the line, 12 and 13 after the command name.
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

async function round(kind: DatabaseKind): Promise<void> {
  const database = await createTestDatabase(kind);
  const dataDir = await mkdtemp(join(tmpdir(), 'balie-offline-day-'));
  const api = await startApiServer({
    port: await freePort(),
    dataDir,
    deskOrigins: [],
    ...(database.config.kind === 'postgres' ? { databaseUrl: database.config.url } : {}),
    ...(PROFILE_DIR ? { nodeOptions: ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] } : {}),
  });
  try {
    const adminToken = await signInAs(api.url, 'beheerder');
    await importDay(api.url, adminToken, bigDayCsv(today, PEOPLE));
    const credential = await registerDesk(api, adminToken, 'MAA', 'MAA-D1');
    const signIn = await postJson(api, '/api/v1/auth/sign-in', { username: 'medewerker1', password: DEMO_PASSWORD, device: credential });
    const { token, account } = (await signIn.json()) as { token: string; account: { id: string } };
    const identity = { deviceId: credential.deviceId, deskId: 'MAA-D1', token, clerkId: account.id, locationId: 'MAA', day: today };
    const empty: DayState = { appointments: {}, persons: {}, desks: {}, seenEvents: {}, conflicts: [] };
    const desk = simulatedRemoteDesk(api.url, identity, empty);
    const { day, cursor } = await pulledDay(desk);
    desk.state = day;
    const events = offlineDay(desk);

    const pushes: number[] = [];
    const cpuBefore = await cpuMsOf(api.pid);
    const started = performance.now();
    for (let offset = 0; offset < events.length; offset += BATCH) {
      const sent = performance.now();
      const reply = await desk.push(events.slice(offset, offset + BATCH));
      pushes.push(performance.now() - sent);
      if (reply.status !== 200 || reply.body.results.some((result) => result.status !== 'accepted')) throw new Error('a push was not accepted');
    }
    const pushMs = performance.now() - started;
    const serverCpuMs = (await cpuMsOf(api.pid)) - cpuBefore;
    // Under --cpu-prof: the pushes on the profiles' clock (microseconds), to read them alone.
    if (PROFILE_DIR) console.info(`pushes on the profile clock: ${profileClock() - Math.round(pushMs * 1000)} ${profileClock()}`);
    const pullStarted = performance.now();
    let changes = 0;
    for (let since = cursor, more = true; more; ) {
      const page = await desk.pull(since, 1000);
      changes += page.changes.length;
      since = page.nextCursor;
      more = page.hasMore;
    }
    const pullMs = performance.now() - pullStarted;
    console.info(
      `${kind}: ${Object.keys(day.appointments).length} appointments, ${events.length} events pushed in ${pushMs.toFixed(0)} ms ` +
        `(${(pushMs / events.length).toFixed(3)} ms/event; pushes ${pushes.map((ms) => ms.toFixed(0)).join(' / ')} ms; ` +
        `server CPU ${serverCpuMs} ms); ` +
        `${changes} changes pulled after them in ${pullMs.toFixed(0)} ms`,
    );
  } finally {
    await api.stop();
    await rm(dataDir, { recursive: true, force: true });
    await database.drop();
  }
}

const kinds: DatabaseKind[] = process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];
for (const kind of kinds) for (let index = 0; index < ROUNDS; index++) await round(kind);
