/**
 * The supervisors' routes on the real server: a seeded week (demo bookings of 2026-W10 served on a
 * plan with known times, pushed by three registered desks) gives the figures the plan says, and
 * the same figures as `computeMetrics` over the events the server stored; CSV in Dutch and English;
 * conflicts reviewed and resolved with a note; the access matrix of every report route.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DayState } from '../../../shared/domain/day-state';
import { computeMetrics } from '../../../shared/metrics/report';
import { reportSchema, type Report } from '../../../shared/reports/report-api';
import { conflictListSchema, conflictRecordSchema } from '../../../shared/reports/supervision-api';
import type { BalieEvent } from '../../../shared/sync/events';
import { createTestAccount, postJson, registerDesk, signIn } from '../support/accounts';
import { startStaffedServer, type StaffedServer } from '../support/staffed-server';
import { databaseKindsUnderTest } from '../support/test-databases';
import { reportFiguresOf, sharedFiguresOf } from './shared-figures';
import { bookDemoDay, initialDemoDay, planDay, playAndPush, SERVICE_SECONDS, WEEK, WEEK_DAYS, type PushingDesk, type WeekPlan } from './seeded-week';

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = (sorted.length - 1) / 2;
  return (sorted[Math.floor(middle)]! + sorted[Math.ceil(middle)]!) / 2;
};

describe.each(databaseKindsUnderTest())('the supervisors’ routes on %s', (kind) => {
  let staffed: StaffedServer;
  const tokens: Record<string, string> = {};
  const plan: WeekPlan = { waits: [], served: {}, completed: 0, noShowAppointments: 0, lateAppointments: 0, desks: {}, firstStep: {} };
  let desks: PushingDesk[];
  let initialWeek: DayState;
  let storedEvents: BalieEvent[];
  const url = () => staffed.server.url;
  const get = (path: string, who: string) => fetch(`${url()}${path}`, { headers: tokens[who] ? { authorization: `Bearer ${tokens[who]}` } : {} });
  const report = async (query: string, who = 'supervisor.maa'): Promise<Report> => {
    const response = await get(`/api/v1/reports?${query}`, who);
    expect(response.status).toBe(200);
    return reportSchema.parse(await response.json());
  };

  beforeAll(async () => {
    staffed = await startStaffedServer(kind);
    const { server, adminToken } = staffed;
    await server.db.query("INSERT INTO locations (id, name) VALUES ('AMS', 'Amsterdam')");
    for (const [name, role, location] of [['supervisor.maa', 'supervisor', 'MAA'], ['supervisor.ams', 'supervisor', 'AMS'], ['clerk2', 'clerk', 'MAA'], ['clerk3', 'clerk', 'MAA']] as const) {
      await createTestAccount(server, name, role, location);
      if (role === 'supervisor') tokens[name] = await signIn(server, name);
    }
    tokens.admin = adminToken;
    desks = [];
    for (const [deskId, username] of [['MAA-D1', 'clerk'], ['MAA-D2', 'clerk2'], ['MAA-D3', 'clerk3']] as const) {
      const credential = await registerDesk(server, adminToken, 'MAA', deskId);
      const token = await signIn(server, username, credential);
      const [account] = await server.db.query<{ id: string }>('SELECT id FROM accounts WHERE username = $1', [username]);
      desks.push({ deskId, deviceId: credential.deviceId, clerkId: account!.id, token, seq: 1 });
    }
    tokens.clerk = desks[0]!.token;
    const bookings = [];
    for (const date of WEEK_DAYS) {
      const day = await bookDemoDay(server.db, date);
      bookings.push(...day);
      await playAndPush(url(), initialDemoDay(day, ['MAA-D1', 'MAA-D2', 'MAA-D3', 'MAA-D4']), planDay(date, day, desks, plan));
    }
    initialWeek = initialDemoDay(bookings, ['MAA-D1', 'MAA-D2', 'MAA-D3', 'MAA-D4']);
    const rows = await server.db.query<{ body: BalieEvent }>(
      "SELECT body FROM events WHERE location_id = 'MAA' AND day BETWEEN '2026-03-02' AND '2026-03-08' AND outcome <> 'rejected' ORDER BY server_seq",
    );
    storedEvents = rows.map((row) => row.body);
  }, 180_000);
  afterAll(async () => {
    await staffed?.stop();
  });

  describe('the seeded week', () => {
    it('serves every planned person: the report counts what the plan served, completed, missed and saw late', async () => {
      const week = await report(`week=${WEEK}`);
      const served = Object.values(plan.served).reduce((total, count) => total + count, 0);
      expect(week.overall.servicesFinished).toBe(served);
      expect(week.overall.servicesCompleted).toBe(plan.completed);
      expect([week.overall.noShows, week.overall.lateArrivals]).toEqual([plan.noShowAppointments, plan.lateAppointments]);
      expect(Object.keys(week.byDay)).toEqual([...WEEK_DAYS]);
      expect(week.locationIds).toEqual(['MAA']);
      // Each clerk is named as the supervisor knows them, not by account id.
      expect(Object.keys(week.byClerk).map((id) => week.clerkNames[id]).sort()).toEqual(['clerk', 'clerk2', 'clerk3']);
    });

    it('every service took exactly its planned time, and the first checklist step is the slowest of each service', async () => {
      const week = await report(`from=2026-03-02&to=2026-03-08`);
      for (const [service, count] of Object.entries(plan.served)) {
        const seconds = SERVICE_SECONDS[service as keyof typeof SERVICE_SECONDS];
        expect(week.byService[service]!.serviceTime).toEqual({ count, mean: seconds, median: seconds, p90: seconds, max: seconds });
        expect(week.slowestSteps[service]).toMatchObject({ stepId: plan.firstStep[service], time: { median: 90, max: 90 } });
      }
    });

    it('waits are the plan’s: how many, the longest, the median, and how many within five minutes', async () => {
      const week = await report(`week=${WEEK}`);
      // The plan is a real test: some clients wait beyond the target, some are called at once.
      expect(plan.waits.filter((wait) => wait > 300).length).toBeGreaterThan(10);
      expect(plan.waits.filter((wait) => wait === 0).length).toBeGreaterThan(10);
      expect(week.overall.waitingTime).toMatchObject({ count: plan.waits.length, max: Math.max(...plan.waits), median: median(plan.waits) });
      for (const bucket of week.waitingTimeDistribution) {
        const inBucket = plan.waits.filter((wait) => wait >= bucket.fromMinute * 60 && (bucket.toMinute === null || wait < bucket.toMinute * 60));
        expect([bucket.fromMinute, bucket.count]).toEqual([bucket.fromMinute, inBucket.length]);
      }
      expect(week.overall.serviceLevel).toEqual({
        targetSeconds: 300,
        withinTarget: plan.waits.filter((wait) => wait <= 300).length,
        calls: plan.waits.length,
        share: plan.waits.filter((wait) => wait <= 300).length / plan.waits.length,
      });
    });

    it('each desk was open, paused and busy as planned; idle is the rest', async () => {
      const week = await report(`week=${WEEK}`);
      for (const [deskId, time] of Object.entries(plan.desks)) {
        expect(week.deskTime[deskId]).toEqual({
          openSeconds: time.open / 1000,
          pauseSeconds: time.pause / 1000,
          busySeconds: time.busy / 1000,
          idleSeconds: (time.open - time.pause - time.busy) / 1000,
          servicesPerOpenHour: time.finished / (time.open / 3_600_000),
        });
      }
    });

    it('the SQL figures equal computeMetrics over the events the server stored, for the week and for each day', async () => {
      const now = '2026-03-08T23:00:00.000Z';
      const week = await report(`week=${WEEK}`);
      expect(reportFiguresOf(week)).toEqual(sharedFiguresOf(computeMetrics({ initial: initialWeek, events: storedEvents, now })));
      for (const day of WEEK_DAYS) {
        const dayReport = await report(`date=${day}`);
        const dayEvents = storedEvents.filter((event) => event.occurredAt.startsWith(day));
        const dayInitial = { ...initialWeek, appointments: Object.fromEntries(Object.entries(initialWeek.appointments).filter(([, a]) => a.date === day)) };
        expect(reportFiguresOf(dayReport)).toEqual(sharedFiguresOf(computeMetrics({ initial: dayInitial, events: dayEvents, now: dayReport.now })));
      }
    });

    it('a changed waiting target changes the service level, and is kept per location', async () => {
      const put = (who: string, body: unknown) =>
        fetch(`${url()}/api/v1/reports/settings?location=MAA`, { method: 'PUT', headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[who]}` }, body: JSON.stringify(body) });
      expect((await put('supervisor.maa', { targetWaitSeconds: 600, offlineAfterMinutes: 5 })).status).toBe(200);
      const week = await report(`week=${WEEK}`);
      expect(week.overall.serviceLevel.withinTarget).toBe(plan.waits.filter((wait) => wait <= 600).length);
      expect((await put('supervisor.ams', { targetWaitSeconds: 60, offlineAfterMinutes: 5 })).status).toBe(403);
      expect((await put('supervisor.maa', { targetWaitSeconds: 5, offlineAfterMinutes: 5 })).status).toBe(400);
      expect((await put('supervisor.maa', { targetWaitSeconds: 300, offlineAfterMinutes: 5 })).status).toBe(200);
    });
  });

  describe('CSV export', () => {
    it('a table of the report, with Dutch headers by default and English ones on request', async () => {
      const dutch = await get(`/api/v1/reports/export?week=${WEEK}&table=desks`, 'supervisor.maa');
      expect(dutch.status).toBe(200);
      expect(dutch.headers.get('content-type')).toMatch(/^text\/csv/);
      const lines = (await dutch.text()).replace(/^\uFEFF/, '').trimEnd().split('\r\n');
      expect(lines[0]!.split(',').slice(0, 3)).toEqual(['balie', 'diensten afgesloten', 'diensten afgerond']);
      expect(lines.slice(1).map((line) => line.split(',')[0])).toEqual(['MAA-D1', 'MAA-D2', 'MAA-D3']);
      const english = await (await get(`/api/v1/reports/export?week=${WEEK}&table=steps&lang=en`, 'supervisor.maa')).text();
      expect(english.replace(/^\uFEFF/, '').split('\r\n')[0]).toBe('service,checklist,step,step time count,step time mean (s),step time median (s),step time p90 (s),step time max (s)');
      const waits = (await (await get(`/api/v1/reports/export?week=${WEEK}&table=waits`, 'supervisor.maa')).text()).replace(/^\uFEFF/, '').trimEnd().split('\r\n');
      expect(waits[0]).toBe('wachttijd vanaf (min),wachttijd tot (min),aantal');
      expect(waits.slice(1).reduce((total, line) => total + Number(line.split(',')[2]), 0)).toBe(plan.waits.length);
      expect(waits.at(-1)!.startsWith('30,,')).toBe(true);
    });

    it('the events of a day, one line each, in server order', async () => {
      const response = await get('/api/v1/reports/events?date=2026-03-05&lang=en', 'admin');
      const lines = (await response.text()).replace(/^\uFEFF/, '').trimEnd().split('\r\n');
      expect(lines[0]!.startsWith('server sequence,event id,location,day')).toBe(true);
      expect(lines.length - 1).toBe(storedEvents.filter((event) => event.occurredAt.startsWith('2026-03-05')).length);
      const audit = await staffed.server.db.query<{ detail: { from: string; rows: number } }>("SELECT detail FROM audit_log WHERE action = 'events-exported'");
      expect(audit.map((row) => [row.detail.from, row.detail.rows])).toEqual([['2026-03-05', lines.length - 1]]);
    });

    it('a bad period is refused with the reason, and nothing is exported', async () => {
      const response = await get('/api/v1/reports/export?from=2026-03-08&to=2026-03-02', 'supervisor.maa');
      expect(response.status).toBe(400);
      expect(JSON.stringify(await response.json())).toContain('to is before from');
    });
  });

  describe('conflict review', () => {
    it('shows both sides of a conflict; a supervisor resolves it once with a note, as one event the desks pull and the CSV lists', async () => {
      const [desk] = desks;
      const completed = Object.values(initialWeek.appointments).find((appointment) => appointment.date === '2026-03-03')!;
      // The desk calls someone already served on Tuesday: the server keeps it as a conflict.
      const event = {
        ...storedEvents.find((stored) => stored.type === 'called' && stored.appointmentId === completed.id && stored.deviceId === desk!.deviceId) ??
          storedEvents.find((stored) => stored.type === 'called' && stored.deviceId === desk!.deviceId)!,
        id: '019cb0f0-0000-7000-8000-00000000c0f1',
        deviceSeq: desk!.seq,
      };
      const push = await postJson(staffed.server, '/api/v1/sync/push', { deviceId: desk!.deviceId, clientTime: new Date().toISOString(), events: [event] }, desk!.token);
      expect(((await push.json()) as { results: Array<{ status: string }> }).results[0]!.status).toBe('conflict');
      desk!.seq += 1;

      const open = conflictListSchema.parse(await (await get('/api/v1/reports/conflicts', 'supervisor.maa')).json());
      const conflict = open.conflicts.find((record) => record.eventId === event.id)!;
      expect(conflict.event).toMatchObject({ type: 'called', appointmentId: event.appointmentId });
      expect(conflict.serverState).toMatchObject({ id: event.appointmentId });
      expect(conflict.resolution).toBeNull();

      const resolve = (who: string, note: string) => postJson(staffed.server, `/api/v1/reports/conflicts/${event.id}/resolution`, { note }, tokens[who]);
      const storedCount = async () => (await staffed.server.db.query('SELECT 1 FROM events')).length;
      const eventsBefore = await storedCount();
      const [{ seq: feedBefore }] = (await staffed.server.db.query<{ seq: string }>("SELECT coalesce(max(seq), 0)::text AS seq FROM changes WHERE location_id = 'MAA'")) as [{ seq: string }];
      expect((await resolve('supervisor.ams', 'not mine')).status).toBe(403);
      expect((await resolve('clerk', 'I decide myself')).status).toBe(403);
      expect((await resolve('supervisor.maa', '   ')).status).toBe(400);
      expect(await storedCount()).toBe(eventsBefore);
      const note = 'Dubbele oproep na herstart van de balie; klant was al geholpen.';
      const resolved = await resolve('supervisor.maa', note);
      expect(resolved.status).toBe(201);
      const record = conflictRecordSchema.parse(await resolved.json());
      expect(record.resolution).toMatchObject({ note, eventId: expect.any(String) });

      // Exactly one event: the server's device for MAA made it, number 1, for the supervisor.
      expect(await storedCount()).toBe(eventsBefore + 1);
      const [stored] = await staffed.server.db.query<{ body: BalieEvent; outcome: string; server_seq: string; day: string }>(
        "SELECT body, outcome, server_seq::text AS server_seq, to_char(day, 'YYYY-MM-DD') AS day FROM events WHERE id = $1",
        [record.resolution!.eventId],
      );
      expect(stored).toMatchObject({ outcome: 'accepted', day: conflict.day, body: { type: 'conflictResolved', deviceId: 'server-MAA', deviceSeq: 1, payload: { conflictEventId: event.id, note } } });
      expect(stored!.server_seq).toMatch(/^\d+$/);

      // Once: a second resolution is refused with the reason, and stores nothing.
      const again = await resolve('supervisor.maa', 'Toch anders.');
      expect(again.status).toBe(409);
      expect(await again.json()).toEqual({ error: 'conflict-already-resolved', message: `This conflict was already resolved, with the note: ${note}` });
      expect(await storedCount()).toBe(eventsBefore + 1);

      // The desks pull the resolved conflict: the feed since before the resolution holds it, with the note.
      const pull = await get(`/api/v1/sync/pull?since=${feedBefore}`, 'clerk');
      const { changes } = (await pull.json()) as { changes: Array<{ entity: string; id: string; data: { resolution?: { note: string } } }> };
      expect(changes.map((change) => [change.entity, change.id, change.data.resolution?.note])).toEqual([['conflict', event.id, note]]);

      // The events CSV of the conflict's day lists the resolution like any other event.
      const csv = await (await get(`/api/v1/reports/events?date=${conflict.day}&location=MAA&lang=en`, 'supervisor.maa')).text();
      const line = csv.split('\r\n').find((row) => row.includes(record.resolution!.eventId!))!;
      expect(line).toContain(',accepted,conflictResolved,server-MAA,');
      expect(line).toContain('Dubbele oproep na herstart van de balie; klant was al geholpen.');

      // A desk cannot make one: pushed by a desk, the resolution is refused.
      const forged = { ...stored!.body, id: '019cb0f0-0000-7000-8000-00000000c0f2', deviceId: desk!.deviceId, deskId: desk!.deskId, deviceSeq: desk!.seq, clerkId: desk!.clerkId, locationId: 'MAA' };
      const forgedPush = await postJson(staffed.server, '/api/v1/sync/push', { deviceId: desk!.deviceId, clientTime: new Date().toISOString(), events: [forged] }, desk!.token);
      expect(((await forgedPush.json()) as { results: Array<{ status: string; reason: { problems: string[] } }> }).results[0]).toMatchObject({
        status: 'rejected',
        reason: { code: 'not-allowed', problems: ['type: only the server makes conflictResolved events'] },
      });
      desk!.seq += 1;

      const listed = conflictListSchema.parse(await (await get('/api/v1/reports/conflicts?state=resolved', 'admin')).json());
      expect(listed.conflicts.map((record) => record.eventId)).toContain(event.id);
      const audit = await staffed.server.db.query("SELECT 1 FROM audit_log WHERE action = 'conflict-resolved'");
      expect(audit.length).toBe(1);
    });
  });

  describe('access', () => {
    const ROUTES = [
      `GET /api/v1/reports?week=${WEEK}&location=MAA`,
      `GET /api/v1/reports/export?week=${WEEK}&location=MAA`,
      `GET /api/v1/reports/events?date=2026-03-03&location=MAA`,
      'GET /api/v1/reports/live?location=MAA',
      'GET /api/v1/reports/settings?location=MAA',
      'GET /api/v1/reports/conflicts?location=MAA',
    ];

    it('a clerk gets 403 on every report route, a supervisor of another location 403, nobody 401', async () => {
      for (const route of ROUTES) {
        const path = route.slice(4);
        expect([route, (await get(path, 'clerk')).status]).toEqual([route, 403]);
        expect([route, (await get(path, 'supervisor.ams')).status]).toEqual([route, 403]);
        expect([route, (await get(path, 'nobody')).status]).toEqual([route, 401]);
        expect([route, (await get(path, 'supervisor.maa')).status]).toEqual([route, 200]);
        expect([route, (await get(path, 'admin')).status]).toEqual([route, 200]);
      }
      const clerkPut = await fetch(`${url()}/api/v1/reports/settings?location=MAA`, {
        method: 'PUT', headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.clerk}` }, body: JSON.stringify({ targetWaitSeconds: 300, offlineAfterMinutes: 5 }),
      });
      expect(clerkPut.status).toBe(403);
      expect((await postJson(staffed.server, '/api/v1/reports/conflicts/x/resolution', { note: 'x' }, tokens.clerk)).status).toBe(403);
    });

    it('without a location a supervisor sees their own, an admin every location; an unknown location is 404', async () => {
      expect((await report(`week=${WEEK}`, 'supervisor.ams')).locationIds).toEqual(['AMS']);
      expect((await report(`week=${WEEK}`, 'supervisor.ams')).overall.servicesFinished).toBe(0);
      const all = await report(`week=${WEEK}`, 'admin');
      expect(all.locationIds).toEqual(['AMS', 'MAA']);
      expect(all.overall).toEqual((await report(`week=${WEEK}`, 'supervisor.maa')).overall);
      expect((await get(`/api/v1/reports?week=${WEEK}&location=XYZ`, 'admin')).status).toBe(404);
      expect((await get('/api/v1/reports/live', 'admin')).status).toBe(400);
    });
  });
});
