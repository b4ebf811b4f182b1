import { useEffect, useState, type FormEvent } from 'react';
import { reportSettingsSchema, type ReportSettings } from '../../../../shared/reports/supervision-api';
import { useI18n } from '../../i18n/i18n';
import { fetchSettings, saveSettings, type SupervisorSession } from './supervisor-api';

/** The location's waiting target and when a quiet desk counts as offline. */
export function SettingsPanel({ session }: { session: SupervisorSession }) {
  const { t } = useI18n();
  const [settings, setSettings] = useState<ReportSettings | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const { serverUrl, token, locationId } = session;
  useEffect(() => {
    void fetchSettings({ serverUrl, token, locationId }).then((answer) => {
      if (answer.ok) setSettings(answer.value);
      else setMessage({ ok: false, text: t(`supervisorError_${answer.error}`) });
    });
  }, [serverUrl, token, locationId, t]);
  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const typed = reportSettingsSchema.safeParse({
      targetWaitSeconds: Math.round(Number(form.get('targetMinutes')) * 60),
      offlineAfterMinutes: Number(form.get('offlineMinutes')),
    });
    if (!typed.success) return setMessage({ ok: false, text: t('supervisorSettingsInvalid') });
    const answer = await saveSettings(session, typed.data);
    if (!answer.ok) return setMessage({ ok: false, text: t(`supervisorError_${answer.error}`) });
    setSettings(answer.value);
    setMessage({ ok: true, text: t('supervisorSettingsSaved') });
  };
  return (
    <section className="supervisor__section" aria-labelledby="settings-title">
      <h2 id="settings-title">{t('supervisorSettingsTitle')}</h2>
      {settings && (
        // noValidate: a wrong number is said in our words (below), the same in every browser.
        <form className="supervisor__period" noValidate onSubmit={(event) => void onSubmit(event)}>
          <label className="supervisor__field">
            {t('supervisorSettingsTarget')}
            <input name="targetMinutes" type="number" min={0.5} max={240} step={0.5} defaultValue={settings.targetWaitSeconds / 60} required />
          </label>
          <label className="supervisor__field">
            {t('supervisorSettingsOffline')}
            <input name="offlineMinutes" type="number" min={1} max={1440} step={1} defaultValue={settings.offlineAfterMinutes} required />
          </label>
          <button type="submit" className="supervisor__button">{t('supervisorSettingsSave')}</button>
        </form>
      )}
      <p role={message && !message.ok ? 'alert' : 'status'} className={message && !message.ok ? 'supervisor__error' : undefined}>{message?.text ?? ''}</p>
    </section>
  );
}
