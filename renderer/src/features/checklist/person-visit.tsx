/**
 * One person of the visit: who they are (name, age at the appointment date, category), what the
 * checklist says about them (flags, and the steps that do not apply with why), then the work:
 * start when they sit down, the steps, the summary, park or another desk, and notes.
 */
import type { ChecklistStep } from '../../../../shared/checklists/definition-schema';
import type { StepValue } from '../../../../shared/checklists/step-value';
import { ageOn } from '../../../../shared/domain/calendar-date';
import type { OutcomeCode } from '../../../../shared/domain/codes';
import type { Failure } from '../../../../shared/domain/messages';
import type { LocalAppointment } from '../../db/desk-db';
import { useI18n } from '../../i18n/i18n';
import type { ReceiptPrinting } from './handout-receipt';
import { StepForm } from './step-form';
import type { SendOn } from './visit-actions';
import type { PersonChecklist } from './visit-model';
import { VisitSummary, type SendOnChoice } from './visit-summary';
import { DeskTransferPanel, ParkPanel, VisitNotes } from './visit-side-panels';
import type { WhyPart } from './why-not-applicable';

export type SidePanel = 'park' | 'desk' | null;

export interface PersonVisitProps {
  readonly appointment: LocalAppointment;
  readonly checklist: { ok: true; checklist: PersonChecklist } | Failure;
  readonly calledCount: number;
  readonly sendOnChoices: readonly SendOnChoice[];
  readonly otherDeskIds: readonly string[];
  readonly panel: SidePanel;
  readonly onPanel: (panel: SidePanel) => void;
  readonly onError: (message: string | null) => void;
  readonly register: (key: string) => (element: HTMLElement | null) => void;
  /** The host's printing of handouts; absent where it cannot print. */
  readonly printing?: ReceiptPrinting;
  readonly actions: {
    start(): void;
    recall(): void;
    noShow(): void;
    record(step: ChecklistStep, value: StepValue): Promise<string | null>;
    finish(outcome: Exclude<OutcomeCode, 'no-show'>, reason: string | null, sendOn: SendOn | null): Promise<string | null>;
    park(reason: string | null): Promise<string | null>;
    toOtherDesk(deskId: string | null, reason: string | null): Promise<string | null>;
    note(text: string): Promise<string | null>;
  };
}

function PersonHeader({ appointment }: { readonly appointment: LocalAppointment }) {
  const { t } = useI18n();
  const age = ageOn(appointment.dateOfBirth, appointment.date);
  const category = appointment.nationalityCategory.replaceAll('-', '_') as 'eu_eea_ch' | 'eu_family_member' | 'other';
  return (
    <header className="visit-person__header">
      <h2>{appointment.personName}</h2>
      <p className="visit-person__facts">
        <span>{age.years === 0 ? t('visitAgeBaby', { months: age.months }) : t('visitAge', { years: age.years })}</span>
        <span>{t('visitBorn', { date: appointment.dateOfBirth })}</span>
        <span>{t(`visitCategory_${category}`)}</span>
        {appointment.vNumber && <span>{t('visitVNumber', { vNumber: appointment.vNumber })}</span>}
        <span>
          {t(`service_${appointment.service}`)} · {t(`status_${appointment.status}`)}
        </span>
      </p>
    </header>
  );
}

function useWhyText() {
  const { t } = useI18n();
  const part = (why: WhyPart): string => {
    switch (why.kind) {
      case 'category':
        return t(`visitCategory_${why.category.replaceAll('-', '_') as 'eu_eea_ch' | 'eu_family_member' | 'other'}`);
      case 'ageUnder':
      case 'ageAtLeast':
        return t(`checklistWhy_${why.kind}`, { years: why.years });
      case 'turned':
      case 'notTurned':
        return t(`checklistWhy_${why.kind}`, { ages: why.ages.join(', ') });
      case 'recentCapture':
      case 'noRecentCapture':
        return t(`checklistWhy_${why.kind}`, { months: why.months });
    }
  };
  return (parts: readonly WhyPart[]) => parts.map(part).join(t('checklistWhyJoin'));
}

