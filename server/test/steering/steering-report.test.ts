/**
 * The steering report on the real server: demo days served on the seeded plan (seeded-week.ts) and
 * pushed by three desks, persons given client categories, bookings given sponsors, and clients'
 * ratings given at the desk. Every figure is checked against what the plan and the pushed events
 * say, for the period and for the previous period of the same length, and for a period with a
 * national holiday on which no desk opened.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_CATEGORIES, type ClientCategory } from '../../../shared/domain/codes';
import { giveRating } from '../../../shared/domain/commands-rating';
import { isWorkingDay } from '../../../shared/calendar/working-days';
import { fastTrackListSchema } from '../../../shared/fast-track/fast-track-api';
import { steeringReportSchema, UNKNOWN_CATEGORY, type SteeringFigures, type SteeringReport } from '../../../shared/steering/steering-api';
import { formatUuidV7 } from '../../../shared/domain/uuid-v7';
import type { BalieEvent } from '../../../shared/sync/events';
import type { DemoBooking } from '../../src/demo/demo-day';
import { appointmentIdOf } from '../../src/sync/booking-changes';
import { createTestAccount, registerDesk, signIn } from '../support/accounts';
import { startStaffedServer, type StaffedServer } from '../support/staffed-server';
import { databaseKindsUnderTest } from '../support/test-databases';
import { bookDemoDay, initialDemoDay, planDay, playAndPush, SERVICE_SECONDS, type PushingDesk, type WeekPlan } from '../reports/seeded-week';

const DESK_IDS = ['MAA-D1', 'MAA-D2', 'MAA-D3', 'MAA-D4'];
/** The period asked for (a week with three days served) and the week before (one day served). */
const CURRENT = { from: '2026-03-02', to: '2026-03-08', days: ['2026-03-03', '2026-03-05'] };
const PREVIOUS_DAYS = ['2026-02-26'];
/** King's Day 2026 is Monday 27 April: nobody opens; the Tuesday is served. */
const HOLIDAY = { from: '2026-04-27', to: '2026-04-28', days: ['2026-04-28'] };
/** The Friday before King's Day: its fast-track clock runs over the holiday. */
const KINGS_WEEK = { from: '2026-04-24', to: '2026-04-24', days: ['2026-04-24'] };
/**
 * For a registration on each served day, counted by hand: the last day its BSN is in time (3 working
 * days after it, weekends and national holidays left out; Monday 27 April 2026 is King's Day) and
 * the first working day it is late.
 */
const DEADLINES: Record<string, { last: string; late: string }> = {
  '2026-02-26': { last: '2026-03-03', late: '2026-03-04' }, // Thursday: Fri 27, Mon 2, Tue 3
  '2026-03-03': { last: '2026-03-06', late: '2026-03-09' }, // Tuesday: Wed 4, Thu 5, Fri 6
  '2026-03-05': { last: '2026-03-10', late: '2026-03-11' }, // Thursday: Fri 6, Mon 9, Tue 10
  '2026-04-24': { last: '2026-04-30', late: '2026-05-01' }, // Friday: (King's Day), Tue 28, Wed 29, Thu 30
  '2026-04-28': { last: '2026-05-01', late: '2026-05-04' }, // Tuesday: Wed 29, Thu 30, Fri 1
};
/** The municipality's BSN day for the n-th registration of a day: the last day in time, the first late one, the same day, or not yet. */
function bsnDayOf(index: number, registeredOn: string): string | null {
  const { last, late } = DEADLINES[registeredOn]!;
  return [last, late, registeredOn, null][index % 4] ?? null;
}
/** The location's sponsor list: Philips twice (one KvK number), the bakery by name only, two that never came. */
const SPONSOR_LIST = [
  { name: 'Philips', kvk: '17001910' },
  { name: 'Philips Nederland', kvk: '17001910' },
  { name: 'BAKKERIJ DE VRIES', kvk: null },
  { name: 'ASML', kvk: '17014545' },
  { name: 'Nooit Gekomen BV', kvk: '99999999' },
];
const SCORES = [10, 9, 8, 7, 6, 5, 9, 10, 3, 8];

