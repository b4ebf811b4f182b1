import { useState, type FormEvent } from 'react';
import { registerDisplay, type DisplayCredential, type RegistrationProblem } from './display-credential';
import { displayText, type DisplayLanguage } from './display-texts';

/**
 * First run of a display: the one-time code an admin made for a display of this location. Enter
 * submits; a refusal is announced and the typed code stays, so nothing has to be typed again.
 */
export function DisplaySetup({ locationId, language, onRegistered }: { locationId: string; language: DisplayLanguage; onRegistered: (credential: DisplayCredential) => void }) {
  const [code, setCode] = useState('');
  const [name, setName] = useState(() => displayText(language, 'nameDefault'));
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<{ problem: RegistrationProblem; location?: string } | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setProblem(null);
    const result = await registerDisplay({ code, name, locationId });
    setBusy(false);
    if (result.ok) onRegistered(result.credential);
    else setProblem(result);
  }

  return (
    <main className="display-setup">
      <h1>{displayText(language, 'setupTitle')}</h1>
      <p>{displayText(language, 'setupIntro')}</p>
      <form onSubmit={(event) => void submit(event)} aria-describedby={problem ? 'display-setup-problem' : undefined}>
        <label htmlFor="display-code">{displayText(language, 'codeLabel')}</label>
        <input id="display-code" value={code} onChange={(event) => setCode(event.target.value)} autoComplete="off" spellCheck={false} required minLength={8} autoFocus />
        <label htmlFor="display-name">{displayText(language, 'nameLabel')}</label>
        <input id="display-name" value={name} onChange={(event) => setName(event.target.value)} required maxLength={100} />
        <button type="submit" disabled={busy}>
          {busy ? displayText(language, 'registering') : displayText(language, 'register')}
        </button>
        {problem && (
          <p id="display-setup-problem" className="display-setup-problem" role="alert">
            {displayText(language, problem.problem, { location: problem.location ?? '' })}
          </p>
        )}
      </form>
    </main>
  );
}