function ChecklistNotices({ checklist }: { readonly checklist: PersonChecklist }) {
  const { t, language } = useI18n();
  const whyText = useWhyText();
  return (
    <>
      {checklist.flags.length > 0 && (
        <section className="visit-flags" aria-label={t('checklistFlags')}>
          <ul>
            {checklist.flags.map((flag) => (
              <li key={flag.id} className={`visit-flag visit-flag--${flag.severity}`}>
                {flag.message[language]}
              </li>
            ))}
          </ul>
        </section>
      )}
      {checklist.notApplicable.length > 0 && (
        <section className="visit-not-applicable" aria-label={t('checklistNotApplicable')}>
          <h3>{t('checklistNotApplicable')}</h3>
          <ul>
            {checklist.notApplicable.map(({ step, why }) => (
              <li key={step.id}>{t('checklistNotApplicableItem', { step: step.title[language], reason: whyText(why) })}</li>
            ))}
          </ul>
        </section>
      )}
    </>
  );
}

function CalledActions({ appointment, calledCount, actions, register }: Pick<PersonVisitProps, 'appointment' | 'calledCount' | 'actions' | 'register'>) {
  const { t, formatTime } = useI18n();
  return (
    <div className="visit-called">
      {appointment.calledAt && <p>{t('visitCalledAt', { time: formatTime(appointment.calledAt) })}</p>}
      <div className="visit-actions">
        <button type="button" className="visit-primary" ref={register('start')} onClick={actions.start}>
          {calledCount > 1 ? t('visitStartFamily', { count: calledCount }) : t('visitStart')} <kbd aria-hidden="true">Enter</kbd>
        </button>
        <button type="button" onClick={actions.recall}>
          {t('visitRecall')}
        </button>
        <button type="button" onClick={actions.noShow}>
          {t('visitNoShow')}
        </button>
      </div>
    </div>
  );
}

export function PersonVisit(props: PersonVisitProps) {
  const { t, language } = useI18n();
  const { appointment, checklist: found, actions, register, panel, onPanel, onError } = props;
  if (!found.ok) return <p role="alert" className="visit-error">{found.error.message[language]}</p>;
  const { checklist } = found;
  const inService = appointment.status === 'in-service';
  const canGoElsewhere = appointment.status === 'called' || inService || appointment.status === 'parked';
  return (
    <article className="visit-person">
      <PersonHeader appointment={appointment} />
      <ChecklistNotices checklist={checklist} />
      {appointment.status === 'called' && <CalledActions {...props} />}
      {!inService && appointment.status !== 'called' && <p>{t('visitParkedAway', { status: t(`status_${appointment.status}`) })}</p>}
      {inService && (
        <>
          <ol className="visit-steps" aria-label={t('checklistSteps')}>
            {checklist.steps.map((step, index) => (
              <StepForm
                key={step.id}
                step={step}
                position={index + 1}
                recorded={appointment.steps[step.id]}
                onRecord={(value) => actions.record(step, value)}
                registerFocus={register(`step:${appointment.id}:${step.id}`)}
              />
            ))}
          </ol>
          <VisitSummary
            appointment={appointment}
            checklist={checklist}
            sendOnChoices={props.sendOnChoices}
            otherDeskIds={props.otherDeskIds}
            onFinish={actions.finish}
            registerFocus={register(`summary:${appointment.id}`)}
            printing={props.printing}
          />
        </>
      )}
      {canGoElsewhere && (
        <div className="visit-actions">
          {inService && (
            <button type="button" onClick={() => onPanel(panel === 'park' ? null : 'park')} aria-expanded={panel === 'park'} aria-keyshortcuts="Alt+P">
              {t('visitPark')} <kbd aria-hidden="true">Alt+P</kbd>
            </button>
          )}
          <button type="button" onClick={() => onPanel(panel === 'desk' ? null : 'desk')} aria-expanded={panel === 'desk'} aria-keyshortcuts="Alt+T">
            {t('visitTransferDesk')} <kbd aria-hidden="true">Alt+T</kbd>
          </button>
        </div>
      )}
      {panel === 'park' && inService && <ParkPanel onPark={actions.park} onClose={() => onPanel(null)} onError={onError} />}
      {panel === 'desk' && canGoElsewhere && (
        <DeskTransferPanel otherDeskIds={props.otherDeskIds} onTransfer={actions.toOtherDesk} onClose={() => onPanel(null)} onError={onError} />
      )}
      <VisitNotes notes={appointment.notes} onAdd={actions.note} registerFocus={register(`note:${appointment.id}`)} />
    </article>
  );
}