/** percentile_cont: linear interpolation between the nearest ranks, to the millisecond. */
function quantile(values: readonly number[], q: number): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = (sorted.length - 1) * q;
  const low = Math.floor(rank);
  // The reports round times to the millisecond.
  return Math.round((sorted[low]! + (sorted[Math.ceil(rank)]! - sorted[low]!) * (rank - low)) * 1000) / 1000;
}

interface Sponsor {
  name: string;
  kvk: string | null;
  recognised: boolean;
}

/** The category of a person: spread over the categories by position in the day, every seventh unknown. */
const categoryOf = (index: number): ClientCategory | null => (index % 7 === 6 ? null : CLIENT_CATEGORIES[index % CLIENT_CATEGORIES.length]!);

/** What a set of served days should give, from the plan and the events the desks pushed. */
interface Expected {
  bookings: DemoBooking[];
  categories: Map<string, ClientCategory | null>;
  sponsors: Map<string, Sponsor | null>;
  noShowBookings: Set<string>;
  plan: WeekPlan;
  events: BalieEvent[];
  scores: number[];
  daysOpen: number;
  /** The BRP registrations (completed BRP appointments) and the BSN day recorded for each. */
  registrations: Array<{ appointmentId: string; registeredOn: string; bsnIssuedOn: string | null }>;
}

/** Where the registrations stand, by the hand-counted deadlines; every open one is long overdue. */
function expectedFastTrack(expected: Expected): SteeringFigures['fastTrack'] {
  const states = expected.registrations.map(({ registeredOn, bsnIssuedOn }) => (bsnIssuedOn === null ? 'overdue' : bsnIssuedOn <= DEADLINES[registeredOn]!.last ? 'within' : 'late'));
  const count = (state: string) => states.filter((candidate) => candidate === state).length;
  const judged = states.length;
  return { registered: states.length, within: count('within'), late: count('late'), overdue: count('overdue'), pending: 0, withinShare: judged > 0 ? count('within') / judged : null };
}

function expectedFigures(expected: Expected, from: string, to: string): SteeringFigures {
  const serviceOf = new Map(expected.bookings.flatMap((b) => b.persons.flatMap((p) => b.services.map((s) => [appointmentIdOf(p.id, s), s] as const))));
  const completions = expected.events.filter((e): e is Extract<BalieEvent, { type: 'serviceCompleted' }> => e.type === 'serviceCompleted');
  const helped = new Set(completions.map((e) => e.personId!));
  const byService: Record<string, number> = {};
  const personsByService = new Map<string, Set<string>>();
  for (const e of completions) {
    const service = serviceOf.get(e.appointmentId)!;
    personsByService.set(service, (personsByService.get(service) ?? new Set()).add(e.personId!));
  }
  for (const [service, persons] of personsByService) byService[service] = persons.size;
  const byCategory: Record<string, number> = {};
  for (const person of helped) {
    const key = expected.categories.get(person) ?? UNKNOWN_CATEGORY;
    byCategory[key] = (byCategory[key] ?? 0) + 1;
  }
  const partial = new Set(completions.filter((e) => e.payload.outcome === 'partial').map((e) => e.personId));
  const helpedBookings = expected.bookings.filter((b) => b.persons.some((p) => helped.has(p.id)));
  const sponsored = helpedBookings.map((b) => expected.sponsors.get(b.id)).filter((s) => s != null);
  const nameKey = (name: string) => name.trim().replace(/\s+/g, ' ').toLowerCase();
  const sponsors = new Map(sponsored.map((s) => [s.kvk ?? nameKey(s.name), s]));
  const listed = (s: Sponsor) => SPONSOR_LIST.some((entry) => (s.kvk !== null && entry.kvk === s.kvk) || nameKey(entry.name) === nameKey(s.name));
  const listSize = new Set(SPONSOR_LIST.map((entry) => entry.kvk ?? nameKey(entry.name))).size;
  const onList = [...sponsors.values()].filter(listed).length;
  // The plan's no-shows (every ninth booking of a day) never came: no visit.
  const visits = expected.bookings.filter((b) => !expected.noShowBookings.has(b.id)).reduce((total, b) => total + b.persons.length, 0);
  const booked = expected.bookings.reduce((total, b) => total + b.persons.length * b.services.length, 0);
  const served = expected.plan.served;
  const serviceSeconds = Object.entries(served).flatMap(([service, count]) => Array.from({ length: count }, () => SERVICE_SECONDS[service as keyof typeof SERVICE_SECONDS]));
  const satisfied = expected.scores.filter((score) => score >= 7).length;
  const sorted = (record: Record<string, number>) => Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : 1)));
  return {
    from,
    to,
    clientsHelped: { total: helped.size, byService: sorted(byService), byCategory: sorted(byCategory) },
    visits: { total: visits, daysOpen: expected.daysOpen, perDayOpen: expected.daysOpen > 0 ? visits / expected.daysOpen : null },
    rating: {
      count: expected.scores.length,
      mean: expected.scores.length > 0 ? expected.scores.reduce((a, b) => a + b, 0) / expected.scores.length : null,
      satisfied,
      satisfiedShare: expected.scores.length > 0 ? satisfied / expected.scores.length : null,
    },
    sponsors: { served: sponsors.size, recognised: [...sponsors.values()].filter((s) => s.recognised).length, onList, listSize, listShare: onList / listSize },
    fastTrack: expectedFastTrack(expected),
    waitingTime: { count: expected.plan.waits.length, median: quantile(expected.plan.waits, 0.5), p90: quantile(expected.plan.waits, 0.9) },
    serviceTime: { count: serviceSeconds.length, median: quantile(serviceSeconds, 0.5), p90: quantile(serviceSeconds, 0.9) },
    firstTimeRight: { finishedVisits: helped.size, firstTimeRight: helped.size - partial.size, share: helped.size > 0 ? (helped.size - partial.size) / helped.size : null },
    noShows: { booked, count: expected.plan.noShowAppointments, rate: booked > 0 ? expected.plan.noShowAppointments / booked : null },
  };
}

