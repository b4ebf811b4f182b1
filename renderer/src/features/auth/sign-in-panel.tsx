import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import type { DeskBridge } from '../../../../shared/ipc/desk-bridge';
import type { DeskDatabase } from '../../db/desk-db';
import { readMeta } from '../../db/desk-meta';
import { useI18n } from '../../i18n/i18n';
import { registerThisDesk, signInOnDesk, type AuthFailureReason } from './desk-auth';

type Submit = (form: FormData) => Promise<{ ok: true } | { ok: false; reason: AuthFailureReason }>;

/** A small form: labelled fields, Enter submits, the error is announced. */
function AuthForm({ title, help, fields, submitLabel, submit }: {
  title: string;
  help?: string;
  fields: { name: string; label: string; type?: string; autoComplete?: string }[];
  submitLabel: string;
  submit: Submit;
}) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<AuthFailureReason | null>(null);
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setBusy(true);
    const result = await submit(new FormData(event.currentTarget));
    setBusy(false);
    setError(result.ok ? null : result.reason);
  };
  return (
    <form className="auth" aria-labelledby="auth-title" onSubmit={(event) => void onSubmit(event)}>
      <h2 id="auth-title">{title}</h2>
      {help && <p>{help}</p>}
      {fields.map((field, index) => (
        <label key={field.name} className="auth__field">
          {field.label}
          <input name={field.name} type={field.type ?? 'text'} autoComplete={field.autoComplete} required autoFocus={index === 0} />
        </label>
      ))}
      <button type="submit" disabled={busy}>{busy ? t('signInBusy') : submitLabel}</button>
      {error && <p role="alert" className="auth__error">{t(`authError_${error}`)}</p>}
    </form>
  );
}

/**
 * Unsent events belong to the desk, not to the clerk who signed out: they stay in the outbox and
 * go with the next sign-in. Said here, where the desk waits for that sign-in.
 */
function KeptChangesNotice({ db }: { db: DeskDatabase }) {
  const { t } = useI18n();
  const counts = useLiveQuery(
    async () => ({ pending: await db.outbox.where('state').equals('pending').count(), rejected: await db.outbox.where('state').equals('rejected').count() }),
    [db],
  );
  if (!counts || (counts.pending === 0 && counts.rejected === 0)) return null;
  return (
    <div role="status" className="auth__kept">
      {counts.pending > 0 && <p>{t('safetySignedOutPending', { count: counts.pending })}</p>}
      {counts.rejected > 0 && <p>{t('safetySignedOutRejected', { count: counts.rejected })}</p>}
    </div>
  );
}

/** Registration (once per desk) and then the clerk's online sign-in. */
export function SignInPanel({ db, bridge }: { db: DeskDatabase; bridge: DeskBridge }) {
  return (
    <>
      <KeptChangesNotice db={db} />
      <SignInForms db={db} bridge={bridge} />
    </>
  );
}

function SignInForms({ db, bridge }: { db: DeskDatabase; bridge: DeskBridge }) {
  const { t } = useI18n();
  const deviceId = useLiveQuery(async () => (await readMeta(db.meta, 'deviceId')) ?? null, [db]);
  if (deviceId === undefined) return null;
  if (deviceId === null) {
    return (
      <AuthForm
        title={t('registerTitle')}
        help={t('registerHelp')}
        fields={[{ name: 'code', label: t('registerCode'), autoComplete: 'off' }, { name: 'name', label: t('registerName') }]}
        submitLabel={t('registerSubmit')}
        submit={(form) => registerThisDesk(db, bridge, { code: String(form.get('code')), name: String(form.get('name')) })}
      />
    );
  }
  return (
    <AuthForm
      title={t('signInTitle')}
      fields={[
        { name: 'username', label: t('signInUsername'), autoComplete: 'username' },
        { name: 'password', label: t('signInPassword'), type: 'password', autoComplete: 'current-password' },
      ]}
      submitLabel={t('signInSubmit')}
      submit={(form) => signInOnDesk(db, bridge, { username: String(form.get('username')), password: String(form.get('password')) })}
    />
  );
}
