/**
 * Three desks, random schedules: clerks act (often on the same person, while the others have not
 * synced), syncs fail before the request leaves, lose the answer after the server committed, or
 * deliver a push twice, and desks restart (the database closed and opened again). After each run
 * every desk syncs cleanly, and then: every event any desk made is on the server exactly once, in
 * an order whose replay by the shared reducer gives exactly the day every desk shows and holds as
 * the server's, the server's conflicts are exactly the replay's, and every desk knows them.
 *
 * Each run acts on people of its own day (imported once for all runs), so runs share the real
 * server and the desks' databases, as a desk's day goes on, without touching each other's people.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../shared/domain/calendar-date';
import { MAX_PUSH_BATCH, pushResponseSchema } from '../../shared/sync/push-pull';
import { readLocalDay, serverStateOf } from '../src/db/day-projection';
import { openDeskDatabase, type DeskDatabase } from '../src/db/desk-db';
import { performCommand } from '../src/db/perform-command';
import { pullChanges } from '../src/features/sync/pull-changes';
import { pushOutbox } from '../src/features/sync/push-outbox';
import { adminToken, dropDatabase, freshDatabase, serverUrl, signedInDesk, today, type SignedInDesk } from './desk-fixtures';
import { ACTIONS, appointmentsOf, commandFor, FAULTS, faultyFetch, nextActionFor, ReferenceModel, type Fault, type Step } from './three-desks-model';

const RUNS = Number(process.env.BALIE_PROPERTY_RUNS ?? 1_000);
const PEOPLE_PER_RUN = 2;
const DESK_IDS = ['MAA-D1', 'MAA-D2', 'MAA-D3'] as const;

/** The run's day: far enough ahead that no other test acts on it. */
const runDate = (run: number) => addDays(today, 400 + run);

function importCsv(runs: number): string {
  const lines = ['appointment_code;date;time;services;person_position;full_name;date_of_birth;nationality_category;v_number;status'];
  for (let run = 0; run < runs; run++) {
    for (let person = 0; person < PEOPLE_PER_RUN; person++) {
      lines.push(`R${String(run).padStart(5, '0')}P${person};${runDate(run)};10:${String(person * 5).padStart(2, '0')};INFO;1;Eigenschap ${run}-${person};1990-05-0${person + 1};other;;booked`);
    }
  }
  return `${lines.join('\n')}\n`;
}

const stepArbitrary: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('act' as const),
      desk: fc.nat(2),
      action: fc.oneof({ weight: 4, arbitrary: fc.constant('next' as const) }, { weight: 1, arbitrary: fc.constantFrom(...ACTIONS) }),
      person: fc.nat(PEOPLE_PER_RUN - 1),
      variant: fc.nat(19),
    }),
  },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('sync' as const), desk: fc.nat(2), push: fc.constantFrom(...FAULTS), pull: fc.constantFrom('none' as const, 'offline' as const, 'lost-answer' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('restart' as const), desk: fc.nat(2) }) },
);

interface Desk {
  signedIn: SignedInDesk;
  db: DeskDatabase;
  name: string;
  token: string;
}

