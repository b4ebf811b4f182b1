/**
 * The signed-in clerk's screen, where the features meet: the desk's state, the queue, the opened
 * booking, the agenda, and the visit screen whenever this desk has someone called or in service.
 * Every action has a key shown on its button; a key press clicks the visible button with that key,
 * so the keyboard and the mouse take exactly the same path. Focus lands where work continues:
 * after a call on the visit, after the visit on "call next", after a booking on the agenda.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ServiceCode } from '../../../shared/domain/codes';
import type { DeskActor } from '../db/desk-actor';
import type { DeskDatabase } from '../db/desk-db';
import { useShownDayRows } from '../db/shown-day-rows';
import { AgendaWorkspace } from '../features/agenda/agenda-workspace';
import { findScanned, inAgendaOrder } from '../features/agenda/agenda-search';
import { VisitScreen } from '../features/checklist/visit-screen';
import { ClientMirror } from '../features/client-view/client-mirror';
import { deskLabelOf } from '../features/client-view/client-view-of-desk';
import { useClientScreen } from '../features/client-view/use-client-screen';
import { ActionFeedback } from '../features/queue/action-feedback';
import { BookingPanel } from '../features/queue/booking-panel';
import { DeskControls } from '../features/queue/desk-controls';
import { QueuePanel } from '../features/queue/queue-panel';
import { readServedServices, writeServedServices } from '../features/queue/served-services';
import { useDeskActions } from '../features/queue/use-desk-actions';
import { useI18n } from '../i18n/i18n';
import type { PrintHandout } from './receipt-printing';
import { ShortcutLegend } from './shortcut-legend';
import { useDeskKeys } from './use-desk-keys';
import { useNow } from './use-now';

export interface ClerkDeskProps {
  db: DeskDatabase;
  actor: DeskActor;
  date: string;
  /** The desk's clock (tests fix it); waiting times and events take their time from it. */
  clock?: () => Date;
  /** When each key arrived, for telling a scanner from a person (tests fix it). */
  keyClock?: (event: KeyboardEvent) => number;
  storage?: Storage;
  /**
   * The browser desk opens the client screen as a second window itself; Electron places its own
   * client window on the second monitor (and blocks window.open), so there it is left out.
   */
  opensClientWindow?: boolean;
  /** The host prints handouts (the DOC receipt on the visit screen); absent where it cannot (a plain browser). */
  printReceipt?: PrintHandout;
}

const systemClock = () => new Date();