/** Several served periods as one: what a report over all of them should give. */
function together(parts: readonly Expected[]): Expected {
  const served: Record<string, number> = {};
  for (const part of parts) for (const [service, count] of Object.entries(part.plan.served)) served[service] = (served[service] ?? 0) + count;
  return {
    bookings: parts.flatMap((part) => part.bookings),
    categories: new Map(parts.flatMap((part) => [...part.categories])),
    sponsors: new Map(parts.flatMap((part) => [...part.sponsors])),
    noShowBookings: new Set(parts.flatMap((part) => [...part.noShowBookings])),
    events: parts.flatMap((part) => part.events),
    scores: parts.flatMap((part) => part.scores),
    daysOpen: parts.reduce((total, part) => total + part.daysOpen, 0),
    registrations: parts.flatMap((part) => part.registrations),
    plan: {
      ...parts[0]!.plan,
      waits: parts.flatMap((part) => part.plan.waits),
      served,
      noShowAppointments: parts.reduce((total, part) => total + part.plan.noShowAppointments, 0),
    },
  };
}

/**
 * The sponsor of the n-th booking of a day: a recognised employer by KvK number, a small employer
 * known only by name (written two ways: still one sponsor), or none. The no-shows (every ninth, as
 * the plan says) come from a sponsor nobody else has, so it must not be counted.
 */
function sponsorOf(index: number): Sponsor | null {
  if (index % 9 === 8) return { name: 'Nooit Gekomen BV', kvk: '99999999', recognised: true };
  if (index % 4 === 0) return { name: 'Philips', kvk: '17001910', recognised: true };
  if (index % 4 === 1) return { name: 'Bakkerij de Vries', kvk: null, recognised: false };
  if (index % 4 === 2) return { name: ' bakkerij  de VRIES ', kvk: null, recognised: false };
  return null;
}

