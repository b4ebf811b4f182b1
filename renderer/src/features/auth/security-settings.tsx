import { useLiveQuery } from 'dexie-react-hooks';
import type { DeskBridge } from '../../../../shared/ipc/desk-bridge';
import type { DeskDatabase } from '../../db/desk-db';
import { readMeta, writeMeta } from '../../db/desk-meta';
import { useI18n } from '../../i18n/i18n';
import { DEFAULT_IDLE_LOCK_MINUTES, lockDesk } from './desk-lock';
import { LabelledForm } from './labelled-form';
import { setDeskPin } from './set-pin';

/** The signed-in clerk sets a PIN for unlocking, and the desk's idle minutes before it locks. */
export function DeskSecuritySettings({ db, bridge }: { db: DeskDatabase; bridge: DeskBridge }) {
  const { t } = useI18n();
  const minutes = useLiveQuery(async () => (await readMeta(db.meta, 'idleLockMinutes')) ?? DEFAULT_IDLE_LOCK_MINUTES, [db]);
  return (
    <section className="security" aria-label={t('lockSettingsTitle')}>
      <LabelledForm
        title={t('pinTitle')}
        help={t('pinHelp')}
        fields={[
          { name: 'pin', label: t('pinNew'), type: 'password', inputMode: 'numeric', autoComplete: 'off' },
          { name: 'repeated', label: t('pinRepeat'), type: 'password', inputMode: 'numeric', autoComplete: 'off' },
        ]}
        submitLabel={t('pinSubmit')}
        busyLabel={t('lockBusy')}
        clearOnSuccess
        submit={async (form) => {
          const result = await setDeskPin(bridge, String(form.get('pin')), String(form.get('repeated')));
          return result.ok ? { ok: true, message: t('pinSaved') } : { ok: false, error: t(`pinError_${result.reason}`) };
        }}
      />
      {/* No min/max on the field: the range is checked here, so the clerk reads it in the desk's language, not the browser's. */}
      {minutes !== undefined && (
        <LabelledForm
          title={t('lockSettingsTitle')}
          fields={[{ name: 'minutes', label: t('lockIdleMinutes'), type: 'number', inputMode: 'numeric', defaultValue: String(minutes) }]}
          submitLabel={t('lockIdleSave')}
          busyLabel={t('lockBusy')}
          autoFocus={false}
          submit={async (form) => {
            const value = Number(form.get('minutes'));
            if (!Number.isInteger(value) || value < 1 || value > 60) return { ok: false, error: t('lockIdleInvalid') };
            await writeMeta(db.meta, 'idleLockMinutes', value);
            return { ok: true, message: t('lockIdleSaved', { count: value }) };
          }}
        />
      )}
    </section>
  );
}

/** Locks the desk at once (the clerk steps away). */
export function LockNowButton({ db }: { db: DeskDatabase }) {
  const { t } = useI18n();
  return (
    <button type="button" className="shell__language" onClick={() => void lockDesk(db)}>
      {t('lockNow')}
    </button>
  );
}
