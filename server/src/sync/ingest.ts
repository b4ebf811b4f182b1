/**
 * Push, the server side: one transaction per batch, events taken in device order. See
 * docs/sync-protocol.md for the outcomes and the rules; in short, every addressable event either
 * consumes its device sequence number with an outcome recorded forever, or (after a gap) is not
 * stored at all so the desk resends it. The batch is decided in memory first, then written with a
 * handful of statements, whatever its size.
 */
import { reduceEvents } from '../../../shared/domain/day-reducer';
import type { DayState } from '../../../shared/domain/day-state';
import type { PushResponse, PushResult } from '../../../shared/sync/push-pull';
import type { BalieEvent } from '../../../shared/sync/events';
import type { Database, Queryable } from '../db/database';
import { latestChangeSeq, lockLocationChanges, publishChanges, type NewChange } from './changes';
import type { DayStateStore } from './day-state-store';
import { addressOf, checkPushedEvent, dayResolver, type PushingDevice } from './event-checks';
import { storeDecisions, type Decision } from './ingest-store';

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
  const { response, changeSeq } = await db.transaction(async (tx) => {
    // One writer per location at a time: device order, day state and change numbers stay consistent.
    await lockLocationChanges(tx, device.locationId);
    const startSeq = await latestChangeSeq(tx, device.locationId);
    const dayOf = await dayResolver(tx, batch.events);
    const stored = await storedOutcomes(tx, batch.events);
    const knownClerks = new Map<string, boolean>();
    let lastSeq = await lastDeviceSeq(tx, device.id);
    const decisions: Decision[] = [];
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
        decisions.push({ address, body: raw, outcome: 'rejected', reason: check.reason, event: null, day: null });
        stored.set(address.id, { device_id: device.id, outcome: 'rejected', reason: check.reason });
        results.push({ status: 'rejected', id: address.id, reason: check.reason });
        continue;
      }
      const decision: Decision = { address, body: check.event, outcome: 'accepted', reason: null, event: check.event, day: dayOf(check.event) };
      decisions.push(decision);
      stored.set(address.id, { device_id: device.id, outcome: 'accepted', reason: null });
      results.push({ status: 'accepted', id: address.id, serverSeq: '' });
    }
    const changes = await applyToDays(tx, days, device, decisions, startSeq, touchedDays);
    // The reducer has spoken: conflicts replace the provisional 'accepted' (and a repeat of the
    // same id later in this batch reports the conflict as its original outcome).
    const conflicts = new Map(decisions.filter((d) => d.outcome === 'conflict').map((d) => [d.address.id, d.reason]));
    for (const [index, result] of results.entries()) {
      if (!result.id || !conflicts.has(result.id)) continue;
      if (result.status === 'accepted') results[index] = { status: 'conflict', id: result.id, serverSeq: '', reason: conflicts.get(result.id) };
      if (result.status === 'duplicate') results[index] = { ...result, original: 'conflict', reason: conflicts.get(result.id) };
    }
    const serverSeqs = await storeDecisions(tx, device, decisions, batch.clientTime);
    for (const result of results) if ('serverSeq' in result) result.serverSeq = serverSeqs.get(result.id)!;
    const newSeq = (await publishChanges(tx, device.locationId, changes)) ?? startSeq;
    await tx.query('UPDATE devices SET last_seen_at = now(), clock_offset_ms = $2 WHERE id = $1', [
      device.id,
      Date.parse(batch.clientTime) - Date.now(),
    ]);
    return { response: { results, serverTime: new Date().toISOString(), lastDeviceSeq: lastSeq }, changeSeq: newSeq };
  });
  // Only a committed state is remembered, under the change number it is current for (drawn
  // under the lock: nobody else's change can sit between the state and this number).
  for (const [day, state] of touchedDays) days.remember(device.locationId, day, state, changeSeq);
  return response;
}

/**
 * Runs the batch's valid events through the shared reducer, day by day (days are independent; within
 * a day the device order is kept), in one pass each: the reducer's linear replay, not one copy of the
 * day per event. Marks conflicts on the decisions and returns the changed entities for the feed: each
 * conflict, and each appointment, person and desk whose state differs after the batch.
 */
async function applyToDays(
  tx: Queryable,
  days: DayStateStore,
  device: PushingDevice,
  decisions: Decision[],
  startSeq: string,
  touchedDays: Map<string, DayState>,
): Promise<NewChange[]> {
  const options = await days.reducerOptions(tx);
  const byDay = new Map<string, Decision[]>();
  for (const decision of decisions) {
    if (decision.outcome !== 'accepted' || !decision.day) continue;
    byDay.set(decision.day, [...(byDay.get(decision.day) ?? []), decision]);
  }
  const changes: NewChange[] = [];
  for (const [day, dayDecisions] of byDay) {
    const decisionOf = new Map(dayDecisions.map((decision) => [decision.address.id, decision]));
    const before = await days.load(tx, device.locationId, day, startSeq);
    const events = dayDecisions.map((decision) => decision.event as BalieEvent);
    // Without an observer the reducer changes a private copy of the day in place (day-reducer.ts);
    // the batch's conflicts are the ones it appended.
    const after = reduceEvents(before, events, options);
    for (const { eventId, type, appointmentId, deskId, clerkId, occurredAt, error } of after.conflicts.slice(before.conflicts.length)) {
      const decision = decisionOf.get(eventId);
      if (!decision) continue;
      Object.assign(decision, { outcome: 'conflict', reason: error });
      changes.push({ entity: 'conflict', id: eventId, data: { eventId, type, appointmentId, deskId, clerkId, occurredAt, error } });
    }
    // The feed keeps only an entity's last state per batch (publishChanges), so one comparison of
    // the day before and after the batch finds them all: comparing the whole day after each event
    // cost more than the replay itself (310 appointments × 500 events per push).
    changes.push(...changedEntities(before, after));
    touchedDays.set(day, after);
  }
  return changes;
}

/** The appointments, persons and desks the events replaced (the reducer never mutates, so an unchanged one is the same object). */
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
