import { useId, useState, type FormEvent, type HTMLAttributes } from 'react';

export interface FormField {
  name: string;
  label: string;
  type?: 'text' | 'password' | 'number';
  autoComplete?: string;
  inputMode?: HTMLAttributes<HTMLInputElement>['inputMode'];
  defaultValue?: string;
}

export type FormOutcome = { ok: true; message?: string } | { ok: false; error: string };

/**
 * A small keyboard form: labelled fields, the first one focused, Enter submits, the button says it
 * is busy, an error is announced (role=alert) and a success message read out (role=status).
 */
export function LabelledForm({ title, help, fields, submitLabel, busyLabel, submit, autoFocus = true, clearOnSuccess = false }: {
  /** The form's heading and name; leave it out for a form inside a titled screen. */
  title?: string;
  help?: string;
  fields: FormField[];
  submitLabel: string;
  busyLabel: string;
  submit: (form: FormData) => Promise<FormOutcome>;
  autoFocus?: boolean;
  clearOnSuccess?: boolean;
}) {
  const titleId = useId();
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<FormOutcome | null>(null);
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    setBusy(true);
    const result = await submit(new FormData(form));
    setBusy(false);
    setOutcome(result);
    if (result.ok && clearOnSuccess) form.reset();
  };
  return (
    <form className="auth" aria-labelledby={title ? titleId : undefined} onSubmit={(event) => void onSubmit(event)}>
      {title && <h2 id={titleId}>{title}</h2>}
      {help && <p>{help}</p>}
      {fields.map((field, index) => (
        <label key={field.name} className="auth__field">
          {field.label}
          <input
            name={field.name}
            type={field.type ?? 'text'}
            autoComplete={field.autoComplete}
            inputMode={field.inputMode}
            defaultValue={field.defaultValue}
            required
            autoFocus={autoFocus && index === 0}
          />
        </label>
      ))}
      <button type="submit" disabled={busy}>{busy ? busyLabel : submitLabel}</button>
      {outcome && !outcome.ok && <p role="alert" className="auth__error">{outcome.error}</p>}
      {outcome?.ok && outcome.message && <p role="status">{outcome.message}</p>}
    </form>
  );
}
