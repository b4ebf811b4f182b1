/**
 * The appointments of one day as the clerk's screen shows them, kept in memory and changed row by
 * row as this window's transactions commit (projection-stamp.ts reports what each one wrote).
 *
 * Why not `useLiveQuery`: a live query of the day reads every row again after each change; on a day
 * of 5,000 appointments that was 170 ms before the screen could show a check-in. Here an action
 * costs the rows it wrote. IndexedDB stays the source of truth: the rows are read from it at start,
 * again whenever another window wrote (the stored projection stamp is not the last one this window
 * saw) and whenever a write cannot be followed row by row; nothing here is ever written back.
 * The first read may be the one the entry asked for before the app's code ran (early-day-read.ts).
 */
import { Dexie, type ObservabilitySet } from 'dexie';
import { useCallback, useSyncExternalStore } from 'react';
import type { DeskDatabase, LocalAppointment } from './desk-db';
import { readMeta } from './desk-meta';
import { takeEarlyDay } from './early-day-read';
import { onCommittedAppointments, type CommittedAppointments } from './projection-stamp';

type Rows = readonly LocalAppointment[];

/** A read of the day that failed (a storage error, the database closing) is tried again this much later. */
const READ_RETRY_MS = 1_000;

class ShownDayRows {
  private rows: Map<string, LocalAppointment> | undefined;
  private snapshot: Rows | undefined;
  /** Each row's place in `snapshot` (id order), while no row came or went since it was sorted. */
  private places: Map<string, number> | undefined;
  /** Rows put in place of rows with the same id since the last publish; null when one came or went. */
  private replaced: LocalAppointment[] | null = null;
  /** The stamp of the last write this copy has seen; another stored stamp means someone else wrote. */
  private stamp: string | undefined;
  /** Only the latest read of the day counts; commits during it are replayed on top, in order. */
  private reading = 0;
  private queued: CommittedAppointments[] | null = null;
  /** Another window wrote while the day was being read: look at the stamp again afterwards. */
  private recheck = false;
  private readonly listeners = new Set<() => void>();
  private stop: (() => void) | null = null;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly db: DeskDatabase,
    private readonly date: string,
  ) {}

  readonly current = (): Rows | undefined => this.snapshot;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    if (this.listeners.size === 1) this.start();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.end();
    };
  };

  private start(): void {
    const stopCommits = onCommittedAppointments(this.db, (change) => this.follow(change));
    const anyWindowWrote = (parts: ObservabilitySet) => {
      if (Object.keys(parts).some((part) => part.startsWith(`idb://${this.db.name}/appointments/`))) void this.checkStamp();
    };
    Dexie.on('storagemutated', anyWindowWrote);
    this.stop = () => {
      stopCommits();
      Dexie.on.storagemutated.unsubscribe(anyWindowWrote);
    };
    void this.read();
  }

  private end(): void {
    this.stop?.();
    this.stop = null;
    clearTimeout(this.retryTimer);
    this.reading++;
    this.rows = undefined;
    this.snapshot = undefined;
    this.places = undefined;
    this.queued = null;
  }

  /** Reads the whole day and the stamp it belongs to, in one transaction. */
  private async read(): Promise<void> {
    const generation = ++this.reading;
    this.queued = [];
    this.recheck = false;
    clearTimeout(this.retryTimer);
    let stamp: string | undefined;
    let rows: LocalAppointment[];
    try {
      const early = await takeEarlyDay(this.db.name, this.date);
      if (early) {
        ({ stamp, rows } = early);
        // Read before this copy followed any write: the stamp tells whether one came in between.
        this.recheck = true;
      } else {
        [stamp, rows] = await this.db.transaction('r', this.db.appointments, this.db.meta, () =>
          Promise.all([readMeta(this.db.meta, 'projectionStamp'), this.db.appointments.where('date').equals(this.date).toArray()]),
        );
      }
    } catch {
      // Nobody awaits a read (it starts from events): the screen keeps what it shows and reads again.
      if (generation !== this.reading) return;
      this.queued = null;
      this.retryTimer = setTimeout(() => void this.read(), READ_RETRY_MS);
      return;
    }
    if (generation !== this.reading) return;
    const queued = this.queued ?? [];
    this.queued = null;
    if (queued.some((change) => change.untracked)) return this.read();
    this.rows = new Map(rows.map((row) => [row.id, row]));
    this.replaced = null;
    this.stamp = stamp;
    for (const change of queued) this.patch(change);
    this.publish();
    if (this.recheck) await this.checkStamp();
  }

  private follow(change: CommittedAppointments): void {
    if (this.queued) this.queued.push(change);
    else if (change.untracked) void this.read();
    else if (this.rows) {
      this.patch(change);
      this.publish();
    }
  }

  private patch(change: CommittedAppointments): void {
    const rows = this.rows!;
    const cameOrWent = () => (this.replaced = null);
    for (const id of change.deletedIds) if (rows.delete(id)) cameOrWent();
    for (const row of change.rows as LocalAppointment[]) {
      if (row.date !== this.date) {
        if (rows.delete(row.id)) cameOrWent();
      } else {
        if (rows.has(row.id)) this.replaced?.push(row);
        else cameOrWent();
        rows.set(row.id, row);
      }
    }
    this.stamp = change.stamp;
  }

  /** Some window wrote: read the day again unless the stored stamp is the last one seen here. */
  private async checkStamp(): Promise<void> {
    if (this.queued) {
      this.recheck = true;
      return;
    }
    if (!this.rows) return;
    // A stamp that cannot be read counts as changed: the read that follows retries until it can.
    const stored = await readMeta(this.db.meta, 'projectionStamp').catch(() => null);
    if (stored !== this.stamp && !this.queued) await this.read();
  }

  private publish(): void {
    this.snapshot = this.replaced && this.snapshot && this.places ? this.withReplaced(this.snapshot, this.places, this.replaced) : this.sorted();
    this.replaced = [];
    for (const listener of this.listeners) listener();
  }

  /** In id order, as the indexed read gives them, so a change never reorders the screen's input. */
  private sorted(): Rows {
    const sorted = [...this.rows!.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    this.places = new Map(sorted.map((row, place) => [row.id, place]));
    return sorted;
  }

  /** The last snapshot with rows replaced in their places: an action on a big day re-sorts nothing. */
  private withReplaced(snapshot: Rows, places: ReadonlyMap<string, number>, replaced: readonly LocalAppointment[]): Rows {
    const next = snapshot.slice();
    for (const row of replaced) next[places.get(row.id)!] = row;
    return next;
  }
}

const days = new WeakMap<DeskDatabase, Map<string, ShownDayRows>>();

function shownDayRows(db: DeskDatabase, date: string): ShownDayRows {
  const byDate = days.get(db) ?? new Map<string, ShownDayRows>();
  days.set(db, byDate);
  const existing = byDate.get(date);
  if (existing) return existing;
  const created = new ShownDayRows(db, date);
  byDate.set(date, created);
  return created;
}

/** The day's appointments as shown, kept current; undefined while they are first read. */
export function useShownDayRows(db: DeskDatabase, date: string): Rows | undefined {
  const day = shownDayRows(db, date);
  const subscribe = useCallback((listener: () => void) => day.subscribe(listener), [day]);
  return useSyncExternalStore(subscribe, day.current);
}
