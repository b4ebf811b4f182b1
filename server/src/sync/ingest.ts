/**
 * Push, the server side: one transaction per batch, events taken in device order. See
 * docs/sync-protocol.md for the outcomes and the rules; in short, every addressable event either
 * consumes its device sequence number with an outcome recorded forever, or (after a gap) is not
 * stored at all so the desk resends it.
 */
import { applyEvent } from '../../../shared/domain/day-reducer';
import type { DayState } from '../../../shared/domain/day-state';
import type { PushResponse, PushResult } from '../../../shared/sync/push-pull';
import type { BalieEvent } from '../../../shared/sync/events';
import type { Database, Queryable } from '../db/database';
import { latestChangeSeq, lockLocationChanges, publishChanges, type NewChange } from './changes';
import type { DayStateStore } from './day-state-store';
import { addressOf, checkPushedEvent, dayOfEvent, type PushingDevice } from './event-checks';

interface StoredOutcome {
  device_id: string;
  outcome: 'accepted' | 'conflict' | 'rejected';
  reason: unknown;
}

export async function ingestBatch(
  db: Database,
  days: DayStateStore,
  device: PushingDevice,
  batch: { clientTime: string; events: readonly unknown[] },
): Promise<PushResponse> {
  const touchedDays = new Map<string, DayState>();
  const response = await db.transaction(async (tx) => {
    // One writer per location at a time: device order, day state and change numbers stay consistent.
    await lockLocationChanges(tx, device.locationId);
    const changeSeq = await latestChangeSeq(tx, device.locationId);
    let lastSeq = await lastDeviceSeq(tx, device.id);
    const stored = await storedOutcomes(tx, batch.events);
    const knownClerks = new Map<string, boolean>();
    const changes: NewChange[] = [];
    const results: PushResult[] = [];

    for (const [index, raw] of batch.events.entries()) {
      const address = addressOf(raw);
      if (!address) {
        results.push({ status: 'rejected', id: null, reason: { code: 'unaddressable', problems: ['an event needs an id and a deviceSeq'] } });
        continue;
      }
      const earlier = stored.get(address.id);
      if (earlier) {
        results.push(
          earlier.device_id === device.id
            ? { status: 'duplicate', id: address.id, original: earlier.outcome, reason: earlier.reason ?? undefined }
            : { status: 'rejected', id: address.id, reason: { code: 'foreign-id', problems: ['this event id belongs to another device'] } },
        );
        continue;
      }
      if (address.deviceSeq <= lastSeq) {
        results.push({ status: 'rejected', id: address.id, reason: { code: 'sequence-used', problems: [`deviceSeq ${address.deviceSeq} is taken by another event`] } });
        continue;
      }
      if (address.deviceSeq > lastSeq + 1) {
        for (const rest of batch.events.slice(index)) results.push({ status: 'gap', id: addressOf(rest)?.id ?? null, expectedSeq: lastSeq + 1 });
        break;
      }
      lastSeq = address.deviceSeq;
      const check = await checkPushedEvent(tx, raw, device, knownClerks);
      if (!check.ok) {
        await insertEvent(tx, device, address, raw, { outcome: 'rejected', reason: check.reason, serverSeq: null, event: null, day: null }, batch.clientTime);
        stored.set(address.id, { device_id: device.id, outcome: 'rejected', reason: check.reason });
        results.push({ status: 'rejected', id: address.id, reason: check.reason });
        continue;
      }
      results.push(await applyAndStore(tx, days, touchedDays, changeSeq, device, check.event, changes, batch.clientTime));
      stored.set(address.id, { device_id: device.id, outcome: results.at(-1)!.status === 'accepted' ? 'accepted' : 'conflict', reason: null });
    }
    await publishChanges(tx, device.locationId, changes);
    await tx.query('UPDATE devices SET last_seen_at = now(), clock_offset_ms = $2 WHERE id = $1', [
      device.id,
      Date.parse(batch.clientTime) - Date.now(),
    ]);
    return { results, serverTime: new Date().toISOString(), lastDeviceSeq: lastSeq };
  });
  // Only a committed state may be remembered; the cache key is the feed's newest number now.
  if (touchedDays.size > 0) {
    const seq = await latestChangeSeq(db, device.locationId);
    for (const [day, state] of touchedDays) days.remember(device.locationId, day, state, seq);
  }
  return response;
}