describe.each(databaseKindsUnderTest())('the steering report on %s', (kind) => {
  let staffed: StaffedServer;
  let desks: PushingDesk[];
  const tokens: Record<string, string> = {};
  const expectations = new Map<string, Expected>();
  let conflictStatus = '';
  const get = (path: string, who: string) => fetch(`${staffed.server.url}${path}`, { headers: { authorization: `Bearer ${tokens[who]}` } });
  const put = (path: string, body: unknown, who: string) =>
    fetch(`${staffed.server.url}${path}`, { method: 'PUT', headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[who]}` }, body: JSON.stringify(body) });
  const steering = async (query: string, who = 'supervisor.maa'): Promise<SteeringReport> => {
    const response = await get(`/api/v1/steering?${query}`, who);
    expect(response.status).toBe(200);
    return steeringReportSchema.parse(await response.json());
  };

  /** Books, categorises, sponsors, serves and rates `days`, and returns what they should give. */
  async function serve(days: readonly string[]): Promise<Expected> {
    const expected: Expected = {
      bookings: [], categories: new Map(), sponsors: new Map(), noShowBookings: new Set(), events: [], scores: [], daysOpen: days.length, registrations: [],
      plan: { waits: [], served: {}, completed: 0, noShowAppointments: 0, lateAppointments: 0, desks: {}, firstStep: {} },
    };
    for (const date of days) {
      const bookings = await bookDemoDay(staffed.server.db, date);
      let personIndex = 0;
      for (const [index, booking] of bookings.entries()) {
        const sponsor = sponsorOf(index);
        expected.sponsors.set(booking.id, sponsor);
        if (index % 9 === 8) expected.noShowBookings.add(booking.id);
        if (sponsor) {
          await staffed.server.db.query('UPDATE bookings SET sponsor_name = $2, sponsor_recognised = $3, sponsor_kvk = $4 WHERE id = $1', [booking.id, sponsor.name, sponsor.recognised, sponsor.kvk]);
        }
        for (const person of booking.persons) {
          const category = categoryOf(personIndex++);
          expected.categories.set(person.id, category);
          await staffed.server.db.query('UPDATE persons SET client_category = $2 WHERE id = $1', [person.id, category]);
        }
      }
      const actions = planDay(date, bookings, desks, expected.plan);
      // Every third served appointment is rated on the client screen in the evening.
      const served = bookings.filter((_, index) => index % 9 !== 8).flatMap((b) => b.persons.flatMap((p) => b.services.map((s) => appointmentIdOf(p.id, s))));
      const evening = Date.parse(`${date}T20:00:00Z`);
      served.filter((_, index) => index % 3 === 0).forEach((appointmentId, index) => {
        const score = SCORES[(expected.scores.length + index) % SCORES.length]!;
        actions.push({ at: evening + index * 1000, order: actions.length, desk: desks[0]!, command: (state, context) => giveRating(state, { appointmentId, score, comment: null }, context) });
      });
      const ratedNow = served.filter((_, index) => index % 3 === 0).map((_, index) => SCORES[(expected.scores.length + index) % SCORES.length]!);
      expected.scores.push(...ratedNow);
      const events = await playAndPush(staffed.server.url, initialDemoDay(bookings, DESK_IDS), actions);
      expected.events.push(...events);
      expected.bookings.push(...bookings);
      await recordBsnDays(date, bookings, events, expected);
    }
    return expected;
  }

  /** The municipality records a BSN day for the day's BRP registrations, through its route. */
  async function recordBsnDays(date: string, bookings: readonly DemoBooking[], events: readonly BalieEvent[], expected: Expected) {
    const brp = new Set(bookings.flatMap((b) => (b.services.includes('BRP') ? b.persons.map((p) => appointmentIdOf(p.id, 'BRP')) : [])));
    const registered = events.filter((e) => e.type === 'serviceCompleted' && e.payload.outcome === 'completed' && brp.has(e.appointmentId!)).map((e) => e.appointmentId!).sort();
    for (const [index, appointmentId] of registered.entries()) {
      const bsnIssuedOn = bsnDayOf(index, date);
      expected.registrations.push({ appointmentId, registeredOn: date, bsnIssuedOn });
      if (bsnIssuedOn === null) continue;
      const response = await put(`/api/v1/fast-track/${appointmentId}`, { bsnIssuedOn }, 'gemeente.maa');
      expect(response.status).toBe(204);
    }
  }

  beforeAll(async () => {
    staffed = await startStaffedServer(kind);
    const { server, adminToken } = staffed;
    await server.db.query("INSERT INTO locations (id, name) VALUES ('AMS', 'Amsterdam')");
    const accounts = [
      ['supervisor.maa', 'supervisor', 'MAA'], ['supervisor.ams', 'supervisor', 'AMS'], ['gemeente.maa', 'municipality', 'MAA'], ['gemeente.ams', 'municipality', 'AMS'],
      ['clerk2', 'clerk', 'MAA'], ['clerk3', 'clerk', 'MAA'],
    ] as const;
    for (const [name, role, location] of accounts) {
      await createTestAccount(server, name, role, location);
      if (role !== 'clerk') tokens[name] = await signIn(server, name);
    }
    tokens.admin = adminToken;
    const listed = await put('/api/v1/locations/MAA/sponsors', { sponsors: SPONSOR_LIST }, 'admin');
    expect(await listed.json()).toEqual({ locationId: 'MAA', size: 4 });
    desks = [];
    for (const [deskId, username] of [['MAA-D1', 'clerk'], ['MAA-D2', 'clerk2'], ['MAA-D3', 'clerk3']] as const) {
      const credential = await registerDesk(server, adminToken, 'MAA', deskId);
      const token = await signIn(server, username, credential);
      const [account] = await server.db.query<{ id: string }>('SELECT id FROM accounts WHERE username = $1', [username]);
      desks.push({ deskId, deviceId: credential.deviceId, clerkId: account!.id, token, seq: 1 });
    }
    expectations.set('previous', await serve(PREVIOUS_DAYS));
    expectations.set('current', await serve(CURRENT.days));
    expectations.set('holiday', await serve(HOLIDAY.days));
    expectations.set('kings-week', await serve(KINGS_WEEK.days));
    // A second desk, offline, took a second rating of an appointment already rated: the server keeps
    // it as a conflict, and the first rating counts.
    const holiday = expectations.get('holiday')!;
    const rated = holiday.events.find((event) => event.type === 'ratingGiven')!;
    const second = desks[1]!;
    const at = Date.parse(rated.occurredAt) + 60_000;
    const duplicate = { ...rated, id: formatUuidV7(at, randomBytes(10)), deviceId: second.deviceId, deviceSeq: second.seq++, deskId: second.deskId, clerkId: second.clerkId, occurredAt: new Date(at).toISOString(), payload: { score: 1, comment: null } };
    const pushed = await fetch(`${server.url}/api/v1/sync/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${second.token}` },
      body: JSON.stringify({ deviceId: second.deviceId, clientTime: new Date().toISOString(), events: [duplicate] }),
    });
    conflictStatus = ((await pushed.json()) as { results: Array<{ status: string }> }).results[0]!.status;
  }, 300_000);
  afterAll(async () => {
    await staffed?.stop();
  });

  it('gives every figure of the period and of the week before, as the plan, the categories, sponsors and ratings say', async () => {
    const report = await steering(`from=${CURRENT.from}&to=${CURRENT.to}`);
    expect(report.locationIds).toEqual(['MAA']);
    expect(report.current).toEqual(expectedFigures(expectations.get('current')!, CURRENT.from, CURRENT.to));
    expect(report.previous).toEqual(expectedFigures(expectations.get('previous')!, '2026-02-23', '2026-03-01'));
    // The figures are not empty by accident: both periods served, rated and met sponsors.
    for (const figures of [report.current, report.previous]) {
      expect(figures.clientsHelped.total).toBeGreaterThan(0);
      expect(figures.rating.count).toBeGreaterThan(0);
      expect(figures.sponsors).toEqual({ served: 2, recognised: 1, onList: 2, listSize: 4, listShare: 0.5 });
      expect(figures.fastTrack.registered).toBeGreaterThanOrEqual(4);
      expect(figures.clientsHelped.byCategory[UNKNOWN_CATEGORY]).toBeGreaterThan(0);
    }
    expect(report.current.visits.daysOpen).toBe(2);
    expect(report.previous.visits.daysOpen).toBe(1);
  });

  it('counts only the days a desk opened: King’s Day is no day open, and the days before it had nobody', async () => {
    expect(isWorkingDay('2026-04-27')).toBe(false);
    const report = await steering(`from=${HOLIDAY.from}&to=${HOLIDAY.to}`);
    expect(report.current).toEqual(expectedFigures(expectations.get('holiday')!, HOLIDAY.from, HOLIDAY.to));
    expect(report.current.visits.daysOpen).toBe(1);
    // The holiday's day has a conflicting second rating (score 1): it is not among the ratings.
    expect(conflictStatus).toBe('conflict');
    expect(report.current.rating.count).toBe(expectations.get('holiday')!.scores.length);
    expect(report.previous).toEqual({
      from: '2026-04-25', to: '2026-04-26',
      clientsHelped: { total: 0, byService: {}, byCategory: {} },
      visits: { total: 0, daysOpen: 0, perDayOpen: null },
      rating: { count: 0, mean: null, satisfied: 0, satisfiedShare: null },
      sponsors: { served: 0, recognised: 0, onList: 0, listSize: 4, listShare: 0 },
      fastTrack: { registered: 0, within: 0, late: 0, overdue: 0, pending: 0, withinShare: null },
      waitingTime: { count: 0, median: null, p90: null },
      serviceTime: { count: 0, median: null, p90: null },
      firstTimeRight: { finishedVisits: 0, firstTimeRight: 0, share: null },
      noShows: { booked: 0, count: 0, rate: null },
    });
  });

  it('judges each fast-track registration by Dutch working days: over King’s Day, 3 working days take 6 calendar days', async () => {
    const kingsWeek = expectations.get('kings-week')!;
    const answer = await get(`/api/v1/fast-track?from=${KINGS_WEEK.from}&to=${KINGS_WEEK.to}`, 'gemeente.maa');
    expect(answer.status).toBe(200);
    const { registrations } = fastTrackListSchema.parse(await answer.json());
    expect(registrations.map((entry) => entry.appointmentId).sort()).toEqual(kingsWeek.registrations.map((entry) => entry.appointmentId).sort());
    expect(registrations.length).toBeGreaterThanOrEqual(4);
    const byDay = new Map(registrations.map((entry) => [entry.bsnIssuedOn, entry]));
    expect(new Set(registrations.map((entry) => entry.deadline))).toEqual(new Set(['2026-04-30']));
    expect(byDay.get('2026-04-30')).toMatchObject({ workingDays: 3, state: 'within' });
    expect(byDay.get('2026-05-01')).toMatchObject({ workingDays: 4, state: 'late' });
    expect(byDay.get('2026-04-24')).toMatchObject({ workingDays: 0, state: 'within' });
    expect(byDay.get(null)).toMatchObject({ workingDays: null, state: 'overdue' });
    // Whom to chase: the booked person's name and date of birth, as the booking says.
    const persons = new Map(kingsWeek.bookings.flatMap((b) => b.persons.map((p) => [appointmentIdOf(p.id, 'BRP'), p])));
    for (const entry of registrations) {
      expect(entry).toMatchObject({ personName: persons.get(entry.appointmentId)!.fullName, dateOfBirth: persons.get(entry.appointmentId)!.dateOfBirth });
    }
    const report = await steering(`from=${KINGS_WEEK.from}&to=${KINGS_WEEK.to}`);
    expect(report.current.fastTrack).toEqual(expectedFastTrack(kingsWeek));
  });

  it('lists the overdue registrations of a quarter for follow-up, oldest first, and nothing recorded', async () => {
    const answer = await get('/api/v1/fast-track?from=2026-02-01&to=2026-04-30&states=overdue', 'gemeente.maa');
    const { registrations } = fastTrackListSchema.parse(await answer.json());
    const open = [...expectations.values()].flatMap((expected) => expected.registrations).filter((entry) => entry.bsnIssuedOn === null);
    expect(registrations.map((entry) => entry.appointmentId).sort()).toEqual(open.map((entry) => entry.appointmentId).sort());
    expect(registrations.every((entry) => entry.state === 'overdue' && entry.bsnIssuedOn === null)).toBe(true);
    expect(registrations.map((entry) => entry.registeredOn)).toEqual(registrations.map((entry) => entry.registeredOn).sort());
  });

  it('refuses a BSN day before the registration or after today with the reason, and takes a wrong entry back', async () => {
    const entry = expectations.get('kings-week')!.registrations.find((candidate) => candidate.bsnIssuedOn === '2026-04-30')!;
    for (const bsnIssuedOn of ['2026-04-23', '2999-01-01']) {
      const refused = await put(`/api/v1/fast-track/${entry.appointmentId}`, { bsnIssuedOn }, 'gemeente.maa');
      expect(refused.status).toBe(400);
      expect(((await refused.json()) as { message: string }).message).toContain('2026-04-24');
    }
    const list = async () => fastTrackListSchema.parse(await (await get(`/api/v1/fast-track?from=${KINGS_WEEK.from}&to=${KINGS_WEEK.to}`, 'gemeente.maa')).json()).registrations;
    expect((await list()).find((candidate) => candidate.appointmentId === entry.appointmentId)?.bsnIssuedOn).toBe('2026-04-30');
    expect((await put(`/api/v1/fast-track/${entry.appointmentId}`, { bsnIssuedOn: null }, 'supervisor.maa')).status).toBe(204);
    expect((await list()).find((candidate) => candidate.appointmentId === entry.appointmentId)).toMatchObject({ bsnIssuedOn: null, state: 'overdue' });
    expect((await put(`/api/v1/fast-track/${entry.appointmentId}`, { bsnIssuedOn: '2026-04-30' }, 'gemeente.maa')).status).toBe(204);
    // Not a BRP registration (a DOC handout), or another location's: nothing to record.
    const doc = expectations.get('kings-week')!.events.find((event) => event.type === 'serviceCompleted' && !event.appointmentId!.endsWith('BRP'))!;
    expect((await put(`/api/v1/fast-track/${doc.appointmentId}`, { bsnIssuedOn: '2026-04-28' }, 'gemeente.maa')).status).toBe(404);
    expect((await put(`/api/v1/fast-track/${entry.appointmentId}`, { bsnIssuedOn: '2026-04-28' }, 'gemeente.ams')).status).toBe(403);
    expect((await get(`/api/v1/fast-track?from=${KINGS_WEEK.from}&to=${KINGS_WEEK.to}&location=MAA`, 'gemeente.ams')).status).toBe(403);
    const audit = await staffed.server.db.query<{ detail: unknown }>("SELECT detail FROM audit_log WHERE action = 'fast-track-bsn-issued' ORDER BY id DESC LIMIT 2");
    expect(audit.map((row) => row.detail)).toEqual([{ appointmentId: entry.appointmentId, bsnIssuedOn: '2026-04-30' }, { appointmentId: entry.appointmentId, bsnIssuedOn: null }]);
  });

  it('gives a quarter (February to April, King’s week included) as the sum of its served days, beside the empty 89 days before', async () => {
    const report = await steering('from=2026-02-01&to=2026-04-30');
    expect(report.current).toEqual(expectedFigures(together([...expectations.values()]), '2026-02-01', '2026-04-30'));
    expect(report.current.visits.daysOpen).toBe(5);
    expect(report.previous).toMatchObject({ from: '2025-11-04', to: '2026-01-31', clientsHelped: { total: 0 }, fastTrack: { registered: 0, withinShare: null } });
  });

  it('gives an admin every location or one, and another location nothing of MAA', async () => {
    const all = await steering(`from=${CURRENT.from}&to=${CURRENT.to}`, 'admin');
    expect(all.locationIds).toEqual(['AMS', 'MAA']);
    expect(all.current).toEqual((await steering(`from=${CURRENT.from}&to=${CURRENT.to}`)).current);
    const ams = await steering(`from=${CURRENT.from}&to=${CURRENT.to}&location=AMS`, 'admin');
    expect(ams.current.clientsHelped.total).toBe(0);
    expect((await get(`/api/v1/steering?from=${CURRENT.from}&to=${CURRENT.to}&location=MAA`, 'supervisor.ams')).status).toBe(403);
  });

  it('refuses a period that is not one with a clear error', async () => {
    for (const query of ['from=2026-03-08&to=2026-03-02', 'from=2026-02-30&to=2026-03-02', 'from=2026-03-02', 'from=2025-01-01&to=2026-03-02']) {
      const response = await get(`/api/v1/steering?${query}`, 'supervisor.maa');
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: 'bad-request', problems: [expect.objectContaining({ message: expect.any(String) })] });
    }
  });

  it('exports the figures as CSV in Dutch and English, this period beside the previous one', async () => {
    const report = await steering(`from=${CURRENT.from}&to=${CURRENT.to}`);
    for (const [lang, header, helped, satisfied, fastTrack, listShare] of [
      ['nl', 'kengetal,deze periode 2026-03-02_2026-03-08,vorige periode 2026-02-23_2026-03-01', 'klanten geholpen', 'aandeel tevreden (7 of hoger)', 'aandeel BSN binnen 3 werkdagen', 'aandeel van de lijst bediend'],
      ['en', 'figure,this period 2026-03-02_2026-03-08,previous period 2026-02-23_2026-03-01', 'clients helped', 'share satisfied (7 or more)', 'share BSN within 3 working days', 'share of the list served'],
    ] as const) {
      const response = await get(`/api/v1/steering/export?from=${CURRENT.from}&to=${CURRENT.to}&lang=${lang}`, 'supervisor.maa');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      const lines = (await response.text()).replace(/^\uFEFF/, '').trimEnd().split('\r\n');
      expect(lines[0]).toBe(header);
      expect(lines).toContain(`${helped},${report.current.clientsHelped.total},${report.previous.clientsHelped.total}`);
      expect(lines).toContain(`${satisfied},${report.current.rating.satisfiedShare},${report.previous.rating.satisfiedShare}`);
      expect(lines).toContain(`${fastTrack},${report.current.fastTrack.withinShare},${report.previous.fastTrack.withinShare}`);
      expect(lines).toContain(`${listShare},0.5,0.5`);
      // Sponsors only in aggregate: no sponsor's name leaves the server.
      expect(lines.join('\n')).not.toMatch(/Philips|Vries|Gekomen/i);
    }
  });

  // Last: it adds a rating to a day the earlier reports already counted.
  it('counts a rating synced late on a day already reported: the period is current on the next report', async () => {
    const before = await steering(`from=${CURRENT.from}&to=${CURRENT.to}`);
    const current = expectations.get('current')!;
    const rated = new Set(current.events.filter((event) => event.type === 'ratingGiven').map((event) => event.appointmentId));
    const served = current.events.find((event) => event.type === 'serviceCompleted' && !rated.has(event.appointmentId))!;
    const desk = desks[0]!;
    const at = Date.parse(served.occurredAt) + 60_000;
    const late = {
      ...served, type: 'ratingGiven', id: formatUuidV7(at, randomBytes(10)), deviceId: desk.deviceId, deviceSeq: desk.seq++, deskId: desk.deskId, clerkId: desk.clerkId,
      occurredAt: new Date(at).toISOString(), payload: { score: 2, comment: null },
    };
    const pushed = await fetch(`${staffed.server.url}/api/v1/sync/push`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${desk.token}` },
      body: JSON.stringify({ deviceId: desk.deviceId, clientTime: new Date().toISOString(), events: [late] }),
    });
    expect(((await pushed.json()) as { results: Array<{ status: string }> }).results[0]!.status).toBe('accepted');
    const after = await steering(`from=${CURRENT.from}&to=${CURRENT.to}`);
    expect(after.current.rating).toEqual({
      count: before.current.rating.count + 1,
      mean: (before.current.rating.mean! * before.current.rating.count + 2) / (before.current.rating.count + 1),
      satisfied: before.current.rating.satisfied,
      satisfiedShare: before.current.rating.satisfied / (before.current.rating.count + 1),
    });
    expect({ ...after.current, rating: null }).toEqual({ ...before.current, rating: null });
  });
});
