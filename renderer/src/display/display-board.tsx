import { useEffect, useMemo, useSyncExternalStore } from 'react';
import type { DisplayCall } from '../../../shared/display/calls-api';
import type { DisplayCredential } from './display-credential';
import { createDisplayFeed } from './display-feed';
import { amsterdamClock, deskNameIn, displayText, type DisplayLanguage } from './display-texts';

function CallLine({ call, language, size }: { call: DisplayCall; language: DisplayLanguage; size: 'latest' | 'earlier' }) {
  const ticket = call.ticket ?? displayText(language, 'noTicket');
  const desk = deskNameIn(language, call.deskName);
  return (
    <p className={`call call-${size}`} aria-label={`${ticket} ${displayText(language, 'goTo')} ${desk}`}>
      <span className="call-ticket">{ticket}</span>
      <span className="call-arrow" aria-hidden="true">→</span>
      <span className="call-desk">{desk}</span>
    </p>
  );
}

/** The calls of the location: the newest large, the ones before it smaller, and how many wait. */
export function DisplayBoard({ credential, language, onRevoked }: { credential: DisplayCredential; language: DisplayLanguage; onRevoked: () => void }) {
  const feed = useMemo(() => createDisplayFeed(credential), [credential]);
  const snapshot = useSyncExternalStore(feed.subscribe, feed.getSnapshot);
  useEffect(() => {
    if (snapshot.revoked) onRevoked();
  }, [snapshot.revoked, onRevoked]);
  const { calls } = snapshot;
  const [latest, ...earlier] = calls?.calls ?? [];
  const waiting = calls?.waiting ?? 0;
  return (
    <main className={`display-board${snapshot.live ? '' : ' display-stale'}`} data-live={snapshot.live}>
      <header className="display-header">
        <h1>{displayText(language, 'title')}</h1>
        {calls && <p className="display-location">{calls.locationName}</p>}
        {calls && (
          <p className="display-waiting" data-testid="waiting">
            {waiting === 1 ? displayText(language, 'waitingOne') : displayText(language, 'waitingMany', { count: waiting })}
          </p>
        )}
      </header>
      {!snapshot.live && (
        <p className="display-stale-notice" role="alert">
          {snapshot.updatedAt ? displayText(language, 'stale', { time: amsterdamClock(snapshot.updatedAt) }) : displayText(language, 'staleNever')}
        </p>
      )}
      <section className="display-latest" aria-labelledby="display-latest-title">
        <h2 id="display-latest-title">{displayText(language, 'latest')}</h2>
        <div aria-live="polite" aria-atomic="true">
          {latest ? <CallLine call={latest} language={language} size="latest" /> : <p className="display-none">{displayText(language, 'noCalls')}</p>}
        </div>
      </section>
      {earlier.length > 0 && (
        <section className="display-earlier" aria-labelledby="display-earlier-title">
          <h2 id="display-earlier-title">{displayText(language, 'earlier')}</h2>
          <ul>
            {earlier.map((call) => (
              <li key={`${call.ticket ?? ''}|${call.deskName}|${call.calledAt}`}>
                <CallLine call={call} language={language} size="earlier" />
              </li>
            ))}
          </ul>
        </section>
      )}
    </main>
  );
}