export function ClerkDesk({ db, actor, date, clock = systemClock, keyClock, storage = localStorage, opensClientWindow = false, printReceipt }: ClerkDeskProps) {
  const { t } = useI18n();
  // The day's rows follow each write row by row (a live query would read the whole day again).
  const rows = useShownDayRows(db, date);
  // The rows of this desk, picked out once: the visit and the client screen look at these few, not at the whole day.
  const deskRows = useMemo(() => rows?.filter((row) => row.deskId === actor.deskId), [rows, actor.deskId]);
  const desk = useLiveQuery(() => db.desks.get(actor.deskId), [db, actor.deskId]);
  // The client-facing screen follows this desk (welcome on a call, the card during DOC, the rating at the end).
  const clientScreen = useClientScreen({ db, actor, date, rows: deskRows });
  const now = useNow(clock);
  const { perform, feedback, say } = useDeskActions(db, actor, date, clock);
  const [services, setServices] = useState<ServiceCode[]>(() => readServedServices(storage, actor.deskId));
  const [selectedBookingId, setSelectedBookingId] = useState<string | null>(null);
  const [checkInMethod, setCheckInMethod] = useState<'scan' | 'manual'>('manual');
  const [walkInOpen, setWalkInOpen] = useState(false);
  const [pauseFormOpen, setPauseFormOpen] = useState(false);
  /** The visit the clerk stepped out of (Esc): a new call is a new visit and shows again. */
  const [leftVisit, setLeftVisit] = useState<string | null>(null);
  const root = useRef<HTMLDivElement>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const gridRef = useRef<HTMLDivElement>(null);
  const callNextRef = useRef<HTMLButtonElement>(null);
  const visitRegion = useRef<HTMLElement>(null);

  // The persons at this desk in agenda order: the booked family first, anyone added at the desk after.
  const visitIds = useMemo(
    () => inAgendaOrder((deskRows ?? []).filter((row) => row.status === 'called' || row.status === 'in-service')).map((row) => row.id),
    [deskRows],
  );
  const visitKey = [...visitIds].sort().join(',');
  const showVisit = visitIds.length > 0 && leftVisit !== visitKey;
  // The receipt names the desk as the client reads it on the wall.
  const printing = useMemo(() => (printReceipt ? { print: printReceipt, deskLabel: deskLabelOf(actor.deskId) } : undefined), [printReceipt, actor.deskId]);
  const booking = useMemo(() => (rows ?? []).filter((row) => row.bookingId === selectedBookingId), [rows, selectedBookingId]);

  // The end of a visit brings the clerk back to "call next".
  const hadVisit = useRef(false);
  // Layout effects: the focus moves in the frame the screen changes, so a key typed at once lands there.
  useLayoutEffect(() => {
    if (visitKey === '' && hadVisit.current) callNextRef.current?.focus();
    hadVisit.current = visitKey !== '';
  }, [visitKey]);
  useLayoutEffect(() => {
    if (showVisit && !visitRegion.current?.contains(document.activeElement)) visitRegion.current?.focus();
  }, [showVisit, visitKey]);

  const openBooking = useCallback((bookingId: string, method: 'scan' | 'manual' = 'manual') => {
    setSelectedBookingId(bookingId);
    setCheckInMethod(method);
    setWalkInOpen(false);
  }, []);
  const closeBooking = () => {
    setSelectedBookingId(null);
    setWalkInOpen(false);
    // Back on the agenda, where the next client is found (arrows, a scan, or / to search).
    (gridRef.current ?? searchRef.current)?.focus();
  };
  const leaveVisit = useCallback(() => {
    setLeftVisit(visitKey);
    // The queue is back in the page after this render.
    setTimeout(() => callNextRef.current?.focus());
  }, [visitKey]);

  useDeskKeys({
    clock: keyClock,
    // The visit screen has keys and scans of its own (a DOC card scanned into its field).
    enabled: rows !== undefined && !showVisit,
    onScan: (text) => {
      const found = findScanned(rows ?? [], text);
      if (!found) return say('refused', t('clerkScanNoMatch', { code: text }));
      openBooking(found.bookingId, 'scan');
      say('done', t('clerkScanFound', { code: found.appointmentCode ?? text }));
    },
    onShortcut: (key) => {
      if (key === '/') return searchRef.current?.focus();
      root.current?.querySelector<HTMLButtonElement>(`button[aria-keyshortcuts="${key}"]:not([disabled])`)?.click();
    },
    onEscape: () => {
      if (pauseFormOpen) setPauseFormOpen(false);
      else if (selectedBookingId) closeBooking();
    },
  });

  const changeServices = (next: ServiceCode[]) => {
    setServices(next);
    writeServedServices(storage, actor.deskId, next);
  };

  if (rows === undefined) return <p>{t('agendaLoading')}</p>;
  return (
    <div className="clerk" ref={root}>
      <DeskControls deskId={actor.deskId} desk={desk} perform={perform} pauseFormOpen={pauseFormOpen} onPauseFormOpenChange={setPauseFormOpen} />
      <ActionFeedback feedback={feedback} />
      <ClientMirror snapshot={clientScreen.snapshot} onShow={clientScreen.show} onOpenWindow={opensClientWindow ? clientScreen.openWindow : undefined} />
      {showVisit ? (
        <section className="clerk__visit panel" aria-label={t('clerkVisitRegion')} tabIndex={-1} ref={visitRegion}>
          <VisitScreen db={db} actor={actor} date={date} appointmentIds={visitIds} onLeave={leaveVisit} printing={printing} />
        </section>
      ) : (
        <div className="clerk__columns">
          <QueuePanel
            rows={rows}
            deskId={actor.deskId}
            services={services}
            onServicesChange={changeServices}
            now={now}
            perform={perform}
            onOpenVisit={visitIds.length > 0 ? () => setLeftVisit(null) : undefined}
            callNextRef={callNextRef}
          />
          <div className="clerk__work">
            {selectedBookingId && booking.length > 0 && (
              <BookingPanel
                key={selectedBookingId}
                appointments={booking}
                perform={perform}
                checkInMethod={checkInMethod}
                walkInOpen={walkInOpen}
                onWalkInOpenChange={setWalkInOpen}
                onClose={closeBooking}
              />
            )}
            <AgendaWorkspace rows={rows} selectedBookingId={selectedBookingId} onOpenBooking={(id) => openBooking(id)} searchRef={searchRef} gridRef={gridRef} />
          </div>
        </div>
      )}
      {/* The visit screen lists its own keys; these work while the queue is on screen. */}
      {!showVisit && <ShortcutLegend />}
    </div>
  );
}
