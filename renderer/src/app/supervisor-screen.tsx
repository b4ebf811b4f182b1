import { useRef, useState, type KeyboardEvent } from 'react';
import type { DeskBridge } from '../../../shared/ipc/desk-bridge';
import { useI18n } from '../i18n/i18n';
import { ConflictReview } from '../features/supervisor/conflict-review';
import { LiveViewPanel } from '../features/supervisor/live-view-panel';
import { ReportPanel } from '../features/supervisor/report-panel';
import { SettingsPanel } from '../features/supervisor/settings-panel';
import { SteeringPanel } from '../features/steering/steering-panel';
import { FastTrackPanel } from '../features/fast-track/fast-track-panel';
import type { LiveViewTiming } from '../features/supervisor/use-live-view';
import '../features/supervisor/supervisor.css';

const TABS = ['live', 'reports', 'steering', 'fastTrack', 'conflicts', 'settings'] as const;
type Tab = (typeof TABS)[number];

export interface SupervisorScreenProps {
  /** The Balie server, e.g. the desk's configured server or the page's own origin. */
  readonly serverUrl: string;
  /** A supervisor's or admin's session token. */
  readonly token: string;
  /** The supervisor's location; null for an admin, who then types one (reports may cover all). */
  readonly locationId: string | null;
  /** Today in Europe/Amsterdam (YYYY-MM-DD): the default report day. */
  readonly today: string;
  readonly liveTiming?: LiveViewTiming;
  /** The desk app's bridge (not in a plain browser): the steering page saves a PDF through it. */
  readonly bridge?: DeskBridge;
}

/**
 * The supervisor's screens: live desks and queue, reports with charts and CSV, conflict review, and
 * the location's settings, as tabs (arrow keys move between them, as in any tab list).
 */
export function SupervisorScreen({ serverUrl, token, locationId, today, liveTiming, bridge }: SupervisorScreenProps) {
  const { t } = useI18n();
  const [tab, setTab] = useState<Tab>('live');
  const [chosenLocation, setChosenLocation] = useState(locationId ?? '');
  const tabRefs = useRef<Record<Tab, HTMLButtonElement | null>>({ live: null, reports: null, steering: null, fastTrack: null, conflicts: null, settings: null });
  const location = locationId ?? (/^[A-Z]{3}$/.test(chosenLocation) ? chosenLocation : null);
  const session = { serverUrl, token, locationId: location };
  const onTabKey = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = TABS.indexOf(tab);
    const next = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: TABS.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const target = TABS[(next + TABS.length) % TABS.length]!;
    setTab(target);
    tabRefs.current[target]?.focus();
  };
  const needsLocation = location === null && tab !== 'reports' && tab !== 'steering' && tab !== 'fastTrack' && tab !== 'conflicts';
  return (
    <div className="supervisor">
      {locationId === null && (
        <label className="supervisor__field supervisor__location">
          {t('supervisorLocation')}
          <input value={chosenLocation} onChange={(event) => setChosenLocation(event.target.value.toUpperCase())} maxLength={3} placeholder="MAA" aria-describedby="supervisor-location-help" />
          <span id="supervisor-location-help" className="supervisor__muted">{t('supervisorLocationHelp')}</span>
        </label>
      )}
      <div role="tablist" aria-label={t('supervisorTabs')} className="supervisor__tabs" onKeyDown={onTabKey}>
        {TABS.map((name) => (
          <button
            key={name}
            ref={(element) => { tabRefs.current[name] = element; }}
            type="button"
            role="tab"
            id={`supervisor-tab-${name}`}
            aria-selected={tab === name}
            aria-controls={`supervisor-panel-${name}`}
            tabIndex={tab === name ? 0 : -1}
            className="supervisor__tab"
            onClick={() => setTab(name)}
          >
            {t(`supervisorTab_${name}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`supervisor-panel-${tab}`} aria-labelledby={`supervisor-tab-${tab}`} className="supervisor__panel">
        {needsLocation && <p>{t('supervisorChooseLocation')}</p>}
        {!needsLocation && tab === 'live' && <LiveViewPanel session={session} timing={liveTiming} />}
        {tab === 'reports' && <ReportPanel session={session} today={today} />}
        {tab === 'steering' && <SteeringPanel session={session} today={today} bridge={bridge} />}
        {tab === 'fastTrack' && <FastTrackPanel session={session} today={today} />}
        {tab === 'conflicts' && <ConflictReview session={session} />}
        {!needsLocation && tab === 'settings' && <SettingsPanel session={session} />}
      </div>
    </div>
  );
}