describe('three desks against a reference model', () => {
  const desks: Desk[] = [];
  const model = new ReferenceModel();

  beforeAll(async () => {
    const answer = await fetch(`${serverUrl}/api/v1/import/appointments?location=MAA`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await adminToken()}`, 'content-type': 'text/csv' },
      body: importCsv(RUNS + 10),
    });
    expect(answer.status).toBe(200);
    for (const deskId of DESK_IDS) {
      const db = await freshDatabase(`three-desks-${deskId}`);
      const signedIn = await signedInDesk(db, deskId);
      const token = (await signedIn.token())!;
      expect(await pullChanges(db, { serverUrl, token })).toMatchObject({ ok: true });
      desks.push({ signedIn, db, name: db.name, token });
    }
  }, 240_000);

  afterAll(async () => {
    for (const desk of desks) await dropDatabase(desk.db);
  });

  async function sync(desk: Desk, push: Fault, pull: Exclude<Fault, 'twice'>) {
    const pushed = await pushOutbox(desk.db, { serverUrl, token: desk.token, fetch: faultyFetch(push, model) }, { deviceId: desk.signedIn.session.deviceId });
    if (!pushed.ok) return;
    await pullChanges(desk.db, { serverUrl, token: desk.token, fetch: faultyFetch(pull, model) });
  }

  it(`converges with nothing lost and nothing doubled over ${RUNS} random schedules`, async () => {
    let run = 0;
    const totals = { events: 0, conflicts: 0, steps: 0, faults: 0, restarts: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(stepArbitrary, { minLength: 1, maxLength: 8 }), async (steps) => {
        const date = runDate(run++);
        const start = await readLocalDay(desks[0]!.db, date);
        const people = appointmentsOf(start).map((appointment) => appointment.id);
        expect(people).toHaveLength(PEOPLE_PER_RUN);
        const made: string[] = [];
        for (const [index, step] of steps.entries()) {
          const desk = desks[step.desk]!;
          if (step.kind === 'act') {
            const person = people[step.person]!;
            const action = step.action === 'next' ? nextActionFor((await desk.db.appointments.get(person))!.status, step.variant) : step.action;
            const result = await performCommand(desk.db, commandFor(action, person, `run ${run} step ${index}`), desk.signedIn.context(date));
            if (result.ok) {
              model.recordMade(result.events);
              made.push(...result.events.map((event) => event.id));
            }
          } else if (step.kind === 'sync') {
            if (step.push !== 'none' || step.pull !== 'none') totals.faults++;
            await sync(desk, step.push, step.pull);
          } else {
            totals.restarts++;
            desk.db.close();
            desk.db = openDeskDatabase(desk.name);
            await desk.db.open();
          }
        }
        // The network is good again: each desk sends what it has, then each pulls what the others sent.
        for (const desk of desks) await sync(desk, 'none', 'offline');
        for (const desk of desks) await sync(desk, 'none', 'none');

        const expected = model.expectedDay(start, made);
        // 0 lost: the server answered for every event some desk made; 0 doubled: replaying each once gives its day.
        expect(expected.unanswered).toEqual([]);
        for (const id of made) expect(model.verdicts.get(id)?.status).not.toBe('rejected');
        for (const id of made) expect(model.verdicts.get(id)!.status === 'conflict').toBe(expected.conflicts.has(id));
        const expectedAppointments = appointmentsOf(expected.day);
        for (const desk of desks) {
          expect(await desk.db.outbox.count()).toBe(0);
          expect(appointmentsOf(await readLocalDay(desk.db, date))).toEqual(expectedAppointments);
          const stored = await desk.db.appointments.where('date').equals(date).sortBy('id');
          expect(stored.map(serverStateOf)).toEqual(expectedAppointments);
          const known = await desk.db.conflicts.where('appointmentId').anyOf(people).primaryKeys();
          expect(new Set(known)).toEqual(expected.conflicts);
        }
        totals.events += made.length;
        totals.conflicts += expected.conflicts.size;
        totals.steps += steps.length;
      }),
      { numRuns: RUNS, endOnFailure: true },
    );
    // The server's own word on the whole session: each desk's events sent once more are all
    // duplicates with the outcome the runs saw, and the server holds no number beyond them.
    for (const desk of desks) {
      const deviceId = desk.signedIn.session.deviceId;
      const mine = [...model.made.values()].filter((event) => event.deviceId === deviceId).sort((a, b) => a.deviceSeq - b.deviceSeq);
      for (let from = 0; from < mine.length; from += MAX_PUSH_BATCH) {
        const batch = mine.slice(from, from + MAX_PUSH_BATCH);
        const response = await fetch(`${serverUrl}/api/v1/sync/push`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${desk.token}` },
          body: JSON.stringify({ deviceId, clientTime: new Date().toISOString(), events: batch }),
        });
        const answer = pushResponseSchema.parse(await response.json());
        expect(answer.results.map((result) => (result.status === 'duplicate' ? result.original : `not stored: ${result.status}`))).toEqual(batch.map((event) => model.verdicts.get(event.id)!.status));
        expect(answer.lastDeviceSeq).toBe(mine.at(-1)!.deviceSeq);
      }
    }
    console.info(`three desks: ${run} runs, ${totals.steps} steps, ${totals.events} events, ${totals.conflicts} conflicts, ${totals.faults} faulty syncs, ${totals.restarts} restarts, ${model.deliveries} pushes delivered`);
    expect(run).toBe(RUNS);
  }, 600_000);
});