async function applyAndStore(
  tx: Queryable,
  days: DayStateStore,
  touchedDays: Map<string, DayState>,
  changeSeq: string,
  device: PushingDevice,
  event: BalieEvent,
  changes: NewChange[],
  clientTime: string,
): Promise<PushResult> {
  const day = await dayOfEvent(tx, event);
  const before = touchedDays.get(day) ?? (await days.load(tx, device.locationId, day, changeSeq));
  const { state, outcome } = applyEvent(before, event, await days.reducerOptions(tx));
  touchedDays.set(day, state);
  const serverSeq = (await tx.query<{ seq: string }>("SELECT nextval('server_seq_counter')::text AS seq"))[0]!.seq;
  const isConflict = outcome.kind === 'conflict';
  const reason = isConflict ? outcome.error : null;
  await insertEvent(tx, device, event, event, { outcome: isConflict ? 'conflict' : 'accepted', reason, serverSeq, event, day }, clientTime);
  if (isConflict) {
    await tx.query('INSERT INTO conflicts (event_id, location_id, day, appointment_id, error) VALUES ($1, $2, $3, $4, $5)', [
      event.id, device.locationId, day, event.appointmentId ?? null, JSON.stringify(outcome.error),
    ]);
    changes.push({ entity: 'conflict', id: event.id, data: state.conflicts.at(-1) });
    return { status: 'conflict', id: event.id, serverSeq, reason: outcome.error };
  }
  changes.push(...changedEntities(before, state));
  return { status: 'accepted', id: event.id, serverSeq };
}

/** The appointments, persons and desks the event replaced (the reducer never mutates). */
function changedEntities(before: DayState, after: DayState): NewChange[] {
  const changed: NewChange[] = [];
  for (const [id, appointment] of Object.entries(after.appointments)) {
    if (before.appointments[id] !== appointment) changed.push({ entity: 'appointment', id, data: appointment });
  }
  for (const [id, person] of Object.entries(after.persons)) {
    if (before.persons[id] !== person) changed.push({ entity: 'person', id, data: person });
  }
  for (const [id, desk] of Object.entries(after.desks)) {
    if (before.desks[id] !== desk) changed.push({ entity: 'desk', id, data: desk });
  }
  return changed;
}

async function lastDeviceSeq(tx: Queryable, deviceId: string): Promise<number> {
  const rows = await tx.query<{ seq: number }>('SELECT coalesce(max(device_seq), 0)::int AS seq FROM events WHERE device_id = $1', [deviceId]);
  return rows[0]!.seq;
}

async function storedOutcomes(tx: Queryable, rawEvents: readonly unknown[]): Promise<Map<string, StoredOutcome>> {
  const ids = rawEvents.map((raw) => addressOf(raw)?.id).filter((id): id is string => id !== undefined);
  const rows = await tx.query<StoredOutcome & { id: string }>('SELECT id, device_id, outcome, reason FROM events WHERE id = ANY($1)', [ids]);
  return new Map(rows.map((row) => [row.id, row]));
}

async function insertEvent(
  tx: Queryable,
  device: PushingDevice,
  address: { id: string; deviceSeq: number },
  body: unknown,
  record: { outcome: StoredOutcome['outcome']; reason: unknown; serverSeq: string | null; event: BalieEvent | null; day: string | null },
  clientTime: string,
): Promise<void> {
  const { event } = record;
  await tx.query(
    `INSERT INTO events (device_id, device_seq, id, server_seq, outcome, reason, location_id, type, appointment_id, day,
                         occurred_at, clock_offset_ms, body)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)`,
    [
      device.id, address.deviceSeq, address.id, record.serverSeq, record.outcome,
      record.reason === null ? null : JSON.stringify(record.reason), device.locationId,
      event?.type ?? null, event?.appointmentId ?? null, record.day, event?.occurredAt ?? null,
      Date.parse(clientTime) - Date.now(), JSON.stringify(body),
    ],
  );
}
