/**
 * The guided checklist of one visit: the persons called to (or served at) this desk, one person
 * after another without leaving the screen, each with the steps of their service's checklist that
 * apply to them. Every change goes through `act` (one Dexie transaction, checked by the shared
 * command); focus always lands where the work continues, so a clerk never needs the mouse.
 */
import { useEffect, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { ChecklistStep } from '../../../../shared/checklists/definition-schema';
import { checkStepValue } from '../../../../shared/checklists/step-rules';
import { act, type DeskActor } from '../../db/desk-actor';
import type { DeskDatabase, LocalAppointment } from '../../db/desk-db';
import type { DeskCommand } from '../../db/perform-command';
import { useI18n } from '../../i18n/i18n';
import { ActionQueue, FocusKeeper } from './focus-keeper';
import { PRINT_RECEIPT_SHORTCUT, type ReceiptPrinting } from './handout-receipt';
import { loadVisit, sendOnChoices, type VisitData } from './load-visit';
import { PersonTabs } from './person-tabs';
import { PersonVisit, type SidePanel } from './person-visit';
import { VisitShortcuts } from './visit-shortcuts';
import { useVisitScanner } from './use-visit-scanner';
import { visitCommands } from './visit-actions';
import { nextStepId, personChecklist } from './visit-model';
import './visit.css';

export interface VisitScreenProps {
  db: DeskDatabase;
  actor: DeskActor;
  /** The day the appointments belong to (`YYYY-MM-DD`). */
  date: string;
  /** The appointments called or in service at this desk: one person, or a family called together. */
  appointmentIds: readonly string[];
  /** Back to the queue; the visit stays as it is. */
  onLeave(): void;
  /** The host's printing of handouts (the DOC receipt); absent where the host cannot print. */
  printing?: ReceiptPrinting;
}

const atDesk = (appointment: LocalAppointment) => appointment.status === 'called' || appointment.status === 'in-service';

/** Where the clerk's work on this appointment continues: start, the next open step, or the summary. */
function workTarget(data: VisitData, appointment: LocalAppointment, afterStepId: string | null = null, alsoDone?: ReadonlySet<string>): string | null {
  if (appointment.status === 'called') return 'start';
  if (appointment.status !== 'in-service') return null;
  const found = personChecklist(data.checklists, appointment, data.persons.get(appointment.personId));
  if (!found.ok) return null;
  const next = nextStepId(found.checklist, afterStepId, alsoDone);
  return next ? `step:${appointment.id}:${next}` : `summary:${appointment.id}`;
}

export function VisitScreen({ db, actor, date, appointmentIds, onLeave, printing }: VisitScreenProps) {
  const { t, language } = useI18n();
  const data = useLiveQuery(() => loadVisit(db, appointmentIds, actor.deskId), [db, actor.deskId, appointmentIds.join(' ')]);
  const [chosenId, setChosenId] = useState<string | null>(null);
  const [panel, setPanel] = useState<SidePanel>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  // Created once, outside React's state: the action closures are built while rendering and used later.
  const [focus] = useState(() => new FocusKeeper());
  const [actions] = useState(() => new ActionQueue());
  // Steps recorded during this visit, read back or not: a fast clerk (or scanner) types ahead of the live query.
  const [recording] = useState(() => new Set<string>());

  const { register } = focus;
  const screenRef = useRef<HTMLElement>(null);
  const focusNow = (key: string | null) => focus.focus(key);

  const appointments = data?.appointments ?? [];
  const selected = appointments.find((row) => row.id === chosenId) ?? appointments.find(atDesk) ?? appointments[0];
  const called = appointments.filter((row) => row.status === 'called');
  // When the clerk turned to the person on screen: their next step is timed from then, not from the
  // family's common start of service (the person before took that time).
  const turnedTo = useRef<{ id: string; at: string } | null>(null);
  const selectedId = selected?.id;
  useEffect(() => {
    if (selectedId) turnedTo.current = { id: selectedId, at: new Date().toISOString() };
  }, [selectedId]);

  useEffect(() => {
    if (data && selected) focus.placeOnce(workTarget(data, selected) ?? 'back');
    focus.flush(() => (data && selected ? workTarget(data, selected) ?? 'back' : null));
  });

  /** Runs the command; a refusal is shown at the top unless the part that asked shows it itself. */
  const perform = async (command: DeskCommand, showsOwnRefusal = false): Promise<string | null> => {
    const result = await actions.run(() => act(db, actor, date, command));
    const refusal = result.ok ? null : result.error.message[language];
    if (refusal === null || !showsOwnRefusal) setFailure(refusal);
    return refusal;
  };
  const choose = (appointment: LocalAppointment | undefined, target?: string | null) => {
    if (!appointment || !data) return;
    setChosenId(appointment.id);
    setPanel(null);
    focusNow(target === undefined ? workTarget(data, appointment) : target);
  };
  const moveBy = (delta: number) => {
    if (!selected || appointments.length < 2) return;
    const index = appointments.indexOf(selected);
    choose(appointments[(index + delta + appointments.length) % appointments.length]);
  };
  /** After this person leaves the desk: on to the next person still at the desk, or back to the queue. */
  const onToNextPerson = async (done: LocalAppointment) => {
    // Read as stored now: the view may not show the last action yet.
    const stored = await db.appointments.bulkGet(appointments.map((row) => row.id));
    const next = stored.find((row): row is LocalAppointment => row !== undefined && row.id !== done.id && atDesk(row));
    if (next) choose(next);
    else focusNow('back');
  };

  const actionsFor = (appointment: LocalAppointment) => ({
    start: async () => {
      const ids = called.map((row) => row.id);
      if ((await perform(visitCommands.start(ids))) === null && data) {
        focusNow(workTarget(data, { ...appointment, status: 'in-service' }));
      }
    },
    recall: () => void perform(visitCommands.recall(appointment.id)),
    noShow: async () => {
      if ((await perform(visitCommands.noShow(appointment.id))) === null) await onToNextPerson(appointment);
    },
    /** `moveOn` false: a scan recorded a step elsewhere; the clerk stays where they are. */
    record: async (step: ChecklistStep, value: Parameters<typeof visitCommands.record>[2], moveOn = true) => {
      // Focus moves on at once, so keys typed ahead land in the next step; a refusal brings it back.
      const key = `${appointment.id}:${step.id}`;
      recording.add(key);
      const done = new Set([...recording].filter((pending) => pending.startsWith(`${appointment.id}:`)).map((pending) => pending.slice(appointment.id.length + 1)));
      if (data && moveOn) focusNow(workTarget(data, appointment, step.id, done));
      const startedAt = turnedTo.current?.id === appointment.id ? turnedTo.current.at : undefined;
      const refusal = await perform(visitCommands.record(appointment.id, step.id, value, startedAt), true);
      if (refusal !== null) {
        recording.delete(key);
        if (moveOn) focusNow(`step:${key}`);
        else setFailure(refusal);
      }
      return refusal;
    },
    finish: async (...args: Parameters<typeof visitCommands.finish> extends [string, ...infer Rest] ? Rest : never) => {
      const refusal = await perform(visitCommands.finish(appointment.id, ...args), true);
      if (refusal === null) {
        const [, , sendOn] = args;
        setAnnouncement(
          sendOn ? t('visitTransferredTo', { name: appointment.personName, service: t(`service_${sendOn.service}`) }) : t('visitCompleted', { name: appointment.personName, outcome: t(`status_${args[0] === 'completed' ? 'completed' : 'partial'}`) }),
        );
        await onToNextPerson(appointment);
      }
      return refusal;
    },
    park: async (reason: string | null) => {
      const refusal = await perform(visitCommands.park(appointment.id, reason), true);
      if (refusal === null) {
        setAnnouncement(t('visitParked', { name: appointment.personName }));
        await onToNextPerson(appointment);
      }
      return refusal;
    },
    toOtherDesk: async (deskId: string | null, reason: string | null) => {
      const refusal = await perform(visitCommands.toOtherDesk(appointment.id, appointment.service, deskId, reason), true);
      if (refusal === null) {
        setAnnouncement(t('visitTransferredTo', { name: appointment.personName, service: deskId ?? t(`service_${appointment.service}`) }));
        await onToNextPerson(appointment);
      }
      return refusal;
    },
    note: (text: string) => perform(visitCommands.note(appointment.id, text), true),
  });

  // Shortcuts that work anywhere on the screen, typing included (Alt combinations never type).
  const onKey = (event: KeyboardEvent) => {
    if (event.defaultPrevented) return;
    if (event.key === 'Escape') {
      event.preventDefault();
      onLeave();
    } else if (event.key === 'PageDown' || event.key === 'PageUp') {
      event.preventDefault();
      moveBy(event.key === 'PageDown' ? 1 : -1);
    } else if (event.altKey && !event.ctrlKey && selected) {
      const target = { KeyS: `summary:${selected.id}`, KeyN: `note:${selected.id}` }[event.code];
      const side = ({ KeyP: 'park', KeyT: 'desk' } as const)[event.code as 'KeyP' | 'KeyT'];
      if (target) focusNow(target);
      if (side) setPanel(side);
      if (target || side) event.preventDefault();
      if (event.code === 'KeyR') {
        // The key clicks the button that shows it, so key and mouse take one path (none: nothing to print).
        event.preventDefault();
        screenRef.current?.querySelector<HTMLButtonElement>(`button[aria-keyshortcuts="${PRINT_RECEIPT_SHORTCUT}"]:not([disabled])`)?.click();
      }
    }
  };
  // A scan while no text field has the focus goes to the first open step whose format takes it
  // (the card number, scanned while the "Done" button of an earlier step has the focus).
  useVisitScanner((text) => {
    const found = data && selected?.status === 'in-service' ? personChecklist(data.checklists, selected, data.persons.get(selected.personId)) : undefined;
    const open = found?.ok ? found.checklist.steps.filter((step) => step.kind === 'text' && found.checklist.recorded[step.id] === undefined) : [];
    const step = open.find((candidate) => checkStepValue(candidate, { kind: 'text', text }).ok);
    if (!step || !selected) {
      setFailure(t('visitScanNoStep', { code: text }));
      return;
    }
    const checked = checkStepValue(step, { kind: 'text', text });
    if (checked.ok) void actionsFor(selected).record(step, checked.value, false);
  });
  // Subscribed anew with every render, so the handler always sees the visit as shown.
  useEffect(() => {
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const stillHere = appointments.some(atDesk);
  return (
    <section className="visit" aria-labelledby="visit-title" ref={screenRef}>
      <div className="visit__bar">
        <h1 id="visit-title">{t('visitTitle')}</h1>
        <button type="button" ref={register('back')} onClick={onLeave}>
          {t('visitBack')} <kbd aria-hidden="true">Esc</kbd>
        </button>
      </div>
      <p className="visit__announcement" role="status">
        {announcement}
      </p>
      {failure && (
        <p role="alert" className="visit-error">
          {failure}
        </p>
      )}
      {!data && <p>{t('visitLoading')}</p>}
      {data && !stillHere && <p>{t('visitAllDone')}</p>}
      {data && selected && (
        <PersonTabs appointments={appointments} selectedId={selected.id} onSelect={(appointment) => choose(appointment, `tab:${appointment.id}`)} register={register}>
          <PersonVisit
            key={selected.id}
            appointment={selected}
            checklist={personChecklist(data.checklists, selected, data.persons.get(selected.personId))}
            calledCount={called.length}
            sendOnChoices={sendOnChoices(selected, data.related)}
            otherDeskIds={data.otherDeskIds}
            panel={panel}
            onPanel={(next) => {
              setPanel(next);
              if (next === null) focusNow(workTarget(data, selected));
            }}
            onError={setFailure}
            register={register}
            printing={printing}
            actions={actionsFor(selected)}
          />
        </PersonTabs>
      )}
      <VisitShortcuts printsReceipts={printing !== undefined} />
    </section>
  );
}
