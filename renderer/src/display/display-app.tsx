import { useCallback, useEffect, useState } from 'react';
import { DisplayBoard } from './display-board';
import { forgetDisplayCredential, loadDisplayCredential, saveDisplayCredential, type DisplayCredential } from './display-credential';
import { DisplaySetup } from './display-setup';
import type { DisplayLanguage } from './display-texts';

// Without ?lang= the screen alternates, so both Dutch and English readers find their turn.
const ALTERNATE_MS = 10_000;

function useLanguage(fixed: DisplayLanguage | null): DisplayLanguage {
  const [language, setLanguage] = useState<DisplayLanguage>(fixed ?? 'nl');
  useEffect(() => {
    if (fixed) return;
    const timer = setInterval(() => setLanguage((current) => (current === 'nl' ? 'en' : 'nl')), ALTERNATE_MS);
    return () => clearInterval(timer);
  }, [fixed]);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  return language;
}

/** The waiting-room display of one location: first run registers it, then it shows the calls. */
export function DisplayApp({ locationId, fixedLanguage, storage }: { locationId: string; fixedLanguage: DisplayLanguage | null; storage: Storage }) {
  const [credential, setCredential] = useState<DisplayCredential | null>(() => loadDisplayCredential(storage, locationId));
  // While the code is typed the language stays put: alternating would relabel the form under the hands.
  const language = useLanguage(credential ? fixedLanguage : (fixedLanguage ?? 'nl'));
  const registered = useCallback(
    (next: DisplayCredential) => {
      saveDisplayCredential(storage, next);
      setCredential(next);
    },
    [storage],
  );
  const revoked = useCallback(() => {
    forgetDisplayCredential(storage, locationId);
    setCredential(null);
  }, [storage, locationId]);
  if (!credential) return <DisplaySetup locationId={locationId} language={language} onRegistered={registered} />;
  return <DisplayBoard credential={credential} language={language} onRevoked={revoked} />;
}
